/**
 * The error catalogue: every `extensions.code` a client can receive, each with what it means, whether a
 * retry can help, and whether anything was written. The platform's codes are here; each module lists its
 * own in `<m>.errors.ts` (named by its manifest); `src/modules/index.ts` unites them into `ErrorCode`, a
 * closed list. `npm run errors` prints docs/errors.md from it.
 */

export interface ErrorInfo {
  /** What happened, for the integrator, in one or two sentences. */
  meaning: string;
  /** Can sending the same request again (same idempotency key) succeed without changing anything else? */
  retryable: boolean;
  /**
   * Was anything written? Only points operations refused for a business reason write: the rejection is
   * recorded against the idempotency key, so a replay returns it again. No points move.
   */
  writes: boolean;
}

/** A module's codes and what each means. */
export type ErrorCatalogue<Code extends string = string> = { readonly [C in Code]: ErrorInfo };

const nothing = { retryable: false, writes: false } as const;

export const PLATFORM_ERRORS = {
  UNAUTHENTICATED: {
    ...nothing,
    meaning:
      'No valid access token: missing, malformed, badly signed, expired, or its partner suspended, its credentials revoked, its member unlinked, merged away or erased (HTTP 401 outside GraphQL).',
  },
  FORBIDDEN: { ...nothing, meaning: 'The token is valid but its role, scopes or partner do not allow this.' },
  BAD_USER_INPUT: {
    ...nothing,
    meaning: 'An argument is malformed or out of range; `extensions.field` names it when there is one.',
  },
  NOT_FOUND: {
    ...nothing,
    meaning: 'No such object, or one the caller may not see (the two are not told apart), or an id that is not one.',
  },
  THROTTLED: {
    retryable: true,
    writes: false,
    meaning:
      "The partner's query-cost budget is spent (HTTP 429); retry after `extensions.retryAfter` seconds (also the Retry-After header).",
  },
  QUERY_TOO_DEEP: { ...nothing, meaning: 'The operation nests fields deeper than GRAPHQL_MAX_DEPTH.' },
  TOO_MANY_ALIASES: { ...nothing, meaning: 'The operation uses more aliases than GRAPHQL_MAX_ALIASES.' },
  QUERY_TOO_COMPLEX: { ...nothing, meaning: 'The estimated cost of the operation exceeds GRAPHQL_MAX_COST.' },
  BATCH_TOO_LARGE: {
    ...nothing,
    meaning: 'A batched request holds no operation or more than GRAPHQL_MAX_BATCH operations.',
  },
  PAYLOAD_TOO_LARGE: { ...nothing, meaning: 'The request body exceeds BODY_LIMIT_BYTES (HTTP 413).' },
  BAD_REQUEST: { ...nothing, meaning: 'The HTTP request is not a GraphQL request (e.g. a body that is not JSON).' },
  GRAPHQL_PARSE_FAILED: { ...nothing, meaning: 'The operation is not valid GraphQL syntax.' },
  GRAPHQL_VALIDATION_FAILED: { ...nothing, meaning: 'The operation does not validate against the schema.' },
  PERSISTED_QUERY_NOT_FOUND: { ...nothing, meaning: 'Apollo: an automatic persisted query the server does not know.' },
  PERSISTED_QUERY_NOT_SUPPORTED: { ...nothing, meaning: 'Apollo: persisted queries are not supported here.' },
  OPERATION_RESOLUTION_FAILURE: {
    ...nothing,
    meaning: 'Apollo: the operation to run could not be chosen (e.g. several operations and no operationName).',
  },
  UNKNOWN_FIAT_CURRENCY: {
    ...nothing,
    meaning:
      'A settlement currency that is not an ISO 4217 code (`extensions.field`; was BAD_USER_INPUT for partners and UNKNOWN_CURRENCY for contracts before 2026-12-02).',
  },
  SERVICE_UNAVAILABLE: {
    retryable: true,
    writes: false,
    meaning:
      'The database is briefly unreachable (`extensions.retryable: true`); nothing was written: retry the same request with the same idempotency key.',
  },
  INTERNAL_SERVER_ERROR: {
    ...nothing,
    meaning:
      'Anything unexpected, masked (no stack, no SQL) and logged with the request id; its transaction rolled back.',
  },
} as const satisfies ErrorCatalogue;

export type PlatformErrorCode = keyof typeof PLATFORM_ERRORS;
