/** Error factories of the programs module (codes in programs.errors.ts). */
import { AppError } from '../../platform/graphql/errors.js';

export const ProgramsErrors = {
  invalid: (field: string, message: string) => new AppError('RULES_INVALID', `${field}: ${message}`, { field }),
  backdated: () =>
    new AppError('RULES_BACKDATED', 'effectiveFrom must not be in the past: rules are never backdated.', {
      field: 'effectiveFrom',
    }),
  versionExists: () =>
    new AppError('RULES_VERSION_EXISTS', 'A rule-set version already starts at that instant.', {
      field: 'effectiveFrom',
    }),
  linesMismatch: (linesTotal: bigint, total: bigint) =>
    new AppError(
      'PURCHASE_LINES_MISMATCH',
      `The line items add up to ${linesTotal}, the total is ${total}: they must be equal.`,
      { field: 'lines', linesTotal: linesTotal.toString() },
    ),
  unknownCurrency: (code: string) =>
    new AppError('UNKNOWN_PURCHASE_CURRENCY', `"${code}" is not an ISO 4217 currency.`, { field: 'currency' }),
  exclusiveOverlap: (campaignId: string) =>
    new AppError(
      'CAMPAIGN_EXCLUSIVE_OVERLAP',
      'This EXCLUSIVE campaign overlaps another EXCLUSIVE campaign of the partner.',
      { campaignId },
    ),
  campaignEnded: () => new AppError('CAMPAIGN_ENDED', 'The campaign has ended.'),
  refundExceeds: (refundable: bigint) =>
    new AppError('REFUND_EXCEEDS_PURCHASE', `At most ${refundable} of this purchase is left to refund.`, {
      field: 'amount',
      refundable: refundable.toString(),
    }),
};
