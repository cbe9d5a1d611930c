/** Every MikroORM entity of the hub, registered once in `platform/db`. */
import { Partner } from './partners/partner.entity.js';
import { PartnerCredential } from './partners/partner-credential.entity.js';
import { Member } from './members/member.entity.js';
import { MemberLink } from './members/member-link.entity.js';

export const entities = [Partner, PartnerCredential, Member, MemberLink];
