/** The rewards module's public API: the only file other modules may import from this folder. */
import type { RewardsService } from './rewards.service.js';

export interface RewardsServices {
  rewards: RewardsService;
}

export type { RewardsService } from './rewards.service.js';
