/** The staff module's error codes (the catalogue: docs/errors.md): console sign-in and sessions. */
import type { ErrorCatalogue } from '../../platform/graphql/error-catalogue.js';

const nothing = { retryable: false, writes: false } as const;

export const STAFF_ERRORS = {
  SIGN_IN_FAILED: {
    ...nothing,
    meaning:
      'Wrong e-mail or password (the two are not told apart). A failed attempt counts towards the lock-out (HTTP 401).',
  },
  ACCOUNT_LOCKED: {
    ...nothing,
    meaning:
      'Too many wrong passwords in a row: the staff account refuses sign-in until `extensions.lockedUntil` (HTTP 423).',
  },
  SIGN_IN_THROTTLED: {
    retryable: true,
    writes: false,
    meaning: 'Too many sign-in attempts from this address; retry after `Retry-After` seconds (HTTP 429).',
  },
  CSRF_REJECTED: {
    ...nothing,
    meaning:
      'A request authenticated by the console session cookie lacked the session’s `x-csrf-token` header or came from another origin (HTTP 403).',
  },
  STAFF_EMAIL_TAKEN: { ...nothing, meaning: 'A staff account with that e-mail already exists.' },
} as const satisfies ErrorCatalogue;

export type StaffErrorCode = keyof typeof STAFF_ERRORS;
