/**
 * GraphQL over real HTTP (fetch), typed by the codegen'd documents: the test
 * speaks to the hub exactly as a partner integration would.
 */
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

export class GraphQLRequestError extends Error {
  constructor(readonly response: GraphQLResponse<unknown>) {
    super(`GraphQL errors (HTTP ${response.status}): ${JSON.stringify(response.errors)}`);
  }
}

/** The answer's data; fails the test when the answer has errors or no data. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) throw new GraphQLRequestError(response);
  return response.data;
}

export function createGraphQLClient(baseUrl: string) {
  const endpoint = `${baseUrl}/graphql`;

  async function gql<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables?: TVariables,
    tokenOrOptions?: string | RequestOptions,
  ): Promise<GraphQLResponse<TResult>> {
    const options = typeof tokenOrOptions === 'string' ? { token: tokenOrOptions } : (tokenOrOptions ?? {});
    return postJson<TResult>({ query: print(document), variables: variables ?? {} }, options);
  }

  /** Like gql, but fails the test unless the answer has data and no errors. */
  async function gqlOk<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables?: TVariables,
    tokenOrOptions?: string | RequestOptions,
  ): Promise<TResult> {
    return dataOf(await gql(document, variables, tokenOrOptions));
  }

  /** Any JSON body (for untyped or deliberately invalid operations). */
  async function postJson<T = unknown>(body: unknown, options: RequestOptions = {}): Promise<GraphQLResponse<T>> {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: { data?: T | null; errors?: GraphQLErrorBody[] } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      throw new Error(`non-JSON answer (HTTP ${res.status}): ${text.slice(0, 200)}`);
    }
    return { status: res.status, headers: res.headers, data: parsed.data, errors: parsed.errors };
  }

  return { endpoint, gql, gqlOk, postJson };
}

export type GraphQLClient = ReturnType<typeof createGraphQLClient>;

/** The `extensions.code` of every error in an answer. */
export const errorCodes = (response: { errors?: GraphQLErrorBody[] }): (string | undefined)[] =>
  (response.errors ?? []).map((e) => e.extensions?.code);
