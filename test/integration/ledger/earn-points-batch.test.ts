/** earnPointsBatch: up to 1,000 earns in one call, each with its own key and result; one bad item fails alone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import {
  checkLedgerInvariantsAfterEach,
  EarnPointsBatch,
  ledgerHelpers,
  newKey,
  type LedgerHelpers,
} from '../../support/ledger.js';
import { MergeMembers } from '../../support/members.js';
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

type Item = {
  member: { memberId?: string; customerId?: string };
  amount: string;
  idempotencyKey: string;
  currency?: string;
  orderRef?: string;
};
const batch = (items: Item[], token = shop.token) => app.gql(EarnPointsBatch, { input: { items } }, token);

describe('earnPointsBatch', () => {
  it('posts every good item and reports each bad one with its own code', async () => {
    const other = await app.createPartner();
    const customerId = newKey('cust');
    const [m1, m2] = [await ledger.enroll(shop, customerId), await ledger.enroll(shop)];
    const stranger = await ledger.enroll(other);
    const items: Item[] = [
      { member: { memberId: m1 }, amount: '10', idempotencyKey: newKey(), orderRef: 'eod-1' },
      { member: { memberId: stranger }, amount: '10', idempotencyKey: newKey() },
      { member: { customerId }, amount: '5', idempotencyKey: newKey() },
      { member: { memberId: m2 }, amount: '-1', idempotencyKey: newKey() },
      { member: { memberId: m2 }, amount: '3', idempotencyKey: 'bad key with spaces' },
      { member: { memberId: m2 }, amount: '3', idempotencyKey: newKey(), currency: 'NOPE' },
      { member: { memberId: m2 }, amount: '8', idempotencyKey: newKey() },
    ];
    const res = (await batch(items)).data!.earnPointsBatch;
    expect([res.succeeded, res.failed]).toEqual([3, 4]);
    expect(res.items.map((i) => i.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(res.items.map((i) => i.idempotencyKey)).toEqual(items.map((i) => i.idempotencyKey));
    expect(res.items.map((i) => i.error?.code ?? 'OK')).toEqual([
      'OK',
      'NOT_FOUND',
      'OK',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'UNKNOWN_CURRENCY',
      'OK',
    ]);
    expect(res.items[2]!.result!.transfer.memberId).toBe(m1);
    expect((await ledger.balance(m1)).available).toBe('15');
    expect((await ledger.balance(m2)).available).toBe('8');
    expect(await ledger.balance(stranger)).toEqual({ available: '0', held: '0', owed: '0' });
  });

  it('a replayed batch posts nothing new and returns the same transfer ids', async () => {
    const member = await ledger.enroll(shop);
    const items = [1, 2, 3].map((n) => ({ member: { memberId: member }, amount: String(n), idempotencyKey: newKey() }));
    const first = (await batch(items)).data!.earnPointsBatch;
    const transfers = await app.count('transfer');
    const again = (await batch(items)).data!.earnPointsBatch;
    expect(again.items.map((i) => i.result!.transfer.id)).toEqual(first.items.map((i) => i.result!.transfer.id));
    expect(again.items.map((i) => i.result!.replayed)).toEqual([true, true, true]);
    expect(await app.count('transfer')).toBe(transfers);
    expect((await ledger.balance(member)).available).toBe('6');
  });

  it('a key used before by a single earn replays it; with a different request it is IDEMPOTENCY_KEY_REUSED', async () => {
    const member = await ledger.enroll(shop);
    const key = newKey();
    const single = await ledger.earnOk(shop, member, 4, { idempotencyKey: key });
    const res = (
      await batch([
        { member: { memberId: member }, amount: '4', idempotencyKey: key },
        { member: { memberId: member }, amount: '5', idempotencyKey: key },
      ])
    ).data!.earnPointsBatch;
    expect(res.items[0]!.result).toMatchObject({ replayed: true, transfer: { id: single.transfer.id } });
    expect(res.items[1]!.error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const reused = (await batch([{ member: { memberId: member }, amount: '9', idempotencyKey: key }])).data!
      .earnPointsBatch;
    expect(reused.items[0]!.error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await ledger.balance(member)).available).toBe('4');
  });

  it('a key twice in one call after an earlier earn: both items answer with that earn', async () => {
    const member = await ledger.enroll(shop);
    const key = newKey();
    const single = await ledger.earnOk(shop, member, 6, { idempotencyKey: key });
    const item = { member: { memberId: member }, amount: '6', idempotencyKey: key };
    const res = (await batch([item, item])).data!.earnPointsBatch;
    expect(res.items.map((i) => [i.result?.operationId, i.result?.transfer.id, i.result?.replayed])).toEqual([
      [single.operationId, single.transfer.id, true],
      [single.operationId, single.transfer.id, true],
    ]);
    expect((await ledger.balance(member)).available).toBe('6');
  });

  it('a member id merged into another earns for the member it was merged into', async () => {
    const survivor = await ledger.enroll(shop);
    const duplicate = await ledger.enroll(shop);
    await ledger.earnOk(shop, duplicate, 5);
    await app.gqlOk(
      MergeMembers,
      { input: { sourceMemberId: duplicate, targetMemberId: survivor } },
      await app.operatorToken(),
    );
    const res = (await batch([{ member: { memberId: duplicate }, amount: '7', idempotencyKey: newKey() }])).data!
      .earnPointsBatch;
    expect(res.items[0]!.result!.transfer.memberId).toBe(survivor);
    expect((await ledger.balance(survivor)).available).toBe('12');
  });

  it('customer ids, order references and keys that need quoting in a PostgreSQL array arrive exactly', async () => {
    // Sent to the database as array literals: quotes, backslashes, commas, braces, blanks and the word NULL.
    const awkward = ['say "hi"', 'back\\slash\\', 'a,b', '{braces}', ' spaced ', 'NULL', 'ünï©ødé ✓'];
    const customers = awkward.map((a) => `${a} ${newKey('c')}`);
    const members = await Promise.all(customers.map((c) => ledger.enroll(shop, c)));
    const items = customers.map((customerId, i) => ({
      member: { customerId },
      amount: String(i + 1),
      idempotencyKey: newKey(),
      orderRef: awkward[i]!,
    }));
    const res = (await batch(items)).data!.earnPointsBatch;
    expect(res.items.map((i) => i.error?.code ?? 'OK')).toEqual(awkward.map(() => 'OK'));
    expect(res.items.map((i) => i.result!.transfer.memberId)).toEqual(members);
    const ids = res.items.map((i) => i.result!.transfer.id);
    const rows = await app.hub.db.sql.query<{ id: string; order_ref: string }>(
      `select id, order_ref from transfer where id = any($1::uuid[])`,
      [ids],
    );
    expect(ids.map((id) => rows.find((r) => r.id === id)?.order_ref)).toEqual(awkward);
    const again = (await batch(items)).data!.earnPointsBatch;
    expect(again.items.map((i) => i.result?.replayed)).toEqual(awkward.map(() => true));
  });

  it('several items for one member settle an owed receivable in order', async () => {
    const member = await ledger.enroll(shop);
    const earn = await ledger.earnOk(shop, member, 50);
    await ledger.redeem(shop, member, 50);
    await ledger.reverse(shop, earn.transfer.id, 30);
    expect((await ledger.balance(member)).owed).toBe('30');
    const res = (
      await batch(
        [10, 10, 25].map((n) => ({ member: { memberId: member }, amount: String(n), idempotencyKey: newKey() })),
      )
    ).data!.earnPointsBatch;
    expect(res.succeeded).toBe(3);
    expect(await ledger.balance(member)).toEqual({ available: '15', held: '0', owed: '0' });
  });

  it('takes 1 to 1000 items', async () => {
    const member = await ledger.enroll(shop);
    const before = await ledger.ledgerCounts();
    expect(errorCodes(await batch([]))).toEqual(['BAD_USER_INPUT']);
    const tooMany = Array.from({ length: 1001 }, () => ({
      member: { memberId: member },
      amount: '1',
      idempotencyKey: newKey(),
    }));
    expect(errorCodes(await batch(tooMany))).toEqual(['BAD_USER_INPUT']);
    expect(await ledger.ledgerCounts()).toEqual(before);
  });

  it('1,000 items are one call whose SQL statement count does not grow with the item count', async () => {
    const members = await Promise.all(Array.from({ length: 20 }, () => ledger.enroll(shop)));
    const items = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        member: { memberId: members[i % members.length]! },
        amount: '1',
        idempotencyKey: newKey(),
      }));
    await batch(items(20)); // creates these members' accounts (a first earn creates them and runs again)
    const cost = async (n: number) => {
      const before = app.hub.db.sql.statementCount;
      const res = (await batch(items(n))).data!.earnPointsBatch;
      expect(res.succeeded).toBe(n);
      return app.hub.db.sql.statementCount - before;
    };
    const small = await cost(10);
    const large = await cost(1000);
    // BEGIN, the lock statement (resolves every member, locks their accounts), the claim, the posting, COMMIT;
    // and one read of the transfers this document selects.
    expect(small).toBe(6);
    expect(large).toBe(small);
    expect((await ledger.balance(members[0]!)).available).toBe(String(1 + 1 + 50));
  });
});
