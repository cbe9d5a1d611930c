/**
 * The hub's GraphQL client for a partner's server:
 *
 * - **Tokens.** OAuth2 client credentials at `<url>/oauth/token`; the token is reused until 30 s before it
 *   expires, fetched again then, and once more if the hub answers UNAUTHENTICATED (a rotated key, a clock skew).
 * - **Safe retries.** A request is retried (up to `retries` times, with backoff and jitter) after a network
 *   failure, an HTTP 502/503/504, or `SERVICE_UNAVAILABLE` (the hub wrote nothing) — but only when retrying is
 *   safe: queries, and mutations that carry an idempotency key (the same key is sent again, so the hub returns the
 *   first outcome instead of acting twice). The points helpers below make the key for you.
 * - **Typed documents.** Every operation is a typed document generated from the hub's schema
 *   (`src/gql`, `npm run codegen`); results and variables are checked by TypeScript.
 */
import { randomUUID } from 'node:crypto';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

export interface HubClientOptions {
  /** The hub's base URL, e.g. `https://hub.example.com`. */
  url: string;
  clientId: string;
  clientSecret: string;
  /** Scopes to ask for (space-separated); default: all the credential holds. */
  scope?: string;
  /** Retries of a safe request after a transient failure (default 3). */
  retries?: number;
  /** First backoff in ms (doubled each retry, with jitter; default 200). */
  retryDelayMs?: number;
  fetch?: typeof fetch;
}

/** A GraphQL error from the hub: `code` is its stable `extensions.code` (docs/errors.md of the hub). */
export class HubError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extensions: Record<string, unknown> = {},
    readonly status?: number,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/** A document the hub can run: the generated typed documents are strings with their types attached. */
export type Operation<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

interface Answer<R> {
  status: number;
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

const TRANSIENT_HTTP = new Set([502, 503, 504]);

export class HubClient {
  private token?: { value: string; until: number };
  private readonly fetch: typeof fetch;

  constructor(private readonly options: HubClientOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  /** A fresh idempotency key (a UUID): keep it with your own record of the operation, and reuse it on retry. */
  static idempotencyKey(): string {
    return randomUUID();
  }

  /**
   * Runs an operation. `safeToRetry` says a transient failure may be retried: true for queries; for a mutation
   * only when its input carries an idempotency key (`mutate` below sets it for you).
   */
  async request<R, V>(document: Operation<R, V>, variables: V, safeToRetry: boolean): Promise<R> {
    const attempts = safeToRetry ? (this.options.retries ?? 3) + 1 : 1;
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      let answer: Answer<R>;
      try {
        answer = await this.send(document, variables);
      } catch (error) {
        // The network failed: nothing is known of the outcome; only a safe request may go again.
        if (attempt < attempts) {
          await this.backoff(attempt);
          continue;
        }
        throw error;
      }
      const first = answer.errors?.[0];
      const code = first?.extensions?.code ?? (answer.status >= 400 ? `HTTP_${answer.status}` : undefined);
      if ((code === 'UNAUTHENTICATED' || answer.status === 401) && !refreshed) {
        refreshed = true;
        this.token = undefined;
        attempt--;
        continue;
      }
      if ((code === 'SERVICE_UNAVAILABLE' || TRANSIENT_HTTP.has(answer.status)) && attempt < attempts) {
        await this.backoff(attempt);
        continue;
      }
      if (first || !answer.data)
        throw new HubError(
          first?.message ?? `HTTP ${answer.status}`,
          code ?? 'UNKNOWN',
          first?.extensions,
          answer.status,
        );
      return answer.data;
    }
  }

  /** A query: retried after transient failures. */
  query<R, V>(document: Operation<R, V>, variables: V): Promise<R> {
    return this.request(document, variables, true);
  }

  /**
   * A mutation whose `input` takes an `idempotencyKey` (every points operation): the key is made when missing,
   * and the same key is sent on every retry, so the operation happens at most once.
   */
  mutate<R, V extends { input: { idempotencyKey?: string | null } }>(
    document: Operation<R, V>,
    variables: V,
  ): Promise<R> {
    const input = { ...variables.input, idempotencyKey: variables.input.idempotencyKey ?? HubClient.idempotencyKey() };
    return this.request(document, { ...variables, input }, true);
  }

  private async send<R, V>(document: Operation<R, V>, variables: V): Promise<Answer<R>> {
    const res = await this.fetch(`${this.options.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.accessToken()}` },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    const text = await res.text();
    let body: Omit<Answer<R>, 'status'> = {};
    try {
      body = JSON.parse(text) as Omit<Answer<R>, 'status'>;
    } catch {
      // A proxy's HTML error page: the status tells what happened.
    }
    return { status: res.status, ...body };
  }

  /** The current access token, fetched with the client credentials when missing or about to expire. */
  async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
      ...(this.options.scope ? { scope: this.options.scope } : {}),
    });
    const res = await this.fetch(`${this.options.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const body = (await res.json()) as { access_token?: string; expires_in?: number; error?: string };
    if (!res.ok || !body.access_token)
      throw new HubError(
        `token endpoint: ${body.error ?? res.status}`,
        body.error ?? `HTTP_${res.status}`,
        {},
        res.status,
      );
    const lifetime = (body.expires_in ?? 60) * 1000;
    this.token = { value: body.access_token, until: Date.now() + Math.max(lifetime - 30_000, lifetime / 2) };
    return body.access_token;
  }

  private backoff(attempt: number): Promise<void> {
    const ceiling = (this.options.retryDelayMs ?? 200) * 2 ** (attempt - 1);
    return new Promise((resolve) => setTimeout(resolve, ceiling / 2 + (Math.random() * ceiling) / 2));
  }
}

/** A page of a Relay connection, as the hub returns them. */
export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Every node of a paged list, page after page: `for await (const t of pages((after) => …))`. */
export async function* pages<T>(fetchPage: (after: string | null) => Promise<Page<T>>): AsyncGenerator<T> {
  let after: string | null = null;
  for (;;) {
    const page: Page<T> = await fetchPage(after);
    yield* page.nodes;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}

/** Every node of a paged list, in one array. */
export async function allPages<T>(fetchPage: (after: string | null) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  for await (const node of pages(fetchPage)) out.push(node);
  return out;
}
