/**
 * 8 clients earning at one partner for many members do not serialise on the
 * partner's row: the partner issuance account is a house account whose
 * balance lands on shard rows chosen by the serving backend
 * (pg_backend_pid()), so no request waits for another's lock on it.
 *
 * Checked deterministically, not by sampling: while another transaction holds
 * a write lock (FOR NO KEY UPDATE, what an UPDATE takes) on the partner row and
 * on the issuance account row, 160 earns from 8 clients all complete, and no
 * backend ever waits on that transaction (if an earn needed either row it
 * would wait for as long as the lock is held, and the watcher would see it in
 * pg_blocking_pids). The control: the same lock on one member's wallet row
 * makes an earn for that member wait, and the watcher sees it. Afterwards the
 * issuance account's row is unwritten (xmin, balance 0) and its balance is
 * spread over several shard rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../../support/test-app.js';

const CLIENTS = 8;
const EARNS_PER_CLIENT = 20;

let app: TestApp;
let ledger: LedgerHelpers;
let shop: TestPartner;
beforeAll(async () => {
  app = await initTestApp({ config: { dbPoolSize: CLIENTS } });
  ledger = ledgerHelpers(app);
  shop = await app.createPartner();
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

/** A transaction on its own connection that holds row locks until released. */
async function lockHolder(statements: { text: string; params: unknown[] }[]) {
  const client = new pg.Client({ connectionString: app.config.databaseUrl });
  client.on('error', () => {}); // the database is dropped when the file ends
  await client.connect();
  await client.query('begin');
  for (const s of statements) await client.query(s.text, s.params);
  const [{ pid }] = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows as [{ pid: number }];
  return {
    pid,
    async release() {
      await client.query('rollback');
      await client.end();
    },
  };
}

/**
 * Resolves 'blocked' as soon as any backend waits on `holder` (pg_blocking_pids), or 'done' when `work`
 * finishes without that. Whichever comes first is not a matter of timing: work that needs a held lock cannot
 * finish while it is held.
 */
async function doneOrBlocked(holderPid: number, work: Promise<unknown>): Promise<'done' | 'blocked'> {
  const watcher = new pg.Client({ connectionString: app.config.databaseUrl });
  watcher.on('error', () => {});
  await watcher.connect();
  let finished = false;
  const done = work.then(() => 'done' as const).finally(() => (finished = true));
  const blocked = (async () => {
    while (!finished) {
      const { rows } = await watcher.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where $1 = any(pg_blocking_pids(pid))`,
        [holderPid],
      );
      if (rows[0]!.n > 0) return 'blocked' as const;
    }
    return 'done' as const;
  })();
  try {
    return await Promise.race([done, blocked]);
  } finally {
    finished = true;
    await blocked.catch(() => undefined);
    await watcher.end();
  }
}

const forWrite = (table: string) => ({
  text: `select 1 from ${table} where id = $1 for no key update`,
});

describe('earning at one partner from 8 clients', () => {
  it('never writes or locks one partner row: balances land on per-backend shards and no earn waits for a lock on the partner', async () => {
    const members = await Promise.all(Array.from({ length: CLIENTS * EARNS_PER_CLIENT }, () => ledger.enroll(shop)));
    // Warm up: the issuance account and the members' accounts exist before we measure.
    await ledger.earnOk(shop, members[0]!, 1);
    const [issuance] = await app.hub.db.sql.query<{ id: string; xmin: string }>(
      `select id::text as id, xmin::text as xmin from account where kind = 'PARTNER_ISSUANCE' and partner_id = $1 and currency = 'PTS'`,
      [shop.id],
    );
    const [partnerRow] = await app.hub.db.sql.query<{ xmin: string }>(
      `select xmin::text as xmin from partner where id = $1`,
      [shop.id],
    );

    // Another transaction writing the partner row and the issuance account row: earns for different members
    // do not wait for it.
    const holder = await lockHolder([
      { ...forWrite('partner'), params: [shop.id] },
      { ...forWrite('account'), params: [issuance!.id] },
    ]);
    const clients = Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let i = 0; i < EARNS_PER_CLIENT; i++) await ledger.earnOk(shop, members[c * EARNS_PER_CLIENT + i]!, 1);
      }),
    );
    try {
      expect(await doneOrBlocked(holder.pid, clients)).toBe('done');
    } finally {
      await holder.release();
      await clients.catch(() => undefined);
    }
    await clients;

    // Control: the watcher does see a wait, when an earn needs a held row (the member's wallet).
    const [wallet] = await app.hub.db.sql.query<{ id: string }>(
      `select id::text as id from account where kind = 'MEMBER_WALLET' and member_id = $1 and currency = 'PTS'`,
      [members[0]],
    );
    const walletHolder = await lockHolder([{ ...forWrite('account'), params: [wallet!.id] }]);
    const waiting = ledger.earnOk(shop, members[0]!, 1);
    try {
      expect(await doneOrBlocked(walletHolder.pid, waiting)).toBe('blocked');
    } finally {
      await walletHolder.release();
    }
    await waiting; // released: it completes

    const [after] = await app.hub.db.sql.query<{ xmin: string; balance: string }>(
      `select xmin::text as xmin, balance::text as balance from account where id = $1`,
      [issuance!.id],
    );
    expect(after).toEqual({ xmin: issuance!.xmin, balance: '0' });
    expect(
      (
        await app.hub.db.sql.query<{ xmin: string }>(`select xmin::text as xmin from partner where id = $1`, [shop.id])
      )[0]!.xmin,
    ).toBe(partnerRow!.xmin);
    const shards = await app.hub.db.sql.query<{ shard: number; balance: string }>(
      `select shard, balance::text as balance from account_shard where account_id = $1`,
      [issuance!.id],
    );
    expect(shards.length).toBeGreaterThan(1);
    expect(shards.reduce((s, r) => s + BigInt(r.balance), 0n)).toBe(-BigInt(CLIENTS * EARNS_PER_CLIENT + 2));
  }, 60_000);
});
