/**
 * Moving a duplicate member's points to the member it is merged into: by
 * transfers, never by editing balances. Each wallet balance moves with its
 * lots (same issuer, same expiry); an owed receivable moves too. Runs inside
 * the members module's merge transaction, so links and points move together.
 */
import type { Queryable, SqlClient } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { AccountKind, TransferKind } from './ledger.model.js';
import { lockAccounts, type LedgerDeps } from './ledger.deps.js';
import type { TransferDraft } from './posting.js';

export interface MergePlan {
  sourceId: string;
  targetId: string;
  operationId: string;
  accounts: {
    currency: string;
    sourceWallet: string;
    sourceReceivable: string;
    targetWallet: string;
    targetReceivable: string;
  }[];
}

export class MergeService {
  constructor(private readonly deps: LedgerDeps) {}

  /** Resolves every account involved, before the merge transaction opens. */
  async prepare(sourceId: string, targetId: string): Promise<MergePlan> {
    const currencies = await this.deps.sql.query<{ currency: string }>(
      `select distinct currency from account where member_id = $1`,
      [sourceId],
    );
    const accounts = [];
    for (const { currency } of currencies) {
      const [sourceWallet, sourceReceivable, targetWallet, targetReceivable] = (await this.deps.accounts.ensure([
        { currency, kind: AccountKind.MEMBER_WALLET, memberId: sourceId },
        { currency, kind: AccountKind.MEMBER_RECEIVABLE, memberId: sourceId },
        { currency, kind: AccountKind.MEMBER_WALLET, memberId: targetId },
        { currency, kind: AccountKind.MEMBER_RECEIVABLE, memberId: targetId },
      ])) as [string, string, string, string];
      accounts.push({ currency, sourceWallet, sourceReceivable, targetWallet, targetReceivable });
    }
    return { sourceId, targetId, operationId: newId(), accounts };
  }

  /** True when the source has holds that must resolve first. */
  static async hasActiveHolds(tx: Queryable, memberId: string): Promise<boolean> {
    return (
      (await tx.query(`select 1 from hold where member_id = $1 and status = 'ACTIVE' limit 1`, [memberId])).length > 0
    );
  }

  async apply(tx: SqlClient, plan: MergePlan, idempotencyKey: string): Promise<void> {
    await tx.query(
      `insert into operation (id, scope, idempotency_key, kind, request_hash, result) values ($1, 'hub', $2, 'MERGE', $3, '{}'::jsonb)`,
      [plan.operationId, idempotencyKey, `${plan.sourceId}>${plan.targetId}`],
    );
    const ids = plan.accounts.flatMap((a) => [a.sourceWallet, a.sourceReceivable, a.targetWallet, a.targetReceivable]);
    const balances = await lockAccounts(tx, ids);
    const transfers: TransferDraft[] = [];
    const lotMoves: { wallet: string; target: string; transferId: string }[] = [];
    for (const a of plan.accounts) {
      const common = { operationId: plan.operationId, currency: a.currency, memberId: plan.targetId };
      const points = balances.get(a.sourceWallet) ?? 0n;
      if (points > 0n) {
        const id = newId();
        transfers.push({
          ...common,
          id,
          kind: TransferKind.MERGE,
          amount: points,
          debit: a.sourceWallet,
          credit: a.targetWallet,
        });
        lotMoves.push({ wallet: a.sourceWallet, target: a.targetWallet, transferId: id });
      }
      const owed = -(balances.get(a.sourceReceivable) ?? 0n);
      if (owed > 0n)
        transfers.push({
          ...common,
          id: newId(),
          kind: TransferKind.MERGE,
          amount: owed,
          debit: a.targetReceivable,
          credit: a.sourceReceivable,
        });
    }
    this.deps.post(tx, transfers, [], (id) => this.deps.accounts.isSharded(id));
    for (const move of lotMoves) {
      // Same points, same issuer, same expiry, now in the surviving wallet.
      await tx.query(
        `with src as (select id, gen_random_uuid() as new_id, currency, issuer_partner_id, remaining, expires_at, created_at
                        from lot where wallet_account_id = $1 and remaining > 0),
              newlots as (insert into lot (id, wallet_account_id, currency, issuer_partner_id, source_transfer_id, amount, remaining, expires_at, created_at)
                          select new_id, $2, currency, issuer_partner_id, $3, remaining, remaining, expires_at, created_at from src),
              drained as (update lot set remaining = 0 from src where lot.id = src.id),
              moved_out as (insert into lot_movement (lot_id, transfer_id, amount) select id, $3, -remaining from src)
         insert into lot_movement (lot_id, transfer_id, amount) select new_id, $3, remaining from src`,
        [move.wallet, move.target, move.transferId],
      );
    }
  }
}
