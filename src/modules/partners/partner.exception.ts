/** Error codes of the partners module, stable for integrators. */
import { AppError } from '../../platform/graphql/errors.js';

export const PartnerErrors = {
  codeTaken: (code: string) =>
    new AppError('PARTNER_CODE_TAKEN', `A partner with code "${code}" already exists.`, { field: 'code' }),
  unknownScope: (scope: string) => new AppError('UNKNOWN_SCOPE', `Unknown scope "${scope}".`, { field: 'scopes' }),
  unknownCurrency: (code: string) =>
    new AppError('UNKNOWN_FIAT_CURRENCY', `"${code}" is not an ISO 4217 currency code.`, {
      field: 'settlementCurrency',
    }),
};
