/**
 * The running totals of statements (settlement_totals) against a recomputation from the valuations: per
 * partner, period posted in and kind, the totals rows must sum to the valuations no statement has claimed.
 * Both are written in the same transactions (a posting adds a valuation and its total; a close claims
 * valuations and subtracts them), so at any snapshot they agree exactly.
 */
import type { InvariantCheck } from '../ledger/index.js';

/**
 * The differences, as (partner_id, period_start, kind, stored, recomputed) rows; `where` filters the
 * valuations (alias v) and `totalsWhere` the totals rows (alias s) to the same partners and periods.
 */
export const TOTALS_DIFFERENCES_SQL = (where = 'true', totalsWhere = 'true') => `
  with rec as (
    select v.partner_id, settlement_period_start(c.period, c.period_seconds, v.created_at) as period_start, v.kind,
           count(*) as transfers, sum(v.points) as points, sum(v.amount) as amount
      from transfer_valuation v join partner_contract c on c.id = v.contract_id
     where ${where} and not exists (select 1 from statement_transfer st where st.transfer_id = v.transfer_id)
     group by 1, 2, 3),
  tot as (
    select s.partner_id, s.period_start, s.kind, sum(s.transfers) as transfers, sum(s.points) as points, sum(s.amount) as amount
      from settlement_totals s where ${totalsWhere} group by 1, 2, 3)
  select coalesce(r.partner_id, t.partner_id) as partner_id, coalesce(r.period_start, t.period_start) as period_start,
         coalesce(r.kind, t.kind) as kind,
         coalesce(t.transfers, 0) || ' transfers, ' || coalesce(t.points, 0) || ' points, ' || coalesce(t.amount, 0) as stored,
         coalesce(r.transfers, 0) || ' transfers, ' || coalesce(r.points, 0) || ' points, ' || coalesce(r.amount, 0) as recomputed
    from rec r full join tot t on t.partner_id = r.partner_id and t.period_start = r.period_start and t.kind = r.kind
   where coalesce(r.transfers, 0) <> coalesce(t.transfers, 0) or coalesce(r.points, 0) <> coalesce(t.points, 0)
      or coalesce(r.amount, 0) <> coalesce(t.amount, 0)`;

/** Part of `ledgerInvariants`: every partner and period, recomputed from the valuations. */
export const statementTotalsInvariant: InvariantCheck = {
  invariant: 'STATEMENT_TOTALS_EQUAL_VALUATIONS',
  sql: `select 'partner ' || d.partner_id || ' period ' || to_char(d.period_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' ' || d.kind as subject,
               'totals ' || d.stored || '; unclaimed valuations ' || d.recomputed as detail
          from (${TOTALS_DIFFERENCES_SQL()}) d`,
};
