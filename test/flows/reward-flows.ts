/**
 * The core reward flows (issue 20), written once and run on both databases (real PostgreSQL in
 * test/integration/rewards, embedded PGlite in test/pglite): a voucher redeemed (a code, the points at once)
 * and replayed, a product held and fulfilled, another cancelled (points and stock back), one expired by hub
 * time, and the member's catalog and history — every ledger invariant checked after each test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../support/ledger.js';
import { MyRewardRedemptions, RewardCatalog, rewardHelpers, type RewardHelpers } from '../support/rewards.js';
import {
  initTestApp,
  LONG_LIVED_TOKENS,
  type TestApp,
  type TestDriver,
  type TestPartner,
} from '../support/test-app.js';

export function rewardFlows(driver: TestDriver) {
  describe(`reward flows on ${driver}`, () => {
    let app: TestApp;
    let ledger: LedgerHelpers;
    let rw: RewardHelpers;
    let shop: TestPartner;
    let cafe: TestPartner;
    beforeAll(async () => {
      app = await initTestApp({ driver, config: LONG_LIVED_TOKENS });
      ledger = ledgerHelpers(app);
      rw = rewardHelpers(app);
      [shop, cafe] = [await app.createPartner(), await app.createPartner()];
    }, 240_000);
    afterAll(() => app?.close());
    checkLedgerInvariantsAfterEach(() => app);

    it('runs on the expected database', () => {
      expect(app.hub.db.driver).toBe(driver);
    });

    it('a voucher and a product: redeem, replay, fulfil, cancel, expire; the catalog and the history', async () => {
      const member = await ledger.enroll(cafe);
      await ledger.earnOk(cafe, member, 500);
      const token = await app.memberSessionToken(member);
      const { reward: voucher, codes } = await rw.voucherOk(shop, 2, { price: '100' });
      const mug = await rw.publishedOk(shop, { price: '50', stock: '2', fulfilmentSeconds: 600 });

      const catalog = (await app.gqlOk(RewardCatalog, { sort: 'PRICE_ASC' }, token)).rewardCatalog.nodes;
      expect(catalog.map((o) => [o.reward.id, o.redeemable, o.pointsNeeded])).toEqual([
        [mug.id, true, '0'],
        [voucher.id, true, '0'],
      ]);

      const v = await rw.redeemOk(token, voucher.id, { idempotencyKey: 'flow-voucher' });
      expect(codes).toContain(v.redemption.code);
      expect(await rw.redeemOk(token, voucher.id, { idempotencyKey: 'flow-voucher' })).toEqual({
        ...v,
        replayed: true,
      });

      const held = (await rw.redeemOk(token, mug.id)).redemption;
      const toCancel = (await rw.redeemOk(token, mug.id)).redemption;
      expect(errorCodes(await rw.redeem(token, mug.id))).toEqual(['OUT_OF_STOCK']);
      expect(await ledger.balance(member)).toEqual({ available: '300', held: '100', owed: '0' });
      expect((await rw.fulfil(shop.token, held.id)).data!.fulfilRewardRedemption.redemption.status).toBe('FULFILLED');
      expect((await rw.cancel(token, toCancel.id)).data!.cancelRewardRedemption.redemption.status).toBe('CANCELLED');
      expect(await rw.stockOf(mug.id)).toBe('1');

      const late = (await rw.redeemOk(token, mug.id)).redemption;
      await app.advanceClock('601 seconds');
      expect((await ledger.runExpiry()).holdsExpired).toBe(1);
      expect(await rw.stockOf(mug.id)).toBe('1');
      expect(await ledger.balance(member)).toEqual({ available: '350', held: '0', owed: '0' });

      const history = (await app.gqlOk(MyRewardRedemptions, {}, token)).myRewardRedemptions.nodes;
      expect(history.map((h) => [h.id, h.status])).toEqual([
        [late.id, 'EXPIRED'],
        [toCancel.id, 'CANCELLED'],
        [held.id, 'FULFILLED'],
        [v.redemption.id, 'FULFILLED'],
      ]);
    });
  });
}
