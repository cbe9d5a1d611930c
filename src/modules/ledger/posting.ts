/**
 * Posting: writes transfers, their two entries each, the balance changes and
 * any new lots in ONE SQL statement (data-modifying CTEs over arrays), so a
 * posting costs one round trip however many transfers it carries. Callers
 * have already locked and checked every account that could be refused.
 */
import { prepared, type SqlClient } from '../../platform/db/sql.js';
import { COALITION_CURRENCY, TransferKind } from './ledger.model.js';

/** Transfers that count as member activity (for inactivity-based expiry); hub-made ones do not. */
const ACTIVITY: ReadonlySet<TransferKind> = new Set([
  TransferKind.EARN,
  TransferKind.REDEEM,
  TransferKind.AUTHORIZE,
  TransferKind.CAPTURE,
  TransferKind.REVERSE_EARN,
  TransferKind.REVERSE_REDEEM,
  TransferKind.EXCHANGE_OUT,
  TransferKind.EXCHANGE_IN,
]);

export interface TransferDraft {
  id: string;
  operationId: string;
  kind: TransferKind;
  currency: string;
  amount: bigint;
  debit: string;
  credit: string;
  partnerId?: string | null;
  memberId?: string | null;
  reversesTransferId?: string | null;
  holdId?: string | null;
  orderRef?: string | null;
  /** Overrides the valuation derived from the kind (conversions between two branded currencies). */
  valuation?: ValuationDraft | null;
}

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

export function valuationOf(t: TransferDraft): ValuationDraft | null {
  if (t.valuation !== undefined) return t.valuation;
  const rule = VALUED[t.kind];
  if (!rule || t.currency !== COALITION_CURRENCY || !t.partnerId) return null;
  return { ...rule, partnerId: t.partnerId, points: t.amount };
}

export interface LotDraft {
  id: string;
  walletAccountId: string;
  currency: string;
  issuerPartnerId: string | null;
  sourceTransferId: string;
  amount: bigint;
  /** PostgreSQL interval after which the lot expires (database time), or null. */
  expiresIn: string | null;
}

/** How many shard rows a house account's balance is spread over. */
export const HOUSE_SHARDS = 32;

export const POSTING_SQL = prepared(
  'ledger_posting',
  `
with t as (
  insert into transfer (id, operation_id, kind, currency, amount, debit_account_id, credit_account_id, partner_id, member_id, reverses_transfer_id, hold_id, order_ref)
  select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::uuid[], $9::uuid[], $10::uuid[], $11::uuid[], $12::text[])
  returning id
), e as (
  insert into entry (transfer_id, account_id, amount)
  select * from unnest($1::uuid[] || $1::uuid[], $6::bigint[] || $7::bigint[], $13::bigint[])
), d as (
  update account a set balance = a.balance + x.delta,
         last_activity_at = case when x.active then hub_now() else a.last_activity_at end
    from unnest($14::bigint[], $15::bigint[], $25::boolean[]) x(id, delta, active) where a.id = x.id
), s as (
  insert into account_shard (account_id, shard, balance)
  select id, pg_backend_pid() % ${HOUSE_SHARDS}, delta from unnest($16::bigint[], $17::bigint[]) x(id, delta)
  on conflict (account_id, shard) do update set balance = account_shard.balance + excluded.balance
), l as (
  insert into lot (id, wallet_account_id, currency, issuer_partner_id, source_transfer_id, amount, remaining, expires_at)
  select id, wallet, cur, issuer, src, amt, amt, hub_now() + ttl
    from unnest($18::uuid[], $19::bigint[], $20::text[], $21::uuid[], $22::uuid[], $23::bigint[], $24::interval[]) x(id, wallet, cur, issuer, src, amt, ttl)
), v as (
  insert into transfer_valuation (transfer_id, partner_id, contract_id, kind, points, unit_price, amount, fiat_currency)
  select x.tid, x.pid, coalesce(o.contract_id, c.id), x.kind, x.points, p.price,
         p.price * x.points * (case when x.kind in ('ISSUANCE', 'REDEMPTION_REVERSAL', 'CONVERSION_IN') then 1 else -1 end),
         coalesce(o.fiat_currency, c.settlement_currency)
    from unnest($26::uuid[], $27::uuid[], $28::text[], $29::bigint[], $30::text[], $31::uuid[]) x(tid, pid, kind, points, source, orig)
    left join lateral (
      select id, settlement_currency, issue_price, redemption_price from partner_contract
       where partner_id = x.pid and effective_from <= hub_now() order by effective_from desc limit 1
    ) c on x.source <> 'ORIGINAL'
    left join transfer_valuation o on x.source = 'ORIGINAL' and o.transfer_id = x.orig
    cross join lateral (select case x.source when 'ISSUE' then c.issue_price when 'REDEMPTION' then c.redemption_price else o.unit_price end as price) p
   where p.price is not null
  returning partner_id, kind, amount
), b as (
  -- Issuance draws on a billing budget (prepaid funds or postpaid credit); its reversal gives back.
  update partner_budget pb set remaining = pb.remaining - s.total, updated_at = hub_now()
    from (select partner_id, sum(amount) as total from v where kind in ('ISSUANCE', 'ISSUANCE_REVERSAL', 'CONVERSION_IN') group by partner_id) s
   where pb.partner_id = s.partner_id
)
select count(*)::int as posted from t`,
);

/** The parameters of POSTING_SQL for a set of transfers and lots. */
export function postingParams(
  transfers: readonly TransferDraft[],
  lots: readonly LotDraft[],
  isSharded: (accountId: string) => boolean,
): unknown[] {
  const deltas = new Map<string, bigint>();
  const active = new Set<string>();
  for (const t of transfers) {
    deltas.set(t.debit, (deltas.get(t.debit) ?? 0n) - t.amount);
    deltas.set(t.credit, (deltas.get(t.credit) ?? 0n) + t.amount);
    if (ACTIVITY.has(t.kind) && t.memberId) active.add(t.debit).add(t.credit);
  }
  const direct: [string[], string[], boolean[]] = [[], [], []];
  const sharded: [string[], string[]] = [[], []];
  // Ascending account order, so concurrent postings take row locks in one global order.
  for (const [id, delta] of [...deltas].sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : 1))) {
    if (delta === 0n) continue;
    if (isSharded(id)) {
      sharded[0].push(id);
      sharded[1].push(delta.toString());
    } else {
      direct[0].push(id);
      direct[1].push(delta.toString());
      direct[2].push(active.has(id));
    }
  }
  const col = <K extends keyof TransferDraft>(k: K) =>
    transfers.map((t) => (t[k] === undefined ? null : typeof t[k] === 'bigint' ? String(t[k]) : t[k]));
  return [
    col('id'),
    col('operationId'),
    col('kind'),
    col('currency'),
    col('amount'),
    col('debit'),
    col('credit'),
    col('partnerId'),
    col('memberId'),
    col('reversesTransferId'),
    col('holdId'),
    col('orderRef'),
    [...transfers.map((t) => (-t.amount).toString()), ...transfers.map((t) => t.amount.toString())],
    direct[0],
    direct[1],
    sharded[0],
    sharded[1],
    lots.map((l) => l.id),
    lots.map((l) => l.walletAccountId),
    lots.map((l) => l.currency),
    lots.map((l) => l.issuerPartnerId),
    lots.map((l) => l.sourceTransferId),
    lots.map((l) => l.amount.toString()),
    lots.map((l) => l.expiresIn),
    direct[2],
    ...valuationParams(transfers),
  ];
}

function valuationParams(transfers: readonly TransferDraft[]): unknown[][] {
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
}

/**
 * Sends the posting without waiting for it (`SqlClient.send`): its rows are not needed, statements after it
 * see its effects, and the transaction's COMMIT, sent right behind it, fails with its error.
 */
export function post(
  tx: SqlClient,
  transfers: readonly TransferDraft[],
  lots: readonly LotDraft[],
  isSharded: (accountId: string) => boolean,
): void {
  if (transfers.length === 0) return;
  tx.send(POSTING_SQL, postingParams(transfers, lots, isSharded));
}
