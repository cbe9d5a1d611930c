/** Refunding a redemption (one-step or a captured hold) returns the points to the wallet; never more than the original. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let shop: TestPartner;
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  shop = await app.createPartner();
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

describe('reverseTransfer of a redemption', () => {
  it('returns the points of a one-step redemption, in parts, capped at the original', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 100);
    const redeem = (await ledger.redeem(shop, member, 60)).data!.redeemPoints;
    const part = (await ledger.reverse(shop, redeem.transfer.id, 25)).data!.reverseTransfer;
    expect(part.transfer).toMatchObject({
      kind: 'REVERSE_REDEEM',
      amount: '25',
      walletDelta: '25',
      reversesTransferId: redeem.transfer.id,
    });
    expect(part.balance).toEqual({ available: '65', held: '0', owed: '0' });
    expect(errorCodes(await ledger.reverse(shop, redeem.transfer.id, 36))).toEqual(['REVERSAL_EXCEEDS_ORIGINAL']);
    const rest = (await ledger.reverse(shop, redeem.transfer.id)).data!.reverseTransfer;
    expect(rest.transfer).toMatchObject({ amount: '35', reverses: { reversedAmount: '60' } });
    expect(rest.balance).toEqual({ available: '100', held: '0', owed: '0' });
    expect(errorCodes(await ledger.reverse(shop, redeem.transfer.id))).toEqual(['REVERSAL_EXCEEDS_ORIGINAL']);
  });

  it('returns the points of a captured hold', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 100);
    const hold = (await ledger.authorize(shop, member, 80)).data!.authorizeRedemption.hold!;
    const capture = (await ledger.capture(shop, hold.id, 50)).data!.captureRedemption;
    expect(capture.balance?.available).toBe('50');
    const res = (await ledger.reverse(shop, capture.transfer.id)).data!.reverseTransfer;
    expect(res.transfer).toMatchObject({ kind: 'REVERSE_REDEEM', amount: '50' });
    expect(res.balance).toEqual({ available: '100', held: '0', owed: '0' });
  });

  it('returned points go back to the lots they came from (and can be spent again)', async () => {
    const other = await app.createPartner();
    const member = await ledger.enroll(shop);
    await ledger.link(other, member);
    await ledger.earnOk(shop, member, 30);
    await ledger.earnOk(other, member, 30);
    const redeem = (await ledger.redeem(shop, member, 45)).data!.redeemPoints;
    await ledger.reverse(shop, redeem.transfer.id, 10);
    const lots = await app.hub.db.sql.query<{ issuer: string; remaining: string }>(
      `select l.issuer_partner_id as issuer, l.remaining::text as remaining from lot l join account a on a.id = l.wallet_account_id where a.member_id = $1 order by l.created_at, l.id`,
      [member],
    );
    // 45 = 30 (shop's lot) + 15 (other's lot); the latest consumed is returned first.
    expect(lots).toEqual([
      { issuer: shop.id, remaining: '0' },
      { issuer: other.id, remaining: '25' },
    ]);
    await ledger.redeem(shop, member, 25);
    expect((await ledger.balance(member)).available).toBe('0');
  });

  it('transfers that are not earns or redemptions cannot be reversed: NOT_REVERSIBLE', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 100);
    const auth = (await ledger.authorize(shop, member, 10)).data!.authorizeRedemption;
    const voided = (await ledger.voidHold(shop, auth.hold!.id)).data!.voidRedemption;
    const redeem = (await ledger.redeem(shop, member, 10)).data!.redeemPoints;
    const reversal = (await ledger.reverse(shop, redeem.transfer.id, 5)).data!.reverseTransfer;
    const before = await ledger.ledgerCounts();
    for (const id of [auth.transfer.id, voided.transfer.id, reversal.transfer.id]) {
      expect(errorCodes(await ledger.reverse(shop, id))).toEqual(['NOT_REVERSIBLE']);
    }
    expect(await ledger.ledgerCounts()).toEqual(before);
  });
});
