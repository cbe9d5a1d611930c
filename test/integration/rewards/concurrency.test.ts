/**
 * Races on real PostgreSQL: the last units of a reward, the codes of a voucher pool, a cancel racing the
 * expiry sweep. No oversell, no code twice, points and stock back exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../../support/test-app.js';
import { outcomeOf, rewardHelpers, type RewardHelpers } from '../../support/rewards.js';

let app: TestApp;
let ledger: LedgerHelpers;
let rw: RewardHelpers;
let shop: TestPartner;
beforeAll(async () => {
  app = await initTestApp({ config: { ...LONG_LIVED_TOKENS, dbPoolSize: 10 } });
  ledger = ledgerHelpers(app);
  rw = rewardHelpers(app);
  shop = await app.createPartner();
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

/** `n` members with `points` each and their own tokens. */
async function members(n: number, points: number) {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const id = await ledger.enroll(shop);
      await ledger.earnOk(shop, id, points);
      return { id, token: await app.memberSessionToken(id) };
    }),
  );
}

describe('reward races', () => {
  it('50 members for the last 10 units: exactly 10 redemptions, 40 OUT_OF_STOCK, the losers untouched', async () => {
    const reward = await rw.publishedOk(shop, { price: '30', stock: '10' });
    const crowd = await members(50, 100);
    const results = await Promise.all(crowd.map((m) => rw.redeem(m.token, reward.id)));
    const outcomes = results.map(outcomeOf);
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'OUT_OF_STOCK')).toHaveLength(40);
    expect(await rw.stockOf(reward.id)).toBe('0');
    for (const [i, m] of crowd.entries())
      expect(await ledger.balance(m.id)).toEqual(
        outcomes[i] === 'OK' ? { available: '70', held: '30', owed: '0' } : { available: '100', held: '0', owed: '0' },
      );
    const [row] = await app.hub.db.sql.query<{ n: number }>(
      `select count(*)::int as n from reward_redemption where reward_id = $1`,
      [reward.id],
    );
    expect(row!.n).toBe(10);
  });

  it('100 concurrent voucher redemptions against 60 codes: 60 distinct codes, 40 OUT_OF_STOCK', async () => {
    const { reward, codes } = await rw.voucherOk(shop, 60, { price: '10' });
    const crowd = await members(100, 10);
    const results = await Promise.all(crowd.map((m) => rw.redeem(m.token, reward.id)));
    const handed = results.flatMap((r) => (r.data ? [r.data.redeemReward.redemption.code!] : []));
    expect(handed).toHaveLength(60);
    expect(new Set(handed).size).toBe(60);
    expect(new Set(codes)).toEqual(new Set(handed));
    expect(results.map(outcomeOf).filter((o) => o === 'OUT_OF_STOCK')).toHaveLength(40);
    const spent = await Promise.all(crowd.map((m) => ledger.balance(m.id)));
    expect(spent.filter((b) => b.available === '0')).toHaveLength(60);
    expect(spent.filter((b) => b.available === '10')).toHaveLength(40);
  });

  it('cancel racing the expiry sweep: the points and the stock unit come back once', async () => {
    const reward = await rw.publishedOk(shop, { price: '20', stock: '20', fulfilmentSeconds: 600 });
    const crowd = await members(10, 20);
    const redemptions = await Promise.all(crowd.map(async (m) => (await rw.redeemOk(m.token, reward.id)).redemption));
    expect(await rw.stockOf(reward.id)).toBe('10');
    await app.advanceClock('599 seconds');
    // The cancels start a hair before the expiry: some win, the sweep releases the rest.
    const cancels = redemptions.map((r) => rw.cancel(shop.token, r.id));
    await app.advanceClock('1 second');
    const [sweep, ...outcomes] = await Promise.all([ledger.runExpiry(), ...cancels]);
    const cancelled = outcomes.filter((o) => outcomeOf(o) === 'OK').length;
    expect(outcomes.every((o) => ['OK', 'REDEMPTION_NOT_PENDING'].includes(outcomeOf(o)))).toBe(true);
    expect(cancelled + sweep.holdsExpired).toBe(10);
    expect(await rw.stockOf(reward.id)).toBe('20');
    for (const m of crowd) expect(await ledger.balance(m.id)).toEqual({ available: '20', held: '0', owed: '0' });
    // A second sweep and late cancels change nothing.
    expect((await ledger.runExpiry()).holdsExpired).toBe(0);
    for (const r of redemptions) expect(outcomeOf(await rw.cancel(shop.token, r.id))).toBe('REDEMPTION_NOT_PENDING');
    expect(await rw.stockOf(reward.id)).toBe('20');
  });
});
