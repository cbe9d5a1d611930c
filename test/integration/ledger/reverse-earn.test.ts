/**
 * Refunding an earn takes back what the wallet still has and books the
 * shortfall to the member receivable; later earns at any partner pay it first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import {
  checkLedgerInvariantsAfterEach,
  GetTransfer,
  ledgerHelpers,
  type LedgerHelpers,
} from '../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let shop: TestPartner;
let cafe: TestPartner;
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  [shop, cafe] = [await app.createPartner(), await app.createPartner()];
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

describe('reverseTransfer of an earn', () => {
  it('full reversal takes the points back to the partner issuance', async () => {
    const member = await ledger.enroll(shop);
    const earn = await ledger.earnOk(shop, member, 100);
    const res = (await ledger.reverse(shop, earn.transfer.id)).data!.reverseTransfer;
    expect(res.transfer).toMatchObject({
      kind: 'REVERSE_EARN',
      amount: '100',
      walletDelta: '-100',
      reversesTransferId: earn.transfer.id,
      reverses: { id: earn.transfer.id, reversedAmount: '100' },
    });
    expect(res.balance).toEqual({ available: '0', held: '0', owed: '0' });
    expect(errorCodes(await ledger.reverse(shop, earn.transfer.id, 1))).toEqual(['REVERSAL_EXCEEDS_ORIGINAL']);
    expect(errorCodes(await ledger.reverse(shop, earn.transfer.id))).toEqual(['REVERSAL_EXCEEDS_ORIGINAL']);
  });

  it('partial reversals add up to at most the original', async () => {
    const member = await ledger.enroll(shop);
    const earn = await ledger.earnOk(shop, member, 100);
    await ledger.reverse(shop, earn.transfer.id, 30);
    await ledger.reverse(shop, earn.transfer.id, 50);
    const over = await ledger.reverse(shop, earn.transfer.id, 21);
    expect(errorCodes(over)).toEqual(['REVERSAL_EXCEEDS_ORIGINAL']);
    expect(over.errors![0]!.extensions).toMatchObject({ reversible: '20' });
    const rest = (await ledger.reverse(shop, earn.transfer.id)).data!.reverseTransfer;
    expect(rest.transfer.amount).toBe('20');
    expect((await app.gqlOk(GetTransfer, { id: earn.transfer.id }, shop.token)).transfer.reversedAmount).toBe('100');
    expect((await ledger.balance(member)).available).toBe('0');
  });

  it('a wallet that spent the points: the shortfall is owed, and the next earn (at any partner) pays it first', async () => {
    const member = await ledger.enroll(shop);
    await ledger.link(cafe, member);
    const earn = await ledger.earnOk(shop, member, 100);
    await ledger.redeem(cafe, member, 70);
    const res = (await ledger.reverse(shop, earn.transfer.id)).data!.reverseTransfer;
    expect(res.transfers.map((t) => [t.kind, t.amount, t.walletDelta]).sort()).toEqual([
      ['REVERSE_EARN', '30', '-30'],
      ['REVERSE_EARN_SHORTFALL', '70', '0'],
    ]);
    expect(res.balance).toEqual({ available: '0', held: '0', owed: '70' });
    expect(errorCodes(await ledger.redeem(cafe, member, 1))).toEqual(['INSUFFICIENT_POINTS']);

    const first = await ledger.earnOk(cafe, member, 50);
    expect(first.transfers.map((t) => [t.kind, t.amount]).sort()).toEqual([
      ['EARN', '50'],
      ['RECEIVABLE_SETTLEMENT', '50'],
    ]);
    expect(first.balance).toEqual({ available: '0', held: '0', owed: '20' });
    const second = await ledger.earnOk(shop, member, 50);
    expect(second.balance).toEqual({ available: '30', held: '0', owed: '0' });
    const third = await ledger.earnOk(shop, member, 5);
    expect(third.transfers.map((t) => t.kind)).toEqual(['EARN']);
  });

  it('an empty wallet: the whole reversal is a shortfall', async () => {
    const member = await ledger.enroll(shop);
    const earn = await ledger.earnOk(shop, member, 40);
    await ledger.redeem(shop, member, 40);
    const res = (await ledger.reverse(shop, earn.transfer.id, 15)).data!.reverseTransfer;
    expect(res.transfer).toMatchObject({ kind: 'REVERSE_EARN_SHORTFALL', amount: '15', walletDelta: '0' });
    expect(res.balance).toEqual({ available: '0', held: '0', owed: '15' });
  });

  it('held points are not taken back: they stay with the hold', async () => {
    const member = await ledger.enroll(shop);
    const earn = await ledger.earnOk(shop, member, 100);
    await ledger.authorize(shop, member, 80);
    const res = (await ledger.reverse(shop, earn.transfer.id)).data!.reverseTransfer;
    expect(res.balance).toEqual({ available: '0', held: '80', owed: '80' });
  });

  it("takes back from the reversed earn's own lot first", async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 10);
    const earn = await ledger.earnOk(shop, member, 20);
    await ledger.reverse(shop, earn.transfer.id, 20);
    const lots = await app.hub.db.sql.query<{ amount: string; remaining: string }>(
      `select l.amount::text as amount, l.remaining::text as remaining from lot l join account a on a.id = l.wallet_account_id where a.member_id = $1 order by l.amount`,
      [member],
    );
    expect(lots).toEqual([
      { amount: '10', remaining: '10' },
      { amount: '20', remaining: '0' },
    ]);
  });
});
