/**
 * Members and their partner links: enrolment (linking a second brand's
 * customer only on a verified identifier), profile, unlinking, merging
 * duplicates and erasure. Consent and tiers have their own services.
 */
import { toDate } from '../../platform/db/values.js';
import type { Outbox } from '../outbox/index.js';
import type { Database } from '../../platform/db/orm.js';
import { FeedCache } from '../../platform/db/change-feed.js';
import { prepared, type SqlClient } from '../../platform/db/sql.js';
import { newId, isUuid } from '../../platform/ids.js';
import { AppError, badInput, notFound } from '../../platform/graphql/errors.js';
import { checkProfile, type Profile, type ProfileInput } from './member-profile.js';
import { MemberErrors } from './member.exception.js';
import { hasControlCharacter } from '../../platform/text.js';

export interface MemberRow {
  id: string;
  createdAt: Date;
  profile: Profile;
  mergedInto: string | null;
  /** Members merged into this one (merges re-point chains, so these are all of them). */
  mergedFrom: string[];
  erasedAt: Date | null;
}

export interface LinkRow {
  partnerId: string;
  customerId: string;
  memberId: string;
  linkedAt: Date;
}

export interface EnrollInput extends ProfileInput {
  customerId: string;
  /** The partner vouches it verified this email (e.g. by a confirmation link). Only verified identifiers link members. */
  emailVerified?: boolean | null;
  phoneVerified?: boolean | null;
}

const toDay = (v: unknown): string | null =>
  v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

export function checkCustomerId(customerId: string): string {
  if (customerId.length < 1 || customerId.length > 128 || hasControlCharacter(customerId)) {
    throw badInput('customerId must be 1 to 128 printable characters.', 'customerId');
  }
  return customerId;
}

/** A member as a partner names it: the hub's member id, or the partner's own customer id. */
export type MemberRef = { memberId: string; customerId?: undefined } | { customerId: string; memberId?: undefined };

/**
 * Checks the form of a member reference (exactly one of the two; a member id that is not a UUID names no
 * member): the reference, or the error that reference alone gets.
 */
export function checkMemberRef(ref: { memberId?: string | null; customerId?: string | null }): MemberRef | AppError {
  try {
    if ((ref.memberId == null) === (ref.customerId == null))
      throw badInput('Give exactly one of memberId or customerId.', 'member');
    if (ref.memberId != null) return isUuid(ref.memberId) ? { memberId: ref.memberId } : notFound('Member');
    return { customerId: checkCustomerId(ref.customerId!) };
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

const MEMBER_COLUMNS = `id, created_at, display_name, email, phone, birth_date::text as birth_date, locale, preferences, merged_into, erased_at,
  array(select c.id from member c where c.merged_into = member.id) as merged_from`;

function memberFrom(r: Record<string, unknown>): MemberRow {
  const prefs = r.preferences;
  return {
    id: r.id as string,
    createdAt: toDate(r.created_at),
    profile: {
      displayName: (r.display_name as string | null) ?? null,
      email: (r.email as string | null) ?? null,
      phone: (r.phone as string | null) ?? null,
      birthDate: toDay(r.birth_date),
      locale: (r.locale as string | null) ?? null,
      preferences: (typeof prefs === 'string' ? JSON.parse(prefs) : (prefs ?? {})) as Profile['preferences'],
    },
    mergedInto: (r.merged_into as string | null) ?? null,
    mergedFrom: (r.merged_from as string[] | null) ?? [],
    erasedAt: r.erased_at == null ? null : toDate(r.erased_at),
  };
}

const linkFrom = (r: Record<string, unknown>): LinkRow => ({
  partnerId: r.partner_id as string,
  customerId: r.customer_id as string,
  memberId: r.member_id as string,
  linkedAt: toDate(r.created_at),
});

/** Change-feed topic: a member link was changed or removed (migration 7's trigger). */
const LINKS_TOPIC = 'member-links';

/**
 * Member references of one partner → member ids. Two index-friendly branches (by member id; by the
 * partner's customer id): one `where … or …` over a left join read every link of the partner on each call,
 * 14 ms per earn at 12,500 links (bench/, EXPLAIN). A merged member's old id stands for the member it was
 * merged into (merges re-point chains, so one hop).
 */
const RESOLVE_SQL = prepared(
  'member_resolve',
  `with refs as (select id as ref_id, coalesce(merged_into, id) as member_id from member where id = any($2::uuid[]))
   select l.member_id, l.customer_id, r.ref_id from refs r join member_link l on l.member_id = r.member_id and l.partner_id = $1
   union all
   select l.member_id, l.customer_id, null from member_link l where l.partner_id = $1 and l.customer_id = any($3::text[])`,
);

export class MemberService {
  /** (partner, reference) → member id, for references that resolved; dropped when any link changes. */
  private readonly resolved: FeedCache<string>;

  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
  ) {
    this.resolved = new FeedCache(db.changes, LINKS_TOPIC);
  }

  /** Links changed here (unlink, erase, merge): forget at once; other processes hear the database's trigger. */
  linksChanged(): void {
    this.resolved.clear();
  }

  /**
   * Links (partner, customerId) to a member. Re-enrolling the same customer id
   * returns the same member. A customer new to this partner joins an existing
   * member only when the partner asserts a verified email or phone that a
   * partner verified before; otherwise a new member is created.
   */
  async enroll(partnerId: string, input: EnrollInput): Promise<{ member: MemberRow; created: boolean }> {
    checkCustomerId(input.customerId);
    const profile = checkProfile(input);
    const verified: { kind: 'EMAIL' | 'PHONE'; value: string }[] = [];
    if (input.emailVerified) {
      if (!profile.email) throw badInput('emailVerified needs an email.', 'emailVerified');
      verified.push({ kind: 'EMAIL', value: profile.email });
    }
    if (input.phoneVerified) {
      if (!profile.phone) throw badInput('phoneVerified needs a phone.', 'phoneVerified');
      verified.push({ kind: 'PHONE', value: profile.phone });
    }
    return this.db.sql.transaction(async (tx) => {
      const [existing] = await tx.query(
        `select ${MEMBER_COLUMNS} from member where id = (select member_id from member_link where partner_id = $1 and customer_id = $2)`,
        [partnerId, input.customerId],
      );
      if (existing) return { member: memberFrom(existing), created: false };

      const matches = verified.length
        ? await tx.query<{ member_id: string }>(
            `select distinct coalesce(m.merged_into, m.id) as member_id from member_identifier i join member m on m.id = i.member_id
              where (i.kind, i.value) in (select * from unnest($1::text[], $2::text[])) and m.erased_at is null`,
            [verified.map((v) => v.kind), verified.map((v) => v.value)],
          )
        : [];
      if (matches.length > 1) throw MemberErrors.identityConflict();
      let memberId = matches[0]?.member_id;
      const created = !memberId;
      if (memberId) {
        // Fill only what the profile lacks: one brand's enrolment never overwrites another's data.
        await tx.query(
          `update member set display_name = coalesce(display_name, $2), email = coalesce(email, $3), phone = coalesce(phone, $4),
                  birth_date = coalesce(birth_date, $5::date), locale = coalesce(locale, $6), updated_at = hub_now() where id = $1`,
          [
            memberId,
            profile.displayName ?? null,
            profile.email ?? null,
            profile.phone ?? null,
            profile.birthDate ?? null,
            profile.locale ?? null,
          ],
        );
      } else {
        memberId = newId();
        await tx.query(
          `insert into member (id, display_name, email, phone, birth_date, locale, preferences) values ($1, $2, $3, $4, $5::date, $6, $7::jsonb)`,
          [
            memberId,
            profile.displayName ?? null,
            profile.email ?? null,
            profile.phone ?? null,
            profile.birthDate ?? null,
            profile.locale ?? null,
            JSON.stringify(profile.preferences ?? {}),
          ],
        );
      }
      if (verified.length) {
        await tx.query(
          `insert into member_identifier (kind, value, member_id, verified_by_partner_id) select k, v, $3, $4 from unnest($1::text[], $2::text[]) x(k, v) on conflict do nothing`,
          [verified.map((v) => v.kind), verified.map((v) => v.value), memberId, partnerId],
        );
      }
      // A concurrent enrolment of the same customer id loses here and is retried as a read.
      const linked = await tx.query(
        `insert into member_link (partner_id, customer_id, member_id) values ($1, $2, $3) on conflict (partner_id, customer_id) do nothing returning member_id`,
        [partnerId, input.customerId, memberId],
      );
      if (linked.length === 0) throw Object.assign(new Error('enrolment race'), { code: '40001' });
      this.outbox.emit(tx, [
        // No customer id: the partner has it (it enrolled with it), and an erasure must leave none behind.
        { type: 'member.linked', partnerId, memberId, payload: { created } },
      ]);
      const [row] = await tx.query(`select ${MEMBER_COLUMNS} from member where id = $1`, [memberId]);
      return { member: memberFrom(row!), created };
    });
  }

  /** Removes a partner's own customer id; the member and its ledger history stay. */
  async unlink(partnerId: string, customerId: string): Promise<boolean> {
    checkCustomerId(customerId);
    const rows = await this.db.sql.query(
      `delete from member_link where partner_id = $1 and customer_id = $2 returning member_id`,
      [partnerId, customerId],
    );
    this.linksChanged();
    if (rows.length === 0) throw notFound('Member');
    return true;
  }

  async updateProfile(memberId: string, input: ProfileInput): Promise<MemberRow> {
    const p = checkProfile(input);
    const [row] = await this.db.sql.query(
      `update member set display_name = coalesce($2, display_name), email = coalesce($3, email), phone = coalesce($4, phone),
              birth_date = coalesce($5::date, birth_date), locale = coalesce($6, locale), preferences = coalesce($7::jsonb, preferences), updated_at = hub_now()
        where id = $1 and erased_at is null returning ${MEMBER_COLUMNS}`,
      [
        memberId,
        p.displayName ?? null,
        p.email ?? null,
        p.phone ?? null,
        p.birthDate ?? null,
        p.locale ?? null,
        p.preferences ? JSON.stringify(p.preferences) : null,
      ],
    );
    if (!row) throw notFound('Member');
    return memberFrom(row);
  }

  async byIds(ids: readonly string[]): Promise<Map<string, MemberRow>> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return new Map();
    const rows = await this.db.sql.query(`select ${MEMBER_COLUMNS} from member where id = any($1::uuid[])`, [valid]);
    return new Map(rows.map((r) => [r.id as string, memberFrom(r)]));
  }

  /** Links for (member, partner) pairs, batched for DataLoader (the oldest link when a merge left two). */
  async linksFor(keys: readonly { memberId: string; partnerId: string }[]): Promise<LinkRow[]> {
    const rows = await this.db.sql.query(
      `select distinct on (l.member_id, l.partner_id) l.partner_id, l.customer_id, l.member_id, l.created_at
         from member_link l join unnest($1::uuid[], $2::uuid[]) k(member_id, partner_id)
           on l.member_id = k.member_id and l.partner_id = k.partner_id
        order by l.member_id, l.partner_id, l.created_at`,
      [keys.map((k) => k.memberId), keys.map((k) => k.partnerId)],
    );
    return rows.map(linkFrom);
  }

  async allLinks(memberIds: readonly string[]): Promise<LinkRow[]> {
    const rows = await this.db.sql.query(
      `select partner_id, customer_id, member_id, created_at from member_link where member_id = any($1::uuid[]) order by created_at, partner_id`,
      [memberIds],
    );
    return rows.map(linkFrom);
  }

  /**
   * Resolves member references for one partner in one query: each becomes a
   * member id, or the error that reference alone gets. (earnPointsBatch
   * resolves its members inside its own lock statement instead.)
   */
  async resolveManyForPartner(
    partnerId: string,
    refs: readonly { memberId?: string | null; customerId?: string | null }[],
  ): Promise<(string | AppError)[]> {
    const checked = refs.map((ref) => checkMemberRef(ref));
    const keyOf = (c: MemberRef) => (c.memberId ? `${partnerId}|m|${c.memberId}` : `${partnerId}|c|${c.customerId}`);
    // Read the cache once: it can be cleared while the query below runs (a link change, or the change feed
    // reconnecting after a database restart), and a hit must not then turn into NOT_FOUND.
    const cached = checked.map((c) => (c instanceof AppError ? undefined : this.resolved.get(keyOf(c))));
    const misses = checked.filter((c, i): c is MemberRef => !(c instanceof AppError) && cached[i] === undefined);
    if (misses.length === 0) return checked.map((c, i) => (c instanceof AppError ? c : cached[i]!));
    const mark = this.resolved.mark();
    const byMember = misses.flatMap((c) => (c.memberId ? [c.memberId] : []));
    const byCustomer = misses.flatMap((c) => (c.customerId ? [c.customerId] : []));
    const rows = await this.db.sql.query<{ member_id: string; customer_id: string; ref_id: string | null }>(
      RESOLVE_SQL,
      [partnerId, byMember, byCustomer],
    );
    const members = new Map(rows.flatMap((r) => (r.ref_id ? [[r.ref_id, r.member_id] as const] : [])));
    const customers = new Map(rows.map((r) => [r.customer_id, r.member_id]));
    return checked.map((c, i) => {
      if (c instanceof AppError) return c;
      const id = cached[i] ?? (c.memberId ? members.get(c.memberId) : customers.get(c.customerId!));
      if (!id) return notFound('Member');
      this.resolved.set(mark, keyOf(c), id);
      return id;
    });
  }

  /**
   * Members whose profile e-mail is `email` (already checked and normalised), at most `limit`, oldest first. For a partner only its
   * linked members who currently grant it the `contact` scope: a partner must not learn through a search an
   * address it could not read on the member's profile. Erased and merged-away members never match.
   */
  async findByEmail(email: string, partnerId: string | null, limit: number): Promise<string[]> {
    const rows = await this.db.sql.query<{ id: string }>(
      `select m.id from member m
        where m.email = $1 and m.erased_at is null and m.merged_into is null
          and ($2::uuid is null or (
                exists (select 1 from member_link l where l.member_id = m.id and l.partner_id = $2)
            and coalesce((select c.granted from consent_event c
                           where c.member_id = m.id and c.partner_id = $2 and c.scope = 'contact'
                           order by c.id desc limit 1), false)))
        order by m.created_at, m.id limit $3`,
      [email, partnerId, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Resolves a member reference as seen by one partner: only members linked to it. */
  async resolveForPartner(
    partnerId: string,
    ref: { memberId?: string | null; customerId?: string | null },
  ): Promise<string> {
    const [result] = await this.resolveManyForPartner(partnerId, [ref]);
    if (result instanceof AppError) throw result;
    return result!;
  }

  /**
   * Moves everything but the ledger from `sourceId` to `targetId` inside the
   * caller's transaction (links, identifiers, consent history) and marks the
   * source merged; the ledger moves the balances in the same transaction.
   */
  static async mergeRecords(tx: SqlClient, sourceId: string, targetId: string): Promise<void> {
    await tx.query(`update member_link set member_id = $2 where member_id = $1`, [sourceId, targetId]);
    await tx.query(`update member_identifier set member_id = $2 where member_id = $1`, [sourceId, targetId]);
    await tx.query(`update consent_event set member_id = $2 where member_id = $1`, [sourceId, targetId]);
    await tx.query(`update member set merged_into = $2 where merged_into = $1`, [sourceId, targetId]);
    await tx.query(`update member set merged_into = $2, merged_at = hub_now(), updated_at = hub_now() where id = $1`, [
      sourceId,
      targetId,
    ]);
  }

  /** Checks a merge can go ahead: two different, live, unmerged members. */
  async checkMergeable(sourceId: string, targetId: string): Promise<void> {
    if (sourceId === targetId) throw MemberErrors.mergeIntoSelf();
    const found = await this.byIds([sourceId, targetId]);
    for (const id of [sourceId, targetId]) {
      const m = found.get(id);
      if (!m) throw notFound('Member');
      if (m.erasedAt) throw MemberErrors.erased();
      if (m.mergedInto) throw MemberErrors.alreadyMerged(m.mergedInto);
    }
  }

  /**
   * Erasure: personal fields are removed, identifiers and partner links are
   * deleted. The member id (a random uuid) and every ledger record stay, so
   * all invariants still hold.
   */
  async erase(memberId: string): Promise<MemberRow> {
    const erased = await this.db.sql.transaction(async (tx) => {
      const [row] = await tx.query(
        `update member set display_name = null, email = null, phone = null, birth_date = null, locale = null, preferences = '{}'::jsonb,
                erased_at = coalesce(erased_at, hub_now()), updated_at = hub_now()
          where id = $1 and merged_into is null returning ${MEMBER_COLUMNS}`,
        [memberId],
      );
      if (!row) throw notFound('Member');
      await tx.query(`delete from member_identifier where member_id = $1`, [memberId]);
      const unlinked = await tx.query<{ partner_id: string }>(
        `delete from member_link where member_id = $1 returning partner_id`,
        [memberId],
      );
      // Every partner it was linked to hears of the erasure (once each), so it can forget the member too.
      const partners = [...new Set(unlinked.map((l) => l.partner_id))];
      this.outbox.emit(
        tx,
        partners.map((partnerId) => ({ type: 'member.erased', partnerId, memberId, payload: {} })),
      );
      return memberFrom(row);
    });
    this.linksChanged();
    return erased;
  }

  /** Whether a member token may still act: the member exists, is not erased, and still linked to the minting partner. */
  async canAct(memberId: string, partnerId: string | undefined): Promise<boolean> {
    // Without a partner (the member signed in at the hub), the member need only still exist as itself.
    const rows = await this.db.sql.query(
      `select 1 from member m where m.id = $1 and m.erased_at is null and m.merged_into is null
          and ($2::uuid is null or exists (select 1 from member_link l where l.member_id = m.id and l.partner_id = $2))`,
      [memberId, partnerId ?? null],
    );
    return rows.length === 1;
  }
}
