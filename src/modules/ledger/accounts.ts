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
/** An account's identity as one string (cache and map key). */
export const accountKey = (k: AccountKey) => `${k.currency}|${k.kind}|${k.partnerId ?? ''}|${k.memberId ?? ''}`;

/** A member account as a lock statement returns it when it found it by owner. */
export interface LocatedMemberAccount {
  id: string;
  memberId: string;
  currency: string;
  kind: string;
}

/** Ids of found member accounts by `accountKey` (without caching them). */
export function locatedByKey(located: readonly LocatedMemberAccount[]): Map<string, string> {
  return new Map(
    located.map((a) => [accountKey({ currency: a.currency, kind: a.kind as AccountKind, memberId: a.memberId }), a.id]),
  );
}

export class Accounts {
  private readonly ids = new Map<string, string>();
  private readonly shardedIds = new Set<string>();

  constructor(private readonly sql: Sql) {}

  /** Ids of the given accounts, in the same order, creating missing ones. */
  async ensure(keys: readonly AccountKey[]): Promise<string[]> {
    const missing = keys.filter((k) => !this.ids.has(accountKey(k)));
    if (missing.length > 0) {
      if (this.ids.size + missing.length > MAX_CACHED) this.ids.clear(); // house ids stay in shardedIds; they are few
      // Look up first: on a cache miss the accounts usually exist already (a returning member, another
      // process created them), so that costs one statement; only absent ones are inserted and looked up again.
      await this.lookup(missing);
      const absent = missing.filter((k) => !this.ids.has(accountKey(k)));
      if (absent.length > 0) {
        await this.sql.query(
          `insert into account (currency, kind, partner_id, member_id)
           select * from unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[]) on conflict do nothing`,
          Accounts.params(absent),
        );
        await this.lookup(absent);
      }
    }
    return keys.map((k) => {
      const id = this.ids.get(accountKey(k));
      if (!id) throw new Error(`account ${accountKey(k)} could not be created`);
      return id;
    });
  }

  /** The id of an account this process has already seen, without a round trip (undefined when not seen). */
  known(key: AccountKey): string | undefined {
    return this.ids.get(accountKey(key));
  }

  /**
   * Caches the member accounts a lock statement found by owner and returns
   * their ids by `accountKey` (read from the statement's rows, not back from
   * the cache, which is cleared when full).
   */
  learn(located: readonly LocatedMemberAccount[]): Map<string, string> {
    const found = locatedByKey(located);
    for (const [key, id] of found) {
      if (this.ids.size >= MAX_CACHED) this.ids.clear();
      this.ids.set(key, id);
    }
    return found;
  }

  private static params(keys: readonly AccountKey[]): unknown[] {
    return [
      keys.map((k) => k.currency),
      keys.map((k) => k.kind),
      keys.map((k) => k.partnerId ?? null),
      keys.map((k) => k.memberId ?? null),
    ];
  }

  /** Caches the ids of those of `keys` that exist. */
  private async lookup(keys: readonly AccountKey[]): Promise<void> {
    // Compared through the same coalesce() expressions as account_identity_idx, so each key is one
    // index probe. (`is not distinct from` cannot use that index: it was a sequential scan of the
    // whole account table per call, ~190 ms at 200k accounts; found by bench/.)
    const rows = await this.sql.query<{
      id: string;
      currency: string;
      kind: AccountKind;
      partner_id: string | null;
      member_id: string | null;
    }>(
      `select a.id::text as id, a.currency, a.kind, a.partner_id, a.member_id
         from account a join unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[]) k(currency, kind, partner_id, member_id)
           on a.currency = k.currency and a.kind = k.kind
          and coalesce(a.partner_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(k.partner_id, '00000000-0000-0000-0000-000000000000'::uuid)
          and coalesce(a.member_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(k.member_id, '00000000-0000-0000-0000-000000000000'::uuid)`,
      Accounts.params(keys),
    );
    for (const r of rows) {
      this.ids.set(
        accountKey({ currency: r.currency, kind: r.kind, partnerId: r.partner_id, memberId: r.member_id }),
        r.id,
      );
      if (SHARDED_KINDS.has(r.kind)) this.shardedIds.add(r.id);
    }
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

/**
 * Thrown inside a posting transaction when a member account it looked up by
 * owner does not exist yet (a member's first operation in a currency). The
 * transaction rolls back; `withAccountsCreated` creates the accounts outside
 * it and runs the operation again.
 */
export class AccountsMissing extends Error {
  constructor(readonly keys: AccountKey[]) {
    super('member accounts must be created first');
  }
}

/** Runs `operation`; when it reports missing accounts, creates them (outside any transaction) and runs it once more. */
export async function withAccountsCreated<T>(accounts: Accounts, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!(error instanceof AccountsMissing)) throw error;
    await accounts.ensure(error.keys);
    return operation();
  }
}
