/** The members module: the unified profile, links, consent, tiers, member tokens, merge and export. */
import type { HubModule } from '../../platform/module.js';
import { MEMBER_ERRORS, type MemberErrorCode } from './member.errors.js';
import { Migration20261122000003_member_profile } from '../../../migrations/Migration20261122000003_member_profile.js';
import { Migration20261204400002_member_email } from '../../../migrations/Migration20261204400002_member_email.js';
import { MemberService } from './member.service.js';
import { ConsentService } from './consent.service.js';
import { TierService, parseTiers } from './tier.js';
import { MemberTokenService } from './member-token.service.js';
import { MemberMergeService } from './member-merge.service.js';
import { MemberExportService } from './member-export.service.js';
import { MemberResolver, loadVisibleMember } from './member.resolver.js';
import { createMemberLoaders, type MemberLoaders } from './member.loaders.js';
import type { MembersServices } from './index.js';
import type { OutboxServices } from '../outbox/index.js';
import { MEMBER_EVENT_TYPES } from './member.events.js';

export const membersModule: HubModule<MembersServices, OutboxServices, MemberLoaders, MemberErrorCode> = {
  name: 'members',
  // `member` and `member_link` themselves come with the foundation migration (partners module).
  // Links, merges, erasures and consent changes are events (member.events.ts), written through the outbox.
  dependsOn: ['outbox'],
  migrations: [Migration20261122000003_member_profile, Migration20261204400002_member_email],
  errors: MEMBER_ERRORS,
  services: ({ db, config, tokens }, { outbox }): MembersServices => {
    outbox.declare('members', MEMBER_EVENT_TYPES);
    const members = new MemberService(db, outbox);
    const consents = new ConsentService(db.sql, outbox);
    return {
      members,
      consents,
      tiers: new TierService(db.sql, parseTiers(config.tiers)),
      memberTokens: new MemberTokenService(tokens, config.memberTokenTtlSeconds),
      memberMerge: new MemberMergeService(db, members, outbox),
      memberExport: new MemberExportService(members, consents),
    };
  },
  loaders: createMemberLoaders,
  resolvers: [MemberResolver],
  references: { Member: (ref, ctx) => loadVisibleMember(ctx, ref.id) },
};
