/**
 * An earn costs the database round trips of its own transaction and no more,
 * five statements pipelined (BEGIN travels with the first statement, COMMIT
 * with the posting). By the partner's customer id, two round trips: BEGIN,
 * one lock statement that resolves the member and locks its accounts, and the
 * operation claim (which resolves the member for its request hash itself);
 * then the posting statement and COMMIT. By hub member id, three: BEGIN and
 * the claim; the lock (which also finds the member's accounts when this
 * process has not seen them yet); the posting and COMMIT; plus one statement
 * to check the member id against the partner's links when this process has
 * not cached it.
 * Counted with the hub's own statement counter (hub.db.sql.statementCount),
 * on a hub that has seen the member and on a second hub over the same
 * database that has not (a restarted or scaled-out process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { startHub, type Hub } from '../../../src/app.js';
import { createGraphQLClient, type GraphQLClient } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, newKey, type LedgerHelpers } from '../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';
import { countDatabaseWork, type DatabaseWork } from '../../support/round-trips.js';

// What a partner's point-of-sale integration selects: no read-back fields (each would cost a read).
const LeanEarn = graphql(`
  mutation LeanEarn($input: EarnPointsInput!) {
    earnPoints(input: $input) {
      operationId
      replayed
    }
  }
`);

let app: TestApp;
let ledger: LedgerHelpers;
let partner: TestPartner;
let second: Hub;
let secondClient: GraphQLClient;
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  partner = await app.createPartner();
  second = await startHub(app.config, { logSink: () => undefined });
  secondClient = createGraphQLClient(second.url);
});
afterAll(async () => {
  await second?.close();
  await app?.close();
});
checkLedgerInvariantsAfterEach(() => app);

/** Statements `hub` sent, and the round trips they took, while an earn of `amount` for the partner's customer ran. */
async function statementsForEarn(
  hub: Hub,
  client: GraphQLClient,
  customerId: string,
  amount = '10',
): Promise<DatabaseWork> {
  const { result, statements, roundTrips } = await countDatabaseWork(hub, () =>
    client.gqlOk(LeanEarn, { input: { member: { customerId }, amount, idempotencyKey: newKey('rt') } }, partner.token),
  );
  expect(result.earnPoints.replayed).toBe(false);
  return { statements, roundTrips };
}

/** By customer id: BEGIN, the lock statement and the claim in one round trip; the posting and COMMIT in the other. */
const FIVE_IN_TWO = { statements: 5, roundTrips: 2 };

describe('round trips of an earn', () => {
  it('a member the process has seen: the five statements of the transaction, in two round trips', async () => {
    const customerId = newKey('cust');
    const memberId = await ledger.enroll(partner, customerId);
    await statementsForEarn(app.hub, app, customerId); // the member's first earn creates its accounts
    expect(await statementsForEarn(app.hub, app, customerId)).toEqual(FIVE_IN_TWO);
    expect((await ledger.balance(memberId)).available).toBe('20');
  });

  it('a member another process created accounts for: still five, the member resolved inside the lock statement', async () => {
    // Warm the second hub's caches of the partner and its issuance account with a different member.
    const warm = newKey('cust');
    await ledger.enroll(partner, warm);
    await statementsForEarn(second, secondClient, warm);
    await statementsForEarn(second, secondClient, warm);

    const customerId = newKey('cust');
    const memberId = await ledger.enroll(partner, customerId);
    await statementsForEarn(app.hub, app, customerId); // accounts created through the first hub
    expect(await statementsForEarn(second, secondClient, customerId)).toEqual(FIVE_IN_TWO);
    expect(await statementsForEarn(second, secondClient, customerId)).toEqual(FIVE_IN_TWO);
    expect((await ledger.balance(memberId)).available).toBe('30');
  });

  it('by hub member id: one statement more while this process has not checked the member against the partner', async () => {
    const customerId = newKey('cust');
    const memberId = await ledger.enroll(partner, customerId);
    await statementsForEarn(app.hub, app, customerId); // accounts exist
    const byMemberId = async () => {
      const { statements, roundTrips } = await countDatabaseWork(second, () =>
        secondClient.gqlOk(
          LeanEarn,
          { input: { member: { memberId }, amount: '1', idempotencyKey: newKey('rt') } },
          partner.token,
        ),
      );
      return { statements, roundTrips };
    };
    expect(await byMemberId()).toEqual({ statements: 6, roundTrips: 4 });
    expect(await byMemberId()).toEqual({ statements: 5, roundTrips: 3 });
  });

  it("a member's first earn creates the accounts and posts once", async () => {
    const customerId = newKey('cust');
    const memberId = await ledger.enroll(partner, customerId);
    const before = await ledger.ledgerCounts();
    await statementsForEarn(second, secondClient, customerId, '7');
    const after = await ledger.ledgerCounts();
    expect(after.operation - before.operation).toBe(1);
    expect(after.transfer - before.transfer).toBe(1);
    expect((await ledger.balance(memberId)).available).toBe('7');
  });
});
