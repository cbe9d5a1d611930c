/**
 * Settlement test helpers: the settlement operations as typed GraphQL
 * documents, wrappers that call them over HTTP, the valuations the posting
 * statement wrote (read straight from the test database: the API shows
 * valuations only through statements), and exact signed decimal arithmetic
 * on bigints — independent of src/platform/decimal.ts — to compute what a
 * statement must show.
 *
 *   const st = settlementHelpers(app);
 *   const v1 = await st.contractOk(partner, { issuePrice: '0.0125' });
 *   const draft = await st.statement(partner);
 */
import { expect } from 'vitest';
import { graphql } from '../generated/index.js';
import type { SetPartnerContractInput } from '../generated/graphql.js';
import { dataOf } from './graphql-client.js';
import { reusableToken, type TestApp, type TestPartner } from './test-app.js';

export const ContractFields = graphql(`
  fragment ContractFields on PartnerContract {
    id
    partnerId
    version
    effectiveFrom
    settlementCurrency
    fiatScale
    issuePrice
    redemptionPrice
    billingMode
    creditLimit
    period
    periodSeconds
  }
`);

export const SetPartnerContract = graphql(`
  mutation SetPartnerContract($input: SetPartnerContractInput!) {
    setPartnerContract(input: $input) {
      ...ContractFields
    }
  }
`);

export const PartnerContracts = graphql(`
  query PartnerContracts($partnerId: ID!) {
    partnerContracts(partnerId: $partnerId) {
      ...ContractFields
    }
  }
`);

export const RecordPrepaidTopUp = graphql(`
  mutation RecordPrepaidTopUp($partnerId: ID!, $amount: String!, $reference: String) {
    recordPrepaidTopUp(partnerId: $partnerId, amount: $amount, reference: $reference) {
      partnerId
      remaining
    }
  }
`);

export const PartnerBudget = graphql(`
  query PartnerBudget($partnerId: ID!) {
    partnerBudget(partnerId: $partnerId) {
      partnerId
      remaining
    }
  }
`);

export const StatementFields = graphql(`
  fragment StatementFields on SettlementStatement {
    id
    partnerId
    periodStart
    periodEnd
    status
    fiatCurrency
    lines {
      kind
      transfers
      points
      amount
    }
    dueToHub
    dueToPartner
    netExact
    net
    rounding
    transferCount
    digest
    closedAt
    paidAt
    paymentReference
  }
`);

export const SettlementStatement = graphql(`
  query SettlementStatement($partnerId: ID!, $at: DateTime) {
    settlementStatement(partnerId: $partnerId, at: $at) {
      ...StatementFields
    }
  }
`);

export const SettlementStatements = graphql(`
  query SettlementStatements($partnerId: ID!, $before: DateTime) {
    settlementStatements(partnerId: $partnerId, before: $before) {
      ...StatementFields
    }
  }
`);

export const CloseSettlementPeriod = graphql(`
  mutation CloseSettlementPeriod($input: StatementRefInput!) {
    closeSettlementPeriod(input: $input) {
      ...StatementFields
    }
  }
`);

export const MarkStatementPaid = graphql(`
  mutation MarkStatementPaid($input: StatementRefInput!, $paymentReference: String!) {
    markStatementPaid(input: $input, paymentReference: $paymentReference) {
      ...StatementFields
    }
  }
`);

export const ReconcileSettlements = graphql(`
  query ReconcileSettlements {
    reconcileSettlements {
      ok
      checkedAt
      statementsChecked
      valuationsChecked
      unpricedTransfers
      differences {
        statementId
        partnerId
        field
        stored
        recomputed
      }
    }
  }
`);

export const RecordSettlementFee = graphql(`
  mutation RecordSettlementFee($input: RecordSettlementFeeInput!) {
    recordSettlementFee(input: $input) {
      id
      partnerId
      amount
      description
      createdAt
    }
  }
`);

export const InterPartnerFlows = graphql(`
  query InterPartnerFlows($from: DateTime!, $to: DateTime!) {
    interPartnerFlows(from: $from, to: $to) {
      issuerPartnerId
      redeemerPartnerId
      points
      issuerFiat
      issuerCurrency
      redeemerFiat
      redeemerCurrency
    }
  }
`);

// ---------------------------------------------------------------- exact decimals

/** A signed exact decimal: value = n / 10^p. */
export interface Dec {
  n: bigint;
  p: number;
}

export function dec(text: string | bigint | number): Dec {
  if (typeof text !== 'string') return { n: BigInt(text), p: 0 };
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a decimal: ${text}`);
  return { n: BigInt(m[2]! + (m[3] ?? '')) * (m[1] ? -1n : 1n), p: (m[3] ?? '').length };
}

const scaleTo = (x: Dec, p: number): bigint => x.n * 10n ** BigInt(p - x.p);
export const plus = (...xs: Dec[]): Dec => {
  const p = Math.max(0, ...xs.map((x) => x.p));
  return { n: xs.reduce((s, x) => s + scaleTo(x, p), 0n), p };
};
export const neg = (x: Dec): Dec => ({ n: -x.n, p: x.p });
export const minus = (a: Dec, b: Dec): Dec => plus(a, neg(b));
export const mulD = (a: Dec, b: Dec): Dec => ({ n: a.n * b.n, p: a.p + b.p });
export const cmp = (a: Dec, b: Dec): number => {
  const d = minus(a, b).n;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/** Prints without trailing zeros, as the hub prints exact amounts ("0.125", "-3", "0"). */
export function show(x: Dec): string {
  const neg_ = x.n < 0n;
  const abs = neg_ ? -x.n : x.n;
  const d = 10n ** BigInt(x.p);
  const frac = (abs % d).toString().padStart(x.p, '0').replace(/0+$/, '');
  const whole = (abs / d).toString();
  const s = frac ? `${whole}.${frac}` : whole;
  return neg_ && s !== '0' ? `-${s}` : s;
}

/** Prints with exactly `p` places ("0.10", "12", "1.000"). */
export function fixed(x: Dec, p: number): string {
  if (x.p > p) throw new Error(`${show(x)} has more than ${p} places`);
  const n = scaleTo(x, p);
  const abs = n < 0n ? -n : n;
  const d = 10n ** BigInt(p);
  const body = p > 0 ? `${abs / d}.${(abs % d).toString().padStart(p, '0')}` : `${abs}`;
  return n < 0n ? `-${body}` : body;
}

/** Rounds to `p` places, half to even. */
export function halfEven(x: Dec, p: number): Dec {
  if (x.p <= p) return { n: scaleTo(x, p), p };
  const div = 10n ** BigInt(x.p - p);
  const abs = x.n < 0n ? -x.n : x.n;
  let q = abs / div;
  const r = abs % div;
  if (2n * r > div || (2n * r === div && q % 2n === 1n)) q += 1n;
  return { n: x.n < 0n ? -q : q, p };
}

/** Value equality of two decimal strings (the hub prints exact amounts normalised; this tolerates "1.50" vs "1.5"). */
export const sameValue = (a: string, b: string | Dec) => cmp(dec(a), typeof b === 'string' ? dec(b) : b) === 0;

// ---------------------------------------------------------------- statements

export const LINE_KINDS = [
  'ISSUANCE',
  'ISSUANCE_REVERSAL',
  'REDEMPTION',
  'REDEMPTION_REVERSAL',
  'CONVERSION_IN',
  'CONVERSION_OUT',
  'FEES',
] as const;
export type LineKind = Exclude<(typeof LINE_KINDS)[number], 'FEES'>;
/** Fees count towards the amount due to the hub (a credit, negative, reduces it). */
const TO_HUB: ReadonlySet<string> = new Set(['ISSUANCE', 'ISSUANCE_REVERSAL', 'CONVERSION_IN', 'FEES']);
/** The sign a valuation of this kind carries: + when the partner owes the hub. */
export const signOf = (kind: string): 1n | -1n =>
  ['ISSUANCE', 'REDEMPTION_REVERSAL', 'CONVERSION_IN'].includes(kind) ? 1n : -1n;

/** points × unit price with the kind's sign, exactly. */
export const valueOf = (kind: string, points: bigint | number, unitPrice: string): Dec => {
  const u = dec(unitPrice);
  return { n: signOf(kind) * BigInt(points) * u.n, p: u.p };
};

export interface Priced {
  kind: LineKind;
  points: bigint;
  unitPrice: string;
}

/**
 * What a statement over these valuations (and fees, exact amount strings)
 * must show, computed here with bigints: lines by kind (all seven, in order;
 * FEES counts the fees, with 0 points), due to hub / partner, the exact net,
 * the net rounded once half-even to `fiatScale`, and the rounding.
 */
export function expectedStatement(items: readonly Priced[], fiatScale: number, fees: readonly string[] = []) {
  const lines = LINE_KINDS.map((kind) => {
    if (kind === 'FEES')
      return {
        kind,
        transfers: fees.length,
        points: '0',
        amount: show(plus({ n: 0n, p: 0 }, ...fees.map((f) => dec(f)))),
      };
    const mine = items.filter((i) => i.kind === kind);
    const amount = plus({ n: 0n, p: 0 }, ...mine.map((i) => valueOf(kind, i.points, i.unitPrice)));
    return {
      kind,
      transfers: mine.length,
      points: mine.reduce((s, i) => s + i.points, 0n).toString(),
      amount: show(amount),
    };
  });
  const dueToHub = plus({ n: 0n, p: 0 }, ...lines.filter((l) => TO_HUB.has(l.kind)).map((l) => dec(l.amount)));
  const dueToPartner = neg(
    plus({ n: 0n, p: 0 }, ...lines.filter((l) => !TO_HUB.has(l.kind)).map((l) => dec(l.amount))),
  );
  const netExact = minus(dueToHub, dueToPartner);
  const net = halfEven(netExact, fiatScale);
  return {
    lines,
    dueToHub: show(dueToHub),
    dueToPartner: show(dueToPartner),
    netExact: show(netExact),
    net: fixed(net, fiatScale),
    rounding: show(minus(net, netExact)),
    transferCount: items.length,
  };
}

export interface ValuationRow {
  transfer_id: string;
  partner_id: string;
  contract_id: string;
  kind: string;
  points: string;
  unit_price: string;
  amount: string;
  fiat_currency: string;
  created_at: Date;
}

/** Settlement operations over HTTP for one test app. */
export function settlementHelpers(app: TestApp) {
  const operatorToken = reusableToken(app, (ttl) => app.operatorToken(ttl));
  const financeToken = reusableToken(app, (ttl) => app.financeToken(undefined, ttl));

  type ContractOptions = Partial<Omit<SetPartnerContractInput, 'partnerId'>>;
  const contractInput = (partner: TestPartner | string, o: ContractOptions = {}): SetPartnerContractInput => ({
    partnerId: typeof partner === 'string' ? partner : partner.id,
    settlementCurrency: 'USD',
    issuePrice: '0.01',
    redemptionPrice: '0.008',
    billingMode: 'POSTPAID',
    period: 'CUSTOM',
    // Longer than any test runs (20 s timeout): what a test posts after freshPeriod() stays in that period
    // however slow the machine is; the helpers below move hub time to a period's end instead of waiting.
    periodSeconds: 60,
    ...o,
  });

  const setContract = async (partner: TestPartner | string, o: ContractOptions = {}, token?: string) =>
    app.gql(SetPartnerContract, { input: contractInput(partner, o) }, token ?? (await operatorToken()));

  const contractOk = async (partner: TestPartner | string, o: ContractOptions = {}) =>
    dataOf(await setContract(partner, o)).setPartnerContract;

  const contracts = async (partner: TestPartner, token?: string) =>
    (await app.gqlOk(PartnerContracts, { partnerId: partner.id }, token ?? (await operatorToken()))).partnerContracts;

  const topUp = async (partner: TestPartner, amount: string, reference: string | null = 'wire-1') =>
    app.gql(RecordPrepaidTopUp, { partnerId: partner.id, amount, reference }, await operatorToken());

  const topUpOk = async (partner: TestPartner, amount: string, reference: string | null = 'wire-1') =>
    dataOf(await topUp(partner, amount, reference)).recordPrepaidTopUp;

  const fee = async (partner: TestPartner | string, amount: string, description = 'service fee', token?: string) =>
    app.gql(
      RecordSettlementFee,
      { input: { partnerId: typeof partner === 'string' ? partner : partner.id, amount, description } },
      token ?? (await operatorToken()),
    );

  const feeOk = async (partner: TestPartner | string, amount: string, description = 'service fee') =>
    dataOf(await fee(partner, amount, description)).recordSettlementFee;

  const budget = async (partner: TestPartner) =>
    (await app.gqlOk(PartnerBudget, { partnerId: partner.id }, await operatorToken())).partnerBudget.remaining;

  const statement = async (partner: TestPartner, at?: string | Date, token?: string) =>
    (
      await app.gqlOk(
        SettlementStatement,
        { partnerId: partner.id, at: at instanceof Date ? at.toISOString() : at },
        token ?? (await financeToken()),
      )
    ).settlementStatement;

  const close = async (partner: TestPartner, periodStart: string, token?: string) =>
    app.gql(CloseSettlementPeriod, { input: { partnerId: partner.id, periodStart } }, token ?? (await financeToken()));

  const closeOk = async (partner: TestPartner, periodStart: string, token?: string) =>
    dataOf(await close(partner, periodStart, token)).closeSettlementPeriod;

  const markPaid = async (partner: TestPartner, periodStart: string, paymentReference = 'PAY-1', token?: string) =>
    app.gql(
      MarkStatementPaid,
      { input: { partnerId: partner.id, periodStart }, paymentReference },
      token ?? (await financeToken()),
    );

  /** Moves hub time just past `periodEnd` (plus a margin), e.g. so the period can be closed. Never sleeps. */
  async function advanceTo(periodEnd: string | Date, marginMs = 30): Promise<void> {
    const gap = new Date(periodEnd).getTime() - app.now().getTime() + marginMs;
    if (gap > 0) await app.advanceClock(gap);
  }

  /** Moves hub time past the current period's end and closes it; returns the closed statement. */
  async function closeCurrent(partner: TestPartner) {
    const draft = await statement(partner);
    await advanceTo(draft.periodEnd);
    return closeOk(partner, draft.periodStart);
  }

  /** Moves hub time just after the start of the partner's next period (what follows happens early in a fresh period). */
  async function freshPeriod(partner: TestPartner) {
    await advanceTo((await statement(partner)).periodEnd, 20);
  }

  /** The valuations the posting statement wrote for these transfers (or all of a partner's), in the order asked. */
  async function valuations(transferIds: readonly string[]): Promise<ValuationRow[]> {
    const rows = await app.hub.db.sql.query<ValuationRow>(
      `select transfer_id, partner_id, contract_id, kind, points::text as points, unit_price::text as unit_price, amount::text as amount, fiat_currency, created_at
         from transfer_valuation where transfer_id = any($1::uuid[])`,
      [transferIds],
    );
    return transferIds
      .map((id) => rows.find((r) => r.transfer_id === id))
      .filter((r): r is ValuationRow => r !== undefined);
  }

  async function partnerValuations(partnerId: string): Promise<ValuationRow[]> {
    return app.hub.db.sql.query<ValuationRow>(
      `select transfer_id, partner_id, contract_id, kind, points::text as points, unit_price::text as unit_price, amount::text as amount, fiat_currency, created_at
         from transfer_valuation where partner_id = $1 order by created_at, transfer_id`,
      [partnerId],
    );
  }

  /** Row counts of every settlement table, to prove a refused request wrote nothing. */
  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of [
      'partner_contract',
      'transfer_valuation',
      'partner_budget',
      'prepaid_topup',
      'settlement_statement',
      'statement_transfer',
      'settlement_fee',
      'transfer',
      'entry',
      'lot',
    ])
      out[t] = await app.count(t);
    return out;
  }

  return {
    operatorToken,
    financeToken,
    contractInput,
    setContract,
    contractOk,
    contracts,
    topUp,
    topUpOk,
    fee,
    feeOk,
    budget,
    statement,
    close,
    closeOk,
    markPaid,
    advanceTo,
    closeCurrent,
    freshPeriod,
    valuations,
    partnerValuations,
    counts,
  };
}

export type SettlementHelpers = ReturnType<typeof settlementHelpers>;

/** Expects a valuation row to be exactly points × price with the kind's sign, under `contractId`. */
export function expectValuation(
  row: ValuationRow | undefined,
  want: {
    kind: string;
    points: bigint | number;
    unitPrice: string;
    contractId: string;
    partnerId: string;
    currency?: string;
  },
) {
  expect(row, 'a valuation row').toBeDefined();
  const amount = valueOf(want.kind, want.points, want.unitPrice);
  expect({
    kind: row!.kind,
    points: row!.points,
    contract: row!.contract_id,
    partner: row!.partner_id,
    currency: row!.fiat_currency,
    unitPrice: show(dec(row!.unit_price)),
    amount: show(dec(row!.amount)),
  }).toEqual({
    kind: want.kind,
    points: String(want.points),
    contract: want.contractId,
    partner: want.partnerId,
    currency: want.currency ?? 'USD',
    unitPrice: show(dec(want.unitPrice)),
    amount: show(amount),
  });
}
