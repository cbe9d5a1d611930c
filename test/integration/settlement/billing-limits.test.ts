/**
 * Billing is enforced at posting. Prepaid: the operator records top-ups and
 * every PTS issuance (earns, branded → PTS conversions) draws them down at the
 * issue price; an earn that would exceed them is PREPAID_FUNDS_EXHAUSTED and
 * posts nothing. Postpaid with a credit limit: unpaid issuance draws the
 * credit down, CREDIT_LIMIT_EXCEEDED beyond it, and paying a statement gives
 * its issuance back. A batch spends the budget item by item: those that no
 * longer fit fail alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, type GraphQLResponse, dataOf } from '../../support/graphql-client.js';
import {
  checkLedgerInvariantsAfterEach,
  EarnPointsBatch,
  ledgerHelpers,
  newKey,
  type LedgerHelpers,
} from '../../support/ledger.js';
import { memberHelpers } from '../../support/members.js';
import { exchangeHelpers } from '../../support/exchange.js';
import { settlementHelpers, type SettlementHelpers } from '../../support/settlement.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let st: SettlementHelpers;
beforeAll(async () => {
  app = await initTestApp({ config: LONG_LIVED_TOKENS }); // periods are closed by moving hub time
  ledger = ledgerHelpers(app);
  st = settlementHelpers(app);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

/** What an earn may write (the operation row of a rejection aside). */
const POSTING_TABLES = ['transfer', 'entry', 'lot', 'lot_movement', 'transfer_valuation', 'account_shard'];
async function postingCounts() {
  const out: Record<string, number> = {};
  for (const t of POSTING_TABLES) out[t] = await app.count(t);
  return out;
}

/** Runs `request`, expects exactly `code`, and proves nothing was posted and the budget did not move. */
async function rejected<T>(partner: TestPartner, code: string, request: () => Promise<GraphQLResponse<T>>) {
  const [before, budget] = [await postingCounts(), await st.budget(partner)];
  const res = await request();
  expect(errorCodes(res), JSON.stringify(res.errors)).toEqual([code]);
  expect(await postingCounts()).toEqual(before);
  expect(await st.budget(partner)).toBe(budget);
  return res;
}

describe('prepaid', () => {
  let shop: TestPartner;
  beforeAll(async () => {
    shop = await app.createPartner();
    await st.contractOk(shop, { billingMode: 'PREPAID', issuePrice: '0.01' });
  });

  it('without funds nothing can be issued; top-ups are drawn down by issuance, exactly; beyond them PREPAID_FUNDS_EXHAUSTED, nothing posted', async () => {
    const member = await ledger.enroll(shop);
    expect(await st.budget(shop)).toBe('0');
    const key = newKey();
    const first = await rejected(shop, 'PREPAID_FUNDS_EXHAUSTED', () =>
      ledger.earn(shop, member, 1, { idempotencyKey: key }),
    );
    expect(first.errors![0]!.extensions?.remaining).toBe('0');
    // A rejection is final for its key: replaying it rejects again, still posting nothing.
    await rejected(shop, 'PREPAID_FUNDS_EXHAUSTED', () => ledger.earn(shop, member, 1, { idempotencyKey: key }));

    expect(await st.topUpOk(shop, '1.00', 'wire-0001')).toEqual({ partnerId: shop.id, remaining: '1' });
    const [topup] = await app.hub.db.sql.query<{ amount: string; reference: string }>(
      `select amount::text as amount, reference from prepaid_topup where partner_id = $1`,
      [shop.id],
    );
    expect(topup).toEqual({ amount: '1.0000', reference: 'wire-0001' });

    const e60 = await ledger.earnOk(shop, member, 60);
    expect(await st.budget(shop)).toBe('0.4');
    const over = await rejected(shop, 'PREPAID_FUNDS_EXHAUSTED', () => ledger.earn(shop, member, 41));
    expect(over.errors![0]!.extensions?.remaining).toBe('0.4');
    await ledger.earnOk(shop, member, 40);
    expect(await st.budget(shop)).toBe('0');
    await rejected(shop, 'PREPAID_FUNDS_EXHAUSTED', () => ledger.earn(shop, member, 1));

    // Reversing an issuance gives its funds back, at the price it was drawn at.
    dataOf(await ledger.reverse(shop, e60.transfer.id, 10));
    expect(await st.budget(shop)).toBe('0.1');
    await ledger.earnOk(shop, member, 10);
    expect(await st.budget(shop)).toBe('0');
    expect((await ledger.balance(member)).available).toBe('100');

    // Redemptions, and branded-currency earns, draw nothing.
    dataOf(await ledger.redeem(shop, member, 50));
    const miles = await ledger.createCurrency(shop, 'NONE');
    await ledger.earnOk(shop, member, 1_000_000, { currency: miles.code });
    expect(await st.budget(shop)).toBe('0');
  });

  it('top-ups accumulate exactly; bad amounts → BAD_USER_INPUT and a postpaid partner → NOT_PREPAID, nothing written', async () => {
    const p = await app.createPartner();
    await st.contractOk(p, { billingMode: 'PREPAID', settlementCurrency: 'KWD', issuePrice: '0.0005' });
    await st.topUpOk(p, '0.001');
    expect((await st.topUpOk(p, '2.499', null)).remaining).toBe('2.5');
    const [postpaid, none] = [await app.createPartner(), await app.createPartner()];
    await st.contractOk(postpaid, { billingMode: 'POSTPAID', creditLimit: '10' });
    const before = await st.counts();
    for (const amount of ['0', '-1', '0.0001', 'abc', '1e3'])
      expect(errorCodes(await st.topUp(p, amount)), amount).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await st.topUp(p, '1', ''))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await st.topUp(postpaid, '5'))).toEqual(['NOT_PREPAID']);
    expect(errorCodes(await st.topUp(none, '5'))).toEqual(['NOT_PREPAID']); // no contract at all
    expect(await st.counts()).toEqual(before);
    expect(await st.budget(p)).toBe('2.5');
    expect(await st.budget(postpaid)).toBe('10');
  });

  it('branded → PTS conversions are issuance by the brand: they draw its prepaid funds, and beyond them are refused with nothing written', async () => {
    const airline = await app.createPartner();
    await st.contractOk(airline, { billingMode: 'PREPAID', issuePrice: '0.02' });
    const ex = exchangeHelpers(app, ledger);
    const miles = await ex.brand(airline);
    await ex.setRateOk(miles, 'TO_PTS', '0.5', '0', 1, 1);
    await ex.setRateOk(miles, 'FROM_PTS', '1.5', '0', 1, 1);
    const member = await ledger.enroll(airline);
    const token = await memberHelpers(app).signIn(member);
    await ledger.earnOk(airline, member, 1000, { currency: miles });
    await st.topUpOk(airline, '3');
    await ex.exchangeOk(token, (await ex.quoteOk(token, miles, 'PTS', 200)).id); // 100 PTS × 0.02 = 2
    expect(await st.budget(airline)).toBe('1');
    const q = await ex.quoteOk(token, miles, 'PTS', 102); // 51 PTS × 0.02 = 1.02
    const before = await ex.counts();
    await rejected(airline, 'PREPAID_FUNDS_EXHAUSTED', () => ex.exchange(token, q.id));
    expect(await ex.counts()).toEqual({ ...before, operation: before.operation! + 1 });
    await ex.exchangeOk(token, (await ex.quoteOk(token, miles, 'PTS', 100)).id);
    expect(await st.budget(airline)).toBe('0');
  });
});

describe('postpaid', () => {
  it('a credit limit on unpaid issuance: CREDIT_LIMIT_EXCEEDED beyond it, nothing posted; paying the statement restores the credit', async () => {
    const shop = await app.createPartner();
    const member = await ledger.enroll(shop);
    await st.contractOk(shop, {
      billingMode: 'POSTPAID',
      creditLimit: '5.00',
      issuePrice: '0.25',
      redemptionPrice: '0.2',
    });
    expect(await st.budget(shop)).toBe('5');
    await ledger.earnOk(shop, member, 8);
    await ledger.earnOk(shop, member, 8);
    dataOf(await ledger.redeem(shop, member, 10)); // redemptions neither use nor give credit
    expect(await st.budget(shop)).toBe('1');
    const over = await rejected(shop, 'CREDIT_LIMIT_EXCEEDED', () => ledger.earn(shop, member, 5));
    expect(over.errors![0]!.extensions?.remaining).toBe('1');
    await ledger.earnOk(shop, member, 4);
    expect(await st.budget(shop)).toBe('0');

    const closed = await st.closeCurrent(shop);
    expect(closed.dueToHub).toBe('5');
    await rejected(shop, 'CREDIT_LIMIT_EXCEEDED', () => ledger.earn(shop, member, 1)); // closing alone settles nothing
    dataOf(await st.markPaid(shop, closed.periodStart, 'PAY-42'));
    expect(await st.budget(shop)).toBe('5');
    await ledger.earnOk(shop, member, 20);
    expect(await st.budget(shop)).toBe('0');
    await rejected(shop, 'CREDIT_LIMIT_EXCEEDED', () => ledger.earn(shop, member, 1));
  });

  it('paying gives back exactly the limit less what is still unpaid: never above a lowered limit, and a period whose reversals outweigh its issuance can be paid', async () => {
    // A limit lowered below the exposure: nothing left, and paying restores the new limit — not more.
    const lowered = await app.createPartner();
    const m1 = await ledger.enroll(lowered);
    await st.contractOk(lowered, { billingMode: 'POSTPAID', creditLimit: '10', issuePrice: '0.1' });
    await ledger.earnOk(lowered, m1, 60);
    await st.contractOk(lowered, { billingMode: 'POSTPAID', creditLimit: '5', issuePrice: '0.1' });
    expect(await st.budget(lowered)).toBe('0');
    const s1 = await st.closeCurrent(lowered);
    dataOf(await st.markPaid(lowered, s1.periodStart));
    expect(await st.budget(lowered)).toBe('5');
    await rejected(lowered, 'CREDIT_LIMIT_EXCEEDED', () => ledger.earn(lowered, m1, 51));
    await ledger.earnOk(lowered, m1, 50);

    // A period with only a reversal (due to the hub: −10), paid after the partner used the credit it gave back.
    const shop = await app.createPartner();
    const m2 = await ledger.enroll(shop);
    await st.contractOk(shop, { billingMode: 'POSTPAID', creditLimit: '10', issuePrice: '0.1' });
    const earn = await ledger.earnOk(shop, m2, 100);
    const p1 = await st.closeCurrent(shop);
    dataOf(await st.markPaid(shop, p1.periodStart));
    dataOf(await ledger.reverse(shop, earn.transfer.id));
    expect(await st.budget(shop)).toBe('20'); // unpaid exposure −10
    const p2 = await st.closeCurrent(shop);
    expect(p2.dueToHub).toBe('-10');
    await ledger.earnOk(shop, m2, 200); // exposure 10: at the limit
    expect(await st.budget(shop)).toBe('0');
    const paid = await st.markPaid(shop, p2.periodStart, 'NETTED');
    expect(errorCodes(paid), JSON.stringify(paid.errors)).toEqual([]);
    expect(await st.budget(shop)).toBe('0'); // unpaid exposure now 20, over the limit: nothing left
    await rejected(shop, 'CREDIT_LIMIT_EXCEEDED', () => ledger.earn(shop, m2, 1));
    const p3 = await st.closeCurrent(shop);
    dataOf(await st.markPaid(shop, p3.periodStart));
    expect(await st.budget(shop)).toBe('10');
  });

  it('a new limit takes effect at once against the unpaid exposure; postpaid without a limit has no budget', async () => {
    const shop = await app.createPartner();
    const member = await ledger.enroll(shop);
    await st.contractOk(shop, { billingMode: 'POSTPAID', creditLimit: '10', issuePrice: '0.1' });
    await ledger.earnOk(shop, member, 60); // exposure 6
    await st.contractOk(shop, { billingMode: 'POSTPAID', creditLimit: '8', issuePrice: '0.1' });
    expect(await st.budget(shop)).toBe('2');
    await st.contractOk(shop, { billingMode: 'POSTPAID', creditLimit: '5', issuePrice: '0.1' }); // already over: nothing more until paid
    expect(await st.budget(shop)).toBe('0');
    await rejected(shop, 'CREDIT_LIMIT_EXCEEDED', () => ledger.earn(shop, member, 1));
    await st.contractOk(shop, { billingMode: 'POSTPAID', creditLimit: null, issuePrice: '0.1' });
    expect(await st.budget(shop)).toBeNull();
    await ledger.earnOk(shop, member, 1_000_000);
    await st.contractOk(shop, { billingMode: 'PREPAID', issuePrice: '0.1' }); // prepaid starts with no funds
    expect(await st.budget(shop)).toBe('0');
    await rejected(shop, 'PREPAID_FUNDS_EXHAUSTED', () => ledger.earn(shop, member, 1));
  });
});

describe('batches', () => {
  type Item = { member: { memberId: string }; amount: string; idempotencyKey: string };
  it('items are charged in order; those beyond the budget fail individually, the rest post', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { billingMode: 'PREPAID', issuePrice: '0.01' });
    await st.topUpOk(shop, '1');
    const [m1, m2] = [await ledger.enroll(shop), await ledger.enroll(shop)];
    const items: Item[] = [
      { member: { memberId: m1 }, amount: '60', idempotencyKey: newKey() },
      { member: { memberId: m2 }, amount: '50', idempotencyKey: newKey() }, // 0.5 > 0.4 left
      { member: { memberId: m2 }, amount: '30', idempotencyKey: newKey() },
      { member: { memberId: m1 }, amount: '11', idempotencyKey: newKey() }, // 0.11 > 0.1 left
      { member: { memberId: m1 }, amount: '10', idempotencyKey: newKey() },
    ];
    const transfers = await app.count('transfer');
    const res = dataOf(await app.gql(EarnPointsBatch, { input: { items } }, shop.token)).earnPointsBatch;
    expect(res.items.map((i) => i.error?.code ?? 'OK')).toEqual([
      'OK',
      'PREPAID_FUNDS_EXHAUSTED',
      'OK',
      'PREPAID_FUNDS_EXHAUSTED',
      'OK',
    ]);
    expect([res.succeeded, res.failed]).toEqual([3, 2]);
    expect(await app.count('transfer')).toBe(transfers + 3);
    expect(await st.budget(shop)).toBe('0');
    expect([(await ledger.balance(m1)).available, (await ledger.balance(m2)).available]).toEqual(['70', '30']);
    // The refused items are final for their keys, like single earns.
    const again = dataOf(await app.gql(EarnPointsBatch, { input: { items } }, shop.token)).earnPointsBatch;
    expect(again.items.map((i) => i.error?.code ?? 'OK')).toEqual([
      'OK',
      'PREPAID_FUNDS_EXHAUSTED',
      'OK',
      'PREPAID_FUNDS_EXHAUSTED',
      'OK',
    ]);
    expect(await app.count('transfer')).toBe(transfers + 3);
  });

  it('against a credit limit the same: CREDIT_LIMIT_EXCEEDED per item', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { billingMode: 'POSTPAID', creditLimit: '1', issuePrice: '0.3' });
    const member = await ledger.enroll(shop);
    const items: Item[] = [1, 2, 1, 1].map((n) => ({
      member: { memberId: member },
      amount: String(n),
      idempotencyKey: newKey(),
    }));
    const res = dataOf(await app.gql(EarnPointsBatch, { input: { items } }, shop.token)).earnPointsBatch;
    expect(res.items.map((i) => i.error?.code ?? 'OK')).toEqual([
      'OK',
      'OK',
      'CREDIT_LIMIT_EXCEEDED',
      'CREDIT_LIMIT_EXCEEDED',
    ]);
    expect(await st.budget(shop)).toBe('0.1');
    expect((await ledger.balance(member)).available).toBe('3');
  });
});
