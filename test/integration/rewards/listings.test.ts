/**
 * The member's catalog across brands (filters, sorts, Relay pages; the same SQL statements for a page of 5 or of
 * 50), the wishlist with the points still needed, and the partner's lists (its rewards with pool levels, the
 * redemptions to fulfil) with the same statements whatever their size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import type { RewardCatalogQueryVariables } from '../../generated/graphql.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../../support/test-app.js';
import {
  AddRewardToWishlist,
  MyRewardWishlist,
  PartnerRewardRedemptions,
  PartnerRewards,
  RemoveRewardFromWishlist,
  RewardCatalog,
  rewardHelpers,
  type RewardHelpers,
} from '../../support/rewards.js';

let app: TestApp;
let ledger: LedgerHelpers;
let rw: RewardHelpers;
let shop: TestPartner;
let cafe: TestPartner;
let member: { id: string; token: string };
const prices: number[] = [];
beforeAll(async () => {
  app = await initTestApp({ config: LONG_LIVED_TOKENS });
  ledger = ledgerHelpers(app);
  rw = rewardHelpers(app);
  [shop, cafe] = [await app.createPartner(), await app.createPartner()];
  const id = await ledger.enroll(cafe);
  await ledger.earnOk(cafe, id, 300);
  member = { id, token: await app.memberSessionToken(id) };
  // 60 published rewards over two brands (every fifth a voucher with a code), a draft and a linked-only one.
  for (let i = 0; i < 60; i++) {
    const price = 10 * (i + 1);
    prices.push(price);
    const partner = i % 2 ? shop : cafe;
    if (i % 5 === 0) await rw.voucherOk(partner, 1, { price: String(price), title: `Voucher ${i}` });
    else await rw.publishedOk(partner, { price: String(price), title: `Reward ${i}` });
  }
  await rw.create(shop, { title: 'Draft' });
  await rw.publishedOk(shop, { title: 'Members of shop only', audience: 'LINKED', price: '1' });
}, 240_000);
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

async function catalogCost(variables: RewardCatalogQueryVariables) {
  const before = app.hub.db.sql.statementCount;
  const page = (await app.gqlOk(RewardCatalog, variables, member.token)).rewardCatalog;
  return { statements: app.hub.db.sql.statementCount - before, page };
}

describe('the member catalog', () => {
  it('every brand, sorted by price, paged; drafts and linked-only rewards of other brands absent', async () => {
    const seen: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const { page } = await catalogCost({ sort: 'PRICE_ASC', first: 25, after });
      seen.push(...page.nodes.map((n) => n.reward.price));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(prices.map(String));
    const desc = (await catalogCost({ sort: 'PRICE_DESC', first: 3 })).page.nodes.map((n) => n.reward.price);
    expect(desc).toEqual(['600', '590', '580']);
  });

  it('a page of 5 and a page of 50 cost the same statements', async () => {
    const small = await catalogCost({ first: 5 });
    const large = await catalogCost({ first: 50 });
    expect(small.page.nodes).toHaveLength(5);
    expect(large.page.nodes).toHaveLength(50);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(4);
  });

  it('filters: a brand, a kind, affordable now; points still needed on each offer', async () => {
    const byShop = (await catalogCost({ filter: { partnerId: shop.id }, first: 100 })).page.nodes;
    expect(byShop).toHaveLength(30);
    expect(byShop.every((n) => n.reward.partnerId === shop.id)).toBe(true);
    const vouchers = (await catalogCost({ filter: { kind: 'VOUCHER' }, first: 100 })).page.nodes;
    expect(vouchers).toHaveLength(12);
    const affordable = (await catalogCost({ filter: { affordableOnly: true }, sort: 'PRICE_ASC', first: 100 })).page
      .nodes;
    expect(affordable.map((n) => n.reward.price)).toEqual([
      '10',
      '20',
      '30',
      '40',
      '50',
      '60',
      '70',
      '80',
      '90',
      '100',
      '110',
      '120',
      '130',
      '140',
      '150',
      '160',
      '170',
      '180',
      '190',
      '200',
      '210',
      '220',
      '230',
      '240',
      '250',
      '260',
      '270',
      '280',
      '290',
      '300',
    ]);
    expect(affordable.every((n) => n.redeemable && n.pointsNeeded === '0')).toBe(true);
    const dear = (await catalogCost({ sort: 'PRICE_DESC', first: 1 })).page.nodes[0]!;
    expect(dear).toMatchObject({ redeemable: false, pointsNeeded: '300', available: '300', eligible: true });
  });

  it('the wishlist says what each reward still needs; removing it takes it off', async () => {
    const dear = (await catalogCost({ sort: 'PRICE_DESC', first: 2 })).page.nodes.map((n) => n.reward.id);
    for (const id of dear) await app.gqlOk(AddRewardToWishlist, { rewardId: id }, member.token);
    await app.gqlOk(AddRewardToWishlist, { rewardId: dear[0]! }, member.token); // again: no change
    const wishes = (await app.gqlOk(MyRewardWishlist, {}, member.token)).myRewardWishlist;
    expect(wishes.map((w) => [w.reward.price, w.pointsNeeded, w.redeemable]).sort()).toEqual([
      ['590', '290', false],
      ['600', '300', false],
    ]);
    await app.gqlOk(RemoveRewardFromWishlist, { rewardId: dear[0]! }, member.token);
    expect((await app.gqlOk(MyRewardWishlist, {}, member.token)).myRewardWishlist.map((w) => w.reward.id)).toEqual([
      dear[1],
    ]);
    // A partner token never changes a member's wishlist.
    expect(errorCodes(await app.gql(AddRewardToWishlist, { rewardId: dear[0]! }, shop.token))).toEqual(['FORBIDDEN']);
  });
});

describe("the partner's lists", () => {
  it('its rewards with pool levels, and the redemptions to fulfil: the same statements for 5 or 50', async () => {
    const cost = async (first: number) => {
      const before = app.hub.db.sql.statementCount;
      const page = (await app.gqlOk(PartnerRewards, { first }, shop.token)).rewards;
      return { statements: app.hub.db.sql.statementCount - before, page };
    };
    const small = await cost(5);
    const large = await cost(32);
    expect(large.page.nodes).toHaveLength(32);
    expect(large.page.nodes.filter((n) => n.codePool).length).toBeGreaterThan(1);
    expect(large.statements).toBe(small.statements);
    // Pending redemptions of the shop's rewards: the member redeems three of them.
    const cheap = (await catalogCost({ filter: { partnerId: shop.id, kind: 'PRODUCT' }, sort: 'PRICE_ASC', first: 3 }))
      .page.nodes;
    for (const n of cheap) await rw.redeemOk(member.token, n.reward.id);
    const pending = (await app.gqlOk(PartnerRewardRedemptions, { status: 'PENDING' }, shop.token)).rewardRedemptions;
    expect(pending.nodes.map((n) => n.rewardId).sort()).toEqual(cheap.map((n) => n.reward.id).sort());
    expect(
      (await app.gqlOk(PartnerRewardRedemptions, { status: 'PENDING' }, cafe.token)).rewardRedemptions.nodes,
    ).toEqual([]);
  });
});
