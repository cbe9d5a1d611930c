/**
 * What a purchase costs the database (issue 17: "the same number of SQL statements as an earn plus at most
 * one"): on a warm hub, recordPurchase by member id sends the statements of earnPoints by member id plus
 * one (the purchase row with its campaign awards), with 5 line items, 20 rules and 5 campaigns — rules and
 * campaigns come from the process's cache. A budgeted campaign adds its draw (one more). Counted with the
 * hub's own statement counter.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { dataOf } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, newKey, type LedgerHelpers } from '../../support/ledger.js';
import { programHelpers, type ProgramHelpers } from '../../support/programs.js';
import { countDatabaseWork } from '../../support/round-trips.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';
import { BASKET_TOTAL, FIVE_CAMPAIGNS, FIVE_LINES, TWENTY_RULES } from '../../../bench/program.js';

const LeanPurchase = graphql(`
  mutation LeanPurchase($input: RecordPurchaseInput!) {
    recordPurchase(input: $input) {
      replayed
      purchase {
        id
        legs {
          points
        }
      }
    }
  }
`);
const LeanEarnById = graphql(`
  mutation LeanEarnById($input: EarnPointsInput!) {
    earnPoints(input: $input) {
      operationId
    }
  }
`);

let app: TestApp;
let ledger: LedgerHelpers;
let pr: ProgramHelpers;
let shop: TestPartner;
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  pr = programHelpers(app, ledger);
  shop = await app.createPartner();
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

it('recordPurchase (5 lines, 20 rules, 5 campaigns) = earnPoints + 1 statement; + 1 with a budgeted campaign', async () => {
  await pr.setRulesOk(shop, TWENTY_RULES);
  for (const c of FIVE_CAMPAIGNS)
    dataOf(await pr.createCampaign(shop.token, { ...c, stacking: c.stacking as 'STACK' | 'BEST_OF' }));
  const member = await ledger.enroll(shop);
  const purchase = () =>
    app.gqlOk(
      LeanPurchase,
      {
        input: {
          member: { memberId: member },
          total: BASKET_TOTAL,
          currency: 'USD',
          lines: FIVE_LINES,
          idempotencyKey: newKey('rt'),
        },
      },
      shop.token,
    );
  const earn = () =>
    app.gqlOk(
      LeanEarnById,
      { input: { member: { memberId: member }, amount: '10', idempotencyKey: newKey('rt') } },
      shop.token,
    );
  // Warm: the member's link and accounts, the program, the currencies are cached.
  await purchase();
  await earn();
  const e = await countDatabaseWork(app.hub, earn);
  const p = await countDatabaseWork(app.hub, purchase);
  expect(p.result.recordPurchase.purchase.legs[0]!.points).not.toBe('0');
  expect(p.statements).toBe(e.statements + 1);
  dataOf(
    await pr.createCampaign(shop.token, {
      name: 'budgeted',
      definition: { reward: { kind: 'BONUS', points: 1 } },
      budget: '100',
    }),
  );
  await purchase(); // the program is read again once after a change
  const b = await countDatabaseWork(app.hub, purchase);
  expect(b.statements).toBe(e.statements + 2);
  console.log(`statements: earnPoints ${e.statements}, recordPurchase ${p.statements}, with a budget ${b.statements}`);
});
