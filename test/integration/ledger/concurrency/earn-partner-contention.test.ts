/**
 * 8 clients earning at one partner for many members do not serialise on the
 * partner's row: the partner issuance account is a house account whose
 * balance lands on shard rows chosen by the serving backend
 * (pg_backend_pid()), so no request waits for another's lock on it.
 *
 * Checked three ways: the issuance account's own row is never written (its
 * xmin stays the one that created it, its balance 0) while its balance is
 * spread over several shard rows; and a sampler of pg_stat_activity sees
 * (almost) no lock waits during the run, whereas the same sampler during a
 * deliberately serialised control run (every client earning for ONE member,
 * so all contend on one wallet row) sees backends queueing on a row lock.
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

/** Samples, on its own connection, how many backends of the hub's database wait on a heavyweight lock (row locks show as transactionid/tuple waits). */
function lockWaitSampler() {
  const client = new pg.Client({ connectionString: app.config.databaseUrl });
  client.on('error', () => {}); // the database is dropped when the file ends
  let running = true;
  const samples: number[] = [];
  const done = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
      );
      samples.push(rows[0]!.n);
    }
    await client.end();
  })();
  return {
    async stop() {
      running = false;
      await done;
      return {
        samples: samples.length,
        waiting: samples.filter((n) => n > 0).length,
        maxWaiting: Math.max(0, ...samples),
      };
    },
  };
}

async function run(memberFor: (client: number, i: number) => string) {
  const sampler = lockWaitSampler();
  const clients = Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; i < EARNS_PER_CLIENT; i++) await ledger.earnOk(shop, memberFor(c, i), 1);
    }),
  );
  // Stop sampling even when a client fails, so no query outlives the file's database.
  const settled = await Promise.allSettled([clients]);
  const stats = await sampler.stop();
  if (settled[0]!.status === 'rejected') throw settled[0]!.reason;
  return stats;
}

describe('earning at one partner from 8 clients', () => {
  it('never writes or locks one partner row: balances land on per-backend shards and nobody waits for a lock', async () => {
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

    const parallel = await run((c, i) => members[c * EARNS_PER_CLIENT + i]!);
    const control = await run(() => members[0]!);

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
    expect(shards.reduce((s, r) => s + BigInt(r.balance), 0n)).toBe(-BigInt(2 * CLIENTS * EARNS_PER_CLIENT + 1));

    // The sampler can see row-lock queueing (control), and saw essentially none when members differ.
    expect(control.samples).toBeGreaterThan(10);
    expect(control.waiting / control.samples, JSON.stringify({ parallel, control })).toBeGreaterThan(0.2);
    expect(parallel.waiting / parallel.samples, JSON.stringify({ parallel, control })).toBeLessThan(
      Math.min(0.15, control.waiting / control.samples / 3),
    );
  }, 60_000);
});
