/** The ledger's error codes (the catalogue: docs/errors.md). Factories with messages are in ledger.exception.ts. */
import type { ErrorCatalogue } from '../../platform/graphql/error-catalogue.js';

/** A business rejection of a points operation: recorded against its idempotency key, no points moved. */
const rejected = { retryable: false, writes: true } as const;
const nothing = { retryable: false, writes: false } as const;

export const LEDGER_ERRORS = {
  INSUFFICIENT_POINTS: {
    ...rejected,
    meaning:
      'The wallet holds fewer available points than the operation needs (`extensions.available`, `requested`). Recorded against the key: a replay returns it again; use a new key once the member has the points.',
  },
  HOLD_NOT_ACTIVE: {
    ...rejected,
    meaning: 'The hold was already captured, voided or expired (`extensions.status`).',
  },
  CAPTURE_EXCEEDS_HOLD: {
    ...rejected,
    meaning: 'The capture asks for more than the hold reserves (`extensions.held`).',
  },
  REVERSAL_EXCEEDS_ORIGINAL: {
    ...rejected,
    meaning: 'The reversal would take back more than is left of the transfer (`extensions.reversible`).',
  },
  PREPAID_FUNDS_EXHAUSTED: {
    ...rejected,
    meaning:
      "Issuing these points costs more than the partner's prepaid funds left (`extensions.remaining`); a top-up lets a new key succeed.",
  },
  CREDIT_LIMIT_EXCEEDED: {
    ...rejected,
    meaning: "Issuing these points costs more than the partner's postpaid credit left (`extensions.remaining`).",
  },
  NOT_REVERSIBLE: {
    ...nothing,
    meaning: 'Only earns and redemptions can be reversed; this transfer is of another kind.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    ...nothing,
    meaning:
      'This idempotency key was already used by this caller for a different request; the first request stands. Use a new key for a new operation.',
  },
  UNKNOWN_CURRENCY: { ...nothing, meaning: 'There is no points currency with this code (`extensions.field`).' },
  CURRENCY_NOT_ISSUABLE: {
    ...nothing,
    meaning:
      'A branded currency of another partner: this partner can neither issue nor accept it (was FORBIDDEN before 2026-12-02).',
  },
  CURRENCY_EXISTS: { ...nothing, meaning: 'A currency with this code already exists.' },
} as const satisfies ErrorCatalogue;

export type LedgerErrorCode = keyof typeof LEDGER_ERRORS;
