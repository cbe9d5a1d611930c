/**
 * The ledger side of an exchange: two linked transfers in one transaction —
 * wallet(A) → liquidity(A) and liquidity(B) → wallet(B) — with lots consumed
 * FIFO on the debited side and a new lot on the credited side. The quote is
 * claimed (by the exchange module's callback) inside the same transaction, so
 * a quote posts at most once.
 */
import type { SqlClient } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { AccountKind, ExpiryPolicy, TransferKind } from './ledger.model.js';
import { checkIdempotencyKey, requestHash, runOperation, type OperationOutcome } from './operations.js';
import type { LedgerDeps } from './ledger.deps.js';
import { lockAccountsAndBudgets, spend } from './budget.js';
import { consumeLots } from './lots.js';
import { LedgerErrors } from './ledger.exception.js';

export interface ConversionRequest {
  scope: string;
  idempotencyKey: string;
  quoteId: string;
  memberId: string;
  from: { currency: string; amount: bigint; partnerId: string | null };
  to: { currency: string; amount: bigint; partnerId: string | null };
  /** PTS passing through: what the source brand issues and the target brand redeems. */
  ptsAmount: bigint;
  /** The partner the new lot counts as issued by. */
  lotIssuerPartnerId: string | null;
  /** Marks the quote used; throws a LedgerRejection (having written nothing) when it cannot be. */
  claimQuote: (tx: SqlClient, operationId: string) => Promise<void>;
}

export class ConversionService {
  constructor(private readonly deps: LedgerDeps) {}

  async convert(req: ConversionRequest): Promise<OperationOutcome> {
    checkIdempotencyKey(req.idempotencyKey);
    const target = await this.deps.currencies.get(req.to.currency);
    const [walletFrom, liquidityFrom, walletTo, liquidityTo] = (await this.deps.accounts.ensure([
      { currency: req.from.currency, kind: AccountKind.MEMBER_WALLET, memberId: req.memberId },
      { currency: req.from.currency, kind: AccountKind.EXCHANGE_LIQUIDITY },
      { currency: req.to.currency, kind: AccountKind.MEMBER_WALLET, memberId: req.memberId },
      { currency: req.to.currency, kind: AccountKind.EXCHANGE_LIQUIDITY },
    ])) as [string, string, string, string];
    const operationId = newId();
    const outId = newId();
    const inId = newId();
    const hash = requestHash('EXCHANGE', { quoteId: req.quoteId });
    // Between two branded currencies no PTS transfer exists; both legs carry the PTS passing through (settlement values them).
    const cross = req.from.partnerId != null && req.to.partnerId != null;
    return runOperation(
      this.deps.sql,
      {
        id: operationId,
        scope: req.scope,
        key: req.idempotencyKey,
        kind: 'EXCHANGE',
        hash,
        result: { transferId: inId },
      },
      async (tx) => {
        // PTS coming out of a conversion count as issued by the source brand, so they draw on its budget.
        const issuer = req.from.partnerId;
        const { balances, budgets } = await lockAccountsAndBudgets(tx, [walletFrom, walletTo], issuer ? [issuer] : []);
        const available = balances.get(walletFrom) ?? 0n;
        if (available < req.from.amount) throw LedgerErrors.insufficientPoints(available, req.from.amount);
        const overBudget = issuer ? spend(budgets, issuer, req.ptsAmount) : undefined;
        if (overBudget) throw overBudget;
        await req.claimQuote(tx, operationId);
        const common = { operationId, memberId: req.memberId };
        this.deps.post(
          tx,
          [
            {
              ...common,
              id: outId,
              kind: TransferKind.EXCHANGE_OUT,
              currency: req.from.currency,
              amount: req.from.amount,
              debit: walletFrom,
              credit: liquidityFrom,
              partnerId: req.from.partnerId ?? req.to.partnerId,
              ptsPassedThrough: cross ? req.ptsAmount : undefined,
            },
            {
              ...common,
              id: inId,
              kind: TransferKind.EXCHANGE_IN,
              currency: req.to.currency,
              amount: req.to.amount,
              debit: liquidityTo,
              credit: walletTo,
              partnerId: req.to.partnerId ?? req.from.partnerId,
              ptsPassedThrough: cross ? req.ptsAmount : undefined,
            },
          ],
          [
            {
              id: newId(),
              walletAccountId: walletTo,
              currency: target.code,
              issuerPartnerId: req.lotIssuerPartnerId,
              sourceTransferId: inId,
              amount: req.to.amount,
              expiresIn: target.expiryPolicy === ExpiryPolicy.FIXED ? target.expiryPeriod : null,
            },
          ],
          (id) => this.deps.accounts.isSharded(id),
        );
        await consumeLots(tx, walletFrom, req.from.amount, outId);
      },
    );
  }
}
