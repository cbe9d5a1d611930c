/** The members module's error codes (the catalogue: docs/errors.md). Factories are in member.exception.ts. */
import type { ErrorCatalogue } from '../../platform/graphql/error-catalogue.js';

const nothing = { retryable: false, writes: false } as const;

export const MEMBER_ERRORS = {
  IDENTITY_CONFLICT: {
    ...nothing,
    meaning:
      'The verified email and the verified phone belong to two different members: enrol without one of them, or have an operator merge them.',
  },
  MERGE_INTO_SELF: { ...nothing, meaning: 'A member cannot be merged into itself.' },
  MEMBER_MERGED: {
    ...nothing,
    meaning: 'The member was merged into another (`extensions.mergedInto`); act on that one.',
  },
  MEMBER_ERASED: { ...nothing, meaning: 'The member was erased; nothing more can be done with it.' },
  MERGE_BLOCKED_BY_HOLDS: {
    ...nothing,
    meaning: 'The member to merge away has active holds: capture or void them, then merge.',
  },
  UNKNOWN_CONSENT_SCOPE: { ...nothing, meaning: 'No such consent scope (`extensions.field`).' },
} as const satisfies ErrorCatalogue;

export type MemberErrorCode = keyof typeof MEMBER_ERRORS;
