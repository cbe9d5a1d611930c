/**
 * Reconciliation: recomputes every closed statement from the ledger's
 * valuations of the transfers it covers and reports any difference, checks
 * each valuation against its transfer and its price, and that the statements
 * add up to the valuations they claim — and the fees: each statement's FEES
 * line is recomputed from the fees it claimed (statement_id), and the books
 * include every fee. There should never be a difference.
 */
import type { Sql } from '../../platform/db/sql.js';
import { compare, toString } from '../../platform/decimal.js';
import { LedgerReads } from '../ledger/index.js';
import { toDate } from '../../platform/db/values.js';
import { TOTALS_DIFFERENCES_SQL } from './totals.check.js';
import {
  STATEMENT_COLUMNS,
  ASSIGNED_TO,
  DIGEST_SQL,
  FEES_ASSIGNED_TO,
  FEES_SQL,
  LINES_SQL,
  statementFrom,
  totals,
} from './statement.service.js';
import type { Statement } from './settlement.model.js';
import { clock } from '../../platform/clock.js';

export interface Difference {
  statementId: string | null;
  partnerId: string | null;
  field: string;
  stored: string;
  recomputed: string;
}

/**
 * Valuations (filtered by `where` over alias v) that are not points × their contract version's price (issue
 * price for the issuance family, else the redemption price; a reversal names the reversed transfer's version)
 * with the sign of their kind, on a transfer of that partner.
 */
const BAD_VALUATIONS_SQL = (where: string) => `
  select v.transfer_id, v.partner_id, v.amount::text as amount,
         (v.points * p.price * case when v.kind in ('ISSUANCE', 'REDEMPTION_REVERSAL', 'CONVERSION_IN') then 1 else -1 end)::text as expected
    from transfer_valuation v join ${LedgerReads.transfers} t on t.id = v.transfer_id
    join partner_contract c on c.id = v.contract_id
    cross join lateral (select case when v.kind in ('ISSUANCE', 'ISSUANCE_REVERSAL', 'CONVERSION_IN') then c.issue_price else c.redemption_price end as price) p
   where ${where}
     and (v.amount <> v.points * p.price * case when v.kind in ('ISSUANCE', 'REDEMPTION_REVERSAL', 'CONVERSION_IN') then 1 else -1 end
          or v.unit_price <> p.price or c.partner_id <> v.partner_id or v.fiat_currency <> c.settlement_currency
          or (t.currency = 'PTS' and (t.amount <> v.points or t.partner_id <> v.partner_id)))`;

const badValuation = (b: {
  transfer_id: string;
  partner_id: string;
  amount: string;
  expected: string;
}): Difference => ({
  statementId: null,
  partnerId: b.partner_id,
  field: `valuation ${b.transfer_id}`,
  stored: b.amount,
  recomputed: b.expected,
});

export interface ReconciliationReport {
  ok: boolean;
  checkedAt: Date;
  statementsChecked: number;
  valuationsChecked: number;
  /** PTS transfers of settled kinds that have no valuation (their partner had no contract in effect). */
  unpricedTransfers: number;
  differences: Difference[];
}

/** The stored result of reconciling one closed statement (settlement_reconciliation). */
export interface PeriodReconciliation {
  partnerId: string;
  periodStart: Date;
  statementId: string;
  reconciledAt: Date;
  ok: boolean;
  transfersChecked: number;
  differences: Difference[];
}

const RESULT_COLUMNS = `partner_id, period_start, statement_id, reconciled_at, ok, transfers_checked, differences`;

function resultFrom(r: Record<string, unknown>): PeriodReconciliation {
  return {
    partnerId: r.partner_id as string,
    periodStart: toDate(r.period_start),
    statementId: r.statement_id as string,
    reconciledAt: toDate(r.reconciled_at),
    ok: r.ok as boolean,
    transfersChecked: Number(r.transfers_checked),
    differences: (typeof r.differences === 'string' ? JSON.parse(r.differences) : r.differences) as Difference[],
  };
}

export class ReconciliationService {
  constructor(private readonly sql: Sql) {}

  /**
   * Reconciles one closed statement in time proportional to its period: its lines, dues, net, count and
   * digest from the valuations and fees it claimed; each of those valuations against its transfer and its
   * contract version's price; and the running totals of the periods it spans against the valuations posted
   * in them. The result replaces the statement's last one in settlement_reconciliation.
   */
  async period(stored: Statement): Promise<PeriodReconciliation> {
    const id = stored.id!;
    const differences = await this.recompute(stored);
    const bad = await this.sql.query<{ transfer_id: string; partner_id: string; amount: string; expected: string }>(
      `${BAD_VALUATIONS_SQL('v.transfer_id in (select transfer_id from statement_transfer where statement_id = $1)')} limit 100`,
      [id],
    );
    for (const b of bad) differences.push(badValuation(b));
    const totals = await this.sql.query<{ period_start: unknown; kind: string; stored: string; recomputed: string }>(
      TOTALS_DIFFERENCES_SQL(
        'v.partner_id = $1 and v.created_at >= $2 and v.created_at < $3',
        's.partner_id = $1 and s.period_start >= $2 and s.period_start < $3',
      ),
      [stored.partnerId, stored.periodStart, stored.periodEnd],
    );
    for (const t of totals)
      differences.push({
        statementId: id,
        partnerId: stored.partnerId,
        field: `totals ${toDate(t.period_start).toISOString()} ${t.kind}`,
        stored: t.stored,
        recomputed: t.recomputed,
      });
    const [row] = await this.sql.query(
      `insert into settlement_reconciliation (${RESULT_COLUMNS})
       values ($1, $2, $3, hub_now(), $4, $5, $6::jsonb)
       on conflict (partner_id, period_start) do update
         set statement_id = excluded.statement_id, reconciled_at = excluded.reconciled_at, ok = excluded.ok,
             transfers_checked = excluded.transfers_checked, differences = excluded.differences
       returning ${RESULT_COLUMNS}`,
      [
        stored.partnerId,
        stored.periodStart,
        id,
        differences.length === 0,
        stored.transferCount,
        JSON.stringify(differences),
      ],
    );
    return resultFrom(row!);
  }

  /** A partner's stored reconciliation results, newest period first. */
  async results(partnerId: string, limit: number, before?: Date): Promise<PeriodReconciliation[]> {
    const rows = await this.sql.query(
      `select ${RESULT_COLUMNS} from settlement_reconciliation
        where partner_id = $1 and ($2::timestamptz is null or period_start < $2) order by period_start desc limit $3`,
      [partnerId, before ?? null, limit],
    );
    return rows.map(resultFrom);
  }

  /**
   * The rolling reconciliation: the last `periods` closed statements of every partner, one at a time (reads
   * and one upsert of its own table each: postings never wait on it). Returns the results.
   */
  async rolling(periods: number): Promise<PeriodReconciliation[]> {
    const rows = await this.sql.query(
      `select ${STATEMENT_COLUMNS} from (
         select *, row_number() over (partition by partner_id order by period_start desc) as recent from settlement_statement) s
        where recent <= $1 order by partner_id, period_start`,
      [periods],
    );
    const out: PeriodReconciliation[] = [];
    for (const r of rows) out.push(await this.period(statementFrom(r)));
    return out;
  }

  async run(partnerId?: string | null): Promise<ReconciliationReport> {
    const differences: Difference[] = [];
    const rows = await this.sql.query(
      `select id, partner_id, period_start, period_end, fiat_currency, fiat_scale, lines, due_to_hub::text as due_to_hub, due_to_partner::text as due_to_partner,
              net_exact::text as net_exact, net_rounded::text as net_rounded, transfer_count, digest, closed_at, paid_at, payment_reference
         from settlement_statement where $1::uuid is null or partner_id = $1 order by partner_id, period_start`,
      [partnerId ?? null],
    );
    for (const stored of rows.map(statementFrom)) differences.push(...(await this.recompute(stored)));

    // Every valuation is points × its contract version's price (issue price for the issuance family, else the
    // redemption price; a reversal names the reversed transfer's version) with the sign of its kind, on a transfer of that partner.
    const bad = await this.sql.query<{ transfer_id: string; partner_id: string; amount: string; expected: string }>(
      `${BAD_VALUATIONS_SQL('($1::uuid is null or v.partner_id = $1)')} limit 100`,
      [partnerId ?? null],
    );
    for (const b of bad) differences.push(badValuation(b));

    // Per partner: closed statements plus what no statement covers yet (valuations and fees) add up to every settled valuation and fee.
    const books = await this.sql.query<{ partner_id: string; books: string; ledger: string }>(
      `with items as (select partner_id, amount, not exists (select 1 from statement_transfer st where st.transfer_id = t.transfer_id) as uncovered
                        from transfer_valuation t where $1::uuid is null or partner_id = $1
                      union all
                      select partner_id, amount, statement_id is null from settlement_fee where $1::uuid is null or partner_id = $1),
            v as (select partner_id, sum(amount) as total from items group by partner_id),
            s as (select partner_id, sum(net_exact) as total from settlement_statement where $1::uuid is null or partner_id = $1 group by partner_id),
            u as (select partner_id, sum(amount) filter (where uncovered) as total from items group by partner_id)
       select p.partner_id, (coalesce(s.total, 0) + coalesce(u.total, 0))::text as books, coalesce(v.total, 0)::text as ledger
         from (select partner_id from v union select partner_id from s) p
         left join v on v.partner_id = p.partner_id left join s on s.partner_id = p.partner_id left join u on u.partner_id = p.partner_id
        where coalesce(s.total, 0) + coalesce(u.total, 0) <> coalesce(v.total, 0)`,
      [partnerId ?? null],
    );
    for (const b of books)
      differences.push({
        statementId: null,
        partnerId: b.partner_id,
        field: 'statements + uncovered = ledger valuations',
        stored: b.books,
        recomputed: b.ledger,
      });

    const [counts] = await this.sql.query<{ valuations: number; unpriced: number }>(
      `select (select count(*)::int from transfer_valuation where $1::uuid is null or partner_id = $1) as valuations,
              (select count(*)::int from ${LedgerReads.transfers} t where t.currency = 'PTS' and t.partner_id is not null and ($1::uuid is null or t.partner_id = $1)
                  and t.kind in ('EARN', 'REDEEM', 'CAPTURE', 'REVERSE_EARN', 'REVERSE_EARN_SHORTFALL', 'REVERSE_REDEEM', 'EXCHANGE_IN', 'EXCHANGE_OUT')
                  and not exists (select 1 from transfer_valuation v where v.transfer_id = t.id)) as unpriced`,
      [partnerId ?? null],
    );
    return {
      ok: differences.length === 0,
      checkedAt: clock.now(),
      statementsChecked: rows.length,
      valuationsChecked: counts?.valuations ?? 0,
      unpricedTransfers: counts?.unpriced ?? 0,
      differences,
    };
  }

  private async recompute(stored: Statement): Promise<Difference[]> {
    type Row = { kind: never; transfers: number; points: string; amount: string };
    const lineRows = [
      ...(await this.sql.query<Row>(LINES_SQL(ASSIGNED_TO), [stored.id])),
      ...(await this.sql.query<Row>(FEES_SQL(FEES_ASSIGNED_TO), [stored.id])),
    ];
    const [{ digest }] = (await this.sql.query<{ digest: string }>(DIGEST_SQL(ASSIGNED_TO), [stored.id])) as [
      { digest: string },
    ];
    const again = totals(lineRows, stored.fiatScale);
    const out: Difference[] = [];
    const diff = (field: string, a: string, b: string) => {
      if (a !== b) out.push({ statementId: stored.id, partnerId: stored.partnerId, field, stored: a, recomputed: b });
    };
    const dec = (field: string, a: Statement['netExact'], b: Statement['netExact']) => {
      if (compare(a, b) !== 0)
        out.push({
          statementId: stored.id,
          partnerId: stored.partnerId,
          field,
          stored: toString(a),
          recomputed: toString(b),
        });
    };
    for (const line of stored.lines) {
      const r = again.lines.find((l) => l.kind === line.kind)!;
      dec(`${line.kind}.amount`, line.amount, r.amount);
      diff(`${line.kind}.points`, line.points.toString(), r.points.toString());
      // transferCount covers the other lines' counts; the number of fees is checked here.
      if (line.kind === 'FEES') diff('FEES.transfers', String(line.transfers), String(r.transfers));
    }
    dec('dueToHub', stored.dueToHub, again.dueToHub);
    dec('dueToPartner', stored.dueToPartner, again.dueToPartner);
    dec('netExact', stored.netExact, again.netExact);
    dec('netRounded', stored.netRounded, again.netRounded);
    diff('transferCount', String(stored.transferCount), String(again.transferCount));
    diff('digest', stored.digest ?? '', digest);
    return out;
  }
}
