/**
 * What a member granted partner apps (the provider's Grant records): listed and revoked by the member signed
 * in at the hub. A revoked grant takes its refresh tokens and codes with it, and every access token naming it
 * stops at its next request (`isActive`, checked per request like a suspended partner).
 */
import type { Sql } from '../../platform/db/sql.js';
import type { Clock } from '../../platform/clock.js';
import { toDate } from '../../platform/db/values.js';
import { notFound } from '../../platform/graphql/errors.js';

export interface MemberGrantRow {
  grantId: string;
  clientId: string;
  clientName: string | null;
  partnerId: string | null;
  scopes: string[];
  expiresAt: Date | null;
}

export class MemberGrantService {
  constructor(
    private readonly sql: Sql,
    private readonly clock: Clock,
    /** The API's resource indicator: the scopes granted on it are the ones listed. */
    private readonly resource: string,
  ) {}

  async isActive(grantId: string, memberId: string): Promise<boolean> {
    const rows = await this.sql.query(
      `select 1 from oidc_payload where model = 'Grant' and id = $1 and account_id = $2 and (expires_at is null or expires_at > $3)`,
      [grantId, memberId, this.clock.now()],
    );
    return rows.length === 1;
  }

  async list(memberId: string): Promise<MemberGrantRow[]> {
    const rows = await this.sql.query<{
      id: string;
      payload: unknown;
      expires_at: unknown;
      name: string | null;
      partner_id: string | null;
    }>(
      `select g.id, g.payload, g.expires_at, c.name, c.partner_id from oidc_payload g
         left join member_app_client c on c.client_id = g.payload->>'clientId'
        where g.model = 'Grant' and g.account_id = $1 and (g.expires_at is null or g.expires_at > $2) order by g.id`,
      [memberId, this.clock.now()],
    );
    return rows.map((r) => {
      const payload = (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as {
        clientId: string;
        resources?: Record<string, string>;
      };
      return {
        grantId: r.id,
        clientId: payload.clientId,
        clientName: r.name,
        partnerId: r.partner_id,
        scopes: (payload.resources?.[this.resource] ?? '').split(' ').filter(Boolean).sort(),
        expiresAt: r.expires_at == null ? null : toDate(r.expires_at),
      };
    });
  }

  /** Revokes one of the member's grants and everything issued under it. */
  async revoke(memberId: string, grantId: string): Promise<void> {
    const deleted = await this.sql.transaction(async (tx) => {
      const rows = await tx.query(
        `delete from oidc_payload where model = 'Grant' and id = $1 and account_id = $2 returning id`,
        [grantId, memberId],
      );
      if (rows.length) await tx.query(`delete from oidc_payload where grant_id = $1`, [grantId]);
      return rows.length;
    });
    if (!deleted) throw notFound('Grant');
  }
}
