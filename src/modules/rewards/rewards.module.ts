/** The rewards module: a catalog of rewards with stock and voucher codes; redemption = the ledger's holds. */
import type { HubModule } from '../../platform/module.js';
import type { LedgerServices } from '../ledger/index.js';
import type { MembersServices } from '../members/index.js';
import { Migration20261204300001_rewards } from '../../../migrations/Migration20261204300001_rewards.js';
import { REWARDS_ERRORS, type RewardsErrorCode } from './rewards.errors.js';
import { RewardsService } from './rewards.service.js';
import { RewardRedemptionResolver, RewardResolver, RewardsResolver } from './rewards.resolver.js';
import { createRewardsLoaders, type RewardsLoaders } from './rewards.loaders.js';
import { followHolds } from './redemption.service.js';
import { createCodesUploadHandler } from './codes-upload.handler.js';
import type { RewardsServices } from './index.js';

export const rewardsModule: HubModule<
  RewardsServices,
  LedgerServices & MembersServices,
  RewardsLoaders,
  RewardsErrorCode
> = {
  name: 'rewards',
  dependsOn: ['members', 'ledger'],
  migrations: [Migration20261204300001_rewards],
  errors: REWARDS_ERRORS,
  services: ({ db, config }, deps) => {
    // A pending redemption follows its hold: fulfilled, cancelled or expired with it, in its transaction.
    deps.ledger.holdHooks.push(followHolds);
    return {
      rewards: new RewardsService(db.sql, deps.ledger, deps, {
        maxPrice: config.maxPointsPerOperation,
        maxFulfilmentSeconds: config.hold.maxTtlSeconds,
      }),
    };
  },
  loaders: createRewardsLoaders,
  resolvers: [RewardsResolver, RewardResolver, RewardRedemptionResolver],
  routes: ({ services, authenticate }) => ({
    '/rewards/codes': createCodesUploadHandler(services.rewards, authenticate),
  }),
};
