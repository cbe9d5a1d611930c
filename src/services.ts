/** The domain services, built once per process over one database. */
import type { Config } from './config.js';
import type { Database } from './platform/db/orm.js';
import type { TokenService } from './platform/auth/token-service.js';
import { PartnerService } from './modules/partners/partner.service.js';
import { MemberService } from './modules/members/member.service.js';
import { ConsentService } from './modules/members/consent.service.js';
import { TierService, parseTiers } from './modules/members/tier.js';
import { MemberTokenService } from './modules/members/member-token.service.js';
import { MemberMergeService } from './modules/members/member-merge.service.js';
import { MemberExportService } from './modules/members/member-export.service.js';
import { LedgerService } from './modules/ledger/ledger.service.js';
import { ExchangeService } from './modules/exchange/exchange.service.js';
import { SettlementService } from './modules/settlement/settlement.service.js';
import { AppClientService } from './modules/identity/app-client.service.js';
import { MemberGrantService } from './modules/identity/member-grant.service.js';
import { HUB_API_RESOURCE } from './modules/identity/oidc.provider.js';
import { systemClock } from './platform/clock.js';

export function createServices(
  db: Database,
  config: Pick<Config, 'maxPointsPerOperation' | 'hold' | 'memberTokenTtlSeconds' | 'tiers' | 'quoteTtlSeconds'>,
  tokens: TokenService,
) {
  const members = new MemberService(db);
  const consents = new ConsentService(db.sql);
  const ledger = new LedgerService(db.sql, { maxPointsPerOperation: config.maxPointsPerOperation, hold: config.hold });
  return {
    partners: new PartnerService(db),
    members,
    consents,
    tiers: new TierService(db.sql, parseTiers(config.tiers)),
    memberTokens: new MemberTokenService(tokens, config.memberTokenTtlSeconds),
    memberMerge: new MemberMergeService(db, members, ledger),
    memberExport: new MemberExportService(members, consents, ledger),
    ledger,
    settlement: new SettlementService(db.sql),
    memberApps: new AppClientService(db.sql),
    memberGrants: new MemberGrantService(db.sql, systemClock, HUB_API_RESOURCE),
    exchange: new ExchangeService(db.sql, ledger, {
      quoteTtlSeconds: config.quoteTtlSeconds,
      maxPointsPerOperation: config.maxPointsPerOperation,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
