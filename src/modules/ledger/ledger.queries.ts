/**
 * The ledger's read side: balances, history, transfers and holds, batched for DataLoaders. Reads to show, never
 * to decide on (the operations read what they decide on inside their transactions), so a replica may serve them.
 */
import { prepared, type Sql } from '../../platform/db/sql.js';
import { HoldStatus, toBig, toDate, type HoldRow, type TransferKind, type TransferRow } from './ledger.model.js';

export interface BalanceRow {
  memberId: string;
  currency: string;
  available: bigint;
  held: bigint;
  owed: bigint;
}

export interface HistoryFilter {
  partnerId?: string | null;
  kinds?: TransferKind[] | null;
  currency?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Keyset position in newest-first history: (created_at as exact text, id). */
export type HistoryCursor = [string, string];

const TRANSFER_COLUMNS = `t.id, t.operation_id, t.kind, t.currency, t.amount::text as amount, t.partner_id, t.member_id, t.reverses_transfer_id,
  t.hold_id, t.order_ref, t.created_at, t.created_at::text as created_key,
  (case when ca.kind = 'MEMBER_WALLET' then t.amount when da.kind = 'MEMBER_WALLET' then -t.amount else 0 end)::text as wallet_delta`;
const TRANSFER_FROM = `transfer t join account da on da.id = t.debit_account_id join account ca on ca.id = t.credit_account_id`;

type Raw = Record<string, unknown>;

function transferFrom(r: Raw): TransferRow & { cursorKey: HistoryCursor } {
  return {
    id: r.id as string,
    operationId: r.operation_id as string,
    kind: r.kind as TransferKind,
    currency: r.currency as string,
    amount: toBig(r.amount),
    partnerId: (r.partner_id as string | null) ?? null,
    memberId: (r.member_id as string | null) ?? null,
    reversesTransferId: (r.reverses_transfer_id as string | null) ?? null,
    holdId: (r.hold_id as string | null) ?? null,
    orderRef: (r.order_ref as string | null) ?? null,
    createdAt: toDate(r.created_at),
    walletDelta: toBig(r.wallet_delta),
    cursorKey: [r.created_key as string, r.id as string],
  };
}

function holdFrom(r: Raw): HoldRow {
  return {
    id: r.id as string,
    partnerId: r.partner_id as string,
    memberId: r.member_id as string,
    currency: r.currency as string,
    amount: toBig(r.amount),
    capturedAmount: toBig(r.captured_amount),
    status: r.status as HoldStatus,
    orderRef: (r.order_ref as string | null) ?? null,
    expiresAt: toDate(r.expires_at),
    createdAt: toDate(r.created_at),
    resolvedAt: r.resolved_at == null ? null : toDate(r.resolved_at),
  };
}

/** Holds by id (the hold loader: every authorisation that selects its hold reads it back). */
const HOLDS_BY_IDS_SQL = prepared(
  'ledger_holds_by_ids',
  `select id, partner_id, member_id, currency, amount::text as amount, captured_amount::text as captured_amount, status, order_ref, expires_at, created_at, resolved_at
     from hold where id = any($1::uuid[])`,
);

export class LedgerQueries {
  constructor(private readonly sql: Sql) {}

  /** Wallet balances of many members at once (available, held by active holds, owed on the receivable). */
  async balances(memberIds: readonly string[]): Promise<BalanceRow[]> {
    const rows = await this.sql.reads.query<{
      member_id: string;
      currency: string;
      available: string;
      held: string;
      owed: string;
    }>(
      `select w.member_id, w.currency, w.balance::text as available,
              coalesce((select sum(h.amount) from hold h where h.member_id = w.member_id and h.currency = w.currency and h.status = 'ACTIVE'), 0)::text as held,
              coalesce((select -r.balance from account r where r.member_id = w.member_id and r.currency = w.currency and r.kind = 'MEMBER_RECEIVABLE'), 0)::text as owed
         from account w where w.member_id = any($1::uuid[]) and w.kind = 'MEMBER_WALLET' order by w.currency`,
      [memberIds],
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      currency: r.currency,
      available: toBig(r.available),
      held: toBig(r.held),
      owed: toBig(r.owed),
    }));
  }

  /** One page of a member's transfers, newest first; `limit + 1` rows so the caller knows if more follow. */
  /** `memberIds`: the member and any members merged into it (one id keeps the index order). */
  async history(memberIds: readonly string[], filter: HistoryFilter, limit: number, after?: HistoryCursor) {
    const params: unknown[] = [memberIds.length === 1 ? memberIds[0] : memberIds];
    const where = [memberIds.length === 1 ? 't.member_id = $1' : 't.member_id = any($1::uuid[])'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.partnerId) add('t.partner_id = ?', filter.partnerId);
    if (filter.kinds?.length) add('t.kind = any(?::text[])', filter.kinds);
    if (filter.currency) add('t.currency = ?', filter.currency);
    if (filter.from) add('t.created_at >= ?', filter.from);
    if (filter.to) add('t.created_at < ?', filter.to);
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(t.created_at, t.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows = await this.sql.reads.query(
      `select ${TRANSFER_COLUMNS} from ${TRANSFER_FROM} where ${where.join(' and ')} order by t.created_at desc, t.id desc limit $${params.length}`,
      params,
    );
    return rows.map(transferFrom);
  }

  async transfersByIds(ids: readonly string[]): Promise<TransferRow[]> {
    const rows = await this.sql.reads.query(
      `select ${TRANSFER_COLUMNS} from ${TRANSFER_FROM} where t.id = any($1::uuid[])`,
      [ids],
    );
    return rows.map(transferFrom);
  }

  async transfersByOperations(operationIds: readonly string[]): Promise<TransferRow[]> {
    const rows = await this.sql.reads.query(
      `select ${TRANSFER_COLUMNS} from ${TRANSFER_FROM} where t.operation_id = any($1::uuid[]) order by t.id`,
      [operationIds],
    );
    return rows.map(transferFrom);
  }

  /** How much of each transfer has been reversed so far. */
  async reversedAmounts(ids: readonly string[]): Promise<Map<string, bigint>> {
    const rows = await this.sql.reads.query<{ id: string; reversed: string }>(
      `select reverses_transfer_id as id, sum(amount)::text as reversed from transfer where reverses_transfer_id = any($1::uuid[]) group by reverses_transfer_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, toBig(r.reversed)]));
  }

  async holdsByIds(ids: readonly string[]): Promise<HoldRow[]> {
    const rows = await this.sql.reads.query(HOLDS_BY_IDS_SQL, [ids]);
    return rows.map(holdFrom);
  }
}
