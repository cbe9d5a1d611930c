/**
 * The core ledger flows, written once and run on both databases (the real
 * PostgreSQL in test/integration/ledger, embedded PGlite in test/pglite):
 * earn (by member id and by the partner's customer id), redeem,
 * authorise/capture/void, reverse, batch earn, idempotent replay, expiry — with every invariant checked after each test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../support/graphql-client.js';
import {
  checkLedgerInvariantsAfterEach,
  EarnPoints,
  EarnPointsBatch,
  ledgerHelpers,
  newKey,
  type LedgerHelpers,
} from '../support/ledger.js';
import {
  initTestApp,
  LONG_LIVED_TOKENS,
  type TestApp,
  type TestDriver,
  type TestPartner,
} from '../support/test-app.js';

export function ledgerFlows(driver: TestDriver) {
  describe(`ledger core flows on ${driver}`, () => {
    let app: TestApp;
    let ledger: LedgerHelpers;
    let shop: TestPartner;
    let cafe: TestPartner;
    beforeAll(async () => {
      app = await initTestApp({ driver, config: LONG_LIVED_TOKENS }); // expiry moves hub time a day
      ledger = ledgerHelpers(app);
      [shop, cafe] = [await app.createPartner(), await app.createPartner()];
    });
    afterAll(() => app?.close());
    checkLedgerInvariantsAfterEach(() => app);

    it('runs on the expected database', () => {
      expect(app.hub.db.driver).toBe(driver);
    });

    it('earn at one partner, spend at another', async () => {
      const member = await ledger.enroll(shop);
      await ledger.link(cafe, member);
      const earned = await ledger.earnOk(shop, member, 500, { orderRef: 'R-1' });
      expect(earned.transfer).toMatchObject({
        kind: 'EARN',
        amount: '500',
        walletDelta: '500',
        partnerId: shop.id,
        memberId: member,
        orderRef: 'R-1',
      });
      const redeemed = await ledger.redeem(cafe, member, 200);
      expect(redeemed.data?.redeemPoints.transfer).toMatchObject({
        kind: 'REDEEM',
        amount: '200',
        walletDelta: '-200',
        partnerId: cafe.id,
      });
      expect(await ledger.balance(member)).toEqual({ available: '300', held: '0', owed: '0' });
      expect(errorCodes(await ledger.redeem(cafe, member, 301))).toEqual(['INSUFFICIENT_POINTS']);
    });

    it('authorise, capture part, the rest returns; void returns all', async () => {
      const member = await ledger.enroll(shop);
      await ledger.earnOk(shop, member, 100);
      const held = (await ledger.authorize(shop, member, 60)).data!.authorizeRedemption;
      expect(held.balance).toEqual({ available: '40', held: '60', owed: '0' });
      const captured = (await ledger.capture(shop, held.hold!.id, 45)).data!.captureRedemption;
      expect(captured.hold).toMatchObject({ status: 'CAPTURED', capturedAmount: '45' });
      expect(captured.balance).toEqual({ available: '55', held: '0', owed: '0' });

      const second = (await ledger.authorize(shop, member, 30)).data!.authorizeRedemption;
      const voided = (await ledger.voidHold(shop, second.hold!.id)).data!.voidRedemption;
      expect(voided.hold?.status).toBe('VOIDED');
      expect(voided.balance).toEqual({ available: '55', held: '0', owed: '0' });
      expect(errorCodes(await ledger.capture(shop, second.hold!.id))).toEqual(['HOLD_NOT_ACTIVE']);
    });

    it('reverse a redemption and an earn (shortfall becomes owed, the next earn pays it)', async () => {
      const member = await ledger.enroll(shop);
      const earn = await ledger.earnOk(shop, member, 100);
      const redeem = (await ledger.redeem(shop, member, 80)).data!.redeemPoints;
      await ledger.reverse(shop, redeem.transfer.id, 30);
      expect(await ledger.balance(member)).toEqual({ available: '50', held: '0', owed: '0' });
      const reversed = (await ledger.reverse(shop, earn.transfer.id)).data!.reverseTransfer;
      expect(reversed.balance).toEqual({ available: '0', held: '0', owed: '50' });
      const next = await ledger.earnOk(shop, member, 70);
      expect(next.transfers.map((t) => t.kind).sort()).toEqual(['EARN', 'RECEIVABLE_SETTLEMENT']);
      expect(next.balance).toEqual({ available: '20', held: '0', owed: '0' });
    });

    it('batch earn: each item its own result; a replay returns the same transfers', async () => {
      const [m1, m2] = [await ledger.enroll(shop), await ledger.enroll(shop)];
      const items = [
        { member: { memberId: m1 }, amount: '10', idempotencyKey: newKey() },
        { member: { memberId: m2 }, amount: '0', idempotencyKey: newKey() },
        { member: { memberId: m2 }, amount: '20', idempotencyKey: newKey() },
      ];
      const first = (await app.gqlOk(EarnPointsBatch, { input: { items } }, shop.token)).earnPointsBatch;
      expect([first.succeeded, first.failed]).toEqual([2, 1]);
      expect(first.items[1]!.error?.code).toBe('BAD_USER_INPUT');
      const again = (await app.gqlOk(EarnPointsBatch, { input: { items } }, shop.token)).earnPointsBatch;
      expect(again.items.map((i) => i.result?.transfer.id ?? null)).toEqual(
        first.items.map((i) => i.result?.transfer.id ?? null),
      );
      expect(again.items.filter((i) => i.result).every((i) => i.result!.replayed)).toBe(true);
      expect((await ledger.balance(m1)).available).toBe('10');
      expect((await ledger.balance(m2)).available).toBe('20');
    });

    it('an idempotency key posts once; reusing it for another request is refused', async () => {
      const member = await ledger.enroll(shop);
      const key = newKey();
      const a = await ledger.earnOk(shop, member, 25, { idempotencyKey: key });
      const b = await ledger.earnOk(shop, member, 25, { idempotencyKey: key });
      expect(b).toMatchObject({ replayed: true, operationId: a.operationId, transfer: { id: a.transfer.id } });
      expect(errorCodes(await ledger.earn(shop, member, 26, { idempotencyKey: key }))).toEqual([
        'IDEMPOTENCY_KEY_REUSED',
      ]);
      expect((await ledger.balance(member)).available).toBe('25');
    });

    it("earn by the partner's customer id: the claim computes the request hash in SQL, and a replay by member id agrees", async () => {
      const customerId = newKey('cust');
      const member = await ledger.enroll(shop, customerId);
      const key = newKey();
      const input = { member: { customerId }, amount: '40', idempotencyKey: key, orderRef: 'R-"9"' };
      const first = (await app.gqlOk(EarnPoints, { input }, shop.token)).earnPoints;
      expect(first).toMatchObject({ replayed: false, transfer: { amount: '40', memberId: member } });
      expect((await app.gqlOk(EarnPoints, { input }, shop.token)).earnPoints).toMatchObject({
        replayed: true,
        operationId: first.operationId,
      });
      expect(await ledger.earnOk(shop, member, 40, { idempotencyKey: key, orderRef: 'R-"9"' })).toMatchObject({
        replayed: true,
        operationId: first.operationId,
      });
      expect(errorCodes(await app.gql(EarnPoints, { input: { ...input, amount: '41' } }, shop.token))).toEqual([
        'IDEMPOTENCY_KEY_REUSED',
      ]);
      expect(
        errorCodes(
          await app.gql(
            EarnPoints,
            { input: { ...input, member: { customerId: newKey('nobody') }, idempotencyKey: newKey() } },
            shop.token,
          ),
        ),
      ).toEqual(['NOT_FOUND']);
      expect((await ledger.balance(member)).available).toBe('40');
    });

    it('fixed-lifetime lots expire to breakage exactly once', async () => {
      const currency = await ledger.createCurrency(shop, 'FIXED', 'P1D');
      const member = await ledger.enroll(shop);
      await ledger.earnOk(shop, member, 40, { currency: currency.code });
      await app.advanceClock('23 hours 59 minutes');
      expect((await ledger.runExpiry()).pointsExpired).toBe('0');
      await app.advanceClock('1 minute'); // expires_at <= hub time
      const run = await ledger.runExpiry();
      expect(run).toMatchObject({ walletsExpired: 1, pointsExpired: '40' });
      expect((await ledger.runExpiry()).pointsExpired).toBe('0');
      expect(await ledger.balance(member, currency.code)).toEqual({ available: '0', held: '0', owed: '0' });
    });
  });
}
