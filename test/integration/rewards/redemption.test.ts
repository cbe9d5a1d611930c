/**
 * Redeeming rewards over HTTP with real tokens: vouchers (a code and the points at once), rewards waiting for
 * fulfilment (a hold: fulfilled, cancelled, expired by hub time), idempotency, price versions, eligibility,
 * per-member limits, and settlement's flow matrix (earned at A, spent on B's reward).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, GetHold, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../../support/test-app.js';
import { InterPartnerFlows, settlementHelpers } from '../../support/settlement.js';
import {
  GetRewardRedemption,
  MyRewardRedemptions,
  PartnerRewardRedemptions,
  PauseReward,
  rewardHelpers,
  SetRewardPrice,
  type RewardHelpers,
} from '../../support/rewards.js';

let app: TestApp;
let ledger: LedgerHelpers;
let rw: RewardHelpers;
let earnAt: TestPartner; // where members earn
let shop: TestPartner; // whose rewards they redeem
beforeAll(async () => {
  app = await initTestApp({ config: { ...LONG_LIVED_TOKENS, tiers: 'BRONZE:0,SILVER:1000' } });
  ledger = ledgerHelpers(app);
  rw = rewardHelpers(app);
  [earnAt, shop] = [await app.createPartner(), await app.createPartner()];
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

/** A member who earned `points` at `earnAt`, with its own token (signed in at the hub). */
async function member(points: number) {
  const id = await ledger.enroll(earnAt);
  if (points > 0) await ledger.earnOk(earnAt, id, points);
  return { id, token: await app.memberSessionToken(id) };
}

describe('redeeming a voucher', () => {
  it('hands out a code and takes the points at once; the member sees it in its history', async () => {
    const { reward, codes } = await rw.voucherOk(shop, 3, { price: '40' });
    const m = await member(100);
    const { redemption, replayed } = await rw.redeemOk(m.token, reward.id);
    expect(replayed).toBe(false);
    expect(redemption).toMatchObject({ status: 'FULFILLED', price: '40', priceVersion: 1, holdId: null });
    expect(codes).toContain(redemption.code);
    expect(await ledger.balance(m.id)).toEqual({ available: '60', held: '0', owed: '0' });
    const history = (await app.gqlOk(MyRewardRedemptions, {}, m.token)).myRewardRedemptions.nodes;
    expect(history.map((h) => [h.id, h.code, h.reward.id])).toEqual([[redemption.id, redemption.code, reward.id]]);
    const [transfer] = await app.hub.db.sql.query<{ kind: string; partner_id: string }>(
      `select kind, partner_id from transfer where id = $1`,
      [redemption.transferId],
    );
    expect(transfer).toEqual({ kind: 'REDEEM', partner_id: shop.id });
  });

  it('the same key returns the same redemption and the same code; points move once', async () => {
    const { reward } = await rw.voucherOk(shop, 3, { price: '10' });
    const m = await member(100);
    const first = await rw.redeemOk(m.token, reward.id, { idempotencyKey: 'same-key-1' });
    const again = await rw.redeemOk(m.token, reward.id, { idempotencyKey: 'same-key-1' });
    expect(again.replayed).toBe(true);
    expect(again.redemption).toEqual(first.redemption);
    expect(await ledger.balance(m.id)).toMatchObject({ available: '90' });
  });

  it('without codes left: OUT_OF_STOCK, nothing taken, and a retry with the key answers the same', async () => {
    const { reward } = await rw.voucherOk(shop, 1, { price: '10' });
    const m = await member(100);
    await rw.redeemOk(m.token, reward.id);
    const before = await ledger.ledgerCounts();
    const res = await rw.redeem(m.token, reward.id, { idempotencyKey: 'oos-1' });
    expect(errorCodes(res)).toEqual(['OUT_OF_STOCK']);
    expect((await ledger.ledgerCounts()).transfer).toBe(before.transfer);
    expect(await ledger.balance(m.id)).toMatchObject({ available: '90' });
    expect(errorCodes(await rw.redeem(m.token, reward.id, { idempotencyKey: 'oos-1' }))).toEqual(['OUT_OF_STOCK']);
  });

  it('a price change is a new version; the redemption made before keeps its price', async () => {
    const { reward } = await rw.voucherOk(shop, 2, { price: '30' });
    const m = await member(100);
    const first = (await rw.redeemOk(m.token, reward.id, { idempotencyKey: 'price-1' })).redemption;
    await app.gqlOk(SetRewardPrice, { id: reward.id, price: '50' }, shop.token);
    const second = (await rw.redeemOk(m.token, reward.id)).redemption;
    expect([first.price, first.priceVersion, second.price, second.priceVersion]).toEqual(['30', 1, '50', 2]);
    const replay = await rw.redeemOk(m.token, reward.id, { idempotencyKey: 'price-1' });
    expect(replay.redemption).toMatchObject({ id: first.id, price: '30', priceVersion: 1 });
    const reread = (await app.gqlOk(GetRewardRedemption, { id: first.id }, m.token)).rewardRedemption;
    expect(reread).toMatchObject({ price: '30', priceVersion: 1 });
    expect(await ledger.balance(m.id)).toMatchObject({ available: '20' });
  });

  it("settles as a redemption at the reward's partner: earned at A, spent on B's reward", async () => {
    const st = settlementHelpers(app);
    const [a, b] = [await app.createPartner(), await app.createPartner()];
    await st.contractOk(a, { settlementCurrency: 'USD', issuePrice: '0.01', redemptionPrice: '0.009' });
    await st.contractOk(b, { settlementCurrency: 'USD', issuePrice: '0.01', redemptionPrice: '0.008' });
    const from = app.now().toISOString();
    const id = await ledger.enroll(a);
    await ledger.earnOk(a, id, 100);
    const { reward } = await rw.voucherOk(b, 1, { price: '70' });
    await rw.redeemOk(await app.memberSessionToken(id), reward.id);
    await app.advanceClock(5);
    const flows = (await app.gqlOk(InterPartnerFlows, { from, to: app.now().toISOString() }, await app.financeToken()))
      .interPartnerFlows;
    expect(flows.filter((f) => f.issuerPartnerId === a.id)).toEqual([
      expect.objectContaining({ issuerPartnerId: a.id, redeemerPartnerId: b.id, points: '70' }),
    ]);
  });
});

describe('rewards waiting for fulfilment', () => {
  it('holds the points and a stock unit; fulfilment captures them (idempotent)', async () => {
    const reward = await rw.publishedOk(shop, { price: '25', stock: '2' });
    const m = await member(100);
    const { redemption } = await rw.redeemOk(m.token, reward.id);
    expect(redemption).toMatchObject({ status: 'PENDING', code: null, holdId: expect.any(String) });
    expect(await ledger.balance(m.id)).toEqual({ available: '75', held: '25', owed: '0' });
    expect(await rw.stockOf(reward.id)).toBe('1');
    const pending = (await app.gqlOk(PartnerRewardRedemptions, { status: 'PENDING' }, shop.token)).rewardRedemptions;
    expect(pending.nodes.map((n) => n.id)).toContain(redemption.id);

    const fulfilled = (await rw.fulfil(shop.token, redemption.id, 'fulfil-1')).data!.fulfilRewardRedemption;
    expect(fulfilled).toMatchObject({ replayed: false, redemption: { status: 'FULFILLED' } });
    const again = (await rw.fulfil(shop.token, redemption.id, 'fulfil-1')).data!.fulfilRewardRedemption;
    expect(again).toMatchObject({ replayed: true, redemption: { status: 'FULFILLED' } });
    expect(await ledger.balance(m.id)).toEqual({ available: '75', held: '0', owed: '0' });
    expect(await rw.stockOf(reward.id)).toBe('1');
    expect(errorCodes(await rw.cancel(shop.token, redemption.id))).toEqual(['REDEMPTION_NOT_PENDING']);
  });

  it('cancel (by the partner or the member) returns the points and the stock unit, once', async () => {
    const reward = await rw.publishedOk(shop, { price: '25', stock: '1' });
    const m = await member(100);
    const byPartner = (await rw.redeemOk(m.token, reward.id)).redemption;
    expect(await rw.stockOf(reward.id)).toBe('0');
    expect(errorCodes(await rw.redeem(m.token, reward.id))).toEqual(['OUT_OF_STOCK']);
    const cancelled = (await rw.cancel(shop.token, byPartner.id)).data!.cancelRewardRedemption;
    expect(cancelled.redemption.status).toBe('CANCELLED');
    expect(await rw.stockOf(reward.id)).toBe('1');
    expect(await ledger.balance(m.id)).toEqual({ available: '100', held: '0', owed: '0' });
    expect(errorCodes(await rw.cancel(shop.token, byPartner.id))).toEqual(['REDEMPTION_NOT_PENDING']);
    expect(errorCodes(await rw.fulfil(shop.token, byPartner.id))).toEqual(['REDEMPTION_NOT_PENDING']);
    expect(await rw.stockOf(reward.id)).toBe('1');

    const byMember = (await rw.redeemOk(m.token, reward.id)).redemption;
    expect((await rw.cancel(m.token, byMember.id)).data!.cancelRewardRedemption.redemption.status).toBe('CANCELLED');
    expect(await rw.stockOf(reward.id)).toBe('1');
    expect(await ledger.balance(m.id)).toEqual({ available: '100', held: '0', owed: '0' });
  });

  it('expires with its hold (hub time): points and stock back; then it cannot be fulfilled', async () => {
    const reward = await rw.publishedOk(shop, { price: '25', stock: '1', fulfilmentSeconds: 600 });
    const m = await member(100);
    const { redemption } = await rw.redeemOk(m.token, reward.id);
    await app.advanceClock('601 seconds');
    // Before the sweep: the hold is past its expiry, so neither fulfilment nor cancellation can take it.
    expect(errorCodes(await rw.fulfil(shop.token, redemption.id))).toEqual(['REDEMPTION_NOT_PENDING']);
    expect((await ledger.runExpiry()).holdsExpired).toBe(1);
    const after = (await app.gqlOk(GetRewardRedemption, { id: redemption.id }, shop.token)).rewardRedemption;
    expect(after).toMatchObject({ status: 'EXPIRED', resolvedAt: expect.any(String) });
    expect((await app.gqlOk(GetHold, { id: redemption.holdId! }, shop.token)).hold.status).toBe('EXPIRED');
    expect(await rw.stockOf(reward.id)).toBe('1');
    expect(await ledger.balance(m.id)).toEqual({ available: '100', held: '0', owed: '0' });
    expect((await ledger.runExpiry()).holdsExpired).toBe(0);
    expect(await rw.stockOf(reward.id)).toBe('1');
  });

  it('a partner redeems for its linked member; another partner cannot fulfil or see it', async () => {
    const reward = await rw.publishedOk(shop, { price: '5' });
    const id = await ledger.enroll(shop);
    await ledger.earnOk(shop, id, 10);
    const { redemption } = await rw.redeemOk(shop.token, reward.id, { memberId: id });
    expect(errorCodes(await rw.fulfil(earnAt.token, redemption.id))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.gql(GetRewardRedemption, { id: redemption.id }, earnAt.token))).toEqual(['NOT_FOUND']);
    // A partner redeems only its own rewards, only for members linked to it.
    expect(errorCodes(await rw.redeem(earnAt.token, reward.id, { memberId: id }))).toEqual(['NOT_FOUND']);
    const stranger = await ledger.enroll(earnAt);
    expect(errorCodes(await rw.redeem(shop.token, reward.id, { memberId: stranger }))).toEqual(['NOT_FOUND']);
  });
});

describe('eligibility', () => {
  it('paused, not yet valid, tier, linked-only and the per-member limit: stable codes, nothing taken', async () => {
    const m = await member(100);
    const paused = await rw.publishedOk(shop, { price: '1' });
    await app.gqlOk(PauseReward, { id: paused.id }, shop.token);
    const later = await rw.publishedOk(shop, {
      price: '1',
      validFrom: new Date(app.now().getTime() + 86_400_000).toISOString(),
    });
    const silver = await rw.publishedOk(shop, { price: '1', minTier: 'SILVER' });
    const linked = await rw.publishedOk(shop, { price: '1', audience: 'LINKED' });
    const once = await rw.publishedOk(shop, { price: '1', perMemberLimit: 1 });
    expect(errorCodes(await rw.redeem(m.token, paused.id))).toEqual(['REWARD_NOT_REDEEMABLE']);
    expect(errorCodes(await rw.redeem(m.token, later.id))).toEqual(['REWARD_NOT_REDEEMABLE']);
    expect(errorCodes(await rw.redeem(m.token, silver.id))).toEqual(['REWARD_NOT_ELIGIBLE']);
    expect(errorCodes(await rw.redeem(m.token, linked.id))).toEqual(['REWARD_NOT_ELIGIBLE']);
    expect((await rw.redeem(m.token, once.id)).errors).toBeUndefined();
    expect(errorCodes(await rw.redeem(m.token, once.id))).toEqual(['REWARD_LIMIT_REACHED']);
    expect(await ledger.balance(m.id)).toEqual({ available: '99', held: '1', owed: '0' });
    // Linked to the partner, and SILVER (1000 qualifying points): both become redeemable.
    await ledger.link(shop, m.id);
    await ledger.earnOk(earnAt, m.id, 1000);
    expect((await rw.redeem(m.token, linked.id)).errors).toBeUndefined();
    expect((await rw.redeem(m.token, silver.id)).errors).toBeUndefined();
  });

  it('not enough points: INSUFFICIENT_POINTS, no stock taken', async () => {
    const reward = await rw.publishedOk(shop, { price: '500', stock: '3' });
    const m = await member(100);
    expect(errorCodes(await rw.redeem(m.token, reward.id))).toEqual(['INSUFFICIENT_POINTS']);
    expect(await rw.stockOf(reward.id)).toBe('3');
  });
});
