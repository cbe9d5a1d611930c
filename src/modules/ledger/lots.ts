/**
 * Lots: where a wallet's points came from (issuer, expiry), consumed first in,
 * first out (soonest expiry first). Every function here runs inside a
 * transaction that holds the wallet's row lock, which serialises all changes
 * to that wallet's lots.
 */
import { prepared, type SqlClient } from '../../platform/db/sql.js';

/** FIFO order; `prefer` ($4) puts the lot created by that transfer first (reversing an earn). */
const FIFO = `(source_transfer_id = $4::uuid) is true desc, expires_at asc nulls last, created_at, id`;

/** CTEs choosing what to take from wallet $1's free remainders, FIFO, up to $2 points: `take(id, amt)`. */
const TAKE_FIFO = `ordered as (
       select id, remaining, sum(remaining) over (order by ${FIFO}) - remaining as before
         from lot where wallet_account_id = $1 and remaining > 0
     ), take as (
       select id, least(remaining, $2::bigint - before) as amt from ordered where before < $2::bigint
     )`;

// Named prepared statements (sql.ts `prepared`): parsed and planned once per connection, like the earn's.
const CONSUME_LOTS_SQL = prepared(
  'ledger_consume_lots',
  `with ${TAKE_FIFO}, u as (
     update lot set remaining = lot.remaining - take.amt from take where lot.id = take.id returning lot.id, take.amt
   ), m as (
     insert into lot_movement (lot_id, transfer_id, amount) select id, $3, -amt from u
   )
   select coalesce(sum(amt), 0)::text as taken from u`,
);

const HOLD_LOTS_SQL = prepared(
  'ledger_hold_lots',
  `with ${TAKE_FIFO}, u as (
     update lot set remaining = lot.remaining - take.amt, held = lot.held + take.amt from take where lot.id = take.id returning lot.id, take.amt
   ), a as (
     insert into hold_allocation (hold_id, lot_id, amount) select $3, id, amt from u
   )
   select coalesce(sum(amt), 0)::text as taken from u`,
);

const SETTLE_HOLD_LOTS_SQL = prepared(
  'ledger_settle_hold_lots',
  `with ordered as (
     select a.lot_id, a.amount, sum(a.amount) over (order by l.expires_at asc nulls last, l.created_at, l.id) - a.amount as before
       from hold_allocation a join lot l on l.id = a.lot_id where a.hold_id = $1
   ), split as (
     select lot_id, amount, greatest(0, least(amount, $2::bigint - before)) as cap from ordered
   ), u as (
     update lot set held = lot.held - split.amount, remaining = lot.remaining + (split.amount - split.cap)
       from split where lot.id = split.lot_id returning lot.id
   )
   insert into lot_movement (lot_id, transfer_id, amount) select lot_id, $3, -cap from split where cap > 0 and $3::uuid is not null`,
);

/** Takes `amount` from free lot remainders, recording a movement against `transferId`. */
export async function consumeLots(
  tx: SqlClient,
  walletId: string,
  amount: bigint,
  transferId: string,
  prefer: string | null = null,
): Promise<void> {
  const [row] = await tx.query<{ taken: string }>(CONSUME_LOTS_SQL, [walletId, amount.toString(), transferId, prefer]);
  assertTaken(row?.taken, amount, 'consume');
}

/** Reserves `amount` of free lot remainders for a hold. */
export async function holdLots(tx: SqlClient, walletId: string, amount: bigint, holdId: string): Promise<void> {
  const [row] = await tx.query<{ taken: string }>(HOLD_LOTS_SQL, [walletId, amount.toString(), holdId, null]);
  assertTaken(row?.taken, amount, 'hold');
}

/**
 * Resolves a hold's lot reservations: the first `captured` points (FIFO over
 * the allocations) are consumed by `captureTransferId`; the rest return to
 * the lots' free remainders. Sent, not waited for (no rows to read): it goes
 * out with the statement after it, usually COMMIT.
 */
export function settleHoldLots(
  tx: SqlClient,
  holdId: string,
  captured: bigint,
  captureTransferId: string | null,
): void {
  tx.send(SETTLE_HOLD_LOTS_SQL, [holdId, captured.toString(), captureTransferId]);
}

/**
 * Returns up to `amount` points of a reversed redemption to the lots they
 * came from (the latest consumed first), recording movements against
 * `reversalTransferId`. A lot that is no longer in `wallet` (its member was
 * merged away since) comes back as a copy in `wallet`: same issuer, same expiry.
 */
export async function restoreLots(
  tx: SqlClient,
  originalTransferIds: readonly string[],
  amount: bigint,
  reversalTransferId: string,
  reversalIds: readonly string[],
  wallet: string,
): Promise<void> {
  const [row] = await tx.query<{ restored: string }>(
    `with consumed as (
       select m.lot_id, -m.amount - coalesce((select sum(r.amount) from lot_movement r where r.lot_id = m.lot_id and r.transfer_id = any($4::uuid[])), 0) as open
         from lot_movement m where m.transfer_id = any($1::uuid[]) and m.amount < 0
     ), ordered as (
       select c.lot_id, c.open, sum(c.open) over (order by l.expires_at desc nulls first, l.created_at desc, l.id desc) - c.open as before
         from consumed c join lot l on l.id = c.lot_id where c.open > 0
     ), give as (
       select lot_id, least(open, $2::bigint - before) as amt from ordered where before < $2::bigint
     ), same as (
       update lot set remaining = lot.remaining + give.amt from give where lot.id = give.lot_id and lot.wallet_account_id = $5 returning lot.id, give.amt
     ), copied as (
       insert into lot (id, wallet_account_id, currency, issuer_partner_id, source_transfer_id, amount, remaining, expires_at, created_at)
       select gen_random_uuid(), $5, l.currency, l.issuer_partner_id, $3, give.amt, give.amt, l.expires_at, l.created_at
         from give join lot l on l.id = give.lot_id where l.wallet_account_id <> $5
       returning id, amount as amt
     ), u as (
       select id, amt from same union all select id, amt from copied
     ), m as (
       insert into lot_movement (lot_id, transfer_id, amount) select id, $3, amt from u
     )
     select coalesce(sum(amt), 0)::text as restored from u`,
    [originalTransferIds, amount.toString(), reversalTransferId, reversalIds, wallet],
  );
  assertTaken(row?.restored, amount, 'restore');
}

function assertTaken(taken: string | undefined, expected: bigint, what: string): void {
  // Lots and balances disagreeing is a broken invariant: abort rather than post.
  if (BigInt(taken ?? '0') !== expected) throw new Error(`lot ${what} moved ${taken} of ${expected}`);
}
