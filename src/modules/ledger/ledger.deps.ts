/** What every ledger service shares, and the input checks they all apply. */
import { prepared, type Sql, type SqlClient } from '../../platform/db/sql.js';
import { badInput } from '../../platform/graphql/errors.js';
import type { Accounts } from './accounts.js';
import type { CurrencyService } from './currency.service.js';
import type { LotDraft, TransferDraft } from './posting.js';
import type { HoldResolutionHook } from './redemption.service.js';
import { toBig } from './ledger.model.js';
import { hasControlCharacter } from '../../platform/text.js';

export interface LedgerSettings {
  maxPointsPerOperation: bigint;
  hold: { defaultTtlSeconds: number; maxTtlSeconds: number };
}

export interface LedgerDeps {
  sql: Sql;
  accounts: Accounts;
  currencies: CurrencyService;
  settings: LedgerSettings;
  /** Other modules' parts in resolving a hold (redemption.service.ts `HoldResolutionHook`), filled at composition. */
  holdHooks: readonly HoldResolutionHook[];
  /** Sends the posting statement (composed with other modules' contributions; see posting.ts). */
  post(
    tx: SqlClient,
    transfers: readonly TransferDraft[],
    lots: readonly LotDraft[],
    isSharded: (accountId: string) => boolean,
  ): void;
}

export function checkAmount(amount: bigint, max: bigint, field = 'amount'): bigint {
  if (amount <= 0n) throw badInput(`${field} must be greater than zero.`, field);
  if (amount > max) throw badInput(`${field} must not exceed ${max}.`, field);
  return amount;
}

export function checkOrderRef(orderRef: string | null | undefined): string | null {
  if (orderRef == null) return null;
  if (orderRef.length < 1 || orderRef.length > 128 || hasControlCharacter(orderRef)) {
    throw badInput('orderRef must be 1 to 128 printable characters.', 'orderRef');
  }
  return orderRef;
}

const LOCK_ACCOUNTS_SQL = prepared(
  'ledger_lock_accounts',
  `select id::text as id, balance::text as balance from account where id = any($1::bigint[]) order by id for update`,
);

/** Locks member-scoped accounts in ascending id order; returns their balances. */
export async function lockAccounts(tx: SqlClient, ids: readonly string[]): Promise<Map<string, bigint>> {
  const rows = await tx.query<{ id: string; balance: string }>(LOCK_ACCOUNTS_SQL, [ids]);
  return new Map(rows.map((r) => [r.id, toBig(r.balance)]));
}
