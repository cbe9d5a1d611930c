/**
 * Members and their partner links. Enrolment here is the minimal form (one
 * link per partner customer id, idempotent); identity matching, consent and
 * tiers belong to the unified-profile work.
 */
import type { Database } from '../../platform/db/orm.js';
import { newId, isUuid } from '../../platform/ids.js';
import { AppError, badInput, notFound } from '../../platform/graphql/errors.js';

export interface MemberRow {
  id: string;
  createdAt: Date;
}

export interface LinkRow {
  partnerId: string;
  customerId: string;
  memberId: string;
  linkedAt: Date;
}

const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

export function checkCustomerId(customerId: string): string {
  if (customerId.length < 1 || customerId.length > 128 || /[\u0000-\u001f]/.test(customerId)) {
    throw badInput('customerId must be 1 to 128 printable characters.', 'customerId');
  }
  return customerId;
}

export class MemberService {
  constructor(private readonly db: Database) {}

  /**
   * Links (partner, customerId) to a member, creating the member the first
   * time. Idempotent. `linkTo` (internal, not on the API until verified
   * identity matching exists) attaches the link to an existing member instead.
   */
  async enroll(
    partnerId: string,
    input: { customerId: string; displayName?: string | null; email?: string | null },
    linkTo?: string,
  ): Promise<{ member: MemberRow; created: boolean }> {
    checkCustomerId(input.customerId);
    if (input.displayName != null && input.displayName.length > 200) throw badInput('displayName must be at most 200 characters.', 'displayName');
    if (input.email != null && !EMAIL.test(input.email)) throw badInput('email is not a valid address.', 'email');
    return this.db.sql.transaction(async (tx) => {
      const existing = await tx.query<{ id: string; created_at: unknown }>(
        `select m.id, m.created_at from member_link l join member m on m.id = l.member_id where l.partner_id = $1 and l.customer_id = $2`,
        [partnerId, input.customerId],
      );
      if (existing[0]) return { member: { id: existing[0].id, createdAt: toDate(existing[0].created_at) }, created: false };
      const id = linkTo ?? newId();
      const [row] = linkTo
        ? await tx.query<{ created_at: unknown }>(`select created_at from member where id = $1`, [linkTo])
        : await tx.query<{ created_at: unknown }>(`insert into member (id, display_name, email) values ($1, $2, $3) returning created_at`, [
            id,
            input.displayName ?? null,
            input.email ?? null,
          ]);
      if (!row) throw notFound('Member');
      // A concurrent enrolment of the same customer id loses here and is retried as a read.
      const linked = await tx.query(
        `insert into member_link (partner_id, customer_id, member_id) values ($1, $2, $3) on conflict (partner_id, customer_id) do nothing returning member_id`,
        [partnerId, input.customerId, id],
      );
      if (linked.length === 0) throw Object.assign(new Error('enrolment race'), { code: '40001' });
      return { member: { id, createdAt: toDate(row.created_at) }, created: !linkTo };
    });
  }

  async byIds(ids: readonly string[]): Promise<Map<string, MemberRow>> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return new Map();
    const rows = await this.db.sql.query<{ id: string; created_at: unknown }>(`select id, created_at from member where id = any($1::uuid[])`, [valid]);
    return new Map(rows.map((r) => [r.id, { id: r.id, createdAt: toDate(r.created_at) }]));
  }

  /** Links for (member, partner) pairs, batched for DataLoader. */
  async linksFor(keys: readonly { memberId: string; partnerId: string }[]): Promise<LinkRow[]> {
    const rows = await this.db.sql.query<{ partner_id: string; customer_id: string; member_id: string; created_at: unknown }>(
      `select l.partner_id, l.customer_id, l.member_id, l.created_at
         from member_link l join unnest($1::uuid[], $2::uuid[]) k(member_id, partner_id)
           on l.member_id = k.member_id and l.partner_id = k.partner_id`,
      [keys.map((k) => k.memberId), keys.map((k) => k.partnerId)],
    );
    return rows.map((r) => ({ partnerId: r.partner_id, customerId: r.customer_id, memberId: r.member_id, linkedAt: toDate(r.created_at) }));
  }

  async allLinks(memberIds: readonly string[]): Promise<LinkRow[]> {
    const rows = await this.db.sql.query<{ partner_id: string; customer_id: string; member_id: string; created_at: unknown }>(
      `select partner_id, customer_id, member_id, created_at from member_link where member_id = any($1::uuid[]) order by created_at, partner_id`,
      [memberIds],
    );
    return rows.map((r) => ({ partnerId: r.partner_id, customerId: r.customer_id, memberId: r.member_id, linkedAt: toDate(r.created_at) }));
  }

  /**
   * Resolves many member references for one partner in one query (batch
   * files): each becomes a member id, or the error that reference alone gets.
   */
  async resolveManyForPartner(partnerId: string, refs: readonly { memberId?: string | null; customerId?: string | null }[]): Promise<(string | AppError)[]> {
    const checked = refs.map((ref): { memberId?: string; customerId?: string } | AppError => {
      try {
        if ((ref.memberId == null) === (ref.customerId == null)) throw badInput('Give exactly one of memberId or customerId.', 'member');
        if (ref.memberId != null) return isUuid(ref.memberId) ? { memberId: ref.memberId } : notFound('Member');
        return { customerId: checkCustomerId(ref.customerId!) };
      } catch (error) {
        if (error instanceof AppError) return error;
        throw error;
      }
    });
    const byMember = checked.flatMap((c) => (c instanceof AppError || !c.memberId ? [] : [c.memberId]));
    const byCustomer = checked.flatMap((c) => (c instanceof AppError || !c.customerId ? [] : [c.customerId]));
    const rows = await this.db.sql.query<{ member_id: string; customer_id: string }>(
      `select member_id, customer_id from member_link where partner_id = $1 and (member_id = any($2::uuid[]) or customer_id = any($3::text[]))`,
      [partnerId, byMember, byCustomer],
    );
    const members = new Set(rows.map((r) => r.member_id));
    const customers = new Map(rows.map((r) => [r.customer_id, r.member_id]));
    return checked.map((c) => {
      if (c instanceof AppError) return c;
      const id = c.memberId ? (members.has(c.memberId) ? c.memberId : undefined) : customers.get(c.customerId!);
      return id ?? notFound('Member');
    });
  }

  /** Resolves a member reference as seen by one partner: only members linked to it. */
  async resolveForPartner(partnerId: string, ref: { memberId?: string | null; customerId?: string | null }): Promise<string> {
    if ((ref.memberId == null) === (ref.customerId == null)) throw badInput('Give exactly one of memberId or customerId.', 'member');
    const rows = ref.memberId != null
      ? isUuid(ref.memberId)
        ? await this.db.sql.query<{ member_id: string }>(`select member_id from member_link where partner_id = $1 and member_id = $2`, [partnerId, ref.memberId])
        : []
      : await this.db.sql.query<{ member_id: string }>(`select member_id from member_link where partner_id = $1 and customer_id = $2`, [
          partnerId,
          checkCustomerId(ref.customerId!),
        ]);
    if (!rows[0]) throw notFound('Member');
    return rows[0].member_id;
  }
}
