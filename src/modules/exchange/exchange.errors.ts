/** The exchange's error codes (the catalogue: docs/errors.md). Factories are in exchange.exception.ts. */
import type { ErrorCatalogue } from '../../platform/graphql/error-catalogue.js';

const rejected = { retryable: false, writes: true } as const;
const nothing = { retryable: false, writes: false } as const;

export const EXCHANGE_ERRORS = {
  IDENTICAL_CURRENCIES: { ...nothing, meaning: '`from` and `to` are the same currency.' },
  NOT_CONVERTIBLE: {
    ...nothing,
    meaning: 'Conversions go between PTS and branded currencies (or between two branded ones through PTS).',
  },
  NOT_BRANDED: {
    ...nothing,
    meaning:
      'Rates are set for branded currencies against PTS; this currency is not branded (was NOT_CONVERTIBLE before 2026-12-02).',
  },
  RATE_UNAVAILABLE: {
    ...nothing,
    meaning: 'No rate is in effect for this currency and direction (`extensions.currency`, `direction`).',
  },
  BELOW_MINIMUM: { ...nothing, meaning: "The amount is below the rate's minimum amount (`extensions.minimum`)." },
  NOT_A_MULTIPLE: {
    ...nothing,
    meaning: "The amount is not a multiple of the rate's increment (`extensions.increment`).",
  },
  CONVERSION_TOO_SMALL: {
    ...nothing,
    meaning: 'The amount converts to less than one unit of the target currency (was BELOW_MINIMUM before 2026-12-02).',
  },
  INVALID_RATE: { ...nothing, meaning: 'A rate, spread, minimum or increment is out of range (`extensions.field`).' },
  RATE_BACKDATED: {
    ...nothing,
    meaning:
      'effectiveFrom is in the past: rates already in effect are never rewritten (was INVALID_RATE before 2026-12-02).',
  },
  RATE_VERSION_EXISTS: {
    ...nothing,
    meaning: 'A rate for this currency and direction already starts at that instant; rates are never edited.',
  },
  ARBITRAGE_CYCLE: {
    ...nothing,
    meaning: 'The rate would make a round trip profitable (`extensions.cycle`, `product`).',
  },
  QUOTE_EXPIRED: {
    ...rejected,
    meaning: 'The quote is past its lifetime; ask for a new one (and use a new idempotency key).',
  },
  QUOTE_ALREADY_USED: {
    ...rejected,
    meaning: 'The quote was already used by another conversion; ask for a new one.',
  },
} as const satisfies ErrorCatalogue;

export type ExchangeErrorCode = keyof typeof EXCHANGE_ERRORS;
