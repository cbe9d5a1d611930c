/**
 * The incremental invariant check (issue 24, step 3): checks what changed since the last clean check, in
 * time bounded by what changed, not by the size of the ledger. README.md, "Incremental invariant checks".
 *
 * The checkpoint is a transaction-id horizon H with, per account, its checked balance: the sum of the legs
 * of every transfer written by a transaction older than H. Every transfer row carries the id of the
 * transaction that wrote it (`transfer.tx`, `pg_current_xact_id()`); a transfer's id and time say nothing
 * about when it commits, so a horizon taken from them could pass a transfer still in flight. H is instead
 * the oldest transaction still running when the checking snapshot was taken (`pg_snapshot_xmin`): every
 * transaction below it has committed (and is in the snapshot) or rolled back, so the set of transfers below
 * H never changes again. A check, in one repeatable-read snapshot:
 *
 * - reads the transfers with `tx >= H_prev` (a BRIN index on `tx`: the recent end of the table), including
 *   those of transactions that committed after the previous check although they began before it;
 * - checks them (double entry, references, reversals, holds, operations, valuations of other modules), and
 *   every account they touched: stored balance = checked balance + the sum of its new legs; wallets not
 *   negative, lots equal to the wallet, holds accounts equal to the active holds;
 * - if nothing is violated, moves the checkpoint to this snapshot's horizon, folding into the checked
 *   balances the legs of the transfers below it. With violations the checkpoint stays, so they are
 *   reported again until repaired.
 *
 * Without a checkpoint (a fresh hub, or after the migration) the first check is the full one and, if clean,
 * takes the checkpoint. What the incremental check cannot see: a row changed behind the hub's back that no
 * new transfer touches (an old transfer, an account with no new legs); the full check finds those.
 */
import type { Sql, SqlClient } from '../../platform/db/sql.js';
import { CHECKS, runChecks, type InvariantCheck, type Violation } from './invariants.js';

export interface IncrementalReport {
  violations: Violation[];
  /** True when there was no checkpoint yet and this was the full check. */
  full: boolean;
  /** The transfers checked (appended since the checkpoint); every transfer when `full`. */
  transfersChecked: number;
  /** The accounts whose balances were checked. */
  accountsChecked: number;
}

/** The checkpoint row: its horizon and when it moved. */
const LOCK_CHECKPOINT = `select horizon::text as horizon from invariant_checkpoint where id = 1 for update`;
const HORIZON = `select pg_snapshot_xmin(pg_current_snapshot())::text::bigint::text as horizon`;

/** The legs (account, signed amount, writing transaction) of a relation of transfers. */
export const legs = (transfers: string) =>
  `(select debit_account_id as account_id, -amount as delta, tx from ${transfers}
    union all select credit_account_id, amount, tx from ${transfers})`;

export async function checkIncrementally(sql: Sql, more: readonly InvariantCheck[]): Promise<IncrementalReport> {
  return sql.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read');
    // The first statement takes the snapshot and locks the checkpoint: if another check moved it after this
    // snapshot was taken, PostgreSQL refuses the lock with a serialization failure and the transaction is
    // retried on a fresh snapshot (two checks never fold the same legs twice).
    const [checkpoint] = await tx.query<{ horizon: string | null }>(LOCK_CHECKPOINT);
    const [{ horizon }] = (await tx.query<{ horizon: string }>(HORIZON)) as [{ horizon: string }];
    return checkpoint?.horizon == null
      ? baseline(tx, horizon, more)
      : changedSince(tx, checkpoint.horizon, horizon, more);
  });
}

/** No checkpoint yet: the full check; if clean, the checked balances of everything below the horizon. */
async function baseline(tx: SqlClient, horizon: string, more: readonly InvariantCheck[]): Promise<IncrementalReport> {
  const violations = await runChecks(tx, [...CHECKS, ...more]);
  const [counts] = (await tx.query<{ transfers: number; accounts: number }>(
    `select (select count(*) from transfer)::int as transfers, (select count(*) from account)::int as accounts`,
  )) as [{ transfers: number; accounts: number }];
  if (violations.length === 0)
    await installCheckpoint(
      tx,
      horizon,
      `select account_id, sum(delta) from ${legs('transfer')} x where tx < $1::bigint group by account_id`,
      [horizon],
    );
  return { violations, full: true, transfersChecked: counts.transfers, accountsChecked: counts.accounts };
}

async function changedSince(
  tx: SqlClient,
  previous: string,
  horizon: string,
  more: readonly InvariantCheck[],
): Promise<IncrementalReport> {
  await createChangedSets(tx);
  await tx.query(`insert into changed_transfer select * from transfer where tx >= $1::bigint`, [previous]);
  // Each touched account: what its stored balance must be now (`expected`), and what becomes its checked
  // balance if the checkpoint moves to `horizon` (`checked`: only legs of transactions below it).
  await tx.query(
    `insert into changed_account (account_id, expected, checked)
     select x.account_id, coalesce(c.balance, 0) + sum(x.delta),
            coalesce(c.balance, 0) + coalesce(sum(x.delta) filter (where x.tx < $1::bigint), 0)
       from ${legs('changed_transfer')} x left join invariant_checked_balance c on c.account_id = x.account_id
      group by x.account_id, c.balance`,
    [horizon],
  );
  await analyzeChangedSets(tx);
  const violations = await runChecks(tx, [...CHECKS, ...more], 'changed');
  const [counts] = (await tx.query<{ transfers: number; accounts: number }>(
    `select (select count(*) from changed_transfer)::int as transfers, (select count(*) from changed_account)::int as accounts`,
  )) as [{ transfers: number; accounts: number }];
  if (violations.length === 0) {
    await tx.query(
      `insert into invariant_checked_balance (account_id, balance) select account_id, checked from changed_account
       on conflict (account_id) do update set balance = excluded.balance`,
    );
    await advance(tx, horizon);
  }
  return { violations, full: false, transfersChecked: counts.transfers, accountsChecked: counts.accounts };
}

/**
 * Replaces the checkpoint by `horizon` and the checked balances `balances` (a query of (account_id, balance)
 * rows, with `params`), unless the checkpoint is already there or beyond; true if it did. The full check
 * (with no checkpoint yet) and a clean paged job take the checkpoint this way.
 */
export async function installCheckpoint(
  tx: SqlClient,
  horizon: string,
  balances: string,
  params: readonly unknown[] = [],
): Promise<boolean> {
  const [current] = await tx.query<{ horizon: string | null }>(LOCK_CHECKPOINT);
  if (current?.horizon != null && BigInt(current.horizon) >= BigInt(horizon)) return false;
  await tx.query(`delete from invariant_checked_balance`);
  await tx.query(`insert into invariant_checked_balance (account_id, balance) ${balances}`, params);
  await advance(tx, horizon);
  return true;
}

/**
 * The relations the incremental forms of the checks read (`InvariantCheck.changed`), empty, dropped at the end
 * of this transaction (and with it on a retry): the transfers to check, and the accounts to check with the
 * balance each must have (`expected`) and, for the checkpoint, its checked balance below the new horizon.
 */
export async function createChangedSets(tx: SqlClient): Promise<void> {
  await tx.query(`create temp table changed_transfer (like transfer) on commit drop`);
  await tx.query(
    `create temp table changed_account (account_id bigint primary key, expected bigint not null, checked bigint) on commit drop`,
  );
}

/** Statistics of the filled sets, so the checks' plans fit their size (a few rows or 100,000). */
export async function analyzeChangedSets(tx: SqlClient): Promise<void> {
  await tx.query(`analyze changed_transfer`);
  await tx.query(`analyze changed_account`);
}

/** Moves the checkpoint (never backwards: snapshot horizons only grow, but say so). */
async function advance(tx: SqlClient, horizon: string): Promise<void> {
  await tx.query(
    `update invariant_checkpoint set horizon = greatest(coalesce(horizon, 0), $1::bigint), checked_at = hub_now() where id = 1`,
    [horizon],
  );
}
