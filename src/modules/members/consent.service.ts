/**
 * Consent per (member, partner, scope), kept as an append-only history of
 * grants and revocations; the current state is the latest event. A partner
 * sees profile fields only under the scopes its members granted it.
 */
import { toDate } from '../../platform/db/values.js';
import type { Sql } from '../../platform/db/sql.js';
import type { Outbox } from '../outbox/index.js';
import { notFound } from '../../platform/graphql/errors.js';
import { checkConsentScope, type ConsentScope } from './member-profile.js';

export interface ConsentRow {
  memberId: string;
  partnerId: string;
  scope: ConsentScope;
  granted: boolean;
  at: Date;
}

const consentFrom = (r: Record<string, unknown>): ConsentRow => ({
  memberId: r.member_id as string,
  partnerId: r.partner_id as string,
  scope: r.scope as ConsentScope,
  granted: r.granted as boolean,
  at: toDate(r.created_at),
});

export class ConsentService {
  constructor(
    private readonly sql: Sql,
    private readonly outbox: Outbox,
  ) {}

  /** Records a grant or revocation by the member, for a partner it is linked to (and its event, in one transaction). */
  async set(memberId: string, partnerId: string, scope: string, granted: boolean): Promise<ConsentRow> {
    const checked = checkConsentScope(scope);
    return this.sql.transaction(async (tx) => {
      const [row] = await tx.query(
        `insert into consent_event (member_id, partner_id, scope, granted)
         select $1, $2, $3, $4 where exists (select 1 from member_link where member_id = $1 and partner_id = $2)
         returning member_id, partner_id, scope, granted, created_at`,
        [memberId, partnerId, checked, granted],
      );
      if (!row) throw notFound('Partner link');
      this.outbox.emit(tx, [{ type: 'consent.changed', partnerId, memberId, payload: { scope: checked, granted } }]);
      return consentFrom(row);
    });
  }

  /** Current consent per (partner, scope) for many members. */
  async current(memberIds: readonly string[]): Promise<ConsentRow[]> {
    const rows = await this.sql.query(
      `select distinct on (member_id, partner_id, scope) member_id, partner_id, scope, granted, created_at
         from consent_event where member_id = any($1::uuid[]) order by member_id, partner_id, scope, id desc`,
      [memberIds],
    );
    return rows.map(consentFrom);
  }

  async history(memberId: string): Promise<ConsentRow[]> {
    const rows = await this.sql.query(
      `select member_id, partner_id, scope, granted, created_at from consent_event where member_id = $1 order by id`,
      [memberId],
    );
    return rows.map(consentFrom);
  }
}
