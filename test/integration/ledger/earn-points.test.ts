/** earnPoints: partner issuance → member wallet, with a FIFO lot and the partner's order reference. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import {
  checkLedgerInvariantsAfterEach,
  EarnPoints,
  GetTransfer,
  ledgerHelpers,
  newKey,
  type LedgerHelpers,
} from '../../support/ledger.js';
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

describe('earnPoints', () => {
  it("credits the wallet from the partner's issuance and records the order reference", async () => {
    const member = await ledger.enroll(shop);
    const earned = await ledger.earnOk(shop, member, 1250, { orderRef: 'POS-42/7' });
    expect(earned.replayed).toBe(false);
    expect(earned.transfer).toEqual({
      id: expect.any(String),
      kind: 'EARN',
      amount: '1250',
      walletDelta: '1250',
      currency: 'PTS',
      partnerId: shop.id,
      memberId: member,
      orderRef: 'POS-42/7',
    });
    expect(earned.balance).toEqual({ available: '1250', held: '0', owed: '0' });
    const [debit] = await app.hub.db.sql.query<{ kind: string; partner_id: string; amount: string }>(
      `select a.kind, a.partner_id, e.amount::text as amount from entry e join account a on a.id = e.account_id where e.transfer_id = $1 and e.amount < 0`,
      [earned.transfer.id],
    );
    expect(debit).toEqual({ kind: 'PARTNER_ISSUANCE', partner_id: shop.id, amount: '-1250' });
  });

  it('creates a lot: amount, issuing partner, expiry per the currency policy (PTS: 24 months)', async () => {
    const member = await ledger.enroll(shop);
    const earned = await ledger.earnOk(shop, member, 300);
    const [lot] = await app.hub.db.sql.query<{
      amount: string;
      remaining: string;
      issuer_partner_id: string;
      months: number;
    }>(
      `select amount::text as amount, remaining::text as remaining, issuer_partner_id,
              round(extract(epoch from expires_at - created_at) / 86400 / 30.4)::int as months
         from lot where source_transfer_id = $1`,
      [earned.transfer.id],
    );
    expect(lot).toEqual({ amount: '300', remaining: '300', issuer_partner_id: shop.id, months: 24 });
  });

  it('takes the member by the partner customer id too', async () => {
    const customerId = newKey('cust');
    const member = await ledger.enroll(shop, customerId);
    const res = await app.gqlOk(
      EarnPoints,
      { input: { member: { customerId }, amount: '7', idempotencyKey: newKey() } },
      shop.token,
    );
    expect(res.earnPoints.transfer.memberId).toBe(member);
    expect((await ledger.balance(member)).available).toBe('7');
  });

  it('earns in a branded currency only at its issuer; lots of a NONE currency never expire', async () => {
    const other = await app.createPartner();
    const brand = await ledger.createCurrency(shop, 'NONE');
    const member = await ledger.enroll(shop);
    await ledger.link(other, member);
    const earned = await ledger.earnOk(shop, member, 90, { currency: brand.code });
    expect(earned.transfer.currency).toBe(brand.code);
    expect(await ledger.balance(member, brand.code)).toEqual({ available: '90', held: '0', owed: '0' });
    const [lot] = await app.hub.db.sql.query<{ expires_at: unknown }>(
      `select expires_at from lot where source_transfer_id = $1`,
      [earned.transfer.id],
    );
    expect(lot!.expires_at).toBeNull();
    const before = await ledger.ledgerCounts();
    expect(errorCodes(await ledger.earn(other, member, 10, { currency: brand.code }))).toEqual([
      'CURRENCY_NOT_ISSUABLE',
    ]);
    expect(await ledger.ledgerCounts()).toEqual(before);
  });

  it('a transfer can be read back by its partner and the operator', async () => {
    const member = await ledger.enroll(shop);
    const earned = await ledger.earnOk(shop, member, 5);
    const mine = (await app.gqlOk(GetTransfer, { id: earned.transfer.id }, shop.token)).transfer;
    expect(mine).toMatchObject({
      id: earned.transfer.id,
      kind: 'EARN',
      amount: '5',
      partnerId: shop.id,
      memberId: member,
      reversedAmount: '0',
    });
    expect((await app.gqlOk(GetTransfer, { id: earned.transfer.id }, await ledger.operatorToken())).transfer.id).toBe(
      earned.transfer.id,
    );
  });

  it('several earns add up, one lot each', async () => {
    const member = await ledger.enroll(shop);
    for (const amount of [1, 20, 300]) await ledger.earnOk(shop, member, amount);
    expect((await ledger.balance(member)).available).toBe('321');
    const [row] = await app.hub.db.sql.query<{ n: number }>(
      `select count(*)::int as n from lot l join account a on a.id = l.wallet_account_id where a.member_id = $1`,
      [member],
    );
    expect(row!.n).toBe(3);
  });
});
