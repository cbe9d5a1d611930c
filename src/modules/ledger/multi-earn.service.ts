/**
 * A multi-leg earn: ONE idempotent operation that credits one member's wallets
 * with several earns — possibly in several currencies, each leg issued from its
 * own issuer's issuance account (e.g. PTS funded in shares by several partners,
 * plus a brand's own currency). Built for the programs module (purchases in,
 * points out); every leg is an ordinary EARN transfer with a lot, so reversal,
 * expiry, settlement valuation and statements treat it exactly like an
 * `earnPoints` of that issuer.
 *
 * The caller may take part in the transaction (`decide`): after the member's
 * accounts and the issuers' billing budgets are locked and the key is claimed,
 * before the posting, it may take its own locks and write its own rows (e.g. a
 * campaign's budget draw) and lower the planned amounts. Everything commits or
 * rolls back together.
 */
import { newId } from '../../platform/ids.js';
import type { SqlClient } from '../../platform/db/sql.js';
import { badInput } from '../../platform/graphql/errors.js';
import { AccountKind, COALITION_CURRENCY, ExpiryPolicy, TransferKind } from './ledger.model.js';
import { checkAmount, checkOrderRef, type LedgerDeps } from './ledger.deps.js';
import { checkIdempotencyKey, runOperation, type OperationOutcome } from './operations.js';
import type { LotDraft, TransferDraft } from './posting.js';
import { consumeLots } from './lots.js';
import { lockAccountsAndBudgets, spend } from './budget.js';
import { accountKey, AccountsMissing, withAccountsCreated, type AccountKey } from './accounts.js';
import type { CurrencyRow } from './currency.service.js';

/** One leg: `amount` of `currency`, issued by `issuerPartnerId` (the transfer's partner, valued under its contract). */
export interface EarnLeg {
  currency: string;
  amount: bigint;
  issuerPartnerId: string;
}

export interface MultiEarnRequest {
  /** The calling partner: the idempotency scope, and the partner whose currencies the legs may use. */
  partnerId: string;
  memberId: string;
  orderRef?: string | null;
  idempotencyKey: string;
  /** The operation kind recorded with the key (a replay with another kind is IDEMPOTENCY_KEY_REUSED). */
  kind: string;
  /** The caller's fingerprint of its whole request (same key, other request → IDEMPOTENCY_KEY_REUSED). */
  hash: string;
  /** Ids the caller knows before posting, returned on a replay (e.g. its own record's id). */
  result: Record<string, string>;
  /** The planned legs: at most one per (currency, issuer); amounts ≥ 0 (zero legs post nothing). */
  legs: readonly EarnLeg[];
  /**
   * Runs inside the transaction, under the locks, before the posting: returns the final amounts, one per
   * planned leg, each at most the planned one. It must throw nothing after writing (rejections first).
   */
  decide?: (
    tx: SqlClient,
    planned: readonly EarnLeg[],
    ids: { operationId: string; transferIds: readonly string[] },
  ) => Promise<bigint[]>;
}

/** The transfer ids of a multi-leg earn, by planned leg (a leg `decide` brought to zero posted none). */
export type MultiEarnOutcome = OperationOutcome & { transferIds: string[] };

const legKey = (l: EarnLeg) => `${l.currency}|${l.issuerPartnerId}`;

export class MultiEarnService {
  constructor(private readonly deps: LedgerDeps) {}

  async earn(req: MultiEarnRequest): Promise<MultiEarnOutcome> {
    checkIdempotencyKey(req.idempotencyKey);
    const orderRef = checkOrderRef(req.orderRef);
    const seen = new Set<string>();
    const currencies = new Map<string, CurrencyRow>();
    for (const leg of req.legs) {
      if (seen.has(legKey(leg))) throw badInput('one leg per currency and issuer.', 'legs');
      seen.add(legKey(leg));
      if (leg.amount !== 0n) checkAmount(leg.amount, this.deps.settings.maxPointsPerOperation);
      // A branded currency only by its own issuer; PTS by anyone.
      currencies.set(leg.currency, await this.deps.currencies.forPartner(leg.currency, leg.issuerPartnerId));
    }
    const issuance = await this.deps.accounts.ensure(
      req.legs.map((l) => ({ currency: l.currency, kind: AccountKind.PARTNER_ISSUANCE, partnerId: l.issuerPartnerId })),
    );
    const operationId = newId();
    const transferIds = req.legs.map(() => newId());
    const result = { ...req.result, transferIds: transferIds.join(',') };
    const outcome = await withAccountsCreated(this.deps.accounts, () =>
      runOperation(
        this.deps.sql,
        {
          id: operationId,
          scope: `partner:${req.partnerId}`,
          key: req.idempotencyKey,
          kind: req.kind,
          hash: req.hash,
          result,
        },
        (tx) => this.post(tx, req, { operationId, transferIds, issuance, currencies, orderRef }),
      ),
    );
    return { ...outcome, transferIds: (outcome.result.transferIds ?? '').split(',').filter(Boolean) };
  }

  private async post(
    tx: SqlClient,
    req: MultiEarnRequest,
    ctx: {
      operationId: string;
      transferIds: string[];
      issuance: string[];
      currencies: Map<string, CurrencyRow>;
      orderRef: string | null;
    },
  ): Promise<void> {
    const codes = [...ctx.currencies.keys()];
    const ptsIssuers = req.legs.filter((l) => l.currency === COALITION_CURRENCY).map((l) => l.issuerPartnerId);
    const locked = await lockAccountsAndBudgets(
      tx,
      [],
      ptsIssuers,
      codes.map((currency) => ({ memberId: req.memberId, currency })),
    );
    const found = this.deps.accounts.learn(locked.located);
    const missing: AccountKey[] = [];
    const accountsOf = new Map<string, { wallet: string; receivable: string }>();
    for (const currency of codes) {
      const keys: AccountKey[] = [
        { currency, kind: AccountKind.MEMBER_WALLET, memberId: req.memberId },
        { currency, kind: AccountKind.MEMBER_RECEIVABLE, memberId: req.memberId },
      ];
      const [wallet, receivable] = keys.map((k) => found.get(accountKey(k)));
      if (!wallet || !receivable) missing.push(...keys);
      else accountsOf.set(currency, { wallet, receivable });
    }
    if (missing.length > 0) throw new AccountsMissing(missing);
    // Billing budgets are checked on the planned amounts (never lower than the final ones), before `decide`
    // writes anything: a rejection is recorded and committed, so it must come before any other write.
    for (const leg of req.legs) {
      if (leg.currency !== COALITION_CURRENCY || leg.amount === 0n) continue;
      const rejection = spend(locked.budgets, leg.issuerPartnerId, leg.amount);
      if (rejection) throw rejection;
    }
    const amounts = req.decide
      ? await req.decide(tx, req.legs, { operationId: ctx.operationId, transferIds: ctx.transferIds })
      : req.legs.map((l) => l.amount);
    const transfers: TransferDraft[] = [];
    const lots: LotDraft[] = [];
    const settlements: { wallet: string; amount: bigint; transferId: string }[] = [];
    for (const [i, leg] of req.legs.entries()) {
      const amount = amounts[i]!;
      if (amount < 0n || amount > leg.amount) throw new Error('decide() may only lower a leg');
      if (amount === 0n) continue;
      const { wallet, receivable } = accountsOf.get(leg.currency)!;
      const currency = ctx.currencies.get(leg.currency)!;
      const common = {
        operationId: ctx.operationId,
        currency: leg.currency,
        partnerId: leg.issuerPartnerId,
        memberId: req.memberId,
        orderRef: ctx.orderRef,
      };
      const id = ctx.transferIds[i]!;
      transfers.push({ ...common, id, kind: TransferKind.EARN, amount, debit: ctx.issuance[i]!, credit: wallet });
      lots.push({
        id: newId(),
        walletAccountId: wallet,
        currency: leg.currency,
        issuerPartnerId: currency.issuerPartnerId ?? leg.issuerPartnerId,
        sourceTransferId: id,
        amount,
        expiresIn: currency.expiryPolicy === ExpiryPolicy.FIXED ? currency.expiryPeriod : null,
      });
      // Points the member owes in this currency are settled first, as with every earn.
      const owed = -(locked.balances.get(receivable) ?? 0n);
      if (owed > 0n) {
        const settle = owed < amount ? owed : amount;
        locked.balances.set(receivable, (locked.balances.get(receivable) ?? 0n) + settle);
        const transferId = newId();
        transfers.push({
          ...common,
          id: transferId,
          kind: TransferKind.RECEIVABLE_SETTLEMENT,
          amount: settle,
          debit: wallet,
          credit: receivable,
        });
        settlements.push({ wallet, amount: settle, transferId });
      }
    }
    if (transfers.length === 0) return;
    this.deps.post(tx, transfers, lots, (id) => this.deps.accounts.isSharded(id));
    for (const s of settlements) await consumeLots(tx, s.wallet, s.amount, s.transferId);
  }
}
