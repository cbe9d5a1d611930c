/**
 * Errors a client can act on carry a stable `extensions.code`. Anything else
 * is masked as INTERNAL_SERVER_ERROR: no stack, no SQL, no driver message.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDatabaseUnavailable } from '../db/sql.js';
// The closed list of codes: the platform's (error-catalogue.ts) and each module's (<m>.errors.ts).
import type { ErrorCode } from '../../modules/index.js';

export type { ErrorCode };

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...details } });
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'A valid access token is required.');
export const forbidden = (what = 'this operation') =>
  new AppError('FORBIDDEN', `You are not allowed to perform ${what}.`);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found.`);
export const badInput = (message: string, field?: string) =>
  new AppError('BAD_USER_INPUT', message, field ? { field } : undefined);

/** Apollo's own client-facing codes, passed through as they are. */
const CLIENT_CODES = new Set<ErrorCode>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    // `formatted.extensions` is the error's own, minus the `http` hints Apollo has already applied.
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { ...formatted.extensions },
    };
  }
  const code = formatted.extensions?.code;
  if (
    typeof code === 'string' &&
    CLIENT_CODES.has(code as ErrorCode) &&
    !(original instanceof Error && !(original instanceof GraphQLError))
  ) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (['22021', '22P05'].includes((original as { code?: string } | null)?.code ?? '')) {
    // A NUL byte or an unstorable character in some text field: the request's fault, and nothing was written.
    return {
      message: 'A text value contains characters that cannot be stored (e.g. a NUL byte).',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'BAD_USER_INPUT' },
    };
  }
  if (isDatabaseUnavailable(original)) {
    // Not a bug in the request or the hub: retrying the same request (same idempotency key) is safe.
    return {
      message: 'The database is briefly unavailable. Retry the same request with the same idempotency key.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    };
  }
  return {
    message: 'Internal server error.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
