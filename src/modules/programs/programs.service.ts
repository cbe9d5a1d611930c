/** The programs module's services, over one cached view of every partner's program (ProgramStore). */
import type { Outbox } from '../outbox/index.js';
import type { Database } from '../../platform/db/orm.js';
import type { LedgerService } from '../ledger/index.js';
import type { MembersServices } from '../members/index.js';
import type { SettlementService } from '../settlement/index.js';
import { ProgramStore } from './program.store.js';
import { RuleService } from './rule.service.js';
import { CampaignService } from './campaign.service.js';
import { PurchaseService } from './purchase.service.js';
import { RefundService } from './refund.service.js';

export class ProgramsService {
  readonly store: ProgramStore;
  readonly rules: RuleService;
  readonly campaigns: CampaignService;
  readonly purchases: PurchaseService;
  readonly refunds: RefundService;

  constructor(
    db: Database,
    ledger: LedgerService,
    members: MembersServices,
    settlement: SettlementService,
    outbox: Outbox,
  ) {
    this.store = new ProgramStore(db, db.sql);
    this.rules = new RuleService(db.sql, this.store);
    this.campaigns = new CampaignService(db.sql, this.store);
    this.purchases = new PurchaseService(db.sql, this.store, ledger, members, settlement, outbox);
    this.refunds = new RefundService(db.sql, ledger);
  }
}
