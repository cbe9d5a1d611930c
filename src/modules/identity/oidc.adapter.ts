/**
 * oidc-provider's persistence on the hub's own database (`oidc_payload`, one table for every model), through
 * `db.sql`, so it works the same on PostgreSQL and PGlite. Partner app clients come from
 * `member_app_client` (registered over GraphQL), not from this table.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Sql } from '../../platform/db/sql.js';
import type { Clock } from '../../platform/clock.js';
import { toDate } from '../../platform/db/values.js';
import type { AppClientService } from './app-client.service.js';

const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

export function createAdapterClass(sql: Sql, clock: Clock, clients: AppClientService) {
  return class HubOidcAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const expiresAt = expiresIn ? new Date(clock.now().getTime() + expiresIn * 1000) : null;
      await sql.query(
        `insert into oidc_payload (model, id, payload, grant_id, uid, account_id, expires_at)
         values ($1, $2, $3::jsonb, $4, $5, $6, $7)
         on conflict (model, id) do update set payload = excluded.payload, grant_id = excluded.grant_id,
           uid = excluded.uid, account_id = excluded.account_id, expires_at = excluded.expires_at`,
        [
          this.model,
          id,
          JSON.stringify(payload),
          payload.grantId ?? null,
          payload.uid ?? null,
          payload.accountId ?? null,
          expiresAt,
        ],
      );
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') return clients.metadata(id);
      return this.findWhere('id = $2', id);
    }

    findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.findWhere('uid = $2', uid);
    }

    findByUserCode(): Promise<AdapterPayload | undefined> {
      return Promise.resolve(undefined); // the device flow is off
    }

    async consume(id: string): Promise<void> {
      await sql.query(`update oidc_payload set consumed_at = $3 where model = $1 and id = $2`, [
        this.model,
        id,
        clock.now(),
      ]);
    }

    async destroy(id: string): Promise<void> {
      await sql.query(`delete from oidc_payload where model = $1 and id = $2`, [this.model, id]);
    }

    /** Everything issued under a grant, and the grant itself: revoking one revokes all (codes, refresh tokens). */
    async revokeByGrantId(grantId: string): Promise<void> {
      await sql.query(`delete from oidc_payload where grant_id = $1 or (model = 'Grant' and id = $1)`, [grantId]);
    }

    private async findWhere(where: string, value: string): Promise<AdapterPayload | undefined> {
      const [row] = await sql.query<{ payload: unknown; consumed_at: unknown }>(
        `select payload, consumed_at from oidc_payload where model = $1 and ${where} and (expires_at is null or expires_at > $3)`,
        [this.model, value, clock.now()],
      );
      if (!row) return undefined;
      const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as AdapterPayload;
      return row.consumed_at == null ? payload : { ...payload, consumed: epoch(toDate(row.consumed_at)) };
    }
  };
}
