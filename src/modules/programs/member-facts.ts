/**
 * The member facts conditions may name, computed only when some condition of the partner's program names
 * them (a program without member conditions costs no read at all):
 * - member.tier: the coalition tier (qualifying points over the trailing 12 months);
 * - member.birthdayMonth / member.birthdayDay: from the profile, and only when the member granted this
 *   partner the `profile` consent scope (otherwise false, as if unknown);
 * - member.firstPurchase: no earlier purchase of this member recorded at this partner.
 */
import type { Sql } from '../../platform/db/sql.js';
import type { MembersServices } from '../members/index.js';
import type { MemberFacts } from './programs.model.js';

const NONE: MemberFacts = { tier: null, birthdayMonth: false, birthdayDay: false, firstPurchase: false };

export async function memberFacts(
  sql: Sql,
  members: MembersServices,
  vars: ReadonlySet<string>,
  partnerId: string,
  memberId: string,
  occurredAt: Date,
): Promise<MemberFacts> {
  if (vars.size === 0) return NONE;
  const facts = { ...NONE };
  if (vars.has('member.tier')) {
    const points = (await members.tiers.qualifyingPoints([memberId])).get(memberId) ?? 0n;
    for (const level of members.tiers.levels) if (points >= level.threshold) facts.tier = level.name;
  }
  if (vars.has('member.birthdayMonth') || vars.has('member.birthdayDay')) {
    const consents = await members.consents.current([memberId]);
    const consented = consents.some((c) => c.partnerId === partnerId && c.scope === 'profile' && c.granted);
    const birthDate = consented ? (await members.members.byIds([memberId])).get(memberId)?.profile.birthDate : null;
    if (birthDate) {
      // The purchase's calendar day in UTC, like every other date the hub keeps.
      const day = occurredAt.toISOString().slice(5, 10);
      facts.birthdayMonth = birthDate.slice(5, 7) === day.slice(0, 2);
      facts.birthdayDay = birthDate.slice(5, 10) === day;
    }
  }
  if (vars.has('member.firstPurchase')) {
    const [row] = await sql.query<{ first: boolean }>(
      `select not exists (select 1 from program_purchase where member_id = $1 and partner_id = $2) as first`,
      [memberId, partnerId],
    );
    facts.firstPurchase = row!.first;
  }
  return facts;
}
