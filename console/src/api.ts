/**
 * GraphQL over the hub's public API with urql. Staff requests are authenticated by the session cookie (and
 * carry the CSRF token); the member page's client carries the member's access token instead (kept in memory).
 */
import { Client, cacheExchange, fetchExchange, type CombinedError } from 'urql';
import { csrfHeader } from './session';

export function staffClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    // POST always: the hub's CSRF protections (Apollo's and the session's token) apply to JSON POSTs.
    preferGetMethod: false,
    fetchOptions: () => ({ credentials: 'same-origin', headers: csrfHeader() }),
  });
}

export function bearerClient(token: string): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'network-only',
    preferGetMethod: false,
    fetchOptions: () => ({ credentials: 'omit', headers: { authorization: `Bearer ${token}` } }),
  });
}

/** The hub's stable error code of a failed operation (extensions.code), or a network failure. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.networkError) return 'NETWORK';
  return (error.graphQLErrors[0]?.extensions?.code as string | undefined) ?? 'ERROR';
}
