/** The members module's public API: the only file other modules may import from this folder. */
import type { MemberService } from './member.service.js';
import type { ConsentService } from './consent.service.js';
import type { TierService } from './tier.js';
import type { MemberTokenService } from './member-token.service.js';
import type { MemberMergeService } from './member-merge.service.js';
import type { MemberExportService } from './member-export.service.js';

export interface MembersServices {
  members: MemberService;
  consents: ConsentService;
  tiers: TierService;
  memberTokens: MemberTokenService;
  memberMerge: MemberMergeService;
  memberExport: MemberExportService;
}

export { checkCustomerId, checkMemberRef, type MemberRef, type MemberRow } from './member.service.js';
export { MemberNode, MemberRefInput } from './member.types.js';
export { normaliseEmail, normalisePhone } from './member-profile.js';
export { loadVisibleMember } from './member.resolver.js';
export { parseTiers, type QualifyingActivity } from './tier.js';
export type { MergeParticipant } from './member-merge.service.js';
export type { ExportSection } from './member-export.service.js';
