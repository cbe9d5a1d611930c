/** Error factories of the rewards module (codes in rewards.errors.ts). */
import { AppError } from '../../platform/graphql/errors.js';
import { LedgerRejection } from '../ledger/index.js';

/**
 * Rejections of a redemption are LedgerRejections: thrown inside the ledger's operation before anything is
 * written, they are recorded against the idempotency key, so a replay answers the same.
 */
export const RewardsErrors = {
  notRedeemable: (reason: 'NOT_PUBLISHED' | 'NOT_YET_VALID' | 'NO_LONGER_VALID') =>
    new LedgerRejection('REWARD_NOT_REDEEMABLE', `The reward cannot be redeemed now (${reason}).`, { reason }),
  notEligible: (reason: 'TIER' | 'NOT_LINKED') =>
    new LedgerRejection('REWARD_NOT_ELIGIBLE', `The member is not eligible for this reward (${reason}).`, { reason }),
  outOfStock: () => new LedgerRejection('OUT_OF_STOCK', 'The reward is out of stock.'),
  limitReached: (limit: number) =>
    new LedgerRejection('REWARD_LIMIT_REACHED', `The member has redeemed this reward ${limit} times, its limit.`, {
      limit,
    }),
  statusConflict: (status: string, to: string) =>
    new AppError('REWARD_STATUS_CONFLICT', `A ${status.toLowerCase()} reward cannot become ${to.toLowerCase()}.`, {
      status,
    }),
  notPending: (status: string) =>
    new AppError('REDEMPTION_NOT_PENDING', `The redemption is ${status.toLowerCase()}, not pending.`, { status }),
  duplicateCode: (line?: number) =>
    new AppError(
      'DUPLICATE_REWARD_CODE',
      line === undefined
        ? 'A code of the upload is already in the pool, or appears twice in it.'
        : `The code on line ${line} appears earlier in the upload or is already in the pool.`,
      line === undefined ? { field: 'codes' } : { field: 'codes', line },
    ),
};
