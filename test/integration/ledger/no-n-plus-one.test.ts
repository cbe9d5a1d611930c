/**
 * No N+1: a history page of 50 rows and one of 200 rows, with nested partner,
 * member, hold, reversal and reversed-amount fields, cost the same number of
 * SQL statements (hub.db.sql.statementCount is read before and after).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import {
  checkLedgerInvariantsAfterEach,
  EarnPointsBatch,
  ledgerHelpers,
  newKey,
  type LedgerHelpers,
} from '../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

const DeepHistory = graphql(`
  query DeepHistory($ref: MemberRefInput!, $first: Int) {
    member(ref: $ref) {
      id
      balances {
        currency
        available
      }
      transactions(first: $first) {
        nodes {
          id
          kind
          amount
          partner {
            id
            code
          }
          member {
            id
            partnerLink {
              customerId
            }
          }
          reverses {
            id
            reversedAmount
          }
          reversedAmount
          hold {
            id
            status
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);

let app: TestApp;
let ledger: LedgerHelpers;
let partners: TestPartner[];
let member: string;
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  partners = [await app.createPartner(), await app.createPartner(), await app.createPartner()];
  member = await ledger.enroll(partners[0]!);
  for (const p of partners.slice(1)) await ledger.link(p, member);
  // 240+ transfers of every kind, spread over three partners.
  for (const p of partners) {
    await app.gqlOk(
      EarnPointsBatch,
      {
        input: {
          items: Array.from({ length: 60 }, (_, i) => ({
            member: { memberId: member },
            amount: String(10 + i),
            idempotencyKey: newKey(),
          })),
        },
      },
      p.token,
    );
  }
  for (let i = 0; i < 8; i++) {
    const p = partners[i % 3]!;
    const redeem = (await ledger.redeem(p, member, 5)).data!.redeemPoints;
    await ledger.reverse(p, redeem.transfer.id, 2);
    const hold = (await ledger.authorize(p, member, 4)).data!.authorizeRedemption.hold!;
    await (i % 2 ? ledger.capture(p, hold.id, 3) : ledger.voidHold(p, hold.id));
  }
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

async function cost(token: string, first: number) {
  const before = app.hub.db.sql.statementCount;
  const res = await app.gqlOk(DeepHistory, { ref: { memberId: member }, first }, token);
  return { statements: app.hub.db.sql.statementCount - before, rows: res.member.transactions.nodes };
}

describe('history without N+1', () => {
  it('the operator: 50 rows and 200 rows cost the same statements', async () => {
    const operator = await ledger.operatorToken();
    const small = await cost(operator, 50);
    const large = await cost(operator, 200);
    expect(small.rows).toHaveLength(50);
    expect(large.rows).toHaveLength(200);
    expect(new Set(large.rows.map((r) => r.partner?.id)).size).toBe(3);
    expect(large.rows.some((r) => r.reverses) && large.rows.some((r) => r.hold)).toBe(true);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(12);
  });

  it('a partner (its own rows only, member link checks batched): 5 rows and 70 rows cost the same', async () => {
    const p = partners[1]!;
    const small = await cost(p.token, 5);
    const large = await cost(p.token, 70);
    expect(large.rows).toHaveLength(70);
    expect(large.rows.every((r) => r.partner?.id === p.id && r.member?.id === member && r.member.partnerLink)).toBe(
      true,
    );
    expect(large.statements).toBe(small.statements);
  });
});
