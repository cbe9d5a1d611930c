/** The rewards module's error codes (the catalogue: docs/errors.md). Factories are in rewards.exception.ts. */
import type { ErrorCatalogue } from '../../platform/graphql/error-catalogue.js';

const nothing = { retryable: false, writes: false } as const;

export const REWARDS_ERRORS = {
  REWARD_NOT_REDEEMABLE: {
    ...nothing,
    meaning:
      'The reward cannot be redeemed now: it is not published (a draft, paused or retired) or outside its validity window (`extensions.reason`). Recorded against the idempotency key.',
  },
  REWARD_NOT_ELIGIBLE: {
    ...nothing,
    meaning:
      'The member may not redeem this reward: its coalition tier is below the minimum, or the reward is for members linked to its partner only (`extensions.reason`).',
  },
  OUT_OF_STOCK: {
    ...nothing,
    meaning:
      'No unit of the reward is left (its counted stock, or its voucher codes). Nothing was taken from the member; recorded against the idempotency key.',
  },
  REWARD_LIMIT_REACHED: {
    ...nothing,
    meaning:
      'The member has already redeemed this reward as many times as its per-member limit allows (`extensions.limit`; cancelled and expired redemptions do not count). Recorded against the idempotency key.',
  },
  REWARD_STATUS_CONFLICT: {
    ...nothing,
    meaning:
      'The reward cannot move to that status from its current one (`extensions.status`): e.g. a retired reward never comes back, a published one cannot become a draft.',
  },
  REDEMPTION_NOT_PENDING: {
    ...nothing,
    meaning:
      'The redemption is no longer waiting for fulfilment (`extensions.status`: FULFILLED, CANCELLED or EXPIRED): it was resolved once, and that stands.',
  },
  DUPLICATE_REWARD_CODE: {
    ...nothing,
    meaning:
      "A voucher code appears twice in the upload, or is already in the reward's pool (`extensions.line` is the line of the first duplicate in an upload). Nothing of the upload was saved.",
  },
} as const satisfies ErrorCatalogue;

export type RewardsErrorCode = keyof typeof REWARDS_ERRORS;
