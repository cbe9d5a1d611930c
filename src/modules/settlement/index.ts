/** The settlement module's public API: the only file other modules may import from this folder. */
import type { SettlementService } from './settlement.service.js';

export interface SettlementServices {
  settlement: SettlementService;
}

export type { SettlementService } from './settlement.service.js';
export { BillingMode, SettlementPeriod } from './settlement.model.js';
