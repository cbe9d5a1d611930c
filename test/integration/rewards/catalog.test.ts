/**
 * The partner's catalog: drafts, publish, pause, retire; price versions; stock; bad input answered with stable
 * codes and nothing written; another partner's rewards do not exist for a partner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { errorField } from '../../support/members.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';
import {
  AddRewardStock,
  GetReward,
  PartnerRewards,
  PauseReward,
  PublishReward,
  RetireReward,
  rewardHelpers,
  SetRewardPrice,
  UpdateReward,
  type RewardHelpers,
} from '../../support/rewards.js';

let app: TestApp;
let ledger: LedgerHelpers;
let rw: RewardHelpers;
let shop: TestPartner;
let other: TestPartner;
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  rw = rewardHelpers(app);
  [shop, other] = [await app.createPartner(), await app.createPartner()];
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

describe('rewards catalog (partner)', () => {
  it('a reward starts as a draft; publish, pause, publish again, retire (final)', async () => {
    const reward = dataOf(await rw.create(shop, { title: 'Free coffee', price: '250', stock: '5' })).createReward;
    expect(reward).toMatchObject({ status: 'DRAFT', price: '250', priceVersion: 1, stock: '5', currency: 'PTS' });
    expect(reward.instant).toBe(false);
    expect((await app.gqlOk(PublishReward, { id: reward.id }, shop.token)).publishReward.status).toBe('PUBLISHED');
    expect((await app.gqlOk(PauseReward, { id: reward.id }, shop.token)).pauseReward.status).toBe('PAUSED');
    expect((await app.gqlOk(PublishReward, { id: reward.id }, shop.token)).publishReward.status).toBe('PUBLISHED');
    expect((await app.gqlOk(RetireReward, { id: reward.id }, shop.token)).retireReward.status).toBe('RETIRED');
    expect(errorCodes(await app.gql(PublishReward, { id: reward.id }, shop.token))).toEqual(['REWARD_STATUS_CONFLICT']);
    expect(errorCodes(await app.gql(SetRewardPrice, { id: reward.id, price: '1' }, shop.token))).toEqual([
      'REWARD_STATUS_CONFLICT',
    ]);
  });

  it('a draft cannot be paused; a price change is a new version', async () => {
    const reward = dataOf(await rw.create(shop, { price: '100' })).createReward;
    expect(errorCodes(await app.gql(PauseReward, { id: reward.id }, shop.token))).toEqual(['REWARD_STATUS_CONFLICT']);
    const v2 = (await app.gqlOk(SetRewardPrice, { id: reward.id, price: '120' }, shop.token)).setRewardPrice;
    expect(v2).toMatchObject({ price: '120', priceVersion: 2 });
    const same = (await app.gqlOk(SetRewardPrice, { id: reward.id, price: '120' }, shop.token)).setRewardPrice;
    expect(same.priceVersion).toBe(2); // the same price again is no new version
    const [row] = await app.hub.db.sql.query<{ n: number }>(
      `select count(*)::int as n from reward_price where reward_id = $1`,
      [reward.id],
    );
    expect(row!.n).toBe(2);
  });

  it('updates keep what they do not name; stock can be added to a counted reward only', async () => {
    const reward = dataOf(await rw.create(shop, { title: 'Tote bag', stock: '2', perMemberLimit: 1 })).createReward;
    const updated = (
      await app.gqlOk(
        UpdateReward,
        { input: { id: reward.id, title: 'Tote bag (blue)', minTier: 'SILVER' } },
        shop.token,
      )
    ).updateReward;
    expect(updated).toMatchObject({ title: 'Tote bag (blue)', minTier: 'SILVER', perMemberLimit: 1, stock: '2' });
    expect((await app.gqlOk(AddRewardStock, { id: reward.id, quantity: '3' }, shop.token)).addRewardStock.stock).toBe(
      '5',
    );
    const unlimited = dataOf(await rw.create(shop)).createReward;
    expect(unlimited.stock).toBeNull();
    expect(errorCodes(await app.gql(AddRewardStock, { id: unlimited.id, quantity: '3' }, shop.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('bad input: stable codes, the field named, nothing written', async () => {
    const before = await app.count('reward');
    const cases: [Parameters<RewardHelpers['create']>[1], string, string | undefined][] = [
      [{ price: '0' }, 'BAD_USER_INPUT', 'price'],
      [{ price: '-5' }, 'BAD_USER_INPUT', 'price'],
      [{ stock: '-1' }, 'BAD_USER_INPUT', 'stock'],
      [{ currency: 'NOPE' }, 'UNKNOWN_CURRENCY', undefined],
      [{ title: '' }, 'BAD_USER_INPUT', 'title'],
      [{ imageUrl: 'javascript:alert(1)' }, 'BAD_USER_INPUT', 'imageUrl'],
      [{ fiatValue: '500', fiatCurrency: 'XXY' }, 'UNKNOWN_FIAT_CURRENCY', 'fiatCurrency'],
      [{ fiatValue: '500' }, 'BAD_USER_INPUT', 'fiatCurrency'],
      [{ minTier: 'PLATINUM' }, 'BAD_USER_INPUT', 'minTier'],
      [{ perMemberLimit: 0 }, 'BAD_USER_INPUT', 'perMemberLimit'],
      [{ validFrom: '2030-01-02T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' }, 'BAD_USER_INPUT', 'validUntil'],
    ];
    for (const [input, code, field] of cases) {
      const res = await rw.create(shop, input);
      expect(errorCodes(res), JSON.stringify(input)).toEqual([code]);
      if (field) expect(errorField(res), JSON.stringify(input)).toBe(field);
    }
    expect(await app.count('reward')).toBe(before);
  });

  it("a branded currency: the partner's own only", async () => {
    const mine = await ledger.createCurrency(shop, 'NONE');
    const theirs = await ledger.createCurrency(other, 'NONE');
    expect(dataOf(await rw.create(shop, { currency: mine.code })).createReward.currency).toBe(mine.code);
    expect(errorCodes(await rw.create(shop, { currency: theirs.code }))).toEqual(['CURRENCY_NOT_ISSUABLE']);
  });

  it("another partner's rewards do not exist for a partner; lists are its own and page", async () => {
    const theirs = dataOf(await rw.create(other, { title: 'Theirs' })).createReward;
    for (const res of [
      await app.gql(GetReward, { id: theirs.id }, shop.token),
      await app.gql(PublishReward, { id: theirs.id }, shop.token),
      await app.gql(SetRewardPrice, { id: theirs.id, price: '5' }, shop.token),
      await app.gql(AddRewardStock, { id: theirs.id, quantity: '5' }, shop.token),
      await app.gql(UpdateReward, { input: { id: theirs.id, title: 'Mine now' } }, shop.token),
    ])
      expect(errorCodes(res)).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.gql(PartnerRewards, { partnerId: other.id }, shop.token))).toEqual(['FORBIDDEN']);
    const seen: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const page = (await app.gqlOk(PartnerRewards, { first: 2, after }, shop.token)).rewards;
      seen.push(...page.nodes.map((n) => n.id));
      expect(page.nodes.every((n) => n.partnerId === shop.id)).toBe(true);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain(theirs.id);
    expect(seen.length).toBeGreaterThan(3);
    // The operator reads any partner's.
    const op = await app.operatorToken();
    expect((await app.gqlOk(PartnerRewards, { partnerId: other.id }, op)).rewards.nodes.map((n) => n.id)).toContain(
      theirs.id,
    );
  });
});
