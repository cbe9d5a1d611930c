/**
 * Every settled transfer (PTS earn, redemption, capture, their reversals,
 * conversions into and out of PTS) gets its fiat valuation in the posting
 * statement: points × the unit price of the partner's contract version in
 * effect at posting, exact (no rounding per transfer), with that version's id.
 * Reversals are priced like the transfer they reverse, even under an older
 * contract. Later contract versions never rewrite a past valuation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { memberHelpers, type MemberHelpers } from '../../support/members.js';
import { exchangeHelpers, type ExchangeHelpers } from '../../support/exchange.js';
import {
  expectValuation,
  expectedStatement,
  settlementHelpers,
  type Priced,
  type SettlementHelpers,
} from '../../support/settlement.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let members: MemberHelpers;
let ex: ExchangeHelpers;
let st: SettlementHelpers;
beforeAll(async () => {
  app = await initTestApp({ config: LONG_LIVED_TOKENS }); // periods are closed by moving hub time
  ledger = ledgerHelpers(app);
  members = memberHelpers(app);
  ex = exchangeHelpers(app, ledger);
  st = settlementHelpers(app);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

describe('each settled transfer kind', () => {
  let airline: TestPartner;
  let hotel: TestPartner;
  let miles: string;
  let stars: string;
  let airlineV1: { id: string };
  let hotelV1: { id: string };
  const AIR = { issue: '0.012345678901', redemption: '0.0075' };
  const HOT = { issue: '0.02', redemption: '0.000000000007' };
  beforeAll(async () => {
    [airline, hotel] = [await app.createPartner(), await app.createPartner()];
    airlineV1 = await st.contractOk(airline, {
      settlementCurrency: 'USD',
      issuePrice: AIR.issue,
      redemptionPrice: AIR.redemption,
    });
    hotelV1 = await st.contractOk(hotel, {
      settlementCurrency: 'EUR',
      issuePrice: HOT.issue,
      redemptionPrice: HOT.redemption,
    });
    miles = await ex.brand(airline);
    stars = await ex.brand(hotel);
    await ex.setRateOk(miles, 'TO_PTS', '0.5', '0.02', 1, 1);
    await ex.setRateOk(miles, 'FROM_PTS', '1.9', '0.01', 1, 1);
    await ex.setRateOk(stars, 'TO_PTS', '0.25', '0', 1, 1);
    await ex.setRateOk(stars, 'FROM_PTS', '4', '0.01', 1, 1);
  });

  const air = (kind: string, points: number, unitPrice: string) => ({
    kind,
    points,
    unitPrice,
    contractId: airlineV1.id,
    partnerId: airline.id,
    currency: 'USD',
  });

  it('earn, redeem, capture and the reversals of each: exact valuations with the contract version; holds and releases are not valued', async () => {
    const member = await ledger.enroll(airline);
    const earn = await ledger.earnOk(airline, member, 1000);
    const redeem = dataOf(await ledger.redeem(airline, member, 100)).redeemPoints;
    const auth = dataOf(await ledger.authorize(airline, member, 50)).authorizeRedemption;
    const capture = dataOf(await ledger.capture(airline, auth.hold!.id, 30)).captureRedemption;
    const release = capture.transfers.find((t) => t.kind === 'RELEASE')!;
    const revRedeem = dataOf(await ledger.reverse(airline, redeem.transfer.id, 40)).reverseTransfer;
    const revCapture = dataOf(await ledger.reverse(airline, capture.transfer.id, 10)).reverseTransfer;
    const revEarn = dataOf(await ledger.reverse(airline, earn.transfer.id, 200)).reverseTransfer;

    const ids = [
      earn.transfer.id,
      redeem.transfer.id,
      capture.transfer.id,
      revRedeem.transfer.id,
      revCapture.transfer.id,
      revEarn.transfer.id,
    ];
    const rows = await st.valuations(ids);
    expect(rows).toHaveLength(6);
    expectValuation(rows[0], air('ISSUANCE', 1000, AIR.issue)); // 12.345678901
    expectValuation(rows[1], air('REDEMPTION', 100, AIR.redemption)); // −0.75
    expectValuation(rows[2], air('REDEMPTION', 30, AIR.redemption));
    expectValuation(rows[3], air('REDEMPTION_REVERSAL', 40, AIR.redemption));
    expectValuation(rows[4], air('REDEMPTION_REVERSAL', 10, AIR.redemption));
    expectValuation(rows[5], air('ISSUANCE_REVERSAL', 200, AIR.issue));
    expect(rows[0]!.amount).toBe('12.345678901000');
    expect(await st.valuations([auth.transfer.id, release.id])).toEqual([]);
  });

  it('an earn reversed beyond what the wallet holds: the take-back and the shortfall are both issuance reversals at the earn price', async () => {
    const member = await ledger.enroll(airline);
    const earn = await ledger.earnOk(airline, member, 100);
    dataOf(await ledger.redeem(airline, member, 80));
    const rev = dataOf(await ledger.reverse(airline, earn.transfer.id)).reverseTransfer;
    const [back, shortfall] = ['REVERSE_EARN', 'REVERSE_EARN_SHORTFALL'].map((k) =>
      rev.transfers.find((t) => t.kind === k)!,
    );
    expect([back!.amount, shortfall!.amount]).toEqual(['20', '80']);
    const rows = await st.valuations([back!.id, shortfall!.id]);
    expectValuation(rows[0], air('ISSUANCE_REVERSAL', 20, AIR.issue));
    expectValuation(rows[1], air('ISSUANCE_REVERSAL', 80, AIR.issue));
  });

  it('conversions: branded → PTS is issuance by the brand (CONVERSION_IN), PTS → branded a redemption at it (CONVERSION_OUT), branded → branded both, on the PTS passing through', async () => {
    const member = await ledger.enroll(airline);
    await ledger.link(hotel, member);
    const token = await members.signIn(member);
    const milesEarn = await ledger.earnOk(airline, member, 2000, { currency: miles });

    const toPts = await ex.exchangeOk(token, (await ex.quoteOk(token, miles, 'PTS', 500)).id); // 500 × 0.49 = 245 PTS
    const toPtsIn = toPts.transfers.find((t) => t.kind === 'EXCHANGE_IN')!;
    const toPtsOut = toPts.transfers.find((t) => t.kind === 'EXCHANGE_OUT')!;
    expect(toPtsIn).toMatchObject({ currency: 'PTS', amount: '245' });

    const fromPts = await ex.exchangeOk(token, (await ex.quoteOk(token, 'PTS', miles, 100)).id);
    const fromPtsOut = fromPts.transfers.find((t) => t.kind === 'EXCHANGE_OUT')!;
    const fromPtsIn = fromPts.transfers.find((t) => t.kind === 'EXCHANGE_IN')!;
    expect(fromPtsOut).toMatchObject({ currency: 'PTS', amount: '100' });

    const cross = await ex.exchangeOk(token, (await ex.quoteOk(token, miles, stars, 300)).id); // 300 × 0.49 = 147 PTS pass through
    const crossOut = cross.transfers.find((t) => t.kind === 'EXCHANGE_OUT')!;
    const crossIn = cross.transfers.find((t) => t.kind === 'EXCHANGE_IN')!;

    const rows = await st.valuations([toPtsIn.id, fromPtsOut.id, crossOut.id, crossIn.id]);
    expect(rows).toHaveLength(4);
    expectValuation(rows[0], air('CONVERSION_IN', 245, AIR.issue));
    expectValuation(rows[1], air('CONVERSION_OUT', 100, AIR.redemption));
    expectValuation(rows[2], air('CONVERSION_IN', 147, AIR.issue));
    expectValuation(rows[3], {
      kind: 'CONVERSION_OUT',
      points: 147,
      unitPrice: HOT.redemption,
      contractId: hotelV1.id,
      partnerId: hotel.id,
      currency: 'EUR',
    });
    expect(rows[3]!.amount).toBe('-0.000000001029');
    // Branded-currency movements that are not conversions carry no valuation.
    expect(await st.valuations([milesEarn.transfer.id, toPtsOut.id, fromPtsIn.id])).toEqual([]);
  });

  it('a transfer of a partner with no contract in effect is not valued (reconciliation counts it as unpriced)', async () => {
    const free = await app.createPartner();
    const member = await ledger.enroll(free);
    const earn = await ledger.earnOk(free, member, 10);
    expect(await st.valuations([earn.transfer.id])).toEqual([]);
  });
});

describe('contract versions over time', () => {
  it('a version switch inside a period prices earns before and after differently, and the statement sums exactly', async () => {
    const partner = await app.createPartner();
    const member = await ledger.enroll(partner);
    const v1 = await st.contractOk(partner, { issuePrice: '0.0105', redemptionPrice: '0.0071', periodSeconds: 90 });
    await st.freshPeriod(partner);
    const switchAt = new Date(app.now().getTime() + 30_000); // hub time moves there after the first postings
    const v2 = await st.contractOk(partner, {
      issuePrice: '0.0115',
      redemptionPrice: '0.0069',
      periodSeconds: 90,
      effectiveFrom: switchAt.toISOString(),
    });

    const e1 = await ledger.earnOk(partner, member, 333);
    const e2 = await ledger.earnOk(partner, member, 7);
    const r1 = dataOf(await ledger.redeem(partner, member, 101)).redeemPoints;
    await st.advanceTo(switchAt, 10);
    const e3 = await ledger.earnOk(partner, member, 333);
    const r2 = dataOf(await ledger.redeem(partner, member, 51)).redeemPoints;
    const x1 = dataOf(await ledger.reverse(partner, e1.transfer.id, 99)).reverseTransfer; // an earn priced under v1, reversed under v2

    const rows = await st.valuations([e1, e2, r1, e3, r2, x1].map((r) => r.transfer.id));
    const want: (Priced & { contract: string })[] = [
      { kind: 'ISSUANCE', points: 333n, unitPrice: '0.0105', contract: v1.id },
      { kind: 'ISSUANCE', points: 7n, unitPrice: '0.0105', contract: v1.id },
      { kind: 'REDEMPTION', points: 101n, unitPrice: '0.0071', contract: v1.id },
      { kind: 'ISSUANCE', points: 333n, unitPrice: '0.0115', contract: v2.id },
      { kind: 'REDEMPTION', points: 51n, unitPrice: '0.0069', contract: v2.id },
      { kind: 'ISSUANCE_REVERSAL', points: 99n, unitPrice: '0.0105', contract: v1.id },
    ];
    want.forEach((w, i) =>
      expectValuation(rows[i], {
        kind: w.kind,
        points: w.points,
        unitPrice: w.unitPrice,
        contractId: w.contract,
        partnerId: partner.id,
      }),
    );
    // The switch fell between the postings it separates.
    expect(rows[2]!.created_at.getTime()).toBeLessThan(switchAt.getTime());
    expect(rows[3]!.created_at.getTime()).toBeGreaterThanOrEqual(switchAt.getTime());

    const closed = await st.closeCurrent(partner);
    const expected = expectedStatement(want, 2);
    expect(closed).toMatchObject({ status: 'CLOSED', fiatCurrency: 'USD', ...expected });
    // 333×0.0105 + 7×0.0105 + 333×0.0115 − 99×0.0105 = 6.3600; redemptions 101×0.0071 + 51×0.0069 = 1.0690
    expect([closed.dueToHub, closed.dueToPartner, closed.netExact, closed.net, closed.rounding]).toEqual([
      '6.36',
      '1.069',
      '5.291',
      '5.29',
      '-0.001',
    ]);
  });

  it('the reversal of an earn issued under an older contract uses that contract: its price, its version, its currency', async () => {
    const partner = await app.createPartner();
    const member = await ledger.enroll(partner);
    const v1 = await st.contractOk(partner, { issuePrice: '0.031', redemptionPrice: '0.017' });
    const earn = await ledger.earnOk(partner, member, 500);
    const redeem = dataOf(await ledger.redeem(partner, member, 200)).redeemPoints;
    const v2 = await st.contractOk(partner, { issuePrice: '0.5', redemptionPrice: '0.4' }); // in effect at once
    const v3 = await st.contractOk(partner, { issuePrice: '0.9', redemptionPrice: '0.8' });
    expect((await st.contracts(partner)).map((c) => c.id)).toEqual([v3.id, v2.id, v1.id]);

    const revEarn = dataOf(await ledger.reverse(partner, earn.transfer.id, 123)).reverseTransfer;
    const revRedeem = dataOf(await ledger.reverse(partner, redeem.transfer.id, 45)).reverseTransfer;
    const fresh = await ledger.earnOk(partner, member, 10);
    const rows = await st.valuations([revEarn.transfer.id, revRedeem.transfer.id, fresh.transfer.id]);
    expectValuation(rows[0], {
      kind: 'ISSUANCE_REVERSAL',
      points: 123,
      unitPrice: '0.031',
      contractId: v1.id,
      partnerId: partner.id,
    });
    expectValuation(rows[1], {
      kind: 'REDEMPTION_REVERSAL',
      points: 45,
      unitPrice: '0.017',
      contractId: v1.id,
      partnerId: partner.id,
    });
    expectValuation(rows[2], {
      kind: 'ISSUANCE',
      points: 10,
      unitPrice: '0.9',
      contractId: v3.id,
      partnerId: partner.id,
    });
  });

  it('later contract versions never rewrite past valuations, a closed statement, or what the open draft shows for the past', async () => {
    const partner = await app.createPartner();
    const member = await ledger.enroll(partner);
    await st.contractOk(partner, { issuePrice: '0.0133', redemptionPrice: '0.0101', creditLimit: '1000' });
    await ledger.earnOk(partner, member, 400);
    dataOf(await ledger.redeem(partner, member, 150));
    const closed = await st.closeCurrent(partner);
    await ledger.earnOk(partner, member, 77); // in the open period
    const before = { valuations: await st.partnerValuations(partner.id), draft: await st.statement(partner) };
    expect(before.valuations).toHaveLength(3);

    // New prices at once, a billing change that resets the budget, and new prices scheduled.
    await st.contractOk(partner, { issuePrice: '7', redemptionPrice: '6', creditLimit: '1000' });
    await st.contractOk(partner, { issuePrice: '7', redemptionPrice: '6', creditLimit: '2000' });
    await st.contractOk(partner, {
      issuePrice: '8',
      redemptionPrice: '5',
      creditLimit: '2000',
      effectiveFrom: new Date(app.now().getTime() + 60_000).toISOString(),
    });

    expect(await st.partnerValuations(partner.id)).toEqual(before.valuations);
    expect(await st.statement(partner, closed.periodStart)).toEqual(closed);
    expect(before.draft).toMatchObject({ status: 'DRAFT', transferCount: 1 });
    expect(await st.statement(partner, before.draft.periodStart)).toEqual(before.draft);
  });
});
