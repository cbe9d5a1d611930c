/**
 * A posting goes out without the hub waiting for it (pipelined with COMMIT, or with the statement behind it).
 * When it fails, the whole operation rolls back, the failure logged is the posting's own — not the "current
 * transaction is aborted" of a statement queued behind it — and the same idempotency key posts afterwards. A
 * deadlock in the posting is retried and posts once. Faults come from a trigger on `transfer` that fires for
 * chosen order references (hold postings, which carry none: for 777 points); run on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, errorCodes } from '../support/graphql-client.js';
import {
  AuthorizeRedemption,
  CaptureRedemption,
  checkLedgerInvariantsAfterEach,
  EarnPoints,
  ledgerHelpers,
  newKey,
  RedeemPoints,
  type LedgerHelpers,
} from '../support/ledger.js';
import { initTestApp, type TestApp, type TestDriver, type TestPartner } from '../support/test-app.js';

const INSTALL_FAULTS = [
  `create sequence test_deadlock_once`,
  `create function test_posting_fault() returns trigger language plpgsql as $$
   begin
     if new.order_ref = 'fail-check' then
       raise exception 'injected posting failure' using errcode = '23514';
     end if;
     -- Hold postings carry no order reference: 777 points authorised or captured fail.
     if new.kind in ('AUTHORIZE', 'CAPTURE') and new.amount = 777 then
       raise exception 'injected hold posting failure' using errcode = '23514';
     end if;
     -- nextval is not rolled back: only the first attempt fails. (Nested: AND need not short-circuit.)
     if new.order_ref = 'deadlock-once' then
       if nextval('test_deadlock_once') = 1 then
         raise exception 'injected deadlock' using errcode = '40P01';
       end if;
     end if;
     return new;
   end $$`,
  `create trigger test_posting_fault before insert on transfer for each row execute function test_posting_fault()`,
];

export function failedPostingFlows(driver: TestDriver) {
  describe(`a failed posting on ${driver}`, () => {
    let app: TestApp;
    let ledger: LedgerHelpers;
    let shop: TestPartner;
    beforeAll(async () => {
      app = await initTestApp({ driver });
      ledger = ledgerHelpers(app);
      shop = await app.createPartner();
      for (const statement of INSTALL_FAULTS) await app.hub.db.sql.query(statement);
    });
    // The faults stay: the database is this file's own.
    afterAll(() => app?.close());
    checkLedgerInvariantsAfterEach(() => app);

    /** The error the hub logged for the request with `requestId`. */
    const loggedSqlState = (requestId: string) =>
      app.logEntries().find((e) => e.requestId === requestId && e.level === 'error')?.sqlState;

    it('rolls the earn back, claim included, and reports its own error; the key posts once the fault is gone', async () => {
      const member = await ledger.enroll(shop);
      await ledger.earnOk(shop, member, 40);
      const before = await ledger.ledgerCounts();
      const key = newKey('fail');
      const requestId = newKey('req');
      const failed = await app.gql(
        EarnPoints,
        { input: { member: { memberId: member }, amount: '25', orderRef: 'fail-check', idempotencyKey: key } },
        { token: shop.token, headers: { 'x-request-id': requestId } },
      );
      expect(errorCodes(failed)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(loggedSqlState(requestId)).toBe('23514');
      expect(await ledger.ledgerCounts()).toEqual(before);
      expect(await ledger.balance(member)).toEqual({ available: '40', held: '0', owed: '0' });

      await app.hub.db.sql.query(`alter table transfer disable trigger test_posting_fault`);
      try {
        const retried = await ledger.earnOk(shop, member, 25, { orderRef: 'fail-check', idempotencyKey: key });
        expect(retried.replayed).toBe(false);
      } finally {
        await app.hub.db.sql.query(`alter table transfer enable trigger test_posting_fault`);
      }
      expect(await ledger.balance(member)).toEqual({ available: '65', held: '0', owed: '0' });
    });

    it('reports the posting, not the statement behind it that the aborted transaction refused (a redemption)', async () => {
      const member = await ledger.enroll(shop);
      await ledger.earnOk(shop, member, 100);
      const before = await ledger.ledgerCounts();
      const requestId = newKey('req');
      const failed = await app.gql(
        RedeemPoints,
        {
          input: {
            member: { memberId: member },
            amount: '30',
            orderRef: 'fail-check',
            idempotencyKey: newKey('redeem'),
          },
        },
        { token: shop.token, headers: { 'x-request-id': requestId } },
      );
      expect(errorCodes(failed)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(loggedSqlState(requestId)).toBe('23514');
      expect(await ledger.ledgerCounts()).toEqual(before);
      expect(await ledger.balance(member)).toEqual({ available: '100', held: '0', owed: '0' });
    });

    it('rolls back a hold whose posting failed behind statements nobody waited for, and reports the posting (authorize, capture)', async () => {
      const member = await ledger.enroll(shop);
      await ledger.earnOk(shop, member, 2000);
      const before = await ledger.ledgerCounts();
      // Authorize: the hold row and the posting go out unanswered, the lots statement behind them is refused.
      const authorizeId = newKey('req');
      const authorized = await app.gql(
        AuthorizeRedemption,
        { input: { member: { memberId: member }, amount: '777', idempotencyKey: newKey('auth') } },
        { token: shop.token, headers: { 'x-request-id': authorizeId } },
      );
      expect(errorCodes(authorized)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(loggedSqlState(authorizeId)).toBe('23514');
      expect(await ledger.ledgerCounts()).toEqual(before);

      // Capture: the posting and the lots go out with COMMIT, which the failed posting turns into a rollback.
      const hold = (
        await app.gqlOk(
          AuthorizeRedemption,
          { input: { member: { memberId: member }, amount: '1000', idempotencyKey: newKey('auth') } },
          shop.token,
        )
      ).authorizeRedemption.hold!;
      const held = await ledger.ledgerCounts();
      const captureId = newKey('req');
      const key = newKey('capture');
      const captured = await app.gql(
        CaptureRedemption,
        { input: { holdId: hold.id, amount: '777', idempotencyKey: key } },
        { token: shop.token, headers: { 'x-request-id': captureId } },
      );
      expect(errorCodes(captured)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(loggedSqlState(captureId)).toBe('23514');
      expect(await ledger.ledgerCounts()).toEqual(held);
      expect(await ledger.balance(member)).toEqual({ available: '1000', held: '1000', owed: '0' });
      // Nothing was claimed or resolved: the hold still captures.
      const ok = dataOf(await ledger.capture(shop, hold.id, 500)).captureRedemption;
      expect([ok.replayed, ok.hold?.status]).toEqual([false, 'CAPTURED']);
      expect(await ledger.balance(member)).toEqual({ available: '1500', held: '0', owed: '0' });
    });

    it('retries a posting that deadlocked, and posts it once', async () => {
      const member = await ledger.enroll(shop);
      const before = await ledger.ledgerCounts();
      const earned = await ledger.earnOk(shop, member, 15, { orderRef: 'deadlock-once' });
      expect(earned.replayed).toBe(false);
      const [{ fired }] = await app.hub.db.sql.query<{ fired: string }>(
        `select last_value::text as fired from test_deadlock_once`,
      );
      expect(fired).toBe('2'); // the first attempt deadlocked, the second posted
      const after = await ledger.ledgerCounts();
      expect([after.operation - before.operation, after.transfer - before.transfer]).toEqual([1, 1]);
      expect(await ledger.balance(member)).toEqual({ available: '15', held: '0', owed: '0' });
    });
  });
}
