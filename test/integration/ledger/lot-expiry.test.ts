/**
 * Expiry per currency policy: FIXED lots expire a period after their earn,
 * INACTIVITY expires everything after a period without activity; the sweep
 * (runLedgerExpiry) moves expired remainders to breakage exactly once.
 * Lifetimes are days long and hub time is moved past them (app.advanceClock),
 * so nothing depends on how fast requests run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let shop: TestPartner;
beforeAll(async () => {
  app = await initTestApp({ config: LONG_LIVED_TOKENS });
  ledger = ledgerHelpers(app);
  shop = await app.createPartner();
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const breakage = async (currency: string) => {
  const [row] = await app.hub.db.sql.query<{ total: string }>(
    `select coalesce(sum(t.amount), 0)::text as total from transfer t where t.kind = 'EXPIRY' and t.currency = $1`,
    [currency],
  );
  return row!.total;
};

/** Points expired from one member's wallet (other tests' lots may expire in the same sweep). */
const expiredFor = async (memberId: string, currency: string) => {
  const [row] = await app.hub.db.sql.query<{ total: string }>(
    `select coalesce(sum(amount), 0)::text as total from transfer where kind = 'EXPIRY' and member_id = $1 and currency = $2`,
    [memberId, currency],
  );
  return row!.total;
};

describe('FIXED expiry', () => {
  it('expires lots past their lifetime, only the unspent remainder, exactly once', async () => {
    const currency = await ledger.createCurrency(shop, 'FIXED', 'P1D');
    expect(currency).toMatchObject({ expiryPolicy: 'FIXED', expiryPeriod: expect.stringContaining('1 day') });
    const [m1, m2] = [await ledger.enroll(shop), await ledger.enroll(shop)];
    await ledger.earnOk(shop, m1, 100, { currency: currency.code });
    await ledger.redeem(shop, m1, 30, { currency: currency.code });
    await ledger.earnOk(shop, m2, 7, { currency: currency.code });
    await ledger.earnOk(shop, m2, 5); // PTS: 24 months, untouched

    await app.advanceClock('23 hours 59 minutes');
    expect((await ledger.runExpiry()).pointsExpired).toBe('0'); // not yet
    await app.advanceClock('2 minutes');
    const run = await ledger.runExpiry();
    expect(run).toMatchObject({ walletsExpired: 2, pointsExpired: '77' });
    expect(await ledger.balance(m1, currency.code)).toEqual({ available: '0', held: '0', owed: '0' });
    expect(await ledger.balance(m2, currency.code)).toEqual({ available: '0', held: '0', owed: '0' });
    expect((await ledger.balance(m2)).available).toBe('5');
    expect(await breakage(currency.code)).toBe('77');

    const again = await ledger.runExpiry();
    expect(again).toMatchObject({ walletsExpired: 0, pointsExpired: '0' });
    expect(await breakage(currency.code)).toBe('77');
  });

  it('only expired lots go; a fresh lot stays', async () => {
    const currency = await ledger.createCurrency(shop, 'FIXED', 'P2D');
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 10, { currency: currency.code });
    await app.advanceClock('1 day');
    await ledger.earnOk(shop, member, 20, { currency: currency.code });
    await app.advanceClock('1 day 1 minute');
    await ledger.runExpiry();
    expect(await expiredFor(member, currency.code)).toBe('10');
    expect((await ledger.balance(member, currency.code)).available).toBe('20');
  });

  it('held points do not expire while held; released after expiry they go at the next sweep', async () => {
    const currency = await ledger.createCurrency(shop, 'FIXED', 'PT1H');
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 50, { currency: currency.code });
    const hold = (await ledger.authorize(shop, member, 20, { currency: currency.code, expiresInSeconds: 7200 })).data!
      .authorizeRedemption.hold!;
    await app.advanceClock('1 hour 1 second'); // past the lot's lifetime, not the hold's
    await ledger.runExpiry();
    expect(await expiredFor(member, currency.code)).toBe('30');
    expect(await ledger.balance(member, currency.code)).toEqual({ available: '0', held: '20', owed: '0' });
    await ledger.voidHold(shop, hold.id);
    expect(await ledger.balance(member, currency.code)).toEqual({ available: '20', held: '0', owed: '0' });
    await ledger.runExpiry();
    expect(await expiredFor(member, currency.code)).toBe('50');
    expect(await ledger.balance(member, currency.code)).toEqual({ available: '0', held: '0', owed: '0' });
  });

  it('concurrent sweeps expire a wallet once', async () => {
    const currency = await ledger.createCurrency(shop, 'FIXED', 'P1D');
    const members = await Promise.all([1, 2, 3, 4].map(() => ledger.enroll(shop)));
    for (const m of members) await ledger.earnOk(shop, m, 10, { currency: currency.code });
    await app.advanceClock('1 day 1 second');
    await Promise.all([ledger.runExpiry(), ledger.runExpiry(), ledger.runExpiry()]);
    expect(await breakage(currency.code)).toBe('40');
    for (const m of members) expect(await expiredFor(m, currency.code)).toBe('10');
    const [once] = await app.hub.db.sql.query<{ n: number }>(
      `select count(*)::int as n from transfer where kind = 'EXPIRY' and currency = $1`,
      [currency.code],
    );
    expect(once!.n).toBe(4);
  });
});

describe('INACTIVITY expiry', () => {
  it('expires the whole wallet after a period without activity; activity restarts the clock', async () => {
    const currency = await ledger.createCurrency(shop, 'INACTIVITY', 'P2D');
    const [idle, active] = [await ledger.enroll(shop), await ledger.enroll(shop)];
    await ledger.earnOk(shop, idle, 10, { currency: currency.code });
    await ledger.earnOk(shop, idle, 15, { currency: currency.code });
    await ledger.earnOk(shop, active, 40, { currency: currency.code });
    await app.advanceClock('1 day');
    await ledger.redeem(shop, active, 1, { currency: currency.code }); // activity
    await app.advanceClock('1 day 1 minute');
    const run = await ledger.runExpiry();
    expect(run).toMatchObject({ walletsExpired: 1, pointsExpired: '25' });
    expect((await ledger.balance(idle, currency.code)).available).toBe('0');
    expect((await ledger.balance(active, currency.code)).available).toBe('39');
    await app.advanceClock('1 day');
    await ledger.runExpiry();
    expect(await expiredFor(active, currency.code)).toBe('39');
    await ledger.runExpiry();
    expect(await expiredFor(active, currency.code)).toBe('39');
    expect(await expiredFor(idle, currency.code)).toBe('25');
  });

  it('a time-only lifetime does not apply: old lots of an active wallet stay', async () => {
    const currency = await ledger.createCurrency(shop, 'INACTIVITY', 'P2D');
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 10, { currency: currency.code });
    for (let i = 0; i < 3; i++) {
      await app.advanceClock('1 day');
      await ledger.earnOk(shop, member, 1, { currency: currency.code });
    }
    await ledger.runExpiry();
    expect(await expiredFor(member, currency.code)).toBe('0');
    expect((await ledger.balance(member, currency.code)).available).toBe('13');
  });
});
