/** The ledger module's public API: the only file other modules may import from this folder. */
import type { LedgerService } from './ledger.service.js';

export interface LedgerServices {
  ledger: LedgerService;
}

export type { LedgerService } from './ledger.service.js';
export type { CurrencyService, CurrencyRow } from './currency.service.js';
export type { OperationOutcome } from './operations.js';
export { COALITION_CURRENCY, TransferKind } from './ledger.model.js';
export { checkAmount, checkOrderRef } from './ledger.deps.js';
export { LedgerErrors, LedgerRejection } from './ledger.exception.js';
export { PointsOperationResult } from './ledger.types.js';
export type { PostingContributor, TransferDraft } from './posting.js';
export { LedgerReads } from './ledger.reads.js';
export type { InvariantCheck } from './invariants.js';
export type { EarnLeg, MultiEarnOutcome, MultiEarnRequest } from './multi-earn.service.js';
export type { ReversalRequest } from './reversal.service.js';
export type { HoldResolutionHook, SpendRider } from './redemption.service.js';
export { HoldStatus } from './ledger.model.js';
