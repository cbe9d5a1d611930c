/**
 * interPartnerFlows: from the lots, for a period, the points issued by partner
 * A that were redeemed at partner B (one-step redemptions and captures, net of
 * reversed redemptions), with the fiat at both sides — A's issue price from
 * the valuation of the earn that made the lot, B's reimbursement from the
 * valuation of the redemption. Hub-wide finance sees both sides; finance
 * scoped to a partner sees only the flows it is part of, and only its own
 * side's money.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, GraphQLRequestError, dataOf } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { memberHelpers } from '../../support/members.js';
import { InterPartnerFlows, settlementHelpers, type SettlementHelpers } from '../../support/settlement.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let st: SettlementHelpers;
let a: TestPartner; // issues, USD
let b: TestPartner; // redeems, EUR
let c: TestPartner; // issues and redeems, GBP
let member: string;
let from: string;
let beforeRedemptions: string;
let to: string;
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  st = settlementHelpers(app);
  [a, b, c] = [await app.createPartner(), await app.createPartner(), await app.createPartner()];
  await st.contractOk(a, { settlementCurrency: 'USD', issuePrice: '0.01', redemptionPrice: '0.009' });
  await st.contractOk(b, { settlementCurrency: 'EUR', issuePrice: '0.011', redemptionPrice: '0.008' });
  await st.contractOk(c, { settlementCurrency: 'GBP', issuePrice: '0.02', redemptionPrice: '0.015' });
  member = await ledger.enroll(a);
  await ledger.link(b, member);
  await ledger.link(c, member);

  from = app.now().toISOString();
  await ledger.earnOk(a, member, 50); // the older lot: redeemed first
  await app.advanceClock(5);
  await ledger.earnOk(c, member, 50);
  await app.advanceClock(5);
  beforeRedemptions = app.now().toISOString();
  const redeem = await ledger.redeem(b, member, 80); // 50 of A's lot, 30 of C's
  if (redeem.errors?.length) throw new GraphQLRequestError(redeem);
  const back = await ledger.reverse(b, redeem.data!.redeemPoints.transfer.id, 10); // back to the lot that expires last: C's
  if (back.errors?.length) throw new GraphQLRequestError(back);
  const hold = (await ledger.authorize(c, member, 5)).data!.authorizeRedemption.hold!;
  const captured = await ledger.capture(c, hold.id); // C's own points redeemed at C
  if (captured.errors?.length) throw new GraphQLRequestError(captured);
  await app.advanceClock(5);
  to = app.now().toISOString();
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const flows = async (token: string, window: { from: string; to: string } = { from, to }) => {
  return dataOf(await app.gql(InterPartnerFlows, window, token)).interPartnerFlows;
};

const byPair = <T extends { issuerPartnerId: string; redeemerPartnerId: string }>(rows: T[]) =>
  [...rows].sort((x, y) =>
    x.issuerPartnerId + x.redeemerPartnerId < y.issuerPartnerId + y.redeemerPartnerId ? -1 : 1,
  );

describe('interPartnerFlows', () => {
  const aToB = () => ({
    issuerPartnerId: a.id,
    redeemerPartnerId: b.id,
    points: '50',
    issuerFiat: '0.5',
    issuerCurrency: 'USD',
    redeemerFiat: '0.4',
    redeemerCurrency: 'EUR',
  });
  const cToB = () => ({
    issuerPartnerId: c.id,
    redeemerPartnerId: b.id,
    points: '20',
    issuerFiat: '0.4',
    issuerCurrency: 'GBP',
    redeemerFiat: '0.16',
    redeemerCurrency: 'EUR',
  });
  const cToC = () => ({
    issuerPartnerId: c.id,
    redeemerPartnerId: c.id,
    points: '5',
    issuerFiat: '0.1',
    issuerCurrency: 'GBP',
    redeemerFiat: '0.075',
    redeemerCurrency: 'GBP',
  });

  it('hub-wide: points issued by A and C redeemed at B (net of the reversal) and at C itself, with exact fiat at both sides', async () => {
    const rows = await flows(await app.financeToken());
    expect(byPair(rows as ReturnType<typeof aToB>[])).toEqual(byPair([aToB(), cToB(), cToC()]));
    expect(byPair((await flows(await app.operatorToken())) as ReturnType<typeof aToB>[])).toEqual(
      byPair([aToB(), cToB(), cToC()]),
    );
  });

  it('the window is [from, to): issuance alone is no flow, and a later window is empty', async () => {
    const finance = await app.financeToken();
    expect(await flows(finance, { from, to: beforeRedemptions })).toEqual([]);
    expect(await flows(finance, { from: to, to: new Date(app.now().getTime() + 60_000).toISOString() })).toEqual([]);
    expect(errorCodes(await app.gql(InterPartnerFlows, { from: to, to: from }, finance))).toEqual(['BAD_USER_INPUT']);
  });

  it('finance scoped to a partner sees only the flows it is part of, and only its own side of the money', async () => {
    expect(await flows(await app.financeToken(a.id))).toEqual([
      { ...aToB(), redeemerFiat: null, redeemerCurrency: null },
    ]);
    expect(byPair((await flows(await app.financeToken(b.id))) as ReturnType<typeof aToB>[])).toEqual(
      byPair([
        { ...aToB(), issuerFiat: null, issuerCurrency: null },
        { ...cToB(), issuerFiat: null, issuerCurrency: null },
      ]),
    );
    expect(byPair((await flows(await app.financeToken(c.id))) as ReturnType<typeof aToB>[])).toEqual(
      byPair([{ ...cToB(), redeemerFiat: null, redeemerCurrency: null }, cToC()]),
    );
    const stranger = await app.createPartner();
    expect(await flows(await app.financeToken(stranger.id))).toEqual([]);
  });

  it('partners and members cannot ask for the matrix: FORBIDDEN; no token: UNAUTHENTICATED', async () => {
    for (const token of [a.token, b.token, await memberHelpers(app).token(a, member)]) {
      expect(errorCodes(await app.gql(InterPartnerFlows, { from, to }, token))).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await app.gql(InterPartnerFlows, { from, to }))).toEqual(['UNAUTHENTICATED']);
  });
});
