/**
 * Idempotency keys: scoped to the partner; a replay returns the first result
 * (same transfer id, even for a rejection); the same key with a different
 * request is IDEMPOTENCY_KEY_REUSED; invalid input records nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, newKey, type LedgerHelpers } from '../../support/ledger.js';
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

describe('idempotency', () => {
  it('a replayed earn returns the first result and posts nothing', async () => {
    const member = await ledger.enroll(shop);
    const key = newKey();
    const first = await ledger.earnOk(shop, member, 10, { idempotencyKey: key, orderRef: 'o-1' });
    const before = await ledger.ledgerCounts();
    const replay = await ledger.earnOk(shop, member, 10, { idempotencyKey: key, orderRef: 'o-1' });
    expect(replay).toMatchObject({ replayed: true, operationId: first.operationId, transfer: first.transfer });
    expect(await ledger.ledgerCounts()).toEqual(before);
    expect((await ledger.balance(member)).available).toBe('10');
  });

  it.each<[string, { amount?: number; orderRef?: string }]>([
    ['amount', { amount: 11 }],
    ['orderRef', { orderRef: 'o-2' }],
  ])('the same key with a different %s is IDEMPOTENCY_KEY_REUSED', async (_field, change) => {
    const member = await ledger.enroll(shop);
    const key = newKey();
    await ledger.earnOk(shop, member, 10, { idempotencyKey: key, orderRef: 'o-1' });
    const res = await ledger.earn(shop, member, change.amount ?? 10, {
      idempotencyKey: key,
      orderRef: change.orderRef ?? 'o-1',
    });
    expect(errorCodes(res)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect((await ledger.balance(member)).available).toBe('10');
  });

  it('the same key for another member or another operation kind is IDEMPOTENCY_KEY_REUSED', async () => {
    const [m1, m2] = [await ledger.enroll(shop), await ledger.enroll(shop)];
    const key = newKey();
    await ledger.earnOk(shop, m1, 10, { idempotencyKey: key });
    await ledger.earnOk(shop, m2, 10);
    expect(errorCodes(await ledger.earn(shop, m2, 10, { idempotencyKey: key }))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(errorCodes(await ledger.redeem(shop, m1, 10, { idempotencyKey: key }))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(errorCodes(await ledger.authorize(shop, m1, 10, { idempotencyKey: key }))).toEqual([
      'IDEMPOTENCY_KEY_REUSED',
    ]);
    expect((await ledger.balance(m1)).available).toBe('10');
    expect((await ledger.balance(m2)).available).toBe('10');
  });

  it('keys are scoped to the partner: two partners may use the same key', async () => {
    const other = await app.createPartner();
    const member = await ledger.enroll(shop);
    await ledger.link(other, member);
    const key = newKey();
    const a = await ledger.earnOk(shop, member, 10, { idempotencyKey: key });
    const b = await ledger.earnOk(other, member, 10, { idempotencyKey: key });
    expect(b.replayed).toBe(false);
    expect(b.transfer.id).not.toBe(a.transfer.id);
    expect((await ledger.balance(member)).available).toBe('20');
  });

  it('a business rejection is final for its key, even once the member could afford it', async () => {
    const member = await ledger.enroll(shop);
    const key = newKey();
    const first = await ledger.redeem(shop, member, 5, { idempotencyKey: key });
    expect(errorCodes(first)).toEqual(['INSUFFICIENT_POINTS']);
    await ledger.earnOk(shop, member, 100);
    const again = await ledger.redeem(shop, member, 5, { idempotencyKey: key });
    expect(errorCodes(again)).toEqual(['INSUFFICIENT_POINTS']);
    expect(again.errors![0]!.extensions).toMatchObject({ replayed: true });
    expect((await ledger.balance(member)).available).toBe('100');
    // A new key goes through.
    expect((await ledger.redeem(shop, member, 5)).data?.redeemPoints.balance?.available).toBe('95');
  });

  it('invalid input is not recorded against the key: a corrected retry with it succeeds', async () => {
    const member = await ledger.enroll(shop);
    const key = newKey();
    const operations = await app.count('operation');
    expect(errorCodes(await ledger.earn(shop, member, 0, { idempotencyKey: key }))).toEqual(['BAD_USER_INPUT']);
    expect(await app.count('operation')).toBe(operations);
    const ok = await ledger.earnOk(shop, member, 1, { idempotencyKey: key });
    expect(ok.replayed).toBe(false);
  });

  it('replays of redeem, authorise, capture, void and reverse return the same transfer and hold ids', async () => {
    const member = await ledger.enroll(shop);
    const earn = await ledger.earnOk(shop, member, 100);
    const k = {
      redeem: newKey(),
      auth: newKey(),
      capture: newKey(),
      auth2: newKey(),
      void: newKey(),
      reverse: newKey(),
    };
    const redeem = [
      await ledger.redeem(shop, member, 10, { idempotencyKey: k.redeem }),
      await ledger.redeem(shop, member, 10, { idempotencyKey: k.redeem }),
    ].map((r) => r.data!.redeemPoints);
    expect(redeem[1]).toMatchObject({ replayed: true, transfer: { id: redeem[0]!.transfer.id } });

    const auth = [
      await ledger.authorize(shop, member, 20, { idempotencyKey: k.auth }),
      await ledger.authorize(shop, member, 20, { idempotencyKey: k.auth }),
    ].map((r) => r.data!.authorizeRedemption);
    expect(auth[1]).toMatchObject({
      replayed: true,
      transfer: { id: auth[0]!.transfer.id },
      hold: { id: auth[0]!.hold!.id },
    });

    const capture = [
      await ledger.capture(shop, auth[0]!.hold!.id, 5, k.capture),
      await ledger.capture(shop, auth[0]!.hold!.id, 5, k.capture),
    ].map((r) => r.data!.captureRedemption);
    expect(capture[1]).toMatchObject({ replayed: true, transfer: { id: capture[0]!.transfer.id } });
    expect(errorCodes(await ledger.capture(shop, auth[0]!.hold!.id, 6, k.capture))).toEqual(['IDEMPOTENCY_KEY_REUSED']);

    const hold2 = (await ledger.authorize(shop, member, 5, { idempotencyKey: k.auth2 })).data!.authorizeRedemption.hold!
      .id;
    const voids = [await ledger.voidHold(shop, hold2, k.void), await ledger.voidHold(shop, hold2, k.void)].map(
      (r) => r.data!.voidRedemption,
    );
    expect(voids[1]).toMatchObject({ replayed: true, transfer: { id: voids[0]!.transfer.id } });

    const rev = [
      await ledger.reverse(shop, earn.transfer.id, 3, k.reverse),
      await ledger.reverse(shop, earn.transfer.id, 3, k.reverse),
    ].map((r) => r.data!.reverseTransfer);
    expect(rev[1]).toMatchObject({ replayed: true, transfer: { id: rev[0]!.transfer.id } });
    // 100 - 10 redeemed - 5 captured (15 released) - 3 reversed
    expect(await ledger.balance(member)).toEqual({ available: '82', held: '0', owed: '0' });
  });

  it('an idempotency key is 1 to 128 of letters, digits and . _ : -', async () => {
    const member = await ledger.enroll(shop);
    const before = await ledger.ledgerCounts();
    for (const key of ['', 'x'.repeat(129), 'has space', 'ümlaut', 'semi;colon', 'new\nline']) {
      expect(errorCodes(await ledger.earn(shop, member, 1, { idempotencyKey: key })), JSON.stringify(key)).toEqual([
        'BAD_USER_INPUT',
      ]);
    }
    expect(await ledger.ledgerCounts()).toEqual(before);
    await ledger.earnOk(shop, member, 1, { idempotencyKey: `A.b_c:d-${'9'.repeat(100)}` });
  });
});
