/**
 * Settlement fees: an operator records a fee (positive: the partner owes the
 * hub) or a credit (negative: the hub owes the partner) in the contract's
 * settlement currency. They show as the FEES line of the live draft (counted
 * in what is due to the hub, the net rounded once half-even), closing binds
 * them to the statement, a fee recorded later falls into the next period, the
 * CSV has the FEES row, and reconciliation recomputes the line from the fees.
 * Bad input and non-operators are refused and write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, type GraphQLResponse } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { memberHelpers } from '../../support/members.js';
import {
  ReconcileSettlements,
  expectedStatement,
  settlementHelpers,
  type SettlementHelpers,
} from '../../support/settlement.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let st: SettlementHelpers;
beforeAll(async () => {
  app = await initTestApp({ config: LONG_LIVED_TOKENS }); // periods are closed by moving hub time
  ledger = ledgerHelpers(app);
  st = settlementHelpers(app);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const feesLine = (s: { lines: { kind: string; transfers: number; points: string; amount: string }[] }) =>
  s.lines.find((l) => l.kind === 'FEES');
const fieldOf = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.field;

describe('the FEES line', () => {
  it('a fee and a credit appear in the live draft with exact totals, rounded once half-even; closing binds them; a fee recorded later falls into the next period', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { issuePrice: '0.0125', redemptionPrice: '0', periodSeconds: 90 });
    const member = await ledger.enroll(shop);
    await st.freshPeriod(shop);

    await ledger.earnOk(shop, member, 10); // 0.125 due to the hub
    const fee = await st.feeOk(shop, '2.50', 'monthly platform fee');
    expect(fee).toEqual({
      id: expect.any(String),
      partnerId: shop.id,
      amount: '2.5',
      description: 'monthly platform fee',
      createdAt: expect.any(String),
    });
    const credit = await st.feeOk(shop, '-1.1', 'co-funded campaign credit');
    expect(credit.amount).toBe('-1.1');

    const expected = expectedStatement([{ kind: 'ISSUANCE', points: 10n, unitPrice: '0.0125' }], 2, ['2.5', '-1.1']);
    // By hand: 0.125 + 2.5 − 1.1 = 1.525 due to the hub, a tie rounded to even: 1.52.
    expect([expected.dueToHub, expected.dueToPartner, expected.netExact, expected.net, expected.rounding]).toEqual([
      '1.525',
      '0',
      '1.525',
      '1.52',
      '-0.005',
    ]);
    const draft = await st.statement(shop);
    expect(draft).toMatchObject({ status: 'DRAFT', ...expected, transferCount: 1 });
    expect(feesLine(draft)).toEqual({ kind: 'FEES', transfers: 2, points: '0', amount: '1.4' });
    // The partner reads it too.
    expect(feesLine(await st.statement(shop, undefined, shop.token))).toEqual(feesLine(draft));

    const closed = await st.closeCurrent(shop);
    expect(closed).toMatchObject({ status: 'CLOSED', ...expected, transferCount: 1, digest: draft.digest });
    const bound = await app.hub.db.sql.query<{ id: string; statement_id: string | null }>(
      `select id, statement_id from settlement_fee where partner_id = $1 order by created_at`,
      [shop.id],
    );
    expect(bound).toEqual([
      { id: fee.id, statement_id: closed.id },
      { id: credit.id, statement_id: closed.id },
    ]);

    // After closing: the next draft starts without fees; a fee recorded now is the next period's.
    expect(feesLine(await st.statement(shop))).toEqual({ kind: 'FEES', transfers: 0, points: '0', amount: '0' });
    expect(fieldOf(await st.fee(shop, '-0.335', 'late credit'))).toBe('amount'); // USD has two decimals
    await st.feeOk(shop, '-0.33', 'late credit');
    const next = await st.statement(shop);
    expect(next.periodStart >= closed.periodEnd).toBe(true);
    expect(next).toMatchObject({
      status: 'DRAFT',
      dueToHub: '-0.33',
      dueToPartner: '0',
      netExact: '-0.33',
      net: '-0.33',
      rounding: '0',
      transferCount: 0,
    });
    expect(feesLine(next)).toEqual({ kind: 'FEES', transfers: 1, points: '0', amount: '-0.33' });
    expect(await st.statement(shop, closed.periodStart)).toEqual(closed);

    const closedNext = await st.closeCurrent(shop);
    expect(feesLine(closedNext)).toEqual({ kind: 'FEES', transfers: 1, points: '0', amount: '-0.33' });
    expect(await st.statement(shop, closed.periodStart)).toEqual(closed);
  });

  it('currencies with other minor units: JPY takes whole amounts, KWD three decimals', async () => {
    const [yen, dinar] = [await app.createPartner(), await app.createPartner()];
    await st.contractOk(yen, { settlementCurrency: 'JPY', period: 'DAILY', periodSeconds: null });
    await st.contractOk(dinar, { settlementCurrency: 'KWD', period: 'DAILY', periodSeconds: null });
    expect(fieldOf(await st.fee(yen, '1.5'))).toBe('amount');
    await st.feeOk(yen, '15');
    await st.feeOk(dinar, '0.001');
    expect(fieldOf(await st.fee(dinar, '0.0015'))).toBe('amount');
    expect(await st.statement(yen)).toMatchObject({ netExact: '15', net: '15' });
    expect(await st.statement(dinar)).toMatchObject({ netExact: '0.001', net: '0.001' });
  });
});

describe('the CSV export', () => {
  it('has the FEES row', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { period: 'DAILY', periodSeconds: null });
    await st.feeOk(shop, '12.34', 'setup, "premium"');
    await st.feeOk(shop, '-0.34', 'credit');
    const res = await fetch(`${app.url}/settlement/statement.csv?${new URLSearchParams({ partnerId: shop.id })}`, {
      headers: { authorization: `Bearer ${await st.financeToken()}` },
    });
    expect(res.status).toBe(200);
    const rows = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    const fees = rows.find((r) => r.split(',')[5] === 'FEES');
    expect(fees?.split(',').slice(5)).toEqual(['FEES', '2', '0', '12', 'USD']);
    expect(
      rows
        .find((r) => r.split(',')[5] === 'NET')
        ?.split(',')
        .slice(5),
    ).toEqual(['NET', '0', '', '12.00', 'USD']);
  });
});

describe('reconciliation', () => {
  it("recomputes a closed statement's FEES line from its fees: an amount changed in the database is reported", async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { issuePrice: '0.01', redemptionPrice: '0' });
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 100);
    const fee = await st.feeOk(shop, '3', 'fee');
    const closed = await st.closeCurrent(shop);
    await st.feeOk(shop, '-1', 'uncovered credit'); // not in a statement yet: the books include it
    const finance = await app.financeToken(shop.id);
    const reconcile = async () => (await app.gqlOk(ReconcileSettlements, {}, finance)).reconcileSettlements;
    expect(await reconcile()).toMatchObject({ ok: true, differences: [] });

    await app.hub.db.sql.query(`update settlement_fee set amount = amount + 0.5 where id = $1`, [fee.id]);
    try {
      const report = await reconcile();
      expect(report.ok).toBe(false);
      expect(report.differences).toEqual([
        { statementId: closed.id, partnerId: shop.id, field: 'FEES.amount', stored: '3', recomputed: '3.5' },
        { statementId: closed.id, partnerId: shop.id, field: 'dueToHub', stored: '4', recomputed: '4.5' },
        { statementId: closed.id, partnerId: shop.id, field: 'netExact', stored: '4', recomputed: '4.5' },
        { statementId: closed.id, partnerId: shop.id, field: 'netRounded', stored: '4', recomputed: '4.5' },
        {
          statementId: null,
          partnerId: shop.id,
          field: 'statements + uncovered = ledger valuations',
          stored: expect.any(String),
          recomputed: expect.any(String),
        },
      ]);
    } finally {
      await app.hub.db.sql.query(`update settlement_fee set amount = amount - 0.5 where id = $1`, [fee.id]);
    }
    // A fee unbound from its statement is reported as well.
    await app.hub.db.sql.query(`update settlement_fee set statement_id = null where id = $1`, [fee.id]);
    try {
      const fields = (await reconcile()).differences.map((d) => d.field);
      expect(fields).toEqual(
        expect.arrayContaining(['FEES.amount', 'FEES.transfers', 'statements + uncovered = ledger valuations']),
      );
    } finally {
      await app.hub.db.sql.query(`update settlement_fee set statement_id = $2 where id = $1`, [fee.id, closed.id]);
    }
    expect(await reconcile()).toMatchObject({ ok: true, differences: [] });
  });
});

describe('refusals write nothing', () => {
  it('bad input: BAD_USER_INPUT with the field; no contract: NO_CONTRACT; an unknown partner id: NOT_FOUND', async () => {
    const shop = await app.createPartner();
    const none = await app.createPartner();
    await st.contractOk(shop, { period: 'DAILY', periodSeconds: null });
    const before = await st.counts();
    const bad: [string, string, string][] = [
      ['0', 'fee', 'amount'],
      ['-0.00', 'fee', 'amount'],
      ['1.005', 'fee', 'amount'],
      ['abc', 'fee', 'amount'],
      ['1e3', 'fee', 'amount'],
      ['', 'fee', 'amount'],
      ['1\u0000', 'fee', 'amount'],
      ['1\n', 'fee', 'amount'],
      ['1' + '0'.repeat(26), 'fee', 'amount'],
      ['1', '', 'description'],
      ['1', '   ', 'description'],
      ['1', 'a\u0000b', 'description'],
      ['1', 'line\nbreak', 'description'],
      ['1', 'x'.repeat(201), 'description'],
    ];
    for (const [amount, description, field] of bad) {
      const res = await st.fee(shop, amount, description);
      expect([errorCodes(res), fieldOf(res)], JSON.stringify([amount, description])).toEqual([
        ['BAD_USER_INPUT'],
        field,
      ]);
    }
    expect(errorCodes(await st.fee(none, '1'))).toEqual(['NO_CONTRACT']);
    expect(errorCodes(await st.fee('not-a-uuid', '1'))).toEqual(['NOT_FOUND']);
    expect(await st.counts()).toEqual(before);
    // The limits themselves are accepted.
    await st.feeOk(shop, '9'.repeat(26) + '.99', 'x'.repeat(200));
  });

  it('only operators record fees: finance, the partner and members are refused', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { period: 'DAILY', periodSeconds: null });
    const member = await ledger.enroll(shop);
    const before = await st.counts();
    const callers = {
      financeHub: await app.financeToken(),
      financeOwn: await app.financeToken(shop.id),
      partner: shop.token,
      member: await memberHelpers(app).token(shop, member),
    };
    for (const [who, token] of Object.entries(callers))
      expect(errorCodes(await st.fee(shop, '1', 'fee', token)), who).toEqual(['FORBIDDEN']);
    expect(await st.counts()).toEqual(before);
  });
});
