/**
 * Who sees and does what in settlement. Hub-wide finance (and the operator)
 * see every partner; finance scoped to partner A and partner A itself see only
 * A's contracts, budget and statements; partner B, B's finance and members are
 * refused (FORBIDDEN, nothing leaked, nothing written). Contracts and top-ups
 * are the operator's; closing and paying are finance's (hub-wide or A's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { memberHelpers } from '../../support/members.js';
import {
  PartnerBudget,
  PartnerContracts,
  ReconcileSettlements,
  RecordPrepaidTopUp,
  SettlementStatement,
  SettlementStatements,
  settlementHelpers,
  type SettlementHelpers,
} from '../../support/settlement.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let st: SettlementHelpers;
let a: TestPartner;
let b: TestPartner;
let tokens: Record<'operator' | 'finance' | 'financeA' | 'financeB' | 'partnerA' | 'partnerB' | 'member', string>;
beforeAll(async () => {
  app = await initTestApp({ config: LONG_LIVED_TOKENS }); // periods are closed by moving hub time
  ledger = ledgerHelpers(app);
  st = settlementHelpers(app);
  [a, b] = [await app.createPartner(), await app.createPartner()];
  await st.contractOk(a, { billingMode: 'POSTPAID', creditLimit: '100' });
  await st.contractOk(b, { settlementCurrency: 'EUR' });
  const member = await ledger.enroll(a);
  await ledger.earnOk(a, member, 100);
  tokens = {
    operator: await app.operatorToken(),
    finance: await app.financeToken(),
    financeA: await app.financeToken(a.id),
    financeB: await app.financeToken(b.id),
    partnerA: a.token,
    partnerB: b.token,
    member: await memberHelpers(app).token(a, member),
  };
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

type Who = keyof typeof tokens;
const ALL: Who[] = ['operator', 'finance', 'financeA', 'financeB', 'partnerA', 'partnerB', 'member'];

/** The outcome of each read of partner A's settlement data, per actor. */
async function readsOfA(who: Who) {
  const t = tokens[who];
  const out = await Promise.all([
    app.gql(PartnerContracts, { partnerId: a.id }, t),
    app.gql(PartnerBudget, { partnerId: a.id }, t),
    app.gql(SettlementStatement, { partnerId: a.id }, t),
    app.gql(SettlementStatements, { partnerId: a.id }, t),
  ]);
  return out.map((r) => (r.errors?.length ? { code: errorCodes(r)[0], data: r.data ?? null } : 'OK'));
}

describe('reading', () => {
  it("A's contracts, budget and statements: hub-wide finance, the operator, A's finance and A itself; never B, B's finance or a member", async () => {
    const refused = { code: 'FORBIDDEN', data: null };
    const want: Record<Who, unknown[]> = {
      operator: ['OK', 'OK', 'OK', 'OK'],
      finance: ['OK', 'OK', 'OK', 'OK'],
      financeA: ['OK', 'OK', 'OK', 'OK'],
      partnerA: ['OK', 'OK', 'OK', 'OK'],
      financeB: [refused, refused, refused, refused],
      partnerB: [refused, refused, refused, refused],
      member: [refused, refused, refused, refused],
    };
    for (const who of ALL) expect(await readsOfA(who), who).toEqual(want[who]);
    const anonymous = await app.gql(PartnerContracts, { partnerId: a.id });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('those allowed see the same data; a scoped reader sees only its own partner', async () => {
    const contracts = await Promise.all(
      (['finance', 'financeA', 'partnerA'] as Who[]).map(
        async (w) => (await app.gqlOk(PartnerContracts, { partnerId: a.id }, tokens[w])).partnerContracts,
      ),
    );
    expect(contracts[1]).toEqual(contracts[0]);
    expect(contracts[2]).toEqual(contracts[0]);
    expect(contracts[0]!.map((c) => c.partnerId)).toEqual([a.id]);
    const budgets = await Promise.all(
      (['finance', 'financeA', 'partnerA'] as Who[]).map(
        async (w) => (await app.gqlOk(PartnerBudget, { partnerId: a.id }, tokens[w])).partnerBudget,
      ),
    );
    expect(budgets).toEqual([0, 1, 2].map(() => ({ partnerId: a.id, remaining: '99' })));
    // Hub-wide finance sees every partner; A's finance and A see nothing of B.
    expect((await app.gqlOk(PartnerContracts, { partnerId: b.id }, tokens.finance)).partnerContracts[0]).toMatchObject({
      partnerId: b.id,
      settlementCurrency: 'EUR',
    });
    expect(
      (await app.gqlOk(SettlementStatement, { partnerId: b.id }, tokens.finance)).settlementStatement,
    ).toMatchObject({ partnerId: b.id, fiatCurrency: 'EUR' });
    for (const who of ['financeA', 'partnerA'] as Who[]) {
      expect(errorCodes(await app.gql(PartnerContracts, { partnerId: b.id }, tokens[who]))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await app.gql(SettlementStatement, { partnerId: b.id }, tokens[who]))).toEqual(['FORBIDDEN']);
    }
  });

  it('reconciliation is for finance and the operator', async () => {
    for (const who of ['operator', 'finance', 'financeA', 'financeB'] as Who[])
      expect((await app.gqlOk(ReconcileSettlements, {}, tokens[who])).reconcileSettlements.ok, who).toBe(true);
    for (const who of ['partnerA', 'partnerB', 'member'] as Who[])
      expect(errorCodes(await app.gql(ReconcileSettlements, {}, tokens[who])), who).toEqual(['FORBIDDEN']);
  });
});

describe('writing', () => {
  it('contracts and top-ups: the operator only; anyone else FORBIDDEN, nothing written', async () => {
    const before = await st.counts();
    for (const who of ALL.filter((w) => w !== 'operator')) {
      expect(errorCodes(await st.setContract(a, { issuePrice: '0.5' }, tokens[who])), who).toEqual(['FORBIDDEN']);
    }
    const prepaid = await app.createPartner();
    await st.contractOk(prepaid, { billingMode: 'PREPAID' });
    const mid = await st.counts();
    for (const who of ALL.filter((w) => w !== 'operator')) {
      expect(
        errorCodes(await app.gql(RecordPrepaidTopUp, { partnerId: prepaid.id, amount: '10' }, tokens[who])),
        who,
      ).toEqual(['FORBIDDEN']);
    }
    expect(await st.counts()).toEqual(mid);
    expect(mid.partner_contract).toBe(before.partner_contract! + 1);
  });

  it("closing and paying A's period: hub-wide finance or A's finance; A itself, B, B's finance and members are refused, nothing written", async () => {
    const open = await st.statement(a);
    await st.advanceTo(open.periodEnd);
    const ref = open.periodStart;
    const before = await st.counts();
    for (const who of ['partnerA', 'partnerB', 'financeB', 'member'] as Who[]) {
      expect(errorCodes(await st.close(a, ref, tokens[who])), who).toEqual(['FORBIDDEN']);
    }
    expect(await st.counts()).toEqual(before);
    const closed = (await st.close(a, ref, tokens.financeA)).data!.closeSettlementPeriod;
    expect(closed).toMatchObject({ status: 'CLOSED', partnerId: a.id });
    for (const who of ['partnerA', 'partnerB', 'financeB', 'member'] as Who[]) {
      expect(errorCodes(await st.markPaid(a, ref, 'PAY', tokens[who])), who).toEqual(['FORBIDDEN']);
    }
    expect((await st.statement(a, ref)).status).toBe('CLOSED');
    expect((await st.markPaid(a, ref, 'PAY-A', tokens.finance)).data!.markStatementPaid).toMatchObject({
      status: 'PAID',
      paymentReference: 'PAY-A',
    });
    // A sees its own statements, paid.
    expect(
      (await app.gqlOk(SettlementStatements, { partnerId: a.id }, tokens.partnerA)).settlementStatements.map((s) => [
        s.id,
        s.status,
      ]),
    ).toEqual([[closed.id, 'PAID']]);
  });
});
