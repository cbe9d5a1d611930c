/** Earning: a partner issues points into a member's wallet (single and batched). */
import { prepared, type SqlClient } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { AppError, notFound } from '../../platform/graphql/errors.js';
import { AccountKind, COALITION_CURRENCY, ExpiryPolicy, TransferKind } from './ledger.model.js';
import type { CurrencyRow } from './currency.service.js';
import { checkAmount, checkOrderRef, type LedgerDeps } from './ledger.deps.js';
import { checkIdempotencyKey, requestHash, runLockedOperation, runOperation, type OperationOutcome } from './operations.js';
import { post, type LotDraft, type TransferDraft } from './posting.js';
import { consumeLots } from './lots.js';
import { LedgerErrors, type LedgerRejection } from './ledger.exception.js';
import { lockAccountsAndBudgets, lockCustomerAndBudgets, spend, type Locked } from './budget.js';
import { accountKey, AccountsMissing, withAccountsCreated, type AccountKey } from './accounts.js';

export interface EarnRequest {
  partnerId: string;
  memberId: string;
  currency?: string | null;
  amount: bigint;
  orderRef?: string | null;
  idempotencyKey: string;
}

export const MAX_BATCH_ITEMS = 1000;

/** Claims the operation rows of a batch of earns in one statement (exported so bench/ drives the very same SQL). */
export const BATCH_CLAIM_SQL = prepared('ledger_batch_claim', `insert into operation (id, scope, idempotency_key, kind, request_hash, result)
           select id, $2, key, 'EARN', hash, jsonb_build_object('transferId', tid) from unnest($1::uuid[], $3::text[], $4::text[], $5::text[]) x(id, key, hash, tid)
           on conflict (scope, idempotency_key) do nothing returning idempotency_key`);

interface PreparedEarn {
  req: EarnRequest;
  currency: CurrencyRow;
  orderRef: string | null;
  /** Unknown until the lock statement finds them when this process has not seen the member's accounts yet. */
  wallet?: string;
  receivable?: string;
  issuance: string;
  operationId: string;
  transferId: string;
  hash: string;
}

/** The request fingerprint of an earn (idempotency): who, what currency, how much, which order. */
const earnHash = (req: EarnRequest, currency: string, orderRef: string | null) => requestHash('EARN', { memberId: req.memberId, currency, amount: req.amount, orderRef });

const walletKey = (memberId: string, currency: string): AccountKey => ({ currency, kind: AccountKind.MEMBER_WALLET, memberId });
const receivableKey = (memberId: string, currency: string): AccountKey => ({ currency, kind: AccountKind.MEMBER_RECEIVABLE, memberId });

/** An earn naming its member by the partner's customer id (resolved inside the transaction). */
export type CustomerEarnRequest = Omit<EarnRequest, 'memberId'> & { customerId: string };

/** An earn whose member accounts the lock statement has resolved. */
type Posted = PreparedEarn & { wallet: string; receivable: string };

export type BatchItemResult = { ok: true; outcome: OperationOutcome } | { ok: false; error: AppError };

export class EarnService {
  constructor(private readonly deps: LedgerDeps) {}

  /** The checks every earn passes before any statement: key, amount, order reference, currency. */
  private async check(req: Omit<EarnRequest, 'memberId'>): Promise<{ currency: CurrencyRow; orderRef: string | null }> {
    checkIdempotencyKey(req.idempotencyKey);
    checkAmount(req.amount, this.deps.settings.maxPointsPerOperation);
    const orderRef = checkOrderRef(req.orderRef);
    return { orderRef, currency: await this.deps.currencies.forPartner(req.currency, req.partnerId) };
  }

  /** Validates requests and resolves their issuance accounts (cached house accounts). */
  private async prepareMany(reqs: readonly EarnRequest[]): Promise<(PreparedEarn | AppError)[]> {
    type Checked = { req: EarnRequest; currency: CurrencyRow; orderRef: string | null };
    const checked: (Checked | AppError)[] = [];
    for (const req of reqs) {
      try {
        checked.push({ req, ...(await this.check(req)) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        checked.push(error);
      }
    }
    const valid = checked.filter((c): c is Checked => !(c instanceof AppError));
    // House accounts are few and always cached; member accounts, when not cached, are found by the lock statement.
    const issuance = await this.deps.accounts.ensure(
      valid.map(({ req, currency }) => ({ currency: currency.code, kind: AccountKind.PARTNER_ISSUANCE, partnerId: req.partnerId })),
    );
    let at = 0;
    return checked.map((c) => {
      if (c instanceof AppError) return c;
      const { req, currency, orderRef } = c;
      return {
        req,
        currency,
        orderRef,
        issuance: issuance[at++]!,
        operationId: newId(),
        transferId: newId(),
        hash: earnHash(req, currency.code, orderRef),
      };
    });
  }

  /**
   * Locks the earns' member accounts and partner budgets in one statement;
   * member accounts not seen before are looked up by owner in that same
   * statement. Throws AccountsMissing (the caller creates them and retries)
   * when a member has no accounts in the currency yet.
   */
  private async lock(tx: SqlClient, all: PreparedEarn[]) {
    const accounts = this.deps.accounts;
    for (const p of all) {
      p.wallet ??= accounts.known(walletKey(p.req.memberId, p.currency.code));
      p.receivable ??= accounts.known(receivableKey(p.req.memberId, p.currency.code));
    }
    const unseen = all.filter((p) => !p.wallet || !p.receivable);
    const pts = all.filter((p) => p.currency.code === COALITION_CURRENCY).map((p) => p.req.partnerId);
    const locked = await lockAccountsAndBudgets(
      tx,
      all.flatMap((p) => (p.wallet && p.receivable ? [p.wallet, p.receivable] : [])),
      pts,
      unseen.map((p) => ({ memberId: p.req.memberId, currency: p.currency.code })),
    );
    const found = accounts.learn(locked.located);
    const missing: AccountKey[] = [];
    for (const p of unseen) {
      const keys = [walletKey(p.req.memberId, p.currency.code), receivableKey(p.req.memberId, p.currency.code)];
      [p.wallet, p.receivable] = keys.map((k) => found.get(accountKey(k)));
      if (!p.wallet || !p.receivable) missing.push(...keys);
    }
    if (missing.length > 0) throw new AccountsMissing(missing);
    return locked;
  }

  /** The earn's transfers and lot; plus a receivable settlement when the member owes points. */
  private draft(p: Posted, balances: Map<string, bigint>): { transfers: TransferDraft[]; lots: LotDraft[]; settle?: { amount: bigint; transferId: string } } {
    const common = { operationId: p.operationId, currency: p.currency.code, partnerId: p.req.partnerId, memberId: p.req.memberId, orderRef: p.orderRef };
    const transfers: TransferDraft[] = [{ ...common, id: p.transferId, kind: TransferKind.EARN, amount: p.req.amount, debit: p.issuance, credit: p.wallet }];
    const lots: LotDraft[] = [
      {
        id: newId(),
        walletAccountId: p.wallet,
        currency: p.currency.code,
        issuerPartnerId: p.currency.issuerPartnerId ?? p.req.partnerId,
        sourceTransferId: p.transferId,
        amount: p.req.amount,
        expiresIn: p.currency.expiryPolicy === ExpiryPolicy.FIXED ? p.currency.expiryPeriod : null,
      },
    ];
    const owed = -(balances.get(p.receivable) ?? 0n);
    if (owed <= 0n) return { transfers, lots };
    const settle = { amount: owed < p.req.amount ? owed : p.req.amount, transferId: newId() };
    balances.set(p.receivable, (balances.get(p.receivable) ?? 0n) + settle.amount);
    transfers.push({ ...common, id: settle.transferId, kind: TransferKind.RECEIVABLE_SETTLEMENT, amount: settle.amount, debit: p.wallet, credit: p.receivable });
    return { transfers, lots, settle };
  }

  /**
   * Posts the earns that fit their partner's billing budget; returns the
   * budget rejections by position (those earns write nothing).
   */
  private async apply(tx: SqlClient, all: PreparedEarn[]): Promise<Map<number, LedgerRejection>> {
    return this.postLocked(tx, all as Posted[], await this.lock(tx, all));
  }

  /** Posts earns whose accounts and budgets `locked` holds (see apply). */
  private async postLocked(tx: SqlClient, all: Posted[], { balances, budgets }: Locked): Promise<Map<number, LedgerRejection>> {
    const rejected = new Map<number, LedgerRejection>();
    for (const [i, p] of all.entries()) {
      const rejection = p.currency.code === COALITION_CURRENCY ? spend(budgets, p.req.partnerId, p.req.amount) : undefined;
      if (rejection) rejected.set(i, rejection);
    }
    const prepared = all.filter((_, i) => !rejected.has(i));
    const drafts = prepared.map((p) => this.draft(p, balances));
    // Several items for one member in a batch: later settlements see earlier ones.
    const isSharded = (id: string) => this.deps.accounts.isSharded(id);
    await post(tx, drafts.flatMap((d) => d.transfers), drafts.flatMap((d) => d.lots), isSharded);
    for (const [i, d] of drafts.entries()) if (d.settle) await consumeLots(tx, prepared[i]!.wallet, d.settle.amount, d.settle.transferId);
    return rejected;
  }

  async earn(req: EarnRequest): Promise<OperationOutcome> {
    const [p] = await this.prepareMany([req]);
    if (p instanceof AppError) throw p;
    return withAccountsCreated(this.deps.accounts, () =>
      runOperation(
        this.deps.sql,
        { id: p.operationId, scope: `partner:${req.partnerId}`, key: req.idempotencyKey, kind: 'EARN', hash: p.hash, result: { transferId: p.transferId } },
        async (tx) => {
          const rejected = (await this.apply(tx, [p])).get(0);
          if (rejected) throw rejected;
        },
      ),
    );
  }

  /**
   * An earn naming its member by the partner's customer id, in the round trips
   * of its transaction alone: one statement resolves the member and locks its
   * accounts (and the partner's budget), then the claim (its request hash
   * needs the member), the posting, COMMIT. Resolving first, outside, cost a
   * round trip whenever the member was not in this process's cache.
   */
  async earnForCustomer(req: CustomerEarnRequest): Promise<OperationOutcome & { memberId: string }> {
    const { currency, orderRef } = await this.check(req);
    const issuance = await this.deps.accounts.house(currency.code, AccountKind.PARTNER_ISSUANCE, req.partnerId);
    const [operationId, transferId] = [newId(), newId()];
    const outcome = await withAccountsCreated(this.deps.accounts, () =>
      runLockedOperation(
        this.deps.sql,
        async (tx) => {
          const pts = currency.code === COALITION_CURRENCY ? [req.partnerId] : [];
          const locked = await lockCustomerAndBudgets(tx, req.partnerId, req.customerId, currency.code, pts);
          if (!locked.memberId) throw notFound('Member');
          const memberId = locked.memberId;
          const keys = [walletKey(memberId, currency.code), receivableKey(memberId, currency.code)];
          const found = this.deps.accounts.learn(locked.located);
          const [wallet, receivable] = keys.map((k) => found.get(accountKey(k)));
          if (!wallet || !receivable) throw new AccountsMissing(keys);
          const memberReq = { ...req, memberId };
          const p: Posted = { req: memberReq, currency, orderRef, issuance, operationId, transferId, wallet, receivable, hash: earnHash(memberReq, currency.code, orderRef) };
          const op = { id: operationId, scope: `partner:${req.partnerId}`, key: req.idempotencyKey, kind: 'EARN', hash: p.hash, result: { transferId } };
          return { op, locked: { p, locked } };
        },
        async (tx, { p, locked }) => {
          const rejected = (await this.postLocked(tx, [p], locked)).get(0);
          if (rejected) throw rejected;
        },
      ),
    );
    return { operationId: outcome.operationId, result: outcome.result, replayed: outcome.replayed, memberId: outcome.locked.p.req.memberId };
  }

  /**
   * Up to MAX_BATCH_ITEMS earns in one transaction: one claim statement, one
   * lock statement, one posting statement for all of them. Each item keeps its
   * own key and gets its own result; an invalid item fails alone.
   */
  async earnBatch(items: readonly (EarnRequest | AppError)[]): Promise<BatchItemResult[]> {
    const results: (BatchItemResult | undefined)[] = new Array(items.length);
    const prepared: { index: number; p: PreparedEarn }[] = [];
    const seen = new Map<string, number>();
    const requests = items.filter((i): i is EarnRequest => !(i instanceof AppError));
    const preparedAll = await this.prepareMany(requests);
    let next = 0;
    for (const [index, item] of items.entries()) {
      const p = item instanceof AppError ? item : preparedAll[next++]!;
      if (p instanceof AppError) {
        results[index] = { ok: false, error: p };
        continue;
      }
      const first = seen.get(p.req.idempotencyKey);
      if (first !== undefined) {
        // The same key twice in one file: a replay of the first, or a conflicting reuse.
        const firstP = prepared.find((x) => x.index === first)!.p;
        results[index] =
          firstP.hash === p.hash
            ? { ok: true, outcome: { operationId: firstP.operationId, result: { transferId: firstP.transferId }, replayed: true } }
            : { ok: false, error: LedgerErrors.keyReused() };
        continue;
      }
      seen.set(p.req.idempotencyKey, index);
      prepared.push({ index, p });
    }
    if (prepared.length > 0) {
      const partnerId = prepared[0]!.p.req.partnerId;
      const outcomes = await withAccountsCreated(this.deps.accounts, () => this.deps.sql.transaction(async (tx) => {
        const claimed = await tx.query<{ idempotency_key: string }>(
          BATCH_CLAIM_SQL,
          [prepared.map((x) => x.p.operationId), `partner:${partnerId}`, prepared.map((x) => x.p.req.idempotencyKey), prepared.map((x) => x.p.hash), prepared.map((x) => x.p.transferId)],
        );
        const fresh = new Set(claimed.map((c) => c.idempotency_key));
        const priors = prepared.filter((x) => !fresh.has(x.p.req.idempotencyKey));
        const priorRows = priors.length
          ? await tx.query<{ id: string; idempotency_key: string; kind: string; request_hash: string; status: string; error_code: string | null; error_message: string | null; result: Record<string, string> | string | null }>(
              `select id, idempotency_key, kind, request_hash, status, error_code, error_message, result from operation where scope = $1 and idempotency_key = any($2::text[])`,
              [`partner:${partnerId}`, priors.map((x) => x.p.req.idempotencyKey)],
            )
          : [];
        const byKey = new Map(priorRows.map((r) => [r.idempotency_key, r]));
        const local = new Map<number, BatchItemResult>();
        for (const x of priors) {
          const prior = byKey.get(x.p.req.idempotencyKey);
          if (!prior || prior.kind !== 'EARN' || prior.request_hash !== x.p.hash) local.set(x.index, { ok: false, error: LedgerErrors.keyReused() });
          else if (prior.status === 'REJECTED') local.set(x.index, { ok: false, error: new AppError(prior.error_code!, prior.error_message!, { replayed: true }) });
          else {
            const result = typeof prior.result === 'string' ? (JSON.parse(prior.result) as Record<string, string>) : prior.result!;
            local.set(x.index, { ok: true, outcome: { operationId: prior.id, result, replayed: true } });
          }
        }
        const toPost = prepared.filter((x) => fresh.has(x.p.req.idempotencyKey));
        const rejected = toPost.length ? await this.apply(tx, toPost.map((x) => x.p)) : new Map<number, LedgerRejection>();
        const refused: { id: string; code: string; message: string }[] = [];
        for (const [i, x] of toPost.entries()) {
          const rejection = rejected.get(i);
          if (rejection) refused.push({ id: x.p.operationId, code: rejection.code, message: rejection.message });
          local.set(x.index, rejection ? { ok: false, error: rejection } : { ok: true, outcome: { operationId: x.p.operationId, result: { transferId: x.p.transferId }, replayed: false } });
        }
        // A rejection is final for its key, like a single earn's.
        if (refused.length) {
          await tx.query(
            `update operation o set status = 'REJECTED', error_code = x.code, error_message = x.message, result = null
               from unnest($1::uuid[], $2::text[], $3::text[]) x(id, code, message) where o.id = x.id`,
            [refused.map((r) => r.id), refused.map((r) => r.code), refused.map((r) => r.message)],
          );
        }
        return local;
      }));
      for (const [index, result] of outcomes) results[index] = result;
    }
    return results.map((r) => r!);
  }
}
