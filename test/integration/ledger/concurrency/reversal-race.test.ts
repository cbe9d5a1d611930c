/** Concurrent reversals adding up to more than the original are capped at the original; the rest REVERSAL_EXCEEDS_ORIGINAL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../../support/graphql-client.js';
import {
  checkLedgerInvariantsAfterEach,
  GetTransfer,
  ledgerHelpers,
  type LedgerHelpers,
} from '../../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let shop: TestPartner;
beforeAll(async () => {
  app = await initTestApp({ config: { dbPoolSize: 8 } });
  ledger = ledgerHelpers(app);
  shop = await app.createPartner();
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

async function race(transferId: string, n: number, amount: number) {
  const results = await Promise.all(Array.from({ length: n }, () => ledger.reverse(shop, transferId, amount)));
  const ok = results.filter((r) => !r.errors?.length).length;
  expect(results.flatMap((r) => errorCodes(r)).every((c) => c === 'REVERSAL_EXCEEDS_ORIGINAL')).toBe(true);
  return ok;
}

describe('reversal race', () => {
  it('12 reversals of 30 against a redemption of 100: exactly 3 go through (90)', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 100);
    const redeem = (await ledger.redeem(shop, member, 100)).data!.redeemPoints;
    expect(await race(redeem.transfer.id, 12, 30)).toBe(3);
    expect((await app.gqlOk(GetTransfer, { id: redeem.transfer.id }, shop.token)).transfer.reversedAmount).toBe('90');
    expect((await ledger.balance(member)).available).toBe('90');
  });

  it('12 reversals of 25 against an earn of 100: exactly 4 go through, capped at the original', async () => {
    const member = await ledger.enroll(shop);
    const earn = await ledger.earnOk(shop, member, 100);
    await ledger.redeem(shop, member, 60);
    expect(await race(earn.transfer.id, 12, 25)).toBe(4);
    expect((await app.gqlOk(GetTransfer, { id: earn.transfer.id }, shop.token)).transfer.reversedAmount).toBe('100');
    expect(await ledger.balance(member)).toEqual({ available: '0', held: '0', owed: '60' });
  });

  it('full reversals (no amount) racing: one wins', async () => {
    const member = await ledger.enroll(shop);
    const earn = await ledger.earnOk(shop, member, 40);
    const results = await Promise.all(Array.from({ length: 8 }, () => ledger.reverse(shop, earn.transfer.id)));
    expect(results.filter((r) => !r.errors?.length)).toHaveLength(1);
    expect((await ledger.balance(member)).available).toBe('0');
  });
});
