/** Per-request DataLoaders of the rewards module: a redemption's reward, a voucher reward's pool level. */
import DataLoader from 'dataloader';
import type { Reward } from './rewards.model.js';
import type { RewardsServices } from './index.js';

export function createRewardsLoaders(services: RewardsServices) {
  return {
    reward: new DataLoader<string, Reward | undefined>(async (ids) => {
      const found = await services.rewards.catalog.byIds(ids);
      return ids.map((id) => found.get(id));
    }),
    rewardPool: new DataLoader<string, { free: number; total: number } | undefined>(async (ids) => {
      const found = await services.rewards.queries.poolLevels(ids);
      return ids.map((id) => found.get(id));
    }),
  };
}

export type RewardsLoaders = ReturnType<typeof createRewardsLoaders>;
