/**
 * Settlement's part of every ledger posting (a `PostingContributor`, see the ledger's README): each settled
 * transfer is valued at posting time with the partner's contract in effect (or, for a reversal, at the
 * price of the transfer it reverses), and issuance draws on the partner's billing budget. Written by the
 * posting statement itself, so the valuation commits or rolls back with the transfer, in the same round trip;
 * so are the statements' running totals (settlement_totals: see statement.service.ts).
 */
import { COALITION_CURRENCY, TransferKind, type PostingContributor, type TransferDraft } from '../ledger/index.js';

export enum ValuationKind {
  ISSUANCE = 'ISSUANCE',
  ISSUANCE_REVERSAL = 'ISSUANCE_REVERSAL',
  REDEMPTION = 'REDEMPTION',
  REDEMPTION_REVERSAL = 'REDEMPTION_REVERSAL',
  CONVERSION_IN = 'CONVERSION_IN',
  CONVERSION_OUT = 'CONVERSION_OUT',
}

/**
 * How a settled transfer is valued at posting: `points` × the unit price of
 * the partner's contract in effect now (ISSUE or REDEMPTION price), or the
 * price the reversed transfer was valued at (ORIGINAL). A partner without a
 * contract in effect gets no valuation (reconciliation reports it).
 */
export interface ValuationDraft {
  kind: ValuationKind;
  partnerId: string;
  points: bigint;
  price: 'ISSUE' | 'REDEMPTION' | 'ORIGINAL';
}

/** PTS transfers with a partner are settled; how each kind is valued. */
const VALUED: Partial<Record<TransferKind, Pick<ValuationDraft, 'kind' | 'price'>>> = {
  [TransferKind.EARN]: { kind: ValuationKind.ISSUANCE, price: 'ISSUE' },
  [TransferKind.REDEEM]: { kind: ValuationKind.REDEMPTION, price: 'REDEMPTION' },
  [TransferKind.CAPTURE]: { kind: ValuationKind.REDEMPTION, price: 'REDEMPTION' },
  [TransferKind.REVERSE_EARN]: { kind: ValuationKind.ISSUANCE_REVERSAL, price: 'ORIGINAL' },
  [TransferKind.REVERSE_EARN_SHORTFALL]: { kind: ValuationKind.ISSUANCE_REVERSAL, price: 'ORIGINAL' },
  [TransferKind.REVERSE_REDEEM]: { kind: ValuationKind.REDEMPTION_REVERSAL, price: 'ORIGINAL' },
  // Branded points into PTS: PTS issued by the brand; PTS into branded points: redeemed at the brand.
  [TransferKind.EXCHANGE_IN]: { kind: ValuationKind.CONVERSION_IN, price: 'ISSUE' },
  [TransferKind.EXCHANGE_OUT]: { kind: ValuationKind.CONVERSION_OUT, price: 'REDEMPTION' },
};

/**
 * Between two branded currencies no PTS transfer exists: the PTS passing through are valued on the two legs,
 * as issued by the source brand (the leg out of its currency) and redeemed at the target brand (the leg in).
 */
const CROSS_LEG: Partial<Record<TransferKind, Pick<ValuationDraft, 'kind' | 'price'>>> = {
  [TransferKind.EXCHANGE_OUT]: { kind: ValuationKind.CONVERSION_IN, price: 'ISSUE' },
  [TransferKind.EXCHANGE_IN]: { kind: ValuationKind.CONVERSION_OUT, price: 'REDEMPTION' },
};

export function valuationOf(t: TransferDraft): ValuationDraft | null {
  if (t.ptsPassedThrough != null) {
    const leg = CROSS_LEG[t.kind];
    return leg && t.partnerId ? { ...leg, partnerId: t.partnerId, points: t.ptsPassedThrough } : null;
  }
  const rule = VALUED[t.kind];
  if (!rule || t.currency !== COALITION_CURRENCY || !t.partnerId) return null;
  return { ...rule, partnerId: t.partnerId, points: t.amount };
}

/**
 * How many shard rows a (partner, period, kind) running total is spread over: a hot partner's concurrent
 * postings land on their backends' rows (a pool of 10 meets few collisions), and a live statement sums at
 * most this many rows per kind.
 */
export const TOTALS_SHARDS = 16;

export const settlementPosting: PostingContributor = {
  name: 'settlement: valuation, billing-budget draw and statement running totals',
  parameters: 6,
  ctes: (p) => `vx as (
  -- The valuations, before they are written: read by v (the rows) and vt (the running totals).
  select x.tid, x.pid, coalesce(o.contract_id, c.id) as contract_id, x.kind, x.points, p.price,
         p.price * x.points * (case when x.kind in ('ISSUANCE', 'REDEMPTION_REVERSAL', 'CONVERSION_IN') then 1 else -1 end) as amount,
         coalesce(o.fiat_currency, c.settlement_currency) as fiat_currency,
         settlement_period_start(c.period, c.period_seconds, hub_now()) as period_start
    from unnest(${p(0)}::uuid[], ${p(1)}::uuid[], ${p(2)}::text[], ${p(3)}::bigint[], ${p(4)}::text[], ${p(5)}::uuid[]) x(tid, pid, kind, points, source, orig)
    -- Every version has the partner's one period, so the latest also names it for a reversal (priced by o).
    left join lateral (
      select id, settlement_currency, issue_price, redemption_price, period, period_seconds from partner_contract
       where partner_id = x.pid and effective_from <= hub_now() order by effective_from desc limit 1
    ) c on true
    left join transfer_valuation o on x.source = 'ORIGINAL' and o.transfer_id = x.orig
    cross join lateral (select case x.source when 'ISSUE' then c.issue_price when 'REDEMPTION' then c.redemption_price else o.unit_price end as price) p
   where p.price is not null
), v as (
  insert into transfer_valuation (transfer_id, partner_id, contract_id, kind, points, unit_price, amount, fiat_currency)
  select tid, pid, contract_id, kind, points, price, amount, fiat_currency from vx
  returning partner_id, kind, amount
), b as (
  -- Issuance draws on a billing budget (prepaid funds or postpaid credit); its reversal gives back.
  update partner_budget pb set remaining = pb.remaining - s.total, updated_at = hub_now()
    from (select partner_id, sum(amount) as total from v where kind in ('ISSUANCE', 'ISSUANCE_REVERSAL', 'CONVERSION_IN') group by partner_id) s
   where pb.partner_id = s.partner_id
), vt as (
  -- The statement's running totals, on this backend's shard row (in key order, so postings lock alike).
  insert into settlement_totals (partner_id, period_start, kind, shard, transfers, points, amount)
  select pid, period_start, kind, pg_backend_pid() % ${TOTALS_SHARDS}, count(*), sum(points), sum(amount)
    from vx group by pid, period_start, kind order by pid, period_start, kind
  on conflict (partner_id, period_start, kind, shard) do update
    set transfers = settlement_totals.transfers + excluded.transfers, points = settlement_totals.points + excluded.points,
        amount = settlement_totals.amount + excluded.amount
)`,
  params(transfers) {
    const rows = transfers.flatMap((t) => {
      const v = valuationOf(t);
      return v ? [{ t, v }] : [];
    });
    return [
      rows.map(({ t }) => t.id),
      rows.map(({ v }) => v.partnerId),
      rows.map(({ v }) => v.kind),
      rows.map(({ v }) => v.points.toString()),
      rows.map(({ v }) => v.price),
      rows.map(({ t }) => t.reversesTransferId ?? null),
    ];
  },
};
