/**
 * Bad input to the ledger gets a stable code and writes NOTHING: every ledger
 * table has the same row count before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { errorCodes, type GraphQLErrorBody } from '../../support/graphql-client.js';
import {
  checkLedgerInvariantsAfterEach,
  EarnPoints,
  ledgerHelpers,
  newKey,
  type LedgerHelpers,
} from '../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

const SuspendPartner = graphql(`
  mutation LedgerSuspendPartner($id: ID!) {
    updatePartner(input: { id: $id, status: SUSPENDED }) {
      status
    }
  }
`);

const MAX = 1000;
let app: TestApp;
let ledger: LedgerHelpers;
let shop: TestPartner;
let member: string;
beforeAll(async () => {
  app = await initTestApp({ config: { maxPointsPerOperation: BigInt(MAX) } });
  ledger = ledgerHelpers(app);
  shop = await app.createPartner();
  member = await ledger.enroll(shop);
  await ledger.earnOk(shop, member, 500);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

/**
 * Runs `request`, expects `code`, and proves no ledger table changed. A
 * business rejection (`recorded`) is final for its key, so it leaves exactly
 * one REJECTED operation row and nothing else.
 */
async function refused(code: string, request: () => Promise<{ errors?: GraphQLErrorBody[] }>, recorded = false) {
  const before: Record<string, number> = { ...(await ledger.ledgerCounts()), account: await app.count('account') };
  const rejectedOperations = async () =>
    (
      await app.hub.db.sql.query<{ n: number }>(`select count(*)::int as n from operation where status = 'REJECTED'`)
    )[0]!.n;
  const rejected = await rejectedOperations();
  const res = await request();
  expect(errorCodes(res)).toEqual([code]);
  expect({ ...(await ledger.ledgerCounts()), account: await app.count('account') }).toEqual({
    ...before,
    operation: before.operation! + (recorded ? 1 : 0),
  });
  expect(await rejectedOperations()).toBe(rejected + (recorded ? 1 : 0));
}

describe('bad amounts', () => {
  it.each(['0', '-1', String(MAX + 1), '99999999999999999999999999999999'])(
    'amount %s: BAD_USER_INPUT on every operation',
    async (amount) => {
      const hold = (await ledger.authorize(shop, member, 1)).data!.authorizeRedemption.hold!;
      const earn = (await ledger.earnOk(shop, member, 1)).transfer.id;
      await refused('BAD_USER_INPUT', () => ledger.earn(shop, member, amount));
      await refused('BAD_USER_INPUT', () => ledger.redeem(shop, member, amount));
      await refused('BAD_USER_INPUT', () => ledger.authorize(shop, member, amount));
      await refused('BAD_USER_INPUT', () => ledger.capture(shop, hold.id, amount));
      await refused('BAD_USER_INPUT', () => ledger.reverse(shop, earn, amount));
      await ledger.voidHold(shop, hold.id);
    },
  );

  it('exactly the maximum is accepted', async () => {
    const m = await ledger.enroll(shop);
    expect((await ledger.earnOk(shop, m, MAX)).transfer.amount).toBe(String(MAX));
  });

  it.each(['1.5', '1e3', 'abc', '', ' 10', '0x10', '+5', '007'])(
    'non-numeric BigInt %j: BAD_USER_INPUT',
    async (amount) => {
      await refused('BAD_USER_INPUT', () => ledger.earn(shop, member, amount));
    },
  );

  it('a JSON number that is not a safe integer: BAD_USER_INPUT', async () => {
    const query = 'mutation($input: EarnPointsInput!) { earnPoints(input: $input) { operationId } }';
    for (const amount of [1.5, 2 ** 60]) {
      await refused('BAD_USER_INPUT', () =>
        app.postJson(
          { query, variables: { input: { member: { memberId: member }, amount, idempotencyKey: newKey() } } },
          { token: shop.token },
        ),
      );
    }
  });
});

describe('bad references', () => {
  it('unknown currency: UNKNOWN_CURRENCY', async () => {
    for (const currency of ['NOPE', 'pts', 'x'.repeat(300)]) {
      await refused('UNKNOWN_CURRENCY', () => ledger.earn(shop, member, 1, { currency }));
      await refused('UNKNOWN_CURRENCY', () => ledger.redeem(shop, member, 1, { currency }));
    }
  });

  it('a member not linked to the partner, or no member at all: NOT_FOUND', async () => {
    const other = await app.createPartner();
    const stranger = await ledger.enroll(other);
    for (const memberId of [stranger, '01900000-0000-7000-8000-000000000000', 'not-a-uuid']) {
      await refused('NOT_FOUND', () => ledger.earn(shop, memberId, 1));
      await refused('NOT_FOUND', () => ledger.redeem(shop, memberId, 1));
    }
  });

  it('a member reference with both or neither of memberId and customerId: BAD_USER_INPUT', async () => {
    for (const ref of [{}, { memberId: member, customerId: 'c' }]) {
      await refused('BAD_USER_INPUT', () =>
        app.gql(EarnPoints, { input: { member: ref, amount: '1', idempotencyKey: newKey() } }, shop.token),
      );
    }
  });

  it('an unknown or malformed transfer or hold id: NOT_FOUND', async () => {
    for (const id of ['01900000-0000-7000-8000-000000000000', 'nope']) {
      await refused('NOT_FOUND', () => ledger.reverse(shop, id, 1));
      await refused('NOT_FOUND', () => ledger.capture(shop, id));
      await refused('NOT_FOUND', () => ledger.voidHold(shop, id));
    }
  });

  it('reversal of a kind that cannot be reversed: NOT_REVERSIBLE', async () => {
    const auth = (await ledger.authorize(shop, member, 5)).data!.authorizeRedemption;
    await refused('NOT_REVERSIBLE', () => ledger.reverse(shop, auth.transfer.id));
    await ledger.voidHold(shop, auth.hold!.id);
  });
});

describe('bad keys and references', () => {
  it.each(['', 'x'.repeat(129), 'with space', 'tab\there', 'ünï', 'a/b', 'a,b'])(
    'idempotency key %j: BAD_USER_INPUT',
    async (key) => {
      await refused('BAD_USER_INPUT', () => ledger.earn(shop, member, 1, { idempotencyKey: key }));
      await refused('BAD_USER_INPUT', () => ledger.redeem(shop, member, 1, { idempotencyKey: key }));
    },
  );

  it.each(['', 'x'.repeat(129), 'line\nbreak', 'nul\u0000', 'bell\u0007', 'del\u007f'])(
    'orderRef %j: BAD_USER_INPUT',
    async (orderRef) => {
      await refused('BAD_USER_INPUT', () => ledger.earn(shop, member, 1, { orderRef }));
      await refused('BAD_USER_INPUT', () => ledger.redeem(shop, member, 1, { orderRef }));
    },
  );
});

describe('business rejections', () => {
  it('insufficient points and reversals beyond the original write only the rejected operation', async () => {
    const m = await ledger.enroll(shop);
    const earn = await ledger.earnOk(shop, m, 10);
    await refused('INSUFFICIENT_POINTS', () => ledger.redeem(shop, m, 11), true);
    await refused('INSUFFICIENT_POINTS', () => ledger.authorize(shop, m, 11), true);
    await refused('REVERSAL_EXCEEDS_ORIGINAL', () => ledger.reverse(shop, earn.transfer.id, 11), true);
  });
});

describe('holds that are not active', () => {
  it('captured, voided or expired holds: HOLD_NOT_ACTIVE', async () => {
    const captured = (await ledger.authorize(shop, member, 5)).data!.authorizeRedemption.hold!.id;
    await ledger.capture(shop, captured);
    const voided = (await ledger.authorize(shop, member, 5)).data!.authorizeRedemption.hold!.id;
    await ledger.voidHold(shop, voided);
    const expired = (await ledger.authorize(shop, member, 5, { expiresInSeconds: 60 })).data!.authorizeRedemption.hold!
      .id;
    await app.advanceClock('1 minute'); // expires_at <= hub time
    for (const id of [captured, voided, expired]) {
      await refused('HOLD_NOT_ACTIVE', () => ledger.capture(shop, id), true);
      await refused('HOLD_NOT_ACTIVE', () => ledger.voidHold(shop, id), true);
    }
    await ledger.runExpiry();
  });
});

describe('a suspended partner', () => {
  it('cannot move points: UNAUTHENTICATED, nothing written', async () => {
    const partner = await app.createPartner();
    const m = await ledger.enroll(partner);
    const earn = await ledger.earnOk(partner, m, 50);
    const hold = (await ledger.authorize(partner, m, 10)).data!.authorizeRedemption.hold!.id;
    await app.gqlOk(SuspendPartner, { id: partner.id }, await ledger.operatorToken());
    await refused('UNAUTHENTICATED', () => ledger.earn(partner, m, 1));
    await refused('UNAUTHENTICATED', () => ledger.redeem(partner, m, 1));
    await refused('UNAUTHENTICATED', () => ledger.capture(partner, hold));
    await refused('UNAUTHENTICATED', () => ledger.reverse(partner, earn.transfer.id));
  });
});
