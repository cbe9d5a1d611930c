/** redeemPoints: one-step spend (wallet → partner redemption), consuming lots first in, first out. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
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

const lotsOf = (memberId: string) =>
  app.hub.db.sql.query<{ issuer: string; amount: string; remaining: string }>(
    `select l.issuer_partner_id as issuer, l.amount::text as amount, l.remaining::text as remaining
       from lot l join account a on a.id = l.wallet_account_id where a.member_id = $1 order by l.created_at, l.id`,
    [memberId],
  );

describe('redeemPoints', () => {
  it('moves points from the wallet to the partner redemption account', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 100);
    const res = (await ledger.redeem(shop, member, 40, { orderRef: 'basket-9' })).data!.redeemPoints;
    expect(res.transfer).toMatchObject({
      kind: 'REDEEM',
      amount: '40',
      walletDelta: '-40',
      partnerId: shop.id,
      memberId: member,
      orderRef: 'basket-9',
    });
    expect(res.balance).toEqual({ available: '60', held: '0', owed: '0' });
    const [credit] = await app.hub.db.sql.query<{ kind: string; partner_id: string }>(
      `select a.kind, a.partner_id from entry e join account a on a.id = e.account_id where e.transfer_id = $1 and e.amount > 0`,
      [res.transfer.id],
    );
    expect(credit).toEqual({ kind: 'PARTNER_REDEMPTION', partner_id: shop.id });
  });

  it('spends points earned at another partner, oldest lot first', async () => {
    const member = await ledger.enroll(shop);
    await ledger.link(cafe, member);
    await ledger.earnOk(shop, member, 30);
    await ledger.earnOk(cafe, member, 50);
    await ledger.redeem(cafe, member, 40);
    expect(await lotsOf(member)).toEqual([
      { issuer: shop.id, amount: '30', remaining: '0' },
      { issuer: cafe.id, amount: '50', remaining: '40' },
    ]);
    await ledger.redeem(shop, member, 35);
    expect((await lotsOf(member)).map((l) => l.remaining)).toEqual(['0', '5']);
    expect((await ledger.balance(member)).available).toBe('5');
  });

  it('refuses more than the wallet holds with INSUFFICIENT_POINTS and writes no transfer', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 10);
    const before = await app.count('transfer');
    const res = await ledger.redeem(shop, member, 11);
    expect(errorCodes(res)).toEqual(['INSUFFICIENT_POINTS']);
    expect(res.errors![0]!.extensions).toMatchObject({ available: '10', requested: '11' });
    expect(await app.count('transfer')).toBe(before);
    expect((await ledger.balance(member)).available).toBe('10');
  });

  it('can spend the wallet down to exactly zero', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 10);
    await ledger.redeem(shop, member, 10);
    expect(await ledger.balance(member)).toEqual({ available: '0', held: '0', owed: '0' });
    expect(errorCodes(await ledger.redeem(shop, member, 1))).toEqual(['INSUFFICIENT_POINTS']);
  });

  it('a member who never earned has nothing to spend', async () => {
    const member = await ledger.enroll(shop);
    expect(errorCodes(await ledger.redeem(shop, member, 1))).toEqual(['INSUFFICIENT_POINTS']);
  });
});
