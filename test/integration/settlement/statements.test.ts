/**
 * Statements: per partner and period, one line per kind with points and
 * exact fiat, what is due to the hub and to the partner, the exact net and the
 * net rounded once, half-even, to the fiat minor unit, with the rounding shown
 * (expected values here are computed with bigints). The open period is a live
 * DRAFT; closing makes it immutable with a digest of the transfers it covers
 * (recomputed here independently); later postings fall into the next period.
 * Closing early, closing twice and paying an open statement get stable codes
 * and write nothing; a payment is recorded with its reference.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, dataOf } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { memberHelpers } from '../../support/members.js';
import { exchangeHelpers } from '../../support/exchange.js';
import {
  SettlementStatement,
  SettlementStatements,
  expectedStatement,
  fixed,
  settlementHelpers,
  valueOf,
  type Priced,
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

type Posted = Priced & { transferId: string };

/** SHA-256 over "transfer id:amount" (amount as the database prints numeric(42,12)), sorted by transfer id, one per line. */
const digestOf = (items: readonly Posted[]) =>
  items.length === 0
    ? ''
    : createHash('sha256')
        .update(
          [...items]
            .sort((a, b) => (a.transferId < b.transferId ? -1 : 1))
            .map((i) => `${i.transferId}:${fixed(valueOf(i.kind, i.points, i.unitPrice), 12)}`)
            .join('\n'),
        )
        .digest('hex');

const SETTLEMENT_WRITES = [
  'settlement_statement',
  'statement_transfer',
  'partner_budget',
  'transfer',
  'transfer_valuation',
];
async function writes() {
  const out: Record<string, number> = {};
  for (const t of SETTLEMENT_WRITES) out[t] = await app.count(t);
  const [paid] = await app.hub.db.sql.query<{ n: number }>(
    `select count(*)::int as n from settlement_statement where paid_at is not null`,
  );
  out.paid = paid!.n;
  return out;
}

describe('lines, dues and the net', () => {
  it('every kind has its line with points and exact fiat; dues, exact net, net rounded once half-even and the rounding — in the draft and the closed statement alike', async () => {
    const shop = await app.createPartner();
    const I = '0.0125';
    const R = '0.0071';
    await st.contractOk(shop, { issuePrice: I, redemptionPrice: R, periodSeconds: 90 });
    const ex = exchangeHelpers(app, ledger);
    const miles = await ex.brand(shop);
    await ex.setRateOk(miles, 'TO_PTS', '0.5', '0', 1, 1);
    await ex.setRateOk(miles, 'FROM_PTS', '1.5', '0', 1, 1);
    const member = await ledger.enroll(shop);
    const token = await memberHelpers(app).signIn(member);

    const posted: Posted[] = [];
    const add = (kind: Posted['kind'], points: number, unitPrice: string, transferId: string) =>
      posted.push({ kind, points: BigInt(points), unitPrice, transferId });
    const e1 = await ledger.earnOk(shop, member, 1001);
    add('ISSUANCE', 1001, I, e1.transfer.id);
    const e2 = await ledger.earnOk(shop, member, 3);
    add('ISSUANCE', 3, I, e2.transfer.id);
    const r1 = dataOf(await ledger.redeem(shop, member, 333)).redeemPoints;
    add('REDEMPTION', 333, R, r1.transfer.id);
    const hold = dataOf(await ledger.authorize(shop, member, 50)).authorizeRedemption.hold!;
    const c1 = dataOf(await ledger.capture(shop, hold.id, 47)).captureRedemption;
    add('REDEMPTION', 47, R, c1.transfer.id);
    const x1 = dataOf(await ledger.reverse(shop, e2.transfer.id, 3)).reverseTransfer;
    add('ISSUANCE_REVERSAL', 3, I, x1.transfer.id);
    const x2 = dataOf(await ledger.reverse(shop, r1.transfer.id, 33)).reverseTransfer;
    add('REDEMPTION_REVERSAL', 33, R, x2.transfer.id);
    await ledger.earnOk(shop, member, 100, { currency: miles });
    const cin = await ex.exchangeOk(token, (await ex.quoteOk(token, miles, 'PTS', 100)).id);
    add('CONVERSION_IN', 50, I, cin.transfers.find((t) => t.kind === 'EXCHANGE_IN')!.id);
    const cout = await ex.exchangeOk(token, (await ex.quoteOk(token, 'PTS', miles, 21)).id);
    add('CONVERSION_OUT', 21, R, cout.transfers.find((t) => t.kind === 'EXCHANGE_OUT')!.id);

    const expected = expectedStatement(posted, 2);
    // By hand: to the hub 1001×0.0125 + 3×0.0125 − 3×0.0125 + 50×0.0125 = 13.1375; to the shop (333+47−33+21)×0.0071 = 2.6128.
    expect([expected.dueToHub, expected.dueToPartner, expected.netExact, expected.net, expected.rounding]).toEqual([
      '13.1375',
      '2.6128',
      '10.5247',
      '10.52',
      '-0.0047',
    ]);
    expect(expected.lines.map((l) => [l.kind, l.transfers, l.points])).toEqual([
      ['ISSUANCE', 2, '1004'],
      ['ISSUANCE_REVERSAL', 1, '3'],
      ['REDEMPTION', 2, '380'],
      ['REDEMPTION_REVERSAL', 1, '33'],
      ['CONVERSION_IN', 1, '50'],
      ['CONVERSION_OUT', 1, '21'],
      ['FEES', 0, '0'],
    ]);

    const draft = await st.statement(shop);
    expect(draft).toMatchObject({
      id: null,
      status: 'DRAFT',
      fiatCurrency: 'USD',
      closedAt: null,
      paidAt: null,
      paymentReference: null,
      ...expected,
      digest: digestOf(posted),
    });
    const closed = await st.closeCurrent(shop);
    expect(closed).toEqual({
      ...draft,
      ...expected,
      id: expect.any(String),
      status: 'CLOSED',
      digest: digestOf(posted),
      closedAt: expect.any(String),
      periodStart: closed.periodStart,
      periodEnd: closed.periodEnd,
    });
  });

  it.each([
    {
      case: 'a tie rounds to even (down)',
      currency: 'USD',
      issue: '0.0125',
      earns: [10],
      want: { netExact: '0.125', net: '0.12', rounding: '-0.005' },
    },
    {
      case: 'a tie rounds to even (up)',
      currency: 'USD',
      issue: '0.0135',
      earns: [10],
      want: { netExact: '0.135', net: '0.14', rounding: '0.005' },
    },
    {
      case: 'above a tie rounds up',
      currency: 'USD',
      issue: '0.012501',
      earns: [10],
      want: { netExact: '0.12501', net: '0.13', rounding: '0.00499' },
    },
    {
      case: 'rounded once, not per transfer (3 × 0.005)',
      currency: 'USD',
      issue: '0.005',
      earns: [1, 1, 1],
      want: { netExact: '0.015', net: '0.02', rounding: '0.005' },
    },
    {
      case: 'JPY has no minor unit',
      currency: 'JPY',
      issue: '0.5',
      earns: [25],
      want: { netExact: '12.5', net: '12', rounding: '-0.5' },
    },
    {
      case: 'KWD has three decimals',
      currency: 'KWD',
      issue: '0.0001',
      earns: [10005],
      want: { netExact: '1.0005', net: '1.000', rounding: '-0.0005' },
    },
  ])('half-even to the minor unit: $case', async ({ currency, issue, earns, want }) => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { settlementCurrency: currency, issuePrice: issue, redemptionPrice: '0' });
    const member = await ledger.enroll(shop);
    for (const n of earns) await ledger.earnOk(shop, member, n);
    const s = await st.statement(shop);
    expect({ netExact: s.netExact, net: s.net, rounding: s.rounding }).toEqual(want);
    expect(s).toMatchObject(
      expectedStatement(
        earns.map((n) => ({ kind: 'ISSUANCE', points: BigInt(n), unitPrice: issue })),
        currency === 'JPY' ? 0 : currency === 'KWD' ? 3 : 2,
      ),
    );
  });

  it('a net due to the partner is negative and rounds half-even too', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { issuePrice: '0', redemptionPrice: '0.0125' });
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 10);
    dataOf(await ledger.redeem(shop, member, 10));
    expect(await st.statement(shop)).toMatchObject({
      dueToHub: '0',
      dueToPartner: '0.125',
      netExact: '-0.125',
      net: '-0.12',
      rounding: '0.005',
    });
  });
});

describe('the live draft', () => {
  it('is there at any time, empty at first, and follows every posting', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { issuePrice: '0.01', redemptionPrice: '0.005', period: 'DAILY', periodSeconds: null });
    const empty = await st.statement(shop);
    const dayStart = new Date(Math.floor(app.now().getTime() / 86_400_000) * 86_400_000);
    expect(empty).toMatchObject({
      id: null,
      status: 'DRAFT',
      periodStart: dayStart.toISOString(),
      periodEnd: new Date(dayStart.getTime() + 86_400_000).toISOString(),
      dueToHub: '0',
      dueToPartner: '0',
      netExact: '0',
      net: '0.00',
      rounding: '0',
      transferCount: 0,
      digest: '',
    });
    expect(empty.lines.every((l) => l.transfers === 0 && l.points === '0' && l.amount === '0')).toBe(true);

    const member = await ledger.enroll(shop);
    const e = await ledger.earnOk(shop, member, 250);
    const one = await st.statement(shop);
    expect(one).toMatchObject({
      status: 'DRAFT',
      dueToHub: '2.5',
      net: '2.50',
      transferCount: 1,
      digest: digestOf([{ kind: 'ISSUANCE', points: 250n, unitPrice: '0.01', transferId: e.transfer.id }]),
    });
    const r = dataOf(await ledger.redeem(shop, member, 100)).redeemPoints;
    const two = await st.statement(shop);
    expect(two).toMatchObject({ dueToHub: '2.5', dueToPartner: '0.5', netExact: '2', net: '2.00', transferCount: 2 });
    expect(two.digest).toBe(
      digestOf([
        { kind: 'ISSUANCE', points: 250n, unitPrice: '0.01', transferId: e.transfer.id },
        { kind: 'REDEMPTION', points: 100n, unitPrice: '0.005', transferId: r.transfer.id },
      ]),
    );
    // The period of a given instant: the same day's draft, asked for by any instant in it.
    expect(await st.statement(shop, new Date(dayStart.getTime() + 1000))).toEqual(two);
    // Nothing is closed yet.
    expect(
      dataOf(await app.gql(SettlementStatements, { partnerId: shop.id }, await st.financeToken())).settlementStatements,
    ).toEqual([]);
  });

  it('a partner without a contract has no statement: NO_CONTRACT', async () => {
    const none = await app.createPartner();
    const res = await app.gql(SettlementStatement, { partnerId: none.id }, await st.financeToken());
    expect(errorCodes(res)).toEqual(['NO_CONTRACT']);
  });
});

describe('closing', () => {
  it('makes the statement immutable: later postings fall into the next period, and the closed one never changes', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { issuePrice: '0.02', redemptionPrice: '0.01' });
    const member = await ledger.enroll(shop);
    const a = await ledger.earnOk(shop, member, 100);
    const closed = await st.closeCurrent(shop);
    expect(closed).toMatchObject({
      status: 'CLOSED',
      transferCount: 1,
      dueToHub: '2',
      digest: digestOf([{ kind: 'ISSUANCE', points: 100n, unitPrice: '0.02', transferId: a.transfer.id }]),
    });
    expect(new Date(closed.closedAt!).getTime()).toBeGreaterThanOrEqual(new Date(closed.periodEnd).getTime());

    const b = await ledger.earnOk(shop, member, 300);
    dataOf(await ledger.reverse(shop, a.transfer.id, 50)); // a reversal of a closed period's earn is posted in the open one
    await st.contractOk(shop, { issuePrice: '5', redemptionPrice: '5' });
    expect(await st.statement(shop, closed.periodStart)).toEqual(closed);
    const next = await st.statement(shop);
    expect(next.periodStart >= closed.periodEnd).toBe(true);
    expect(next).toMatchObject({
      status: 'DRAFT',
      transferCount: 2,
      dueToHub: '5',
      lines: expect.arrayContaining([
        { kind: 'ISSUANCE', transfers: 1, points: '300', amount: '6' },
        { kind: 'ISSUANCE_REVERSAL', transfers: 1, points: '50', amount: '-1' },
      ]),
    });

    const second = await st.closeCurrent(shop);
    expect(second).toMatchObject({ status: 'CLOSED', transferCount: 2, dueToHub: '5' });
    expect(second.id).not.toBe(closed.id);
    // Every valuation is in exactly one statement.
    const [claims] = await app.hub.db.sql.query<{ assigned: number; distinct: number; valuations: number }>(
      `select count(*)::int as assigned, count(distinct st.transfer_id)::int as distinct,
              (select count(*)::int from transfer_valuation where partner_id = $1) as valuations
         from statement_transfer st join settlement_statement s on s.id = st.statement_id where s.partner_id = $1`,
      [shop.id],
    );
    expect(claims).toEqual({ assigned: 3, distinct: 3, valuations: 3 });
    expect(await st.statement(shop, closed.periodStart)).toEqual(closed);
    const list = dataOf(
      await app.gql(SettlementStatements, { partnerId: shop.id }, await st.financeToken()),
    ).settlementStatements;
    expect(list.map((s) => s.id)).toEqual([second.id, closed.id]);
    expect(b.transfer.amount).toBe('300');
  });

  it('a period that has not ended → PERIOD_NOT_ENDED; twice → PERIOD_ALREADY_CLOSED; not a period start → BAD_USER_INPUT; nothing written', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop);
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 10);
    const open = await st.statement(shop);
    let before = await writes();
    const early = await st.close(shop, open.periodStart);
    expect(errorCodes(early)).toEqual(['PERIOD_NOT_ENDED']);
    expect(early.errors![0]!.extensions?.periodEnd).toBe(open.periodEnd);
    expect(errorCodes(await st.close(shop, open.periodEnd))).toEqual(['PERIOD_NOT_ENDED']); // the next one, further still
    expect(
      errorCodes(await st.close(shop, new Date(new Date(open.periodStart).getTime() + 500).toISOString())),
    ).toEqual(['BAD_USER_INPUT']);
    expect(await writes()).toEqual(before);

    await st.advanceTo(open.periodEnd);
    const closed = dataOf(await st.close(shop, open.periodStart)).closeSettlementPeriod;
    before = await writes();
    expect(errorCodes(await st.close(shop, open.periodStart))).toEqual(['PERIOD_ALREADY_CLOSED']);
    expect(await writes()).toEqual(before);
    expect(await st.statement(shop, open.periodStart)).toEqual(closed);
  });

  it('two closes racing: one statement, the other PERIOD_ALREADY_CLOSED', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop);
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 10);
    const open = await st.statement(shop);
    await st.advanceTo(open.periodEnd);
    const results = await Promise.all([1, 2, 3].map(() => st.close(shop, open.periodStart)));
    expect(results.map((r) => (r.errors?.length ? errorCodes(r)[0] : 'OK')).sort()).toEqual([
      'OK',
      'PERIOD_ALREADY_CLOSED',
      'PERIOD_ALREADY_CLOSED',
    ]);
    const [n] = await app.hub.db.sql.query<{ n: number }>(
      `select count(*)::int as n from settlement_statement where partner_id = $1`,
      [shop.id],
    );
    expect(n!.n).toBe(1);
  });
});

describe('payment', () => {
  it('paying an open period → STATEMENT_NOT_CLOSED; a closed one is marked paid with its reference, once', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { issuePrice: '0.1' });
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 10);
    const open = await st.statement(shop);
    let before = await writes();
    expect(errorCodes(await st.markPaid(shop, open.periodStart, 'PAY-EARLY'))).toEqual(['STATEMENT_NOT_CLOSED']);
    expect(await writes()).toEqual(before);
    expect(await st.statement(shop, open.periodStart)).toMatchObject({
      status: 'DRAFT',
      paidAt: null,
      paymentReference: null,
    });

    await st.advanceTo(open.periodEnd);
    const closed = dataOf(await st.close(shop, open.periodStart)).closeSettlementPeriod;
    before = await writes();
    expect(errorCodes(await st.markPaid(shop, open.periodStart, '   '))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await st.markPaid(shop, open.periodStart, 'x'.repeat(129)))).toEqual(['BAD_USER_INPUT']);
    expect(await writes()).toEqual(before);

    const paid = dataOf(await st.markPaid(shop, open.periodStart, '  SEPA 2026-11-23 #4711  ')).markStatementPaid;
    expect(paid).toEqual({
      ...closed,
      status: 'PAID',
      paidAt: expect.any(String),
      paymentReference: 'SEPA 2026-11-23 #4711',
    });
    expect(await st.statement(shop, open.periodStart)).toEqual(paid);
    before = await writes();
    expect(errorCodes(await st.markPaid(shop, open.periodStart, 'PAY-AGAIN'))).toEqual(['STATEMENT_ALREADY_PAID']);
    expect(await writes()).toEqual(before);
    expect(await st.statement(shop, open.periodStart)).toEqual(paid);
  });
});
