/**
 * An earn that names its member by the partner's customer id resolves the
 * member inside its own lock statement, and its claim (sent in the same round
 * trip) resolves it again to compute the request hash in SQL. It must behave
 * exactly like an earn by hub member id: same idempotency (a key used with
 * either reference replays the same operation), the partner's own customers
 * only, an unknown customer writes nothing, concurrent duplicates post once,
 * and a member's first earn in a currency creates its accounts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import {
  checkLedgerInvariantsAfterEach,
  EarnPoints,
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

const earnByCustomer = (
  partner: TestPartner,
  customerId: string,
  amount: number | string,
  extra: { idempotencyKey?: string; currency?: string; orderRef?: string } = {},
) =>
  app.gql(
    EarnPoints,
    {
      input: {
        member: { customerId },
        amount: String(amount),
        idempotencyKey: extra.idempotencyKey ?? newKey('c'),
        currency: extra.currency,
        orderRef: extra.orderRef,
      },
    },
    partner.token,
  );

describe('earn by customer id', () => {
  it("a member's first earn creates the accounts, posts once and answers with the member and the balance", async () => {
    const customerId = newKey('cust');
    const memberId = await ledger.enroll(shop, customerId);
    const before = await ledger.ledgerCounts();
    const res = await earnByCustomer(shop, customerId, 25);
    expect(res.errors).toBeUndefined();
    expect(res.data!.earnPoints).toMatchObject({
      replayed: false,
      transfer: { kind: 'EARN', amount: '25', memberId, partnerId: shop.id },
      balance: { available: '25' },
    });
    const after = await ledger.ledgerCounts();
    expect(after.operation - before.operation).toBe(1);
    expect(after.transfer - before.transfer).toBe(1);
  });

  it('an unknown customer id is NOT_FOUND and writes nothing; so is another partner’s customer', async () => {
    const other = await app.createPartner();
    const theirs = newKey('cust');
    await ledger.enroll(other, theirs);
    const before = await ledger.ledgerCounts();
    expect(errorCodes(await earnByCustomer(shop, newKey('nobody'), 10))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await earnByCustomer(shop, theirs, 10))).toEqual(['NOT_FOUND']);
    expect(await ledger.ledgerCounts()).toEqual(before);
  });

  it('a key used by customer id and again by member id is the same operation (replayed), and a changed amount is IDEMPOTENCY_KEY_REUSED', async () => {
    const customerId = newKey('cust');
    const memberId = await ledger.enroll(shop, customerId);
    const key = newKey();
    const first = await earnByCustomer(shop, customerId, 10, { idempotencyKey: key });
    const again = await earnByCustomer(shop, customerId, 10, { idempotencyKey: key });
    const byMember = await ledger.earnOk(shop, memberId, 10, { idempotencyKey: key });
    expect(again.data!.earnPoints).toMatchObject({ replayed: true, operationId: first.data!.earnPoints.operationId });
    expect(byMember).toMatchObject({ replayed: true, operationId: first.data!.earnPoints.operationId });
    expect(errorCodes(await earnByCustomer(shop, customerId, 11, { idempotencyKey: key }))).toEqual([
      'IDEMPOTENCY_KEY_REUSED',
    ]);
    expect((await ledger.balance(memberId)).available).toBe('10');
  });

  it('the hash the claim computes in SQL is the one computed in the hub: replays across references, in both orders, with an order reference', async () => {
    const customerId = newKey('cust');
    const memberId = await ledger.enroll(shop, customerId);
    // By member id first (hash computed in the hub), then by customer id (the claim conflicts; the hashes must agree).
    const key = newKey();
    const orderRef = 'order "7" / ünïcode';
    const first = await ledger.earnOk(shop, memberId, 12, { idempotencyKey: key, orderRef });
    const again = await earnByCustomer(shop, customerId, 12, { idempotencyKey: key, orderRef });
    expect(again.errors).toBeUndefined();
    expect(again.data!.earnPoints).toMatchObject({ replayed: true, operationId: first.operationId });
    // By customer id first (hash computed in SQL), then by member id with the same order reference, then another one.
    const key2 = newKey();
    const byCustomer = await earnByCustomer(shop, customerId, 3, { idempotencyKey: key2, orderRef });
    expect(byCustomer.errors).toBeUndefined();
    expect(await ledger.earnOk(shop, memberId, 3, { idempotencyKey: key2, orderRef })).toMatchObject({
      replayed: true,
      operationId: byCustomer.data!.earnPoints.operationId,
    });
    expect(
      errorCodes(await ledger.earn(shop, memberId, 3, { idempotencyKey: key2, orderRef: 'another order' })),
    ).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect((await ledger.balance(memberId)).available).toBe('15');
  });

  it('20 identical earns by customer id at once post once', async () => {
    const customerId = newKey('cust');
    const memberId = await ledger.enroll(shop, customerId);
    await earnByCustomer(shop, customerId, 1); // accounts exist, so all 20 race on the same rows
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => earnByCustomer(shop, customerId, 5, { idempotencyKey: key })),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(new Set(results.map((r) => r.data!.earnPoints.operationId)).size).toBe(1);
    expect(results.filter((r) => !r.data!.earnPoints.replayed)).toHaveLength(1);
    expect((await ledger.balance(memberId)).available).toBe('6');
  });

  it("earns in the partner's branded currency by customer id (the member's first earn in that currency)", async () => {
    const customerId = newKey('cust');
    const memberId = await ledger.enroll(shop, customerId);
    const currency = await ledger.createCurrency(shop, 'NONE');
    await earnByCustomer(shop, customerId, 5);
    const res = await earnByCustomer(shop, customerId, 40, { currency: currency.code });
    expect(res.errors).toBeUndefined();
    expect(res.data!.earnPoints.transfer).toMatchObject({ currency: currency.code, amount: '40', memberId });
    expect((await ledger.balance(memberId, currency.code)).available).toBe('40');
    expect((await ledger.balance(memberId)).available).toBe('5');
  });
});
