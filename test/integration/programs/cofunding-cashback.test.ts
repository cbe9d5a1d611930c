/**
 * Co-funded campaigns and cashback (issue 17). A campaign at the coffee chain funded half by the airline:
 * the airline's share is issued from the airline's issuance account, valued under the airline's contract,
 * shows on the airline's statement, and reconcileSettlements recomputes every closed statement clean;
 * a refund takes the share back in the airline's name. Cashback: a percentage of spend as PTS at the
 * contract issue price, or into a branded currency at a stated price, rounded down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { CampaignCost, programHelpers, type ProgramHelpers } from '../../support/programs.js';
import { ReconcileSettlements, settlementHelpers, type SettlementHelpers } from '../../support/settlement.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let pr: ProgramHelpers;
let st: SettlementHelpers;
let coffee: TestPartner;
let airline: TestPartner;
beforeAll(async () => {
  app = await initTestApp({ config: LONG_LIVED_TOKENS });
  ledger = ledgerHelpers(app);
  pr = programHelpers(app, ledger);
  st = settlementHelpers(app);
  [coffee, airline] = [await app.createPartner(), await app.createPartner()];
  await st.contractOk(coffee, { settlementCurrency: 'USD', issuePrice: '0.01' });
  await st.contractOk(airline, { settlementCurrency: 'MYR', issuePrice: '0.02' });
  await pr.setRulesOk(coffee, { rules: [{ id: 'base', kind: 'BASE', points: 1, per: 100 }] });
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const issuance = (s: { lines: readonly { kind: string; points: string }[] }) =>
  s.lines.filter((l) => l.kind.startsWith('ISSUANCE') && l.points !== '0').map((l) => [l.kind, l.points]);

describe('co-funded campaign', () => {
  it("each funder's share is its own issuance, on its own statement; reconciliation is clean", async () => {
    await st.freshPeriod(coffee);
    await st.freshPeriod(airline);
    const campaign = dataOf(
      await pr.createCampaign(await app.operatorToken(), {
        partnerId: coffee.id,
        name: 'Fly for coffee',
        definition: { reward: { kind: 'MULTIPLIER', factor: '2' } },
        funders: [
          { partnerId: coffee.id, share: '0.5' },
          { partnerId: airline.id, share: '0.5' },
        ],
      }),
    ).createCampaign;
    const member = await ledger.enroll(coffee);
    const { purchase } = await pr.recordOk(coffee, member, { total: '10100' }); // base 101, award 101: 51 + 50
    expect(purchase.legs.map((l) => [l.partnerId, l.points])).toEqual([
      [coffee.id, '152'],
      [airline.id, '50'],
    ]);
    expect((await ledger.balance(member)).available).toBe('202');
    const airlineTransfer = purchase.legs[1]!.transferId!;
    const [valuation] = await st.valuations([airlineTransfer]);
    expect(valuation).toMatchObject({ partner_id: airline.id, kind: 'ISSUANCE', points: '50', fiat_currency: 'MYR' });
    expect(issuance(await st.statement(airline))).toEqual([['ISSUANCE', '50']]);
    expect(issuance(await st.statement(coffee))).toEqual([['ISSUANCE', '152']]);
    const cost = dataOf(await app.gql(CampaignCost, { id: campaign.id }, await app.financeToken())).campaignCost;
    expect(cost).toEqual(
      [
        { partnerId: coffee.id, points: '51', awards: 1 },
        { partnerId: airline.id, points: '50', awards: 1 },
      ].sort((a, b) => (a.partnerId < b.partnerId ? -1 : 1)),
    );
    // A full refund takes the airline's share back in the airline's name, priced as it was issued.
    const refund = dataOf(await pr.refund(coffee, { purchaseId: purchase.id })).refundPurchase;
    expect(refund.reversals.map((r) => [r.partnerId, r.points])).toEqual([
      [coffee.id, '152'],
      [airline.id, '50'],
    ]);
    expect(issuance(await st.statement(airline))).toEqual([
      ['ISSUANCE', '50'],
      ['ISSUANCE_REVERSAL', '50'],
    ]);
    await st.closeCurrent(coffee);
    await st.closeCurrent(airline);
    const report = (await app.gqlOk(ReconcileSettlements, {}, await app.financeToken())).reconcileSettlements;
    expect(report.differences).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

describe('cashback', () => {
  it('a percentage of spend as PTS at the contract issue price, rounded down; into a branded currency at its stated price', async () => {
    const brand = await ledger.createCurrency(coffee, 'NONE');
    const shop = coffee;
    await pr.setRulesOk(shop, {
      rules: [
        { id: 'cb', kind: 'CASHBACK', percent: '5', when: { '==': [{ var: 'line.category' }, 'beans'] } },
        { id: 'brand-cb', kind: 'CASHBACK', percent: '2.5', currency: brand.code, unitPrice: '3' },
      ],
    });
    const member = await ledger.enroll(shop);
    const sim = dataOf(
      await pr.simulate(shop, member, {
        total: '2999',
        lines: [
          { category: 'beans', quantity: '1', unitPrice: '1999' },
          { category: 'cups', quantity: '1', unitPrice: '1000' },
        ],
      }),
    ).simulatePurchase;
    // 5% of 1999 cents = 99.95 cents at 1 cent per PTS → 99; 2.5% of 2999 = 74.975 cents at 3 cents → 24.
    expect(pr.pointsByRef(sim.breakdown)).toEqual({ cb: '99', 'brand-cb': '24' });
    expect(sim.breakdown.find((l) => l.ref === 'cb')!.explanation).toMatch(/rounded down/);
    const { purchase } = await pr.recordOk(shop, member, {
      total: '2999',
      lines: [
        { category: 'beans', quantity: '1', unitPrice: '1999' },
        { category: 'cups', quantity: '1', unitPrice: '1000' },
      ],
    });
    expect(purchase.legs.map((l) => [l.currency, l.points])).toEqual([
      ['PTS', '99'],
      [brand.code, '24'],
    ]);
    expect((await ledger.balance(member, brand.code)).available).toBe('24');
    // In another currency than the contract's there is no price: the line says so and gives nothing.
    const other = dataOf(
      await pr.simulate(shop, member, {
        total: '2999',
        currency: 'EUR',
        lines: [{ category: 'beans', quantity: '1', unitPrice: '2999' }],
      }),
    ).simulatePurchase;
    expect(other.breakdown.find((l) => l.ref === 'cb')).toMatchObject({
      points: '0',
      explanation: expect.stringMatching(/no contract issue price in EUR/),
    });
  });
});
