/**
 * The floor: the least work a durable double-entry posting can do on this PostgreSQL, independent of the
 * hub's code (issue 16). Its own schema `floor` in the bench database, its own role `bench_floor`, plain
 * `pg` (not the hub's SQL client), its own statements:
 *
 * - one posting = ONE autocommit statement: insert a transfer with a unique idempotency key, insert its two
 *   entries, credit a member wallet (CHECK balance >= 0) and debit one of 16 issuance shard rows;
 * - 100 postings per transaction = BEGIN, that statement 100 times, COMMIT.
 *
 * No foreign keys, operation rows, lots, valuation or budgets: what the ledger adds on top of this is what the
 * ratio to the floor measures. `transfer` is prefilled to 300,000 rows (entries to 600,000) before any
 * measurement, so the floor's plans are those of a populated table (docs/toolchain.md: "prefill before you trust
 * a floor": with an empty table the same statement ran anywhere from 1,000 to 3,300/s).
 */
import pg from 'pg';

export const FLOOR_ROLE = 'bench_floor';
const SHARDS = 16;
const PREFILL = 300_000;

/** Creates the role, schema and tables and prefills them; `admin` connects as a superuser to the bench database. */
export async function createFloor(admin: pg.Client, wallets: number): Promise<void> {
  await admin.query(`create role ${FLOOR_ROLE} login`);
  await admin.query(`create schema floor authorization ${FLOOR_ROLE}`);
  await admin.query(`set role ${FLOOR_ROLE}`);
  try {
    await admin.query(`
      create table floor.wallet (id int primary key, balance bigint not null check (balance >= 0));
      create table floor.shard (id int primary key, balance bigint not null);
      create table floor.transfer (
        id bigint generated always as identity primary key,
        idempotency_key text not null unique,
        debit_shard int not null,
        credit_wallet int not null,
        amount bigint not null check (amount > 0),
        created_at timestamptz not null default now());
      create table floor.entry (transfer_id bigint not null, account int not null, delta bigint not null,
        primary key (transfer_id, account));`);
    await admin.query(`insert into floor.wallet select g, 0 from generate_series(0, $1 - 1) g`, [wallets]);
    await admin.query(`insert into floor.shard select g, 0 from generate_series(0, $1 - 1) g`, [SHARDS]);
    await admin.query(
      `with t as (insert into floor.transfer (idempotency_key, debit_shard, credit_wallet, amount)
                  select 'prefill-' || g, g % ${SHARDS}, g % $2, 1 from generate_series(1, $1) g
                  returning id, debit_shard, credit_wallet, amount)
       insert into floor.entry select id, -1 - debit_shard, -amount from t
       union all select id, credit_wallet, amount from t`,
      [PREFILL, wallets],
    );
    await admin.query(
      `update floor.wallet w set balance = s.n from (select credit_wallet, count(*) n from floor.transfer group by 1) s where w.id = s.credit_wallet`,
    );
    await admin.query(
      `update floor.shard h set balance = -s.n from (select debit_shard, count(*) n from floor.transfer group by 1) s where h.id = s.debit_shard`,
    );
  } finally {
    await admin.query('reset role');
  }
  await admin.query('vacuum analyze floor.wallet, floor.shard, floor.transfer, floor.entry');
}

const ONE = `
  with t as (insert into floor.transfer (idempotency_key, debit_shard, credit_wallet, amount)
             values ($1, $2, $3, $4) returning id),
       e as (insert into floor.entry select t.id, x.account, x.delta from t,
               (values (-1 - $2::int, -$4::bigint), ($3::int, $4::bigint)) x(account, delta)),
       w as (update floor.wallet set balance = balance + $4 where id = $3),
       s as (update floor.shard set balance = balance - $4 where id = $2)
  select id from t`;

let seq = 0;
const key = (prefix: string) => `${prefix}-${process.pid}-${++seq}`;

/** The floor's operations over a pool of `c` connections of the floor role. */
export function floorOps(url: string, c: number, wallets: number) {
  const pool = new pg.Pool({ connectionString: url, max: c });
  const wallet = () => Math.floor(Math.random() * wallets);
  const shard = () => Math.floor(Math.random() * SHARDS);
  return {
    /** One posting, one autocommit statement. */
    one: async () => {
      await pool.query({ name: 'floor-one', text: ONE, values: [key('f1'), shard(), wallet(), 100] });
    },
    /**
     * 100 postings in one transaction: BEGIN, the one-posting statement 100 times, COMMIT. Like the hub's batch
     * rows: one issuance shard per batch, and worker `w` of `c` credits only its own wallets, in ascending order,
     * so concurrent batches never lock each other's rows in opposite orders (no deadlocks).
     */
    hundred: async (w: number) => {
      const s = shard();
      const ws = Array.from({ length: 100 }, () => {
        const x = wallet();
        const mine = x - (x % c) + w;
        return mine < wallets ? mine : w;
      }).sort((a, b) => a - b);
      const client = await pool.connect();
      try {
        await client.query('begin');
        for (const x of ws) await client.query({ name: 'floor-one', text: ONE, values: [key('f100'), s, x, 100] });
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
