/**
 * Statements from running totals (issue 24): the posting statement adds each valuation to its partner's
 * (period, kind) totals; a close subtracts what it claims; a live draft sums the few rows left. Here: the
 * draft equals a recomputation from the valuations, the rows it reads stay few after closes, a total changed
 * behind the hub's back is reported by `ledgerInvariants`, and — on real PostgreSQL — earns, redemptions and
 * reversals racing period closes leave every settled transfer in exactly one statement, with the totals equal
 * to a recomputation (the afterEach invariant check recomputes every period).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, errorCodes, type GraphQLResponse } from '../../support/graphql-client.js';
import {
  checkLedgerInvariantsAfterEach,
  LedgerInvariants,
  ledgerHelpers,
  type LedgerHelpers,
} from '../../support/ledger.js';
import {
  dec,
  ReconcileSettlements,
  settlementHelpers,
  show,
  type SettlementHelpers,
} from '../../support/settlement.js';
import { periodAt, SettlementPeriod } from '../../../src/modules/settlement/settlement.model.js';
import { toDate } from '../../../src/platform/db/values.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let st: SettlementHelpers;
beforeAll(async () => {
  app = await initTestApp({ config: { dbPoolSize: 10 } });
  ledger = ledgerHelpers(app);
  st = settlementHelpers(app);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

/** The partner's totals rows (what a draft reads). */
async function totalsRows(partner: TestPartner) {
  const [row] = await app.hub.db.sql.query<{ n: number }>(
    `select count(*)::int as n from settlement_totals where partner_id = $1`,
    [partner.id],
  );
  return row!.n;
}

/** Per kind, the partner's valuations no statement claims (the recomputation a draft must equal). */
async function unclaimed(partner: TestPartner) {
  return app.hub.db.sql.query<{ kind: string; transfers: number; points: string; amount: string }>(
    `select kind, count(*)::int as transfers, sum(points)::text as points, sum(amount)::text as amount
       from transfer_valuation v where partner_id = $1
        and not exists (select 1 from statement_transfer s where s.transfer_id = v.transfer_id)
      group by kind order by kind`,
    [partner.id],
  );
}

describe('a live statement from running totals', () => {
  it('the draft equals the recomputation from the valuations, line by line; after a close only the open period has rows', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { issuePrice: '0.0125', redemptionPrice: '0.0071', periodSeconds: 3 });
    await st.freshPeriod(shop);
    const member = await ledger.enroll(shop);
    const earns = [];
    for (const n of [1001, 3, 250]) earns.push(await ledger.earnOk(shop, member, n));
    dataOf(await ledger.redeem(shop, member, 333));
    dataOf(await ledger.reverse(shop, earns[1]!.transfer.id, 3));

    const draft = await st.statement(shop);
    const expected = await unclaimed(shop);
    expect(expected.map((r) => r.kind)).toEqual(['ISSUANCE', 'ISSUANCE_REVERSAL', 'REDEMPTION']);
    for (const r of expected)
      expect(draft.lines.find((l) => l.kind === r.kind)).toEqual({
        kind: r.kind,
        transfers: r.transfers,
        points: r.points,
        amount: show(dec(r.amount)),
      });
    expect(draft.transferCount).toBe(5);
    // (1001 + 3 + 250) × 0.0125 issued − 3 × 0.0125 reversed.
    expect(draft.dueToHub).toBe('15.6375');

    // Closing claims the rows: the closed period's rows net to zero and are deleted; the next draft is empty.
    const closed = await st.closeCurrent(shop);
    expect(closed).toMatchObject({
      status: 'CLOSED',
      transferCount: 5,
      dueToHub: draft.dueToHub,
      digest: draft.digest,
    });
    expect(await totalsRows(shop)).toBe(0);
    const next = await st.statement(shop);
    expect(next).toMatchObject({ status: 'DRAFT', transferCount: 0, digest: '' });

    // A new period's postings: one row per kind and backend shard, however many postings.
    for (let i = 0; i < 20; i++) await ledger.earnOk(shop, member, 1);
    expect(await totalsRows(shop)).toBeGreaterThan(0);
    expect(await totalsRows(shop)).toBeLessThanOrEqual(16);
    expect((await st.statement(shop)).lines.find((l) => l.kind === 'ISSUANCE')).toMatchObject({
      transfers: 20,
      points: '20',
    });
  });

  it('a total changed behind the hub’s back is reported by ledgerInvariants with the stored and recomputed figures', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { issuePrice: '0.02' });
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 100);
    const sql = app.hub.db.sql;
    await sql.query(`update settlement_totals set amount = amount + 1 where partner_id = $1 and kind = 'ISSUANCE'`, [
      shop.id,
    ]);
    try {
      const { ledgerInvariants } = await app.gqlOk(LedgerInvariants, {}, await app.operatorToken());
      expect(ledgerInvariants.ok).toBe(false);
      expect(ledgerInvariants.violations).toEqual([
        {
          invariant: 'STATEMENT_TOTALS_EQUAL_VALUATIONS',
          subject: expect.stringContaining(`partner ${shop.id} period `),
          detail:
            'totals 1 transfers, 100 points, 3.000000000000; unclaimed valuations 1 transfers, 100 points, 2.000000000000',
        },
      ]);
    } finally {
      await sql.query(`update settlement_totals set amount = amount - 1 where partner_id = $1 and kind = 'ISSUANCE'`, [
        shop.id,
      ]);
    }
  });
});

describe('one definition of a period in SQL and TypeScript', () => {
  it('settlement_period_start (the totals) equals periodAt (the statements) for every kind of period, at and around boundaries', async () => {
    const instants = [
      '2024-02-29T23:59:59.999Z',
      '2024-03-01T00:00:00.000Z',
      '2024-12-31T23:59:59.999999Z',
      '2025-01-01T00:00:00Z',
      '2026-11-29T23:59:59.999Z', // a Sunday
      '2026-11-30T00:00:00.000Z', // a Monday
      '2026-12-02T10:17:31.123Z',
      '1970-01-01T00:00:00.000Z',
      ...Array.from({ length: 40 }, (_, i) => new Date(1_700_000_000_000 + i * 7_777_777_777).toISOString()),
    ];
    const kinds: [SettlementPeriod, number | null][] = [
      [SettlementPeriod.DAILY, null],
      [SettlementPeriod.WEEKLY, null],
      [SettlementPeriod.MONTHLY, null],
      [SettlementPeriod.CUSTOM, 1],
      [SettlementPeriod.CUSTOM, 7],
      [SettlementPeriod.CUSTOM, 43_200],
      [SettlementPeriod.CUSTOM, 366 * 86_400],
    ];
    for (const [period, seconds] of kinds) {
      const rows = await app.hub.db.sql.query<{ at: string; start: unknown }>(
        `select at::text as at, settlement_period_start($1, $2, at::timestamptz) as start from unnest($3::text[]) at`,
        [period, seconds, instants],
      );
      for (const [i, r] of rows.entries())
        expect(toDate(r.start).toISOString(), `${period} ${seconds} ${instants[i]}`).toBe(
          periodAt(period, seconds, new Date(instants[i]!)).start.toISOString(),
        );
    }
  });
});

const outcome = (r: GraphQLResponse<unknown>): string => (r.errors?.length ? errorCodes(r)[0]! : 'OK');

describe('postings racing period closes (real PostgreSQL)', () => {
  it('earns, redemptions and reversals racing closes: every settled transfer in exactly one statement, each statement equal to its transfers, totals equal to a recomputation', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { issuePrice: '0.013', redemptionPrice: '0.007', periodSeconds: 1 });
    const members = await Promise.all(Array.from({ length: 6 }, () => ledger.enroll(shop)));
    const seeds = await Promise.all(members.map((m) => ledger.earnOk(shop, m, 10_000)));

    // 6 callers, 10 operations each, while a closer moves hub time past each period's end and closes it, for as
    // long as the callers run (and at least three times): counts, not wall-clock windows.
    const outcomes: string[] = [];
    let running = members.length;
    const caller = async (i: number) => {
      const m = members[i]!;
      try {
        for (let n = 1; n <= 10; n++) {
          const pick = n % 3;
          if (pick === 0) outcomes.push(outcome(await ledger.earn(shop, m, 7)));
          else if (pick === 1) outcomes.push(outcome(await ledger.redeem(shop, m, 5)));
          else outcomes.push(outcome(await ledger.reverse(shop, seeds[i]!.transfer.id, 1)));
        }
      } finally {
        running--;
      }
    };
    const closed: string[] = [];
    const closer = async () => {
      while (running > 0 || closed.length < 3) {
        const draft = await st.statement(shop);
        await st.advanceTo(draft.periodEnd, 5);
        const r = await st.close(shop, draft.periodStart);
        if (!r.errors?.length) closed.push(r.data!.closeSettlementPeriod.periodStart);
        else expect(errorCodes(r)).toEqual(['PERIOD_ALREADY_CLOSED']);
      }
    };
    await Promise.all([...members.map((_, i) => caller(i)), closer()]);
    expect(outcomes).toHaveLength(60);
    expect(new Set(outcomes)).toEqual(new Set(['OK']));
    expect(closed.length).toBeGreaterThanOrEqual(3);
    // Anything posted after the last close is claimed by one more.
    await st.closeCurrent(shop);

    const [books] = await app.hub.db.sql.query<{
      valuations: number;
      covered: number;
      distinct_covered: number;
      statements_count: number;
      statements_net: string;
      valued: string;
      totals_rows: number;
    }>(
      `select (select count(*)::int from transfer_valuation where partner_id = $1) as valuations,
              (select count(*)::int from statement_transfer st join settlement_statement s on s.id = st.statement_id where s.partner_id = $1) as covered,
              (select count(distinct st.transfer_id)::int from statement_transfer st join settlement_statement s on s.id = st.statement_id where s.partner_id = $1) as distinct_covered,
              (select sum(transfer_count)::int from settlement_statement where partner_id = $1) as statements_count,
              (select sum(net_exact)::text from settlement_statement where partner_id = $1) as statements_net,
              (select sum(amount)::text from transfer_valuation where partner_id = $1) as valued,
              (select count(*)::int from settlement_totals where partner_id = $1) as totals_rows`,
      [shop.id],
    );
    expect(books!.covered).toBe(books!.valuations);
    expect(books!.distinct_covered).toBe(books!.valuations);
    expect(books!.statements_count).toBe(books!.valuations);
    expect(show(dec(books!.statements_net))).toBe(show(dec(books!.valued)));
    // Everything is claimed, so every (period, kind) nets to zero and was compacted away.
    expect(books!.totals_rows).toBe(0);
    const report = (await app.gqlOk(ReconcileSettlements, {}, await app.financeToken())).reconcileSettlements;
    expect(report.differences).toEqual([]);
  });
});
