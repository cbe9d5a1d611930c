/** Error codes of settlement, stable for integrators. */
import { AppError } from '../../platform/graphql/errors.js';

export const SettlementErrors = {
  noContract: () => new AppError('NO_CONTRACT', 'This partner has no contract in effect for that time.'),
  versionExists: () =>
    new AppError(
      'CONTRACT_VERSION_EXISTS',
      'A contract version already starts at that instant; versions are never edited.',
      { field: 'effectiveFrom' },
    ),
  backdated: () =>
    new AppError(
      'CONTRACT_BACKDATED',
      'effectiveFrom must not be in the past: transfers already valued are never re-priced.',
      { field: 'effectiveFrom' },
    ),
  termsFixed: (field: string) =>
    new AppError('CONTRACT_TERMS_FIXED', `${field} cannot change between contract versions.`, { field }),
  billingNotImmediate: () =>
    new AppError(
      'BILLING_CHANGE_NOT_IMMEDIATE',
      'A change of billing mode or credit limit takes effect at once: leave effectiveFrom empty.',
      { field: 'effectiveFrom' },
    ),
  billingWhileScheduled: (at: Date) =>
    new AppError(
      'BILLING_CHANGE_WHILE_SCHEDULED',
      `A contract version is scheduled from ${at.toISOString()} with the current billing terms; change billing after it has taken effect.`,
      {
        field: 'billingMode',
        scheduledFrom: at.toISOString(),
      },
    ),
  unknownFiat: (code: string) =>
    new AppError('UNKNOWN_FIAT_CURRENCY', `"${code}" is not an ISO 4217 currency.`, { field: 'settlementCurrency' }),
  negativePrice: (field: string) =>
    new AppError('BAD_USER_INPUT', `${field} must be a decimal of zero or more.`, { field }),
  notPrepaid: () => new AppError('NOT_PREPAID', 'Top-ups are for partners on a prepaid contract.'),
  notPeriodStart: () =>
    new AppError('BAD_USER_INPUT', 'periodStart must be the start of a settlement period of this partner.', {
      field: 'periodStart',
    }),
  periodNotEnded: (end: Date) =>
    new AppError('PERIOD_NOT_ENDED', `This period ends at ${end.toISOString()}; it can be closed after that.`, {
      periodEnd: end.toISOString(),
    }),
  alreadyClosed: () =>
    new AppError('PERIOD_ALREADY_CLOSED', 'This period is already closed; its statement is immutable.'),
  notClosed: () => new AppError('STATEMENT_NOT_CLOSED', 'Only a closed statement can be paid.'),
  alreadyPaid: () => new AppError('STATEMENT_ALREADY_PAID', 'This statement is already marked paid.'),
};
