/**
 * Statements: for a partner and a period, the valuations of its settled
 * transfers grouped by kind, exact, with the totals rounded once (half-even)
 * to the fiat minor unit. The open period is a live draft; closing freezes the
 * statement with a digest of the transfers it covers. A transfer belongs to the
 * first statement closed after it committed, so one that commits late falls
 * into the next period, never into a closed one. Fees (settlement_fee) follow
 * the same rule: a draft shows the partner's fees no statement has claimed,
 * and closing claims them by setting their statement_id — that binding, not
 * the digest (which covers the transfers only), is what ties a fee to its
 * statement.
 *
 * Running totals (settlement_totals, issue 24): the posting statement adds each valuation to its partner's
 * (period posted in, kind) on a shard row; a close subtracts, in its own transaction, exactly what it
 * claimed, on shard -1. So, at any snapshot, the rows of a (partner, period, kind) sum to the valuations of
 * that period no statement has claimed yet, and a draft — everything unclaimed posted before its end — is the
 * sum of the rows of the periods before its end: a few rows, whatever the volume. The close itself still
 * sums and digests the valuations it claims (exact, as before), from the oldest period the totals say still
 * holds an unclaimed valuation, so it reads that period's rows and not the partner's whole history.
 */
import type { Outbox } from '../outbox/index.js';
import type { Queryable, Sql, SqlClient } from '../../platform/db/sql.js';
import { newId, isUuid } from '../../platform/ids.js';
import { add, parseDecimal, roundHalfEven, sub, toString, type Decimal } from '../../platform/decimal.js';
import { notFound } from '../../platform/graphql/errors.js';
import { toDate } from '../../platform/db/values.js';
import { setCreditLeft, type ContractService } from './contract.service.js';
import {
  LINE_KINDS,
  periodAt,
  BillingMode,
  type LineKind,
  type Statement,
  type StatementLine,
} from './settlement.model.js';
import { SettlementErrors } from './settlement.exception.js';
import { clock } from '../../platform/clock.js';

/** Lines due to the hub; the rest are due to the partner. A fee is due to the hub (a credit, negative, reduces it). */
const ISSUANCE_FAMILY: ReadonlySet<LineKind> = new Set(['ISSUANCE', 'ISSUANCE_REVERSAL', 'CONVERSION_IN', 'FEES']);
const ZERO: Decimal = { units: 0n, scale: 0 };

interface LineRow {
  kind: LineKind;
  transfers: number;
  points: string;
  amount: string;
}

/** Lines, totals and rounding from per-kind sums. */
export function totals(rows: readonly LineRow[], fiatScale: number) {
  const lines: StatementLine[] = LINE_KINDS.map((kind) => {
    const r = rows.find((x) => x.kind === kind);
    return {
      kind,
      transfers: r ? Number(r.transfers) : 0,
      points: BigInt(r?.points ?? 0),
      amount: r ? parseDecimal(r.amount)! : ZERO,
    };
  });
  const dueToHub = lines.filter((l) => ISSUANCE_FAMILY.has(l.kind)).reduce((s, l) => add(s, l.amount), ZERO);
  const dueToPartner = lines.filter((l) => !ISSUANCE_FAMILY.has(l.kind)).reduce((s, l) => sub(s, l.amount), ZERO);
  const netExact = sub(dueToHub, dueToPartner);
  return {
    lines,
    dueToHub,
    dueToPartner,
    netExact,
    netRounded: roundHalfEven(netExact, fiatScale),
    // Transfers covered (as the digest); the FEES line counts fees, not transfers.
    transferCount: lines.reduce((n, l) => (l.kind === 'FEES' ? n : n + l.transfers), 0),
  };
}

/** Per-kind sums and the digest of a set of valuations (`where` over alias v). */
export const LINES_SQL = (where: string) => `
  select kind, count(*)::int as transfers, sum(points)::text as points, sum(amount)::text as amount from transfer_valuation v where ${where} group by kind`;
export const DIGEST_SQL = (where: string) => `
  select coalesce(encode(sha256(convert_to(string_agg(v.transfer_id::text || ':' || v.amount::text, E'\\n' order by v.transfer_id), 'UTF8')), 'hex'), '') as digest
    from transfer_valuation v where ${where}`;
/** The FEES line of a set of fees (`where` over alias f); no row when there are none. */
export const FEES_SQL = (where: string) => `
  select 'FEES' as kind, count(*)::int as transfers, '0' as points, sum(f.amount)::text as amount from settlement_fee f where ${where} having count(*) > 0`;
/** Valuations of partner $1 no statement claims, posted in [$3, $2): $3 is the oldest period with one (`unclaimedFrom`). */
const UNASSIGNED = `v.partner_id = $1 and v.created_at < $2 and v.created_at >= $3 and not exists (select 1 from statement_transfer st where st.transfer_id = v.transfer_id)`;
/** A draft's lines from the running totals of partner $1, periods starting before $2. */
const DRAFT_LINES_SQL = `
  select kind, sum(transfers)::int as transfers, sum(points)::text as points, sum(amount)::text as amount
    from settlement_totals where partner_id = $1 and period_start < $2
   group by kind having sum(transfers) <> 0 or sum(points) <> 0 or sum(amount) <> 0`;
/** The start of the oldest period of partner $1 before $2 that still holds a valuation no statement claims. */
const UNCLAIMED_FROM_SQL = `
  select min(period_start) as since from (
    select period_start from settlement_totals where partner_id = $1 and period_start < $2
     group by period_start having sum(transfers) <> 0) x`;
export const ASSIGNED_TO = `exists (select 1 from statement_transfer st where st.transfer_id = v.transfer_id and st.statement_id = $1)`;
const FEES_UNASSIGNED = `f.partner_id = $1 and f.created_at < $2 and f.statement_id is null`;
export const FEES_ASSIGNED_TO = `f.statement_id = $1`;

export const STATEMENT_COLUMNS = `id, partner_id, period_start, period_end, fiat_currency, fiat_scale, lines, due_to_hub::text as due_to_hub, due_to_partner::text as due_to_partner,
  net_exact::text as net_exact, net_rounded::text as net_rounded, transfer_count, digest, closed_at, paid_at, payment_reference`;

export function statementFrom(r: Record<string, unknown>): Statement {
  const lines = (typeof r.lines === 'string' ? JSON.parse(r.lines) : r.lines) as {
    kind: LineKind;
    transfers: number;
    points: string;
    amount: string;
  }[];
  return {
    id: r.id as string,
    partnerId: r.partner_id as string,
    periodStart: toDate(r.period_start),
    periodEnd: toDate(r.period_end),
    status: r.paid_at ? 'PAID' : 'CLOSED',
    fiatCurrency: r.fiat_currency as string,
    fiatScale: Number(r.fiat_scale),
    lines: lines.map((l) => ({
      kind: l.kind,
      transfers: l.transfers,
      points: BigInt(l.points),
      amount: parseDecimal(l.amount)!,
    })),
    dueToHub: parseDecimal(r.due_to_hub as string)!,
    dueToPartner: parseDecimal(r.due_to_partner as string)!,
    netExact: parseDecimal(r.net_exact as string)!,
    netRounded: parseDecimal(r.net_rounded as string)!,
    transferCount: Number(r.transfer_count),
    digest: r.digest as string,
    closedAt: toDate(r.closed_at),
    paidAt: r.paid_at == null ? null : toDate(r.paid_at),
    paymentReference: (r.payment_reference as string | null) ?? null,
  };
}

/** `UNCLAIMED_FROM_SQL`; the period end itself when nothing is unclaimed (an empty range). */
async function unclaimedFrom(sql: Queryable, partnerId: string, until: Date): Promise<Date> {
  const [row] = await sql.query<{ since: unknown }>(UNCLAIMED_FROM_SQL, [partnerId, until]);
  return row?.since == null ? until : toDate(row.since);
}

/**
 * After a close, deletes the totals rows of periods before `until` whose (period, kind) nets to zero — every
 * valuation posted there is claimed — so drafts and closes keep reading a handful of rows. It locks the rows
 * first and deletes only locked rows that net to zero together, so a posting racing it (adding to one of
 * them, or a new shard row) loses nothing: a set of rows summing to zero carries no figure.
 */
export async function compactTotals(sql: Sql, partnerId: string, until: Date): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query(
      `with locked as (
         select period_start, kind, shard, transfers, points, amount from settlement_totals
          where partner_id = $1 and period_start < $2 for update),
       settled as (
         select period_start, kind from locked group by 1, 2
         having sum(transfers) = 0 and sum(points) = 0 and sum(amount) = 0)
       delete from settlement_totals t using locked l join settled s using (period_start, kind)
        where t.partner_id = $1 and t.period_start = l.period_start and t.kind = l.kind and t.shard = l.shard`,
      [partnerId, until],
    );
  });
}

export class StatementService {
  constructor(
    private readonly sql: Sql,
    private readonly contracts: ContractService,
    private readonly outbox: Outbox,
  ) {}

  /** The period of this partner that contains `at` (now when omitted). */
  private async period(partnerId: string, at?: Date | null) {
    const first = await this.contracts.first(partnerId);
    if (!first) throw SettlementErrors.noContract();
    const bounds = periodAt(first.period, first.periodSeconds, at ?? clock.now());
    return {
      ...bounds,
      fiatCurrency: first.settlementCurrency,
      fiatScale: first.fiatScale,
      period: first.period,
      periodSeconds: first.periodSeconds,
    };
  }

  async closed(partnerId: string, periodStart: Date): Promise<Statement | undefined> {
    const [row] = await this.sql.reads.query(
      `select ${STATEMENT_COLUMNS} from settlement_statement where partner_id = $1 and period_start = $2`,
      [partnerId, periodStart],
    );
    return row ? statementFrom(row) : undefined;
  }

  async byId(id: string): Promise<Statement | undefined> {
    const [row] = isUuid(id)
      ? await this.sql.query(`select ${STATEMENT_COLUMNS} from settlement_statement where id = $1`, [id])
      : [];
    return row ? statementFrom(row) : undefined;
  }

  async list(partnerId: string, limit: number, before?: Date): Promise<Statement[]> {
    const rows = await this.sql.reads.query(
      `select ${STATEMENT_COLUMNS} from settlement_statement where partner_id = $1 and ($2::timestamptz is null or period_start < $2) order by period_start desc limit $3`,
      [partnerId, before ?? null, limit],
    );
    return rows.map(statementFrom);
  }

  /**
   * The statement of the period containing `at`: the closed one if closed,
   * else the live draft — everything not yet in a closed statement, posted
   * before the period's end (or now, if it has not ended). The draft's lines
   * come from the running totals; its digest is computed only when asked
   * (`digestOf`), as it reads every transfer it covers.
   */
  async statement(partnerId: string, at?: Date | null): Promise<Statement> {
    const p = await this.period(partnerId, at);
    const closed = await this.closed(partnerId, p.start);
    if (closed) return closed;
    const until = new Date(Math.min(p.end.getTime(), clock.nowMs()));
    const rows = [
      ...(await this.sql.reads.query<LineRow>(DRAFT_LINES_SQL, [partnerId, until])),
      ...(await this.sql.reads.query<LineRow>(FEES_SQL(FEES_UNASSIGNED), [partnerId, until])),
    ];
    return {
      id: null,
      partnerId,
      periodStart: p.start,
      periodEnd: p.end,
      status: 'DRAFT',
      fiatCurrency: p.fiatCurrency,
      fiatScale: p.fiatScale,
      ...totals(rows, p.fiatScale),
      digest: null,
      draftUntil: until,
      closedAt: null,
      paidAt: null,
      paymentReference: null,
    };
  }

  /** A statement's digest: the stored one, or a draft's over the transfers it covers (as of its reading). */
  async digestOf(s: Pick<Statement, 'partnerId' | 'periodEnd' | 'draftUntil' | 'digest'>): Promise<string> {
    if (s.digest != null) return s.digest;
    const until = s.draftUntil ?? s.periodEnd;
    const since = await unclaimedFrom(this.sql, s.partnerId, until);
    const [{ digest }] = (await this.sql.reads.query<{ digest: string }>(DIGEST_SQL(UNASSIGNED), [
      s.partnerId,
      until,
      since,
    ])) as [{ digest: string }];
    return digest;
  }

  async close(partnerId: string, periodStart: Date): Promise<Statement> {
    const p = await this.period(partnerId, periodStart);
    if (p.start.getTime() !== periodStart.getTime()) throw SettlementErrors.notPeriodStart();
    if (p.end.getTime() > clock.nowMs()) throw SettlementErrors.periodNotEnded(p.end);
    const id = newId();
    try {
      await this.sql.transaction(async (tx) => {
        // One snapshot for the sums, the digest, the rows the statement claims and the totals it subtracts.
        await tx.query('set transaction isolation level repeatable read');
        await tx.query(`select pg_advisory_xact_lock(hashtext('statement:' || $1))`, [partnerId]);
        if (
          (
            await tx.query(`select 1 from settlement_statement where partner_id = $1 and period_start = $2`, [
              partnerId,
              p.start,
            ])
          ).length
        )
          throw SettlementErrors.alreadyClosed();
        // The totals are written with the valuations, so in this snapshot they name exactly the periods that
        // hold an unclaimed valuation: the claim scans from the oldest, not from the partner's first posting.
        const since = await unclaimedFrom(tx, partnerId, p.end);
        const claim = [partnerId, p.end, since];
        const rows = [
          ...(await tx.query<LineRow>(LINES_SQL(UNASSIGNED), claim)),
          ...(await tx.query<LineRow>(FEES_SQL(FEES_UNASSIGNED), [partnerId, p.end])),
        ];
        const [{ digest }] = (await tx.query<{ digest: string }>(DIGEST_SQL(UNASSIGNED), claim)) as [
          { digest: string },
        ];
        const t = totals(rows, p.fiatScale);
        await tx.query(
          `insert into settlement_statement (id, partner_id, period_start, period_end, fiat_currency, fiat_scale, lines, due_to_hub, due_to_partner, net_exact, net_rounded, transfer_count, digest)
           values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::numeric, $9::numeric, $10::numeric, $11::numeric, $12, $13)`,
          [
            id,
            partnerId,
            p.start,
            p.end,
            p.fiatCurrency,
            p.fiatScale,
            JSON.stringify(
              t.lines.map((l) => ({
                kind: l.kind,
                transfers: l.transfers,
                points: l.points.toString(),
                amount: toString(l.amount),
              })),
            ),
            toString(t.dueToHub),
            toString(t.dueToPartner),
            toString(t.netExact),
            toString(t.netRounded),
            t.transferCount,
            digest,
          ],
        );
        await tx.query(
          `insert into statement_transfer (statement_id, transfer_id) select $4, v.transfer_id from transfer_valuation v where ${UNASSIGNED}`,
          [...claim, id],
        );
        // What it claimed leaves the running totals, per period posted in and kind (shard -1 is the closes'
        // own row: only closes write it, under the partner's lock, so this never waits on a posting).
        await tx.query(
          `insert into settlement_totals (partner_id, period_start, kind, shard, transfers, points, amount)
           select v.partner_id, settlement_period_start($2, $3, v.created_at), v.kind, -1, -count(*), -sum(v.points), -sum(v.amount)
             from statement_transfer st join transfer_valuation v on v.transfer_id = st.transfer_id
            where st.statement_id = $1 group by 1, 2, 3
           on conflict (partner_id, period_start, kind, shard) do update
             set transfers = settlement_totals.transfers + excluded.transfers, points = settlement_totals.points + excluded.points,
                 amount = settlement_totals.amount + excluded.amount`,
          [id, p.period, p.periodSeconds],
        );
        // The same snapshot: exactly the fees summed above (one recorded meanwhile stays unclaimed, for the next statement).
        await tx.query(`update settlement_fee f set statement_id = $3 where ${FEES_UNASSIGNED}`, [
          partnerId,
          p.end,
          id,
        ]);
        this.outbox.emit(tx, [
          {
            type: 'statement.closed',
            partnerId,
            memberId: null,
            payload: {
              statementId: id,
              periodStart: p.start.toISOString(),
              periodEnd: p.end.toISOString(),
              fiatCurrency: p.fiatCurrency,
              dueToHub: toString(t.dueToHub),
              dueToPartner: toString(t.dueToPartner),
              netRounded: toString(t.netRounded),
              transferCount: t.transferCount,
            },
          },
        ]);
      });
    } catch (error) {
      // Two closes racing: the loser meets the unique period or transfer constraint.
      if ((error as { code?: string }).code === '23505') throw SettlementErrors.alreadyClosed();
      throw error;
    }
    await compactTotals(this.sql, partnerId, p.end);
    return (await this.byId(id))!;
  }

  async markPaid(partnerId: string, periodStart: Date, paymentReference: string): Promise<Statement> {
    return this.sql.transaction(async (tx) => {
      const [row] = await tx.query(
        `update settlement_statement set paid_at = hub_now(), payment_reference = $3 where partner_id = $1 and period_start = $2 and paid_at is null returning ${STATEMENT_COLUMNS}`,
        [partnerId, periodStart, paymentReference],
      );
      if (!row) {
        const exists = await tx.query(
          `select 1 from settlement_statement where partner_id = $1 and period_start = $2`,
          [partnerId, periodStart],
        );
        throw exists.length ? SettlementErrors.alreadyPaid() : SettlementErrors.notClosed();
      }
      const statement = statementFrom(row);
      this.outbox.emit(tx, [
        {
          type: 'statement.paid',
          partnerId,
          memberId: null,
          payload: { statementId: statement.id, periodStart: periodStart.toISOString(), paymentReference },
        },
      ]);
      await StatementService.restoreCredit(tx, statement);
      return statement;
    });
  }

  /**
   * A paid statement settles its issuance: a postpaid partner's credit comes
   * back — recomputed as the limit less what is still unpaid, so it never
   * exceeds the limit (after a limit was lowered) and never goes negative
   * (after a period whose reversals outweighed its issuance).
   */
  private static async restoreCredit(tx: SqlClient, statement: Statement): Promise<void> {
    const [contract] = await tx.query<{ billing_mode: string; credit_limit: string | null }>(
      `select billing_mode, credit_limit::text as credit_limit from partner_contract where partner_id = $1 and effective_from <= hub_now() order by effective_from desc limit 1`,
      [statement.partnerId],
    );
    if (contract?.billing_mode !== BillingMode.POSTPAID || contract.credit_limit == null) return;
    await setCreditLeft(tx, statement.partnerId, parseDecimal(contract.credit_limit)!);
  }

  /** Throws NOT_FOUND unless the partner has this closed statement. */
  async requireClosed(partnerId: string, periodStart: Date): Promise<Statement> {
    const s = await this.closed(partnerId, periodStart);
    if (!s) throw notFound('Statement');
    return s;
  }
}
