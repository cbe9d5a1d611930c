/**
 * A member's transactions as a Relay connection: newest first, stable cursor
 * paging, filters by partner, kind and time. A partner sees only its own
 * transfers, and only members linked to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import type { HistoryQuery } from '../../generated/graphql.js';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

const History = graphql(`
  query History($ref: MemberRefInput!, $first: Int, $after: String, $filter: TransactionFilter) {
    member(ref: $ref) {
      transactions(first: $first, after: $after, filter: $filter) {
        edges {
          cursor
          node {
            id
          }
        }
        nodes {
          id
          kind
          amount
          partnerId
          createdAt
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

let app: TestApp;
let ledger: LedgerHelpers;
let shop: TestPartner;
let cafe: TestPartner;
let member: string;
/** Transfer ids in the order they were posted. */
const posted: { id: string; kind: string; partnerId: string }[] = [];
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  [shop, cafe] = [await app.createPartner(), await app.createPartner()];
  member = await ledger.enroll(shop);
  await ledger.link(cafe, member);
  for (let i = 0; i < 4; i++)
    posted.push({ id: (await ledger.earnOk(shop, member, 10 + i)).transfer.id, kind: 'EARN', partnerId: shop.id });
  for (let i = 0; i < 3; i++)
    posted.push({ id: (await ledger.earnOk(cafe, member, 20 + i)).transfer.id, kind: 'EARN', partnerId: cafe.id });
  posted.push({
    id: (await ledger.redeem(cafe, member, 5)).data!.redeemPoints.transfer.id,
    kind: 'REDEEM',
    partnerId: cafe.id,
  });
  posted.push({
    id: (await ledger.redeem(shop, member, 6)).data!.redeemPoints.transfer.id,
    kind: 'REDEEM',
    partnerId: shop.id,
  });
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

async function all(token: string, filter?: Record<string, unknown>, first = 3) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const answer: HistoryQuery = await app.gqlOk(
      History,
      { ref: { memberId: member }, first, after, filter: filter as never },
      token,
    );
    const page = answer.member.transactions;
    expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
    ids.push(...page.nodes.map((n) => n.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor ?? null;
  }
  return ids;
}

const newestFirst = (rows: typeof posted) => rows.map((r) => r.id).reverse();

describe('member transactions', () => {
  it('the operator pages through everything, newest first, without gaps or repeats', async () => {
    const operator = await ledger.operatorToken();
    const ids = await all(operator);
    expect(ids).toEqual(newestFirst(posted));
    const first = (await app.gqlOk(History, { ref: { memberId: member }, first: 2 }, operator)).member.transactions;
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(Date.parse(first.nodes[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(first.nodes[1]!.createdAt));
  });

  it('a partner sees only its own transfers of a member linked to it', async () => {
    expect(await all(shop.token)).toEqual(newestFirst(posted.filter((p) => p.partnerId === shop.id)));
    expect(await all(cafe.token)).toEqual(newestFirst(posted.filter((p) => p.partnerId === cafe.id)));
    expect(
      errorCodes(await app.gql(History, { ref: { memberId: member }, filter: { partnerId: cafe.id } }, shop.token)),
    ).toEqual(['FORBIDDEN']);
  });

  it('a partner cannot read the history of a member not linked to it', async () => {
    const stranger = await app.createPartner();
    expect(errorCodes(await app.gql(History, { ref: { memberId: member } }, stranger.token))).toEqual(['NOT_FOUND']);
  });

  it('filters by partner and kind', async () => {
    const operator = await ledger.operatorToken();
    expect(await all(operator, { partnerId: cafe.id })).toEqual(
      newestFirst(posted.filter((p) => p.partnerId === cafe.id)),
    );
    expect(await all(operator, { kinds: ['REDEEM'] })).toEqual(newestFirst(posted.filter((p) => p.kind === 'REDEEM')));
    expect(await all(shop.token, { kinds: ['EARN'] })).toEqual(
      newestFirst(posted.filter((p) => p.kind === 'EARN' && p.partnerId === shop.id)),
    );
    expect(await all(operator, { kinds: ['EXPIRY'] })).toEqual([]);
  });

  it('filters by time: from inclusive, to exclusive', async () => {
    const operator = await ledger.operatorToken();
    const nodes = (await app.gqlOk(History, { ref: { memberId: member }, first: 50 }, operator)).member.transactions
      .nodes;
    const pivot = nodes.find((n) => n.id === posted[4]!.id)!.createdAt; // the first earn at cafe
    const from = await all(operator, { from: pivot });
    const to = await all(operator, { to: pivot });
    expect(from).toEqual(newestFirst(posted.slice(4)));
    expect(to).toEqual(newestFirst(posted.slice(0, 4)));
    expect(await all(operator, { from: pivot, to: pivot })).toEqual([]);
  });

  it('refuses a bad page size or a forged cursor with BAD_USER_INPUT', async () => {
    const operator = await ledger.operatorToken();
    for (const first of [0, -1, 201])
      expect(errorCodes(await app.gql(History, { ref: { memberId: member }, first }, operator))).toEqual([
        'BAD_USER_INPUT',
      ]);
    const forged = [
      Buffer.from(JSON.stringify({ x: 1 })).toString('base64url'),
      Buffer.from(JSON.stringify(['not a time', 'not a uuid'])).toString('base64url'),
      'garbage!!',
    ];
    for (const after of forged)
      expect(errorCodes(await app.gql(History, { ref: { memberId: member }, after }, operator)), after).toEqual([
        'BAD_USER_INPUT',
      ]);
  });
});
