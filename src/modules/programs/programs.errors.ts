/** The programs module's error codes (the catalogue: docs/errors.md). Factories are in programs.exception.ts. */
import type { ErrorCatalogue } from '../../platform/graphql/error-catalogue.js';

const nothing = { retryable: false, writes: false } as const;

export const PROGRAMS_ERRORS = {
  RULES_INVALID: {
    ...nothing,
    meaning:
      'An earn-rule set or campaign definition is not valid; `extensions.field` is the JSON path of the first bad field and the message says what is wrong. Nothing was saved.',
  },
  RULES_BACKDATED: {
    ...nothing,
    meaning:
      'effectiveFrom is in the past: purchases already evaluated are never re-evaluated, so rules are never backdated.',
  },
  RULES_VERSION_EXISTS: {
    ...nothing,
    meaning: 'A rule-set version already starts at that instant; versions are never edited.',
  },
  PURCHASE_LINES_MISMATCH: {
    ...nothing,
    meaning:
      'The line items do not add up to the total: the sum of quantity × unitPrice over the lines must equal `total` exactly (`extensions.linesTotal`).',
  },
  UNKNOWN_PURCHASE_CURRENCY: { ...nothing, meaning: 'The purchase currency is not an ISO 4217 currency.' },
  CAMPAIGN_EXCLUSIVE_OVERLAP: {
    ...nothing,
    meaning:
      'An EXCLUSIVE campaign may not overlap in time with another EXCLUSIVE campaign of the same partner (`extensions.campaignId` names it).',
  },
  CAMPAIGN_ENDED: {
    ...nothing,
    meaning: 'The campaign has ended (or its end time has passed); it cannot change any more.',
  },
  REFUND_EXCEEDS_PURCHASE: {
    ...nothing,
    meaning:
      'The refund is more than what is left of the purchase to refund (`extensions.refundable`, fiat minor units).',
  },
} as const satisfies ErrorCatalogue;

export type ProgramsErrorCode = keyof typeof PROGRAMS_ERRORS;
