/**
 * The core program flows (issue 17), written once and run on both databases (real PostgreSQL in
 * test/integration/programs, embedded PGlite in test/pglite): rules and a budgeted, co-funded campaign,
 * a purchase posting one operation with its breakdown, its replay, a new rule version seen at once (the
 * cache is dropped through the change feed), a partial refund — every ledger invariant checked after each test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf } from '../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, newKey, type LedgerHelpers } from '../support/ledger.js';
import { programHelpers, type ProgramHelpers } from '../support/programs.js';
import { initTestApp, type TestApp, type TestDriver, type TestPartner } from '../support/test-app.js';

export function programFlows(driver: TestDriver) {
  describe(`program flows on ${driver}`, () => {
    let app: TestApp;
    let ledger: LedgerHelpers;
    let pr: ProgramHelpers;
    let shop: TestPartner;
    let airline: TestPartner;
    beforeAll(async () => {
      app = await initTestApp({ driver });
      ledger = ledgerHelpers(app);
      pr = programHelpers(app, ledger);
      [shop, airline] = [await app.createPartner(), await app.createPartner()];
    }, 240_000);
    afterAll(() => app?.close());
    checkLedgerInvariantsAfterEach(() => app);

    it('runs on the expected database', () => {
      expect(app.hub.db.driver).toBe(driver);
    });

    it('rules, a co-funded budgeted campaign, a purchase, its replay, a new version, a refund', async () => {
      await pr.setRulesOk(shop, { rules: [{ id: 'base', kind: 'BASE', points: 1, per: 100 }] });
      const campaign = dataOf(
        await pr.createCampaign(await app.operatorToken(), {
          partnerId: shop.id,
          definition: { reward: { kind: 'BONUS', points: 40 } },
          budget: '40',
          funders: [
            { partnerId: shop.id, share: '0.25' },
            { partnerId: airline.id, share: '0.75' },
          ],
        }),
      ).createCampaign;
      const member = await ledger.enroll(shop);
      const key = newKey('purchase');
      const first = await pr.recordOk(shop, member, { total: '5000', orderRef: key }, key);
      expect(first.purchase.legs.map((l) => [l.partnerId, l.points])).toEqual([
        [shop.id, '60'],
        [airline.id, '30'],
      ]);
      expect(first.purchase.breakdown.filter((l) => l.ref === campaign.id).map((l) => l.points)).toEqual(['10', '30']);
      const replay = await pr.recordOk(shop, member, { total: '5000', orderRef: key }, key);
      expect(replay).toEqual({ ...first, replayed: true });
      // The budget is spent: the next purchase gets the rate only.
      const second = await pr.recordOk(shop, member, { total: '5000' });
      expect(second.purchase.legs.map((l) => l.points)).toEqual(['50']);
      // A new version is used at once (the cache was dropped).
      await pr.setRulesOk(shop, { rules: [{ id: 'base', kind: 'BASE', points: 2, per: 100 }] });
      const third = await pr.recordOk(shop, member, { total: '5000' });
      expect([third.purchase.ruleSetVersion, third.purchase.legs[0]!.points]).toEqual([2, '100']);
      expect((await ledger.balance(member)).available).toBe('240');
      const refund = dataOf(await pr.refund(shop, { orderRef: key, amount: '2500' })).refundPurchase;
      expect(refund.reversals.map((r) => [r.partnerId, r.points])).toEqual([
        [shop.id, '30'],
        [airline.id, '15'],
      ]);
      expect((await ledger.balance(member)).available).toBe('195');
    });
  });
}
