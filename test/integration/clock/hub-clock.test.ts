/**
 * The controllable hub clock (src/platform/clock.ts): a test moves hub time in
 * code and in SQL together; cached plans, named prepared statements' included,
 * follow the new `hub_now()` on PostgreSQL and on PGlite; `hub_now()` is inlined
 * (production plans are those of `now()`); tokens, ids and the SQL defaults
 * follow the clock; a hub whose env is not `test` refuses to move it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { assertClockControllable, ClockControlRefused, testTime } from '../../../src/platform/clock.js';
import { newId } from '../../../src/platform/ids.js';
import { durationMs } from '../../support/duration.js';
import { errorCodes } from '../../support/graphql-client.js';
import { ledgerHelpers } from '../../support/ledger.js';
import { initTestApp, type TestApp } from '../../support/test-app.js';

const HOUR = 3_600_000;
const VIEWER = `query { viewer { role } }`;

let app: TestApp; // PostgreSQL, env test
let lite: TestApp; // PGlite, env test
let prod: TestApp; // PostgreSQL, env production
// Three hubs, one of them PGlite (the costliest to start): the hook's time is generous for a loaded machine.
beforeAll(async () => {
  [app, lite, prod] = await Promise.all([
    initTestApp(),
    initTestApp({ driver: 'pglite' }),
    initTestApp({ config: { env: 'production' } }),
  ]);
}, 180_000);
afterAll(() => Promise.all([app?.close(), lite?.close(), prod?.close()]));

/** How far the database's hub time is ahead of its own clock, in whole seconds. */
async function sqlShiftSeconds(a: TestApp): Promise<number> {
  const [row] = await a.hub.db.sql.query<{ s: number }>(
    `select round(extract(epoch from hub_now() - now()))::int as s`,
  );
  return row!.s;
}

/** Hub time in ms before and after `work`: whatever `work` stamps lies in between, however slow it ran. */
async function bracket<T>(a: TestApp, work: () => Promise<T>): Promise<{ before: number; after: number; value: T }> {
  const before = a.now().getTime();
  const value = await work();
  return { before, after: a.now().getTime(), value };
}
/** Database timestamps have microseconds, process time milliseconds. */
const within = (at: number | Date | string, { before, after }: { before: number; after: number }) => {
  const t = new Date(at).getTime();
  expect(t).toBeGreaterThanOrEqual(before - 1);
  expect(t).toBeLessThanOrEqual(after + 1);
};

/** The UUIDv7 timestamp (ms) of an id. */
const idTime = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('refused outside NODE_ENV=test', () => {
  it('a production hub refuses to move, freeze or resume time (so would a development one); nothing moves', async () => {
    await expect(prod.hub.clock.advance(HOUR)).rejects.toBeInstanceOf(ClockControlRefused);
    await expect(prod.hub.clock.freeze()).rejects.toBeInstanceOf(ClockControlRefused);
    await expect(prod.hub.clock.resume()).rejects.toBeInstanceOf(ClockControlRefused);
    expect(await sqlShiftSeconds(prod)).toBe(0);
    expect(() => assertClockControllable('development')).toThrow(ClockControlRefused);
    expect(() => assertClockControllable('test')).not.toThrow();
    expect(testTime()).toEqual({ offsetMs: 0 });
    const before = Date.now();
    const now = prod.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('one clock for code and SQL', () => {
  it('hub_now() is inlined: the planner sees now(), not a function call', async () => {
    for (const a of [app, lite]) {
      const plan = (await a.hub.db.sql.query<{ 'QUERY PLAN': string }>(`explain (verbose, costs off) select hub_now()`))
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      expect(plan).toContain('now()');
      expect(plan).not.toContain('hub_now');
    }
  });

  it('advanceClock moves the process clock and hub_now() in every database of the process by the same amount', async () => {
    const before = testTime().offsetMs;
    await app.advanceClock('2 hours');
    expect(testTime().offsetMs - before).toBe(2 * HOUR);
    const shift = Math.round(testTime().offsetMs / 1000);
    // Both test hubs follow, whichever one moved it; so does the production hub sharing this process.
    for (const a of [app, lite, prod]) expect(await sqlShiftSeconds(a)).toBe(shift);
    const system = Date.now();
    const hub = app.now().getTime();
    expect(hub - testTime().offsetMs).toBeGreaterThanOrEqual(system);
    expect(hub - testTime().offsetMs).toBeLessThanOrEqual(Date.now());
    const read = await bracket(app, () => app.hub.db.sql.query<{ at: Date }>(`select hub_now() as at`));
    within(read.value[0]!.at, read);
    expect(() => durationMs('2 fortnights')).toThrow(/unknown unit/);
    await expect(app.hub.clock.advance(-1)).rejects.toThrow(/forward/);
  });

  it('a named prepared statement planned before the move sees the new time (PostgreSQL, generic plan)', async () => {
    const client = new pg.Client({ connectionString: app.config.databaseUrl });
    await client.connect();
    try {
      await client.query(`set plan_cache_mode = force_generic_plan`);
      const shift = async () =>
        (
          await client.query<{ s: number }>({
            name: 'clock-shift',
            text: `select round(extract(epoch from hub_now() - now()))::int as s`,
          })
        ).rows[0]!.s;
      const first = await shift();
      for (let i = 0; i < 6; i++) expect(await shift()).toBe(first);
      await app.advanceClock('90 minutes'); // redefined over the hub's own connections, not this one
      expect(await shift()).toBe(first + 90 * 60);
    } finally {
      await client.end();
    }
  });

  it('a prepared statement planned before the move sees the new time (PGlite, one connection)', async () => {
    const sql = lite.hub.db.sql;
    await sql.query(`set plan_cache_mode = force_generic_plan`);
    await sql.query(`prepare clock_shift as select round(extract(epoch from hub_now() - now()))::int as s`);
    const shift = async () => (await sql.query<{ s: number }>(`execute clock_shift`))[0]!.s;
    const first = await shift();
    for (let i = 0; i < 6; i++) expect(await shift()).toBe(first);
    await app.advanceClock('45 minutes');
    expect(await shift()).toBe(first + 45 * 60);
    await sql.query(`deallocate clock_shift`);
  });

  it('freezeClock stops hub time in code and SQL; advanceClock still moves it; resumeClock continues from there', async () => {
    await app.freezeClock();
    const frozen = app.now().getTime();
    const [a] = await app.hub.db.sql.query<{ at: Date }>(`select hub_now() as at`);
    // A real pause, to show that time does not pass while frozen (no hub behaviour waits on it).
    await new Promise((r) => setTimeout(r, 30));
    expect(app.now().getTime()).toBe(frozen);
    const [b] = await lite.hub.db.sql.query<{ at: Date }>(`select hub_now() as at`);
    expect(new Date(a!.at).getTime()).toBe(frozen);
    expect(new Date(b!.at).getTime()).toBe(frozen);
    await app.advanceClock('1 minute');
    expect(app.now().getTime()).toBe(frozen + 60_000);
    await app.resumeClock();
    const resumed = app.now().getTime();
    expect(resumed).toBeGreaterThanOrEqual(frozen + 60_000);
    expect(resumed).toBeLessThan(frozen + 60_000 + 1_000);
  });
});

describe('what follows the clock', () => {
  it('tokens: a token expires when hub time passes its exp (verified before, and remembered, it is refused after)', async () => {
    const shop = await app.createPartner();
    expect((await app.postJson({ query: VIEWER }, { token: shop.token })).errors).toBeUndefined();
    const ttl = app.config.accessTokenTtlSeconds + app.config.clockSkewSeconds;
    await app.advanceClock(`${ttl - 5} seconds`);
    expect((await app.postJson({ query: VIEWER }, { token: shop.token })).errors).toBeUndefined();
    await app.advanceClock('10 seconds');
    expect(errorCodes(await app.postJson({ query: VIEWER }, { token: shop.token }))).toEqual(['UNAUTHENTICATED']);
    // A token issued now carries hub time in iat/nbf/exp, so it is valid at once.
    const minted = await bracket(app, () => app.partnerToken(shop.clientId, shop.clientSecret));
    const fresh = minted.value;
    const claims = JSON.parse(Buffer.from(fresh.split('.')[1]!, 'base64url').toString()) as { iat: number };
    expect(claims.iat).toBeGreaterThanOrEqual(Math.floor(minted.before / 1000));
    expect(claims.iat).toBeLessThanOrEqual(minted.after / 1000);
    expect((await app.postJson({ query: VIEWER }, { token: fresh })).errors).toBeUndefined();
  });

  it('ids and column defaults carry hub time', async () => {
    await app.advanceClock('1 day');
    const made = await bracket(app, async () => newId());
    within(idTime(made.value), made);
    const shop = await app.createPartner();
    const ledger = ledgerHelpers(app);
    const member = await ledger.enroll(shop);
    const posting = await bracket(app, () => ledger.earnOk(shop, member, 10));
    const earned = posting.value;
    const [row] = await app.hub.db.sql.query<{ created_at: Date; lot: Date }>(
      `select t.created_at, (select created_at from lot where source_transfer_id = t.id) as lot from transfer t where t.id = $1`,
      [earned.transfer.id],
    );
    for (const at of [row!.created_at, row!.lot, idTime(earned.transfer.id)]) within(at, posting);
  });
});
