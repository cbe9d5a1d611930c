/** The domain services, built once per process over one database. */
import type { Config } from './config.js';
import type { Database } from './platform/db/orm.js';
import { PartnerService } from './modules/partners/partner.service.js';
import { MemberService } from './modules/members/member.service.js';
import { LedgerService } from './modules/ledger/ledger.service.js';

export function createServices(db: Database, config: Pick<Config, 'maxPointsPerOperation' | 'hold'>) {
  return {
    partners: new PartnerService(db),
    members: new MemberService(db),
    ledger: new LedgerService(db.sql, { maxPointsPerOperation: config.maxPointsPerOperation, hold: config.hold }),
  };
}

export type Services = ReturnType<typeof createServices>;
