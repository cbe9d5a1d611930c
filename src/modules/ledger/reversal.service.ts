/**
 * Refunds: a reversal is a new transfer pointing at the original. Reversals
 * of one transfer never add up to more than it (checked under the original's
 * row lock). Reversing an earn takes back what the wallet still has and books
 * the rest to the member's receivable; reversing a redemption (one-step or a
 * capture) returns the points to the lots they came from.
 */
import { checkId } from '../../platform/graphql/ids.js';
import { newId } from '../../platform/ids.js';
import { notFound } from '../../platform/graphql/errors.js';
import { AccountKind, TransferKind, toBig } from './ledger.model.js';
import { checkAmount, checkOrderRef, lockAccounts, type LedgerDeps } from './ledger.deps.js';
import { checkIdempotencyKey, requestHash, runOperation, type OperationOutcome } from './operations.js';
import type { TransferDraft } from './posting.js';
import { consumeLots, restoreLots } from './lots.js';
import { LedgerErrors } from './ledger.exception.js';

export interface ReversalRequest {
  partnerId: string;
  transferId: string;
  /** Points to reverse; the whole unreversed rest when omitted. */
  amount?: bigint | null;
  orderRef?: string | null;
  idempotencyKey: string;
}

const REVERSIBLE = new Set<string>([TransferKind.EARN, TransferKind.REDEEM, TransferKind.CAPTURE]);
const REVERSAL_KINDS = [TransferKind.REVERSE_EARN, TransferKind.REVERSE_EARN_SHORTFALL, TransferKind.REVERSE_REDEEM];

export class ReversalService {
  constructor(private readonly deps: LedgerDeps) {}

  async reverse(req: ReversalRequest): Promise<OperationOutcome> {
    checkIdempotencyKey(req.idempotencyKey);
    const orderRef = checkOrderRef(req.orderRef);
    if (req.amount != null) checkAmount(req.amount, this.deps.settings.maxPointsPerOperation);
    const [original] = await this.deps.sql.query<{
      id: string;
      kind: string;
      currency: string;
      amount: string;
      member_id: string;
    }>(
      // A member merged away since: the points (and lots) are now the survivor's, so the reversal is too.
      `select t.id, t.kind, t.currency, t.amount::text as amount, coalesce(m.merged_into, t.member_id) as member_id
             from transfer t left join member m on m.id = t.member_id where t.id = $1 and t.partner_id = $2`,
      [checkId(req.transferId, 'Transfer'), req.partnerId],
    );
    // Another partner's transfer is indistinguishable from a missing one.
    if (!original) throw notFound('Transfer');
    if (!REVERSIBLE.has(original.kind)) throw LedgerErrors.notReversible(original.kind);
    const isEarn = original.kind === TransferKind.EARN;
    const [wallet, receivable, house] = (await this.deps.accounts.ensure([
      { currency: original.currency, kind: AccountKind.MEMBER_WALLET, memberId: original.member_id },
      { currency: original.currency, kind: AccountKind.MEMBER_RECEIVABLE, memberId: original.member_id },
      {
        currency: original.currency,
        kind: isEarn ? AccountKind.PARTNER_ISSUANCE : AccountKind.PARTNER_REDEMPTION,
        partnerId: req.partnerId,
      },
    ])) as [string, string, string];
    const operationId = newId();
    const ids = { main: newId(), shortfall: newId() };
    const hash = requestHash('REVERSE', { transferId: original.id, amount: req.amount ?? null, orderRef });
    const scope = `partner:${req.partnerId}`;
    return runOperation(
      this.deps.sql,
      { id: operationId, scope, key: req.idempotencyKey, kind: 'REVERSE', hash, result: { transferId: ids.main } },
      async (tx) => {
        // The original's row lock serialises reversals of it.
        await tx.query(`select id from transfer where id = $1 for no key update`, [original.id]);
        const prior = await tx.query<{ id: string; amount: string }>(
          `select id, amount::text as amount from transfer where reverses_transfer_id = $1 and kind = any($2::text[])`,
          [original.id, REVERSAL_KINDS],
        );
        const reversible = toBig(original.amount) - prior.reduce((sum, r) => sum + toBig(r.amount), 0n);
        const amount = req.amount ?? reversible;
        if (amount <= 0n || amount > reversible) throw LedgerErrors.reversalExceedsOriginal(reversible);
        const balances = await lockAccounts(tx, [wallet, receivable]);
        const common = {
          operationId,
          currency: original.currency,
          partnerId: req.partnerId,
          memberId: original.member_id,
          reversesTransferId: original.id,
          orderRef,
        };
        const isSharded = (id: string) => this.deps.accounts.isSharded(id);
        if (isEarn) {
          const available = balances.get(wallet) ?? 0n;
          const taken = available < amount ? available : amount;
          const transfers: TransferDraft[] = [];
          // The main transfer id always names a transfer: the take-back, or the shortfall when the wallet is empty.
          if (taken > 0n)
            transfers.push({
              ...common,
              id: ids.main,
              kind: TransferKind.REVERSE_EARN,
              amount: taken,
              debit: wallet,
              credit: house,
            });
          if (amount > taken)
            transfers.push({
              ...common,
              id: taken > 0n ? ids.shortfall : ids.main,
              kind: TransferKind.REVERSE_EARN_SHORTFALL,
              amount: amount - taken,
              debit: receivable,
              credit: house,
            });
          this.deps.post(tx, transfers, [], isSharded);
          if (taken > 0n) await consumeLots(tx, wallet, taken, ids.main, original.id);
        } else {
          this.deps.post(
            tx,
            [{ ...common, id: ids.main, kind: TransferKind.REVERSE_REDEEM, amount, debit: house, credit: wallet }],
            [],
            isSharded,
          );
          await restoreLots(
            tx,
            [original.id],
            amount,
            ids.main,
            prior.map((p) => p.id),
            wallet,
          );
        }
      },
    );
  }
}
