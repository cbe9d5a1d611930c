/**
 * Posting: writes transfers (each one's debit and credit are its two entries: the `entry` view), the
 * balance changes and any new lots in ONE SQL statement (data-modifying CTEs over arrays), so a
 * posting costs one round trip however many transfers it carries. Callers
 * have already locked and checked every account that could be refused.
 * Other modules add their rows to the same statement as posting contributors
 * (README.md, "How other modules take part in a posting").
 */
import { prepared, type SqlClient } from '../../platform/db/sql.js';
import { TransferKind, type HoldStatus } from './ledger.model.js';

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
  /**
   * For a leg of a conversion between two branded currencies (no PTS transfer is posted): the PTS that
   * passed through it. Posting contributors read it (settlement values both legs at that many points).
   */
  ptsPassedThrough?: bigint | null;
  /**
   * For the transfers of a hold's resolution: how it resolved. Posting contributors read it (the outbox tells a
   * void from an expiry: both are a RELEASE alone).
   */
  holdResolution?: HoldStatus | null;
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

/** The ledger's own parameters of the posting statement ($1 to $24); contributors' parameters follow. */
export const LEDGER_POSTING_PARAMETERS = 24;

/**
 * The ledger's part of the posting statement: its CTEs, in order. `t` (the inserted transfers) is visible
 * to every contributor's CTE after these.
 */
const LEDGER_POSTING_CTES = `t as (
  insert into transfer (id, operation_id, kind, currency, amount, debit_account_id, credit_account_id, partner_id, member_id, reverses_transfer_id, hold_id, order_ref)
  select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::uuid[], $9::uuid[], $10::uuid[], $11::uuid[], $12::text[])
  returning id
), d as (
  update account a set balance = a.balance + x.delta,
         last_activity_at = case when x.active then hub_now() else a.last_activity_at end
    from unnest($13::bigint[], $14::bigint[], $24::boolean[]) x(id, delta, active) where a.id = x.id
), s as (
  insert into account_shard (account_id, shard, balance)
  select id, pg_backend_pid() % ${HOUSE_SHARDS}, delta from unnest($15::bigint[], $16::bigint[]) x(id, delta)
  on conflict (account_id, shard) do update set balance = account_shard.balance + excluded.balance
), l as (
  insert into lot (id, wallet_account_id, currency, issuer_partner_id, source_transfer_id, amount, remaining, expires_at)
  select id, wallet, cur, issuer, src, amt, amt, hub_now() + ttl
    from unnest($17::uuid[], $18::bigint[], $19::text[], $20::uuid[], $21::uuid[], $22::bigint[], $23::interval[]) x(id, wallet, cur, issuer, src, amt, ttl)
)`;

/**
 * Another module's part of every posting (settlement: the valuation of settled transfers and the draw on
 * the partner's billing budget), written by the same statement so a posting stays one round trip and its
 * rows commit or roll back with the transfers. The ledger never names the contributor's tables.
 */
export interface PostingContributor {
  /** For error messages and the README; e.g. "settlement: valuation and budget draw". */
  name: string;
  /** How many parameters `params` returns (fixed: the statement is prepared once). */
  parameters: number;
  /**
   * Its CTEs (`name as (...)`, comma-separated), appended after the ledger's and earlier contributors'.
   * `param(i)` is the placeholder of its i-th parameter (0-based). They may read `t` (the transfers
   * inserted) and their own earlier CTEs; their names must not clash with the ledger's (t, d, s, l).
   */
  ctes(param: (i: number) => string): string;
  /** Its parameters for these transfers (arrays, one element per row it writes). */
  params(transfers: readonly TransferDraft[]): unknown[];
}

/**
 * The posting statement, composed once at startup from the ledger's CTEs and the contributors' (in
 * registration order): the same single statement whatever modules are installed.
 */
export class Posting {
  readonly sql: string;

  /** @param name the prepared statement's name (the bench composes a second statement, without the outbox). */
  constructor(
    private readonly contributors: readonly PostingContributor[],
    name = 'ledger_posting',
  ) {
    let next = LEDGER_POSTING_PARAMETERS + 1;
    const ctes = [LEDGER_POSTING_CTES];
    for (const c of contributors) {
      const first = next;
      ctes.push(
        c.ctes((i) => {
          if (i < 0 || i >= c.parameters) throw new Error(`posting contributor "${c.name}" has no parameter ${i}`);
          return `$${first + i}`;
        }),
      );
      next += c.parameters;
    }
    this.sql = prepared(name, `\nwith ${ctes.join(', ')}\nselect count(*)::int as posted from t`);
  }

  /** The parameters of the statement for a set of transfers and lots. */
  params(transfers: readonly TransferDraft[], lots: readonly LotDraft[], isSharded: (accountId: string) => boolean) {
    const out = postingParams(transfers, lots, isSharded);
    for (const c of this.contributors) {
      const own = c.params(transfers);
      if (own.length !== c.parameters)
        throw new Error(`posting contributor "${c.name}" gave ${own.length} parameters, not ${c.parameters}`);
      out.push(...own);
    }
    return out;
  }

  /**
   * Sends the posting without waiting for it (`SqlClient.send`): its rows are not needed, statements after
   * it see its effects, and the transaction's COMMIT, sent right behind it, fails with its error.
   */
  post(
    tx: SqlClient,
    transfers: readonly TransferDraft[],
    lots: readonly LotDraft[],
    isSharded: (accountId: string) => boolean,
  ): void {
    if (transfers.length === 0) return;
    tx.send(this.sql, this.params(transfers, lots, isSharded));
  }
}

/**
 * The contributors of the posting statement, registered by other modules while the hub is composed;
 * `seal()` (the ledger module's `ready`) composes the statement once, after which nothing can register.
 */
export class PostingRegistry {
  private readonly contributors: PostingContributor[] = [];
  private composed?: Posting;

  register(contributor: PostingContributor): void {
    if (this.composed)
      throw new Error(`posting contributor "${contributor.name}" registered after the posting was composed`);
    this.contributors.push(contributor);
  }

  seal(): Posting {
    return (this.composed ??= new Posting(this.contributors));
  }

  /** The composed posting (composing it on first use, for hubs built without the module list, e.g. scripts). */
  get posting(): Posting {
    return this.seal();
  }
}

/** The ledger's own parameters ($1 to $24) for a set of transfers and lots. */
function postingParams(
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
  ];
}
