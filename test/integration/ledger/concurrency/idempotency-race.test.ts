/** The same idempotency key sent 20 times at once: one posting, and every answer carries the same transfer id. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkLedgerInvariantsAfterEach,
  EarnPointsBatch,
  ledgerHelpers,
  newKey,
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

const transfersOf = async (memberId: string) =>
  (
    await app.hub.db.sql.query<{ n: number }>(`select count(*)::int as n from transfer where member_id = $1`, [
      memberId,
    ])
  )[0]!.n;

describe('concurrent duplicates', () => {
  it('20 identical earns at once post once', async () => {
    const member = await ledger.enroll(shop);
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => ledger.earnOk(shop, member, 33, { idempotencyKey: key })),
    );
    expect(new Set(results.map((r) => r.transfer.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.operationId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await transfersOf(member)).toBe(1);
    expect((await ledger.balance(member)).available).toBe('33');
  });

  it('20 identical redemptions at once post once', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 100);
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => ledger.redeem(shop, member, 10, { idempotencyKey: key })),
    );
    expect(results.every((r) => !r.errors?.length)).toBe(true);
    expect(new Set(results.map((r) => r.data!.redeemPoints.transfer.id)).size).toBe(1);
    expect((await ledger.balance(member)).available).toBe('90');
    expect(await transfersOf(member)).toBe(2);
  });

  it('20 identical authorisations at once create one hold', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 100);
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => ledger.authorize(shop, member, 10, { idempotencyKey: key })),
    );
    expect(new Set(results.map((r) => r.data!.authorizeRedemption.hold!.id)).size).toBe(1);
    expect(await ledger.balance(member)).toEqual({ available: '90', held: '10', owed: '0' });
  });

  it('20 identical batches at once post each item once', async () => {
    const members = [await ledger.enroll(shop), await ledger.enroll(shop)];
    const items = members.map((m) => ({ member: { memberId: m }, amount: '5', idempotencyKey: newKey() }));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => app.gqlOk(EarnPointsBatch, { input: { items } }, shop.token)),
    );
    for (const i of [0, 1])
      expect(new Set(results.map((r) => r.earnPointsBatch.items[i]!.result?.transfer.id)).size).toBe(1);
    for (const m of members) expect((await ledger.balance(m)).available).toBe('5');
  });

  it("batches for different members reusing each other's keys at once: each key posts once, the other use is IDEMPOTENCY_KEY_REUSED", async () => {
    // Different members per batch, so the batches do not queue on account locks and meet only on the keys.
    const pairs = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const keys = Array.from({ length: 200 }, () => newKey());
        const [a, b] = [await ledger.enroll(shop), await ledger.enroll(shop)];
        const forward = keys.map((k) => ({ member: { memberId: a }, amount: '1', idempotencyKey: k }));
        const backward = [...keys].reverse().map((k) => ({ member: { memberId: b }, amount: '1', idempotencyKey: k }));
        return { keys, forward, backward };
      }),
    );
    const results = await Promise.all(
      pairs.flatMap(({ forward, backward }) => [
        app.gql(EarnPointsBatch, { input: { items: forward } }, shop.token),
        app.gql(EarnPointsBatch, { input: { items: backward } }, shop.token),
      ]),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    for (const [i, { keys }] of pairs.entries()) {
      const outcomes = new Map<string, string[]>(keys.map((k) => [k, []]));
      for (const r of [results[2 * i]!, results[2 * i + 1]!]) {
        for (const item of r.data!.earnPointsBatch.items)
          outcomes.get(item.idempotencyKey!)!.push(item.error?.code ?? 'POSTED');
      }
      for (const k of keys) expect(outcomes.get(k)!.sort()).toEqual(['IDEMPOTENCY_KEY_REUSED', 'POSTED']);
    }
  });
});
