/** Error codes of the ledger, stable for integrators. */
import { AppError } from '../../platform/graphql/errors.js';

/**
 * A business rejection: final for its idempotency key (a replay returns it
 * again). Thrown only before the operation has written anything.
 */
export class LedgerRejection extends AppError {}

export const LedgerErrors = {
  insufficientPoints: (available: bigint, requested: bigint) =>
    new LedgerRejection(
      'INSUFFICIENT_POINTS',
      `The member has ${available} points available; ${requested} were requested.`,
      {
        available: available.toString(),
        requested: requested.toString(),
      },
    ),
  holdNotActive: (status: string) =>
    new LedgerRejection('HOLD_NOT_ACTIVE', `The hold is ${status.toLowerCase()}, not active.`, { status }),
  captureExceedsHold: (held: bigint) =>
    new LedgerRejection('CAPTURE_EXCEEDS_HOLD', `At most ${held} points can be captured from this hold.`, {
      held: held.toString(),
    }),
  reversalExceedsOriginal: (reversible: bigint) =>
    new LedgerRejection(
      'REVERSAL_EXCEEDS_ORIGINAL',
      `At most ${reversible} more points of this transfer can be reversed.`,
      { reversible: reversible.toString() },
    ),
  notReversible: (kind: string) =>
    new AppError('NOT_REVERSIBLE', `A ${kind} transfer cannot be reversed; reverse earns and redemptions.`),
  keyReused: () =>
    new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was already used for a different request. Use a new key for a new operation.',
    ),
  unknownCurrency: (code: string) =>
    new AppError('UNKNOWN_CURRENCY', `There is no currency "${code}".`, { field: 'currency' }),
  currencyNotIssuable: (code: string) =>
    new AppError('CURRENCY_NOT_ISSUABLE', `This partner cannot issue or accept ${code}.`),
  currencyExists: (code: string) =>
    new AppError('CURRENCY_EXISTS', `Currency "${code}" already exists.`, { field: 'code' }),
};
