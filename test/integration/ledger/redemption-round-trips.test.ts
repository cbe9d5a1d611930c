/**
 * A redemption waits for the database three times inside its transaction:
 * BEGIN, the wallet's lock and the operation claim travel together; then the
 * statements that write (for a hold: the hold row, its posting and its lots,
 * of which only the lots' answer is read); then COMMIT. Resolving a hold
 * (capture, void) reads the hold first, and waits once more for the hold's own
 * row update, the write that decides a race between its resolutions; its
 * posting and lot changes then go out with COMMIT.
 * Counted with the hub's own counters (hub.db.sql.statementCount and
 * roundTripCount), for a member and a partner this process has seen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, newKey, type LedgerHelpers } from '../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';
import { countDatabaseWork } from '../../support/round-trips.js';

// What a point-of-sale integration selects: no read-back fields (each would cost a read).
const LeanAuthorize = graphql(`
  mutation LeanAuthorize($input: AuthorizeRedemptionInput!) {
    authorizeRedemption(input: $input) {
      operationId
      replayed
    }
  }
`);
const LeanCapture = graphql(`
  mutation LeanCapture($input: CaptureRedemptionInput!) {
    captureRedemption(input: $input) {
      operationId
      replayed
    }
  }
`);
const LeanVoid = graphql(`
  mutation LeanVoid($input: VoidRedemptionInput!) {
    voidRedemption(input: $input) {
      operationId
      replayed
    }
  }
`);
const LeanRedeem = graphql(`
  mutation LeanRedeem($input: RedeemPointsInput!) {
    redeemPoints(input: $input) {
      operationId
      replayed
    }
  }
`);

let app: TestApp;
let ledger: LedgerHelpers;
let partner: TestPartner;
let memberId: string;
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  partner = await app.createPartner();
  memberId = await ledger.enroll(partner);
  await ledger.earnOk(partner, memberId, 10_000);
  // The process learns the member, its accounts and the partner's house accounts once; that is not measured.
  const warm = await authorize('100');
  await capture(warm, '60');
  await voidHold(await authorize('100'));
  await redeem('1');
});
afterAll(async () => {
  await app?.close();
});
checkLedgerInvariantsAfterEach(() => app);

/** Authorises `amount`; returns the new hold's id. */
async function authorize(amount: string): Promise<string> {
  const { authorizeRedemption } = await app.gqlOk(
    LeanAuthorize,
    { input: { member: { memberId }, amount, idempotencyKey: newKey('auth') } },
    partner.token,
  );
  return holdOf(authorizeRedemption.operationId);
}
async function holdOf(operationId: string): Promise<string> {
  const [row] = await app.hub.db.sql.query<{ id: string }>(`select id from hold where operation_id = $1`, [
    operationId,
  ]);
  return row!.id;
}
const capture = (holdId: string, amount?: string) =>
  app.gqlOk(LeanCapture, { input: { holdId, amount, idempotencyKey: newKey('capture') } }, partner.token);
const voidHold = (holdId: string) =>
  app.gqlOk(LeanVoid, { input: { holdId, idempotencyKey: newKey('void') } }, partner.token);
const redeem = (amount: string) =>
  app.gqlOk(LeanRedeem, { input: { member: { memberId }, amount, idempotencyKey: newKey('redeem') } }, partner.token);

describe('round trips of a redemption', () => {
  it('authorize: BEGIN, lock and claim; the hold, its posting and its lots; COMMIT — seven statements in three round trips', async () => {
    const m = await countDatabaseWork(app.hub, () =>
      app.gqlOk(
        LeanAuthorize,
        { input: { member: { memberId }, amount: '50', idempotencyKey: newKey('auth') } },
        partner.token,
      ),
    );
    expect(m.result.authorizeRedemption.replayed).toBe(false);
    expect({ statements: m.statements, roundTrips: m.roundTrips }).toEqual({ statements: 7, roundTrips: 3 });
    expect(await ledger.balance(memberId)).toMatchObject({ held: '50' });
    await voidHold(await holdOf(m.result.authorizeRedemption.operationId));
  });

  it('capture: the hold read, then BEGIN, lock and claim; the hold row; posting, lots and COMMIT — eight statements in four round trips', async () => {
    const holdId = await authorize('80');
    const before = await ledger.balance(memberId);
    const m = await countDatabaseWork(app.hub, () => capture(holdId, '30'));
    expect(m.result.captureRedemption.replayed).toBe(false);
    expect({ statements: m.statements, roundTrips: m.roundTrips }).toEqual({ statements: 8, roundTrips: 4 });
    // 30 captured, the other 50 back in the wallet: the statements nobody waited for did run.
    const after = await ledger.balance(memberId);
    expect(BigInt(after.available) - BigInt(before.available)).toBe(50n);
    expect(BigInt(before.held) - BigInt(after.held)).toBe(80n);
  });

  it('void: like a capture, eight statements in four round trips', async () => {
    const holdId = await authorize('40');
    const before = await ledger.balance(memberId);
    const m = await countDatabaseWork(app.hub, () => voidHold(holdId));
    expect({ statements: m.statements, roundTrips: m.roundTrips }).toEqual({ statements: 8, roundTrips: 4 });
    expect(BigInt((await ledger.balance(memberId)).available) - BigInt(before.available)).toBe(40n);
  });

  it('one-step redeem: BEGIN, lock and claim; the posting and the lots; COMMIT — six statements in three round trips', async () => {
    const before = await ledger.balance(memberId);
    const m = await countDatabaseWork(app.hub, () => redeem('25'));
    expect({ statements: m.statements, roundTrips: m.roundTrips }).toEqual({ statements: 6, roundTrips: 3 });
    expect(BigInt(before.available) - BigInt((await ledger.balance(memberId)).available)).toBe(25n);
  });
});
