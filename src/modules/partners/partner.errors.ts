/** The partners module's error codes (the catalogue: docs/errors.md). Factories are in partner.exception.ts. */
import type { ErrorCatalogue } from '../../platform/graphql/error-catalogue.js';

const nothing = { retryable: false, writes: false } as const;

export const PARTNER_ERRORS = {
  PARTNER_CODE_TAKEN: { ...nothing, meaning: 'Another partner already has this code.' },
  UNKNOWN_SCOPE: {
    ...nothing,
    meaning: 'No such partner scope in `scopes` (was BAD_USER_INPUT before 2026-12-02).',
  },
} as const satisfies ErrorCatalogue;

export type PartnerErrorCode = keyof typeof PARTNER_ERRORS;
