/** The domain services, built once per process over one database. */
import type { Database } from './platform/db/orm.js';
import { PartnerService } from './modules/partners/partner.service.js';
import { MemberService } from './modules/members/member.service.js';

export function createServices(db: Database) {
  return {
    partners: new PartnerService(db),
    members: new MemberService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
