/** Settlement's error codes (the catalogue: docs/errors.md). Factories are in settlement.exception.ts. */
import type { ErrorCatalogue } from '../../platform/graphql/error-catalogue.js';

const nothing = { retryable: false, writes: false } as const;

export const SETTLEMENT_ERRORS = {
  NO_CONTRACT: { ...nothing, meaning: 'The partner has no contract in effect for that time.' },
  CONTRACT_VERSION_EXISTS: {
    ...nothing,
    meaning: 'A contract version already starts at that instant; versions are never edited.',
  },
  CONTRACT_BACKDATED: {
    ...nothing,
    meaning:
      'effectiveFrom is in the past: transfers already valued are never re-priced (was BAD_USER_INPUT before 2026-12-02).',
  },
  CONTRACT_TERMS_FIXED: {
    ...nothing,
    meaning: 'This term (`extensions.field`) cannot change between contract versions.',
  },
  BILLING_CHANGE_NOT_IMMEDIATE: {
    ...nothing,
    meaning:
      'A change of billing mode or credit limit takes effect at once: leave effectiveFrom empty (was BAD_USER_INPUT before 2026-12-02).',
  },
  BILLING_CHANGE_WHILE_SCHEDULED: {
    ...nothing,
    meaning:
      'A contract version is scheduled with the current billing terms (`extensions.scheduledFrom`); change billing after it takes effect (was BAD_USER_INPUT before 2026-12-02).',
  },
  NOT_PREPAID: { ...nothing, meaning: 'Top-ups are for partners on a prepaid contract.' },
  PERIOD_NOT_ENDED: {
    ...nothing,
    meaning: 'The period ends later (`extensions.periodEnd`); it can be closed after that.',
  },
  PERIOD_ALREADY_CLOSED: { ...nothing, meaning: 'The period is already closed; its statement is immutable.' },
  STATEMENT_NOT_CLOSED: { ...nothing, meaning: 'Only a closed statement can be marked paid.' },
  STATEMENT_ALREADY_PAID: { ...nothing, meaning: 'The statement is already marked paid.' },
} as const satisfies ErrorCatalogue;

export type SettlementErrorCode = keyof typeof SETTLEMENT_ERRORS;
