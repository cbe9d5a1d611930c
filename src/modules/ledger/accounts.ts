/**
 * Account ids by identity (currency, kind, partner or member). Accounts are
 * created on first use, outside any posting transaction (creation is
 * idempotent and harmless), and their ids cached: an id never changes.
 */
import type { Sql } from '../../platform/db/sql.js';
import { AccountKind, SHARDED_KINDS } from './ledger.model.js';

export interface AccountKey {
  currency: string;
  kind: AccountKind;
  partnerId?: string | null;
  memberId?: string | null;
}

const MAX_CACHED = 500_000;
const keyOf = (k: AccountKey) => `${k.currency}|${k.kind}|${k.partnerId ?? ''}|${k.memberId ?? ''}`;

export class Accounts {
  private readonly ids = new Map<string, string>();
  private readonly shardedIds = new Set<string>();

  constructor(private readonly sql: Sql) {}

  /** Ids of the given accounts, in the same order, creating missing ones. */
  async ensure(keys: readonly AccountKey[]): Promise<string[]> {
    const missing = keys.filter((k) => !this.ids.has(keyOf(k)));
    if (missing.length > 0) {
      if (this.ids.size + missing.length > MAX_CACHED) this.ids.clear(); // house ids stay in shardedIds; they are few
      const params = [missing.map((k) => k.currency), missing.map((k) => k.kind), missing.map((k) => k.partnerId ?? null), missing.map((k) => k.memberId ?? null)];
      await this.sql.query(
        `insert into account (currency, kind, partner_id, member_id)
         select * from unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[]) on conflict do nothing`,
        params,
      );
      const rows = await this.sql.query<{ id: string; currency: string; kind: AccountKind; partner_id: string | null; member_id: string | null }>(
        `select a.id::text as id, a.currency, a.kind, a.partner_id, a.member_id
           from account a join unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[]) k(currency, kind, partner_id, member_id)
             on a.currency = k.currency and a.kind = k.kind
            and a.partner_id is not distinct from k.partner_id and a.member_id is not distinct from k.member_id`,
        params,
      );
      for (const r of rows) {
        this.ids.set(keyOf({ currency: r.currency, kind: r.kind, partnerId: r.partner_id, memberId: r.member_id }), r.id);
        if (SHARDED_KINDS.has(r.kind)) this.shardedIds.add(r.id);
      }
    }
    return keys.map((k) => {
      const id = this.ids.get(keyOf(k));
      if (!id) throw new Error(`account ${keyOf(k)} could not be created`);
      return id;
    });
  }

  /** Whether an account (obtained through `ensure`) keeps its balance on shard rows. */
  isSharded(id: string): boolean {
    return this.shardedIds.has(id);
  }

  /** The member's wallet and receivable for a currency. */
  async memberAccounts(memberId: string, currency: string): Promise<{ wallet: string; receivable: string }> {
    const [wallet, receivable] = await this.ensure([
      { currency, kind: AccountKind.MEMBER_WALLET, memberId },
      { currency, kind: AccountKind.MEMBER_RECEIVABLE, memberId },
    ]);
    return { wallet: wallet!, receivable: receivable! };
  }

  async house(currency: string, kind: AccountKind, partnerId: string | null = null): Promise<string> {
    const [id] = await this.ensure([{ currency, kind, partnerId }]);
    return id!;
  }
}
