/** Error codes of the exchange, stable for integrators. */
import { AppError } from '../../platform/graphql/errors.js';
import { LedgerRejection } from '../ledger/index.js';

export const ExchangeErrors = {
  identicalCurrencies: () =>
    new AppError('IDENTICAL_CURRENCIES', 'from and to must be different currencies.', { field: 'to' }),
  notConvertible: () => new AppError('NOT_CONVERTIBLE', 'Conversions go between PTS and branded currencies.'),
  rateUnavailable: (currency: string, direction: string) =>
    new AppError('RATE_UNAVAILABLE', `No ${direction} rate is in effect for ${currency}.`, { currency, direction }),
  belowMinimum: (minimum: bigint) =>
    new AppError('BELOW_MINIMUM', `The amount must be at least ${minimum}.`, {
      minimum: minimum.toString(),
      field: 'amount',
    }),
  notAMultiple: (increment: bigint) =>
    new AppError('NOT_A_MULTIPLE', `The amount must be a multiple of ${increment}.`, {
      increment: increment.toString(),
      field: 'amount',
    }),
  tooSmall: () =>
    new AppError('CONVERSION_TOO_SMALL', 'The amount converts to less than one unit of the target currency.', {
      field: 'amount',
    }),
  invalidRate: (field: string, why: string) => new AppError('INVALID_RATE', `${field} ${why}`, { field }),
  rateVersionExists: () =>
    new AppError(
      'RATE_VERSION_EXISTS',
      'A rate for this currency and direction already starts at that instant; rates are never edited.',
      { field: 'effectiveFrom' },
    ),
  backdated: () =>
    new AppError(
      'RATE_BACKDATED',
      'effectiveFrom must not be in the past: rates already in effect are never rewritten.',
      { field: 'effectiveFrom' },
    ),
  arbitrage: (cycle: string[], product: string) =>
    new AppError(
      'ARBITRAGE_CYCLE',
      `This rate would make the round trip ${cycle.join(' → ')} profitable (factor ${product}).`,
      { cycle, product },
    ),
  notBranded: (code: string) =>
    new AppError(
      'NOT_BRANDED',
      `${code} is not a branded currency; rates are set for branded currencies against PTS.`,
      { field: 'currency' },
    ),
  quoteExpired: () => new LedgerRejection('QUOTE_EXPIRED', 'The quote has expired; ask for a new one.'),
  quoteUsed: () => new LedgerRejection('QUOTE_ALREADY_USED', 'The quote was already used; ask for a new one.'),
};
