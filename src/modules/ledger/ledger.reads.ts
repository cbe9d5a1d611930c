/**
 * The ledger's query API for other modules' SQL: read-only relations (parenthesised queries) with fixed,
 * documented columns, which a module joins inside its own statement. Other modules never name the ledger's
 * tables; the ledger may change them as long as these relations keep their columns and meaning. A
 * relation is a plain subquery, so PostgreSQL inlines it: the reader's statement plans and runs as if it
 * had named the tables itself (one statement, no extra round trip).
 */

/**
 * Every transfer, one row each. Columns: `id uuid`, `operation_id uuid`, `kind text` (TransferKind),
 * `currency text`, `amount bigint` (> 0), `partner_id uuid`, `member_id uuid`, `reverses_transfer_id uuid`,
 * `created_at timestamptz` (the posting's database time).
 */
const TRANSFERS = `(select id, operation_id, kind, currency, amount, partner_id, member_id, reverses_transfer_id, created_at from transfer)`;

/**
 * PTS earned by members, less what was reversed: one row per earn or earn reversal. Columns: `member_id
 * uuid`, `points bigint` (negative for a reversal), `at timestamptz`. (Members' tiers.)
 */
const QUALIFYING_POINTS = `(select member_id, case when kind = 'EARN' then amount else -amount end as points, created_at as at
    from transfer where currency = 'PTS' and kind in ('EARN', 'REVERSE_EARN', 'REVERSE_EARN_SHORTFALL'))`;

/**
 * PTS leaving lots for a redemption (positive points) and coming back on its reversal (negative), per lot
 * movement, for lots whose issuer is a partner. Columns: `issuer_partner_id uuid` (the lot's issuer),
 * `redeemer_partner_id uuid` (where the points were redeemed), `points bigint`, `issued_by_transfer_id uuid`
 * (the transfer that created the lot), `redeemed_by_transfer_id uuid` (the redemption, also for its
 * reversal), `at timestamptz` (when the movement's transfer was posted). (Settlement's flow matrix.)
 */
const REDEMPTION_LOT_FLOWS = `(select l.issuer_partner_id, coalesce(r.partner_id, t.partner_id) as redeemer_partner_id, -m.amount as points,
           l.source_transfer_id as issued_by_transfer_id, coalesce(r.id, t.id) as redeemed_by_transfer_id, t.created_at as at
      from lot_movement m
      join transfer t on t.id = m.transfer_id
      left join transfer r on r.id = t.reverses_transfer_id
      join lot l on l.id = m.lot_id
     where t.currency = 'PTS' and t.kind in ('REDEEM', 'CAPTURE', 'REVERSE_REDEEM') and l.issuer_partner_id is not null)`;

/**
 * Members' wallets: points they can spend now, one row per member and currency. Columns: `member_id uuid`,
 * `currency text`, `available bigint` (held points excluded). (Rewards: "affordable now", points still needed.)
 */
const WALLET_BALANCES = `(select member_id, currency, balance as available from account where kind = 'MEMBER_WALLET')`;

export const LedgerReads = {
  walletBalances: WALLET_BALANCES,
  transfers: TRANSFERS,
  qualifyingPoints: QUALIFYING_POINTS,
  redemptionLotFlows: REDEMPTION_LOT_FLOWS,
} as const;
