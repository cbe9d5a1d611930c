/** Earning: a partner issues points into a member's wallet (single and batched). */
import { prepared, type SqlClient } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { AppError, notFound, type ErrorCode } from '../../platform/graphql/errors.js';
import { AccountKind, COALITION_CURRENCY, ExpiryPolicy, TransferKind } from './ledger.model.js';
import type { CurrencyRow } from './currency.service.js';
import { checkAmount, checkOrderRef, type LedgerDeps } from './ledger.deps.js';
import {
  checkIdempotencyKey,
  requestHash,
  requestHashAround,
  runLockedOperation,
  runOperation,
  sqlRequestHash,
  type ClaimRows,
  type OperationOutcome,
} from './operations.js';
import type { LotDraft, TransferDraft } from './posting.js';
import { consumeLots } from './lots.js';
import { LedgerErrors, type LedgerRejection } from './ledger.exception.js';
import { lockAccountsAndBudgets, lockBatchAndBudgets, lockCustomerAndBudgets, spend, type Locked } from './budget.js';
import { accountKey, AccountsMissing, locatedByKey, withAccountsCreated, type AccountKey } from './accounts.js';
import type { MemberRef } from '../members/index.js';

export interface EarnRequest {
  partnerId: string;
  memberId: string;
  currency?: string | null;
  amount: bigint;
  orderRef?: string | null;
  idempotencyKey: string;
}

export const MAX_BATCH_ITEMS = 1000;

/**
 * Claims the operation rows of a batch of earns in one statement (exported so bench/ drives the very same
 * SQL). In key order: two concurrent batches sharing keys then wait for each other in one order, not in a
 * cycle (a deadlock would be retried, but only after PostgreSQL's deadlock_timeout, a second).
 */
export const BATCH_CLAIM_SQL = prepared(
  'ledger_batch_claim',
  `insert into operation (id, scope, idempotency_key, kind, request_hash, result)
           select id, $2, key, 'EARN', hash, jsonb_build_object('transferId', tid) from unnest($1::uuid[], $3::text[], $4::text[], $5::text[]) x(id, key, hash, tid)
           order by key on conflict (scope, idempotency_key) do nothing returning idempotency_key`,
);

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
const earnHash = (req: EarnRequest, currency: string, orderRef: string | null) =>
  requestHash('EARN', { memberId: req.memberId, currency, amount: req.amount, orderRef });

/**
 * The claim of an earn naming its member by the partner's customer id, sent right behind the lock statement
 * (one round trip for both): it finds the member as the lock statement did and computes earnHash over it
 * (sqlRequestHash). No member: nothing is claimed (the lock statement says why). $1 operation id, $2 scope,
 * $3 key, $4/$5 the hash's bytes around the member id, $6 result, $7 partner, $8 customer id.
 */
const CUSTOMER_CLAIM_SQL = prepared(
  'ledger_claim_by_customer',
  `insert into operation (id, scope, idempotency_key, kind, request_hash, result)
   select $1, $2, $3, 'EARN', ${sqlRequestHash('$4', 'member_id', '$5')}, $6 from member_link where partner_id = $7 and customer_id = $8
       on conflict (scope, idempotency_key) do nothing returning id, request_hash`,
);

/** What a customer earn's claim needs: the operation, and the request (the member still unknown). */
export interface CustomerEarnClaim {
  operationId: string;
  transferId: string;
  partnerId: string;
  customerId: string;
  key: string;
  currency: string;
  amount: bigint;
  orderRef: string | null;
}

/**
 * Sends CUSTOMER_CLAIM_SQL (exported so bench/ drives the very same statements). Its promise is observed
 * here too: when the lock statement before it fails, this one fails with it (25P02) and nobody awaits it.
 */
export function claimCustomerEarn(tx: SqlClient, c: CustomerEarnClaim): Promise<ClaimRows> {
  const [before, after] = requestHashAround(
    'EARN',
    { memberId: null, currency: c.currency, amount: c.amount, orderRef: c.orderRef },
    'memberId',
  );
  const claiming = tx.query<ClaimRows[number]>(CUSTOMER_CLAIM_SQL, [
    c.operationId,
    `partner:${c.partnerId}`,
    c.key,
    before,
    after,
    JSON.stringify({ transferId: c.transferId }),
    c.partnerId,
    c.customerId,
  ]);
  claiming.catch(() => undefined);
  return claiming;
}

const walletKey = (memberId: string, currency: string): AccountKey => ({
  currency,
  kind: AccountKind.MEMBER_WALLET,
  memberId,
});
const receivableKey = (memberId: string, currency: string): AccountKey => ({
  currency,
  kind: AccountKind.MEMBER_RECEIVABLE,
  memberId,
});

/** A member's wallet and receivable in `currency` from `found` (ids by accountKey), with their keys (to create them when absent). */
function memberAccounts(found: Map<string, string>, memberId: string, currency: string) {
  const keys = [walletKey(memberId, currency), receivableKey(memberId, currency)];
  const [wallet, receivable] = keys.map((k) => found.get(accountKey(k)));
  return { keys, wallet, receivable };
}

/** An earn naming its member by the partner's customer id (resolved inside the transaction). */
export type CustomerEarnRequest = Omit<EarnRequest, 'memberId'> & { customerId: string };

/** An earn whose member accounts the lock statement has resolved. */
type Posted = PreparedEarn & { wallet: string; receivable: string };

/** One item of earnPointsBatch: an earn naming its member as the partner does. */
export type BatchEarnRequest = Omit<EarnRequest, 'memberId' | 'partnerId'> & { member: MemberRef };

export type BatchItemResult =
  { ok: true; outcome: OperationOutcome; memberId: string } | { ok: false; error: AppError };

export class EarnService {
  constructor(private readonly deps: LedgerDeps) {}

  /** The checks every earn passes before any statement: key, amount, order reference, currency. */
  private async check(
    req: Omit<EarnRequest, 'memberId' | 'partnerId'>,
    partnerId: string,
  ): Promise<{ currency: CurrencyRow; orderRef: string | null }> {
    checkIdempotencyKey(req.idempotencyKey);
    checkAmount(req.amount, this.deps.settings.maxPointsPerOperation);
    const orderRef = checkOrderRef(req.orderRef);
    return { orderRef, currency: await this.deps.currencies.forPartner(req.currency, partnerId) };
  }

  /** Checks an earn by member id and resolves its issuance account (a cached house account). */
  private async prepare(req: EarnRequest): Promise<PreparedEarn> {
    const { currency, orderRef } = await this.check(req, req.partnerId);
    const issuance = await this.deps.accounts.house(currency.code, AccountKind.PARTNER_ISSUANCE, req.partnerId);
    return {
      req,
      currency,
      orderRef,
      issuance,
      operationId: newId(),
      transferId: newId(),
      hash: earnHash(req, currency.code, orderRef),
    };
  }

  /**
   * Locks the earn's member accounts and its partner's budget in one
   * statement; accounts this process has not seen are looked up by owner in
   * that same statement. Throws AccountsMissing (the caller creates them and
   * retries) when the member has no accounts in the currency yet.
   */
  private async lock(tx: SqlClient, p: PreparedEarn): Promise<Locked> {
    const accounts = this.deps.accounts;
    const { memberId } = p.req;
    p.wallet ??= accounts.known(walletKey(memberId, p.currency.code));
    p.receivable ??= accounts.known(receivableKey(memberId, p.currency.code));
    const seen = p.wallet && p.receivable;
    const pts = p.currency.code === COALITION_CURRENCY ? [p.req.partnerId] : [];
    const locked = await lockAccountsAndBudgets(
      tx,
      seen ? [p.wallet!, p.receivable!] : [],
      pts,
      seen ? [] : [{ memberId, currency: p.currency.code }],
    );
    if (!seen) {
      const { keys, wallet, receivable } = memberAccounts(accounts.learn(locked.located), memberId, p.currency.code);
      if (!wallet || !receivable) throw new AccountsMissing(keys);
      [p.wallet, p.receivable] = [wallet, receivable];
    }
    return locked;
  }

  /** The earn's transfers and lot; plus a receivable settlement when the member owes points. */
  private draft(
    p: Posted,
    balances: Map<string, bigint>,
  ): { transfers: TransferDraft[]; lots: LotDraft[]; settle?: { amount: bigint; transferId: string } } {
    const common = {
      operationId: p.operationId,
      currency: p.currency.code,
      partnerId: p.req.partnerId,
      memberId: p.req.memberId,
      orderRef: p.orderRef,
    };
    const transfers: TransferDraft[] = [
      {
        ...common,
        id: p.transferId,
        kind: TransferKind.EARN,
        amount: p.req.amount,
        debit: p.issuance,
        credit: p.wallet,
      },
    ];
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
    transfers.push({
      ...common,
      id: settle.transferId,
      kind: TransferKind.RECEIVABLE_SETTLEMENT,
      amount: settle.amount,
      debit: p.wallet,
      credit: p.receivable,
    });
    return { transfers, lots, settle };
  }

  /**
   * Posts the earns (accounts and budgets locked in `locked`) that fit their
   * partner's billing budget; returns the budget rejections by position
   * (those earns write nothing).
   */
  private async postLocked(
    tx: SqlClient,
    all: Posted[],
    { balances, budgets }: Locked,
  ): Promise<Map<number, LedgerRejection>> {
    const rejected = new Map<number, LedgerRejection>();
    for (const [i, p] of all.entries()) {
      const rejection =
        p.currency.code === COALITION_CURRENCY ? spend(budgets, p.req.partnerId, p.req.amount) : undefined;
      if (rejection) rejected.set(i, rejection);
    }
    const prepared = all.filter((_, i) => !rejected.has(i));
    const drafts = prepared.map((p) => this.draft(p, balances));
    // Several items for one member in a batch: later settlements see earlier ones.
    const isSharded = (id: string) => this.deps.accounts.isSharded(id);
    this.deps.post(
      tx,
      drafts.flatMap((d) => d.transfers),
      drafts.flatMap((d) => d.lots),
      isSharded,
    );
    for (const [i, d] of drafts.entries())
      if (d.settle) await consumeLots(tx, prepared[i]!.wallet, d.settle.amount, d.settle.transferId);
    return rejected;
  }

  async earn(req: EarnRequest): Promise<OperationOutcome> {
    const p = await this.prepare(req);
    return withAccountsCreated(this.deps.accounts, () =>
      runOperation(
        this.deps.sql,
        {
          id: p.operationId,
          scope: `partner:${req.partnerId}`,
          key: req.idempotencyKey,
          kind: 'EARN',
          hash: p.hash,
          result: { transferId: p.transferId },
        },
        async (tx) => {
          const rejected = (await this.postLocked(tx, [p as Posted], await this.lock(tx, p))).get(0);
          if (rejected) throw rejected;
        },
      ),
    );
  }

  /**
   * An earn naming its member by the partner's customer id, in two round
   * trips: BEGIN, the lock statement (resolves the member, locks its
   * accounts and the partner's budget) and the claim (resolves the member
   * again for its request hash) in the first; the posting and COMMIT in the
   * second. Resolving first, outside, cost a round trip whenever the member
   * was not in this process's cache; claiming after the lock, another.
   */
  async earnForCustomer(req: CustomerEarnRequest): Promise<OperationOutcome & { memberId: string }> {
    const { currency, orderRef } = await this.check(req, req.partnerId);
    const issuance = await this.deps.accounts.house(currency.code, AccountKind.PARTNER_ISSUANCE, req.partnerId);
    const [operationId, transferId] = [newId(), newId()];
    const outcome = await withAccountsCreated(this.deps.accounts, () =>
      runLockedOperation(
        this.deps.sql,
        async (tx) => {
          const pts = currency.code === COALITION_CURRENCY ? [req.partnerId] : [];
          const locking = lockCustomerAndBudgets(tx, req.partnerId, req.customerId, currency.code, pts);
          const claim = {
            operationId,
            transferId,
            partnerId: req.partnerId,
            customerId: req.customerId,
            key: req.idempotencyKey,
            currency: currency.code,
            amount: req.amount,
            orderRef,
          };
          const claiming = claimCustomerEarn(tx, claim);
          const locked = await locking;
          if (!locked.memberId) throw notFound('Member');
          const memberId = locked.memberId;
          // Not cached: this lock statement finds the member's accounts by owner every time anyway; caching
          // every member's account ids would only grow the heap.
          const { keys, wallet, receivable } = memberAccounts(locatedByKey(locked.located), memberId, currency.code);
          if (!wallet || !receivable) throw new AccountsMissing(keys);
          const memberReq = { ...req, memberId };
          const p: Posted = {
            req: memberReq,
            currency,
            orderRef,
            issuance,
            operationId,
            transferId,
            wallet,
            receivable,
            hash: earnHash(memberReq, currency.code, orderRef),
          };
          const op = {
            id: operationId,
            scope: `partner:${req.partnerId}`,
            key: req.idempotencyKey,
            kind: 'EARN',
            hash: p.hash,
            result: { transferId },
          };
          return { op, locked: { p, locked }, claiming };
        },
        async (tx, { p, locked }) => {
          const rejected = (await this.postLocked(tx, [p], locked)).get(0);
          if (rejected) throw rejected;
        },
      ),
    );
    return {
      operationId: outcome.operationId,
      result: outcome.result,
      replayed: outcome.replayed,
      memberId: outcome.locked.p.req.memberId,
    };
  }

  /**
   * Up to MAX_BATCH_ITEMS earns of one partner in one transaction of five
   * statements: BEGIN; one lock statement resolves every item's member (by
   * the partner's customer id or by member id) and locks their accounts and
   * the budget; one claim statement for all keys; one posting statement;
   * COMMIT. Each item keeps its own key and gets its own result; an invalid
   * item fails alone.
   */
  async earnBatch(partnerId: string, items: readonly (BatchEarnRequest | AppError)[]): Promise<BatchItemResult[]> {
    const results: (BatchItemResult | undefined)[] = new Array(items.length);
    type Checked = { index: number; req: BatchEarnRequest; currency: CurrencyRow; orderRef: string | null };
    const checked: Checked[] = [];
    for (const [index, req] of items.entries()) {
      if (req instanceof AppError) {
        results[index] = { ok: false, error: req };
        continue;
      }
      try {
        checked.push({ index, req, ...(await this.check(req, partnerId)) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results[index] = { ok: false, error };
      }
    }
    if (checked.length > 0) {
      // House accounts are few and always cached; member accounts are found by the lock statement.
      const issuance = await this.deps.accounts.ensure(
        checked.map((c) => ({ currency: c.currency.code, kind: AccountKind.PARTNER_ISSUANCE, partnerId })),
      );
      const ids = checked.map(() => ({ operationId: newId(), transferId: newId() }));
      const outcomes = await withAccountsCreated(this.deps.accounts, () =>
        this.deps.sql.transaction(async (tx) => {
          const pts = checked.some((c) => c.currency.code === COALITION_CURRENCY) ? [partnerId] : [];
          const locked = await lockBatchAndBudgets(
            tx,
            partnerId,
            checked.map((c) => ({ member: c.req.member, currency: c.currency.code })),
            pts,
          );
          const found = locatedByKey(locked.located);
          const local = new Map<number, BatchItemResult>();
          const firstOfKey = new Map<string, Posted & { index: number }>();
          // Items repeating an earlier item's key: `of` is that item's position when the requests agree.
          const duplicates: { index: number; of?: number }[] = [];
          const missing: AccountKey[] = [];
          for (const [j, { index, req, currency, orderRef }] of checked.entries()) {
            const memberId = locked.members[j];
            if (!memberId) {
              local.set(index, { ok: false, error: notFound('Member') });
              continue;
            }
            const { keys, wallet, receivable } = memberAccounts(found, memberId, currency.code);
            if (!wallet || !receivable) {
              missing.push(...keys);
              continue;
            }
            const memberReq: EarnRequest = {
              partnerId,
              memberId,
              currency: req.currency,
              amount: req.amount,
              orderRef: req.orderRef,
              idempotencyKey: req.idempotencyKey,
            };
            const p = {
              index,
              req: memberReq,
              currency,
              orderRef,
              issuance: issuance[j]!,
              ...ids[j]!,
              wallet,
              receivable,
              hash: earnHash(memberReq, currency.code, orderRef),
            };
            const first = firstOfKey.get(req.idempotencyKey);
            if (first) duplicates.push({ index, of: p.hash === first.hash ? first.index : undefined });
            else firstOfKey.set(req.idempotencyKey, p);
          }
          if (missing.length > 0) throw new AccountsMissing(missing);
          const unique = [...firstOfKey.values()];
          if (unique.length > 0) await this.claimAndPost(tx, partnerId, unique, locked, local);
          // The same key twice in one call: a replay of the first item's outcome, or a conflicting reuse.
          for (const { index, of } of duplicates) {
            const outcome = of === undefined ? undefined : local.get(of);
            local.set(
              index,
              !outcome
                ? { ok: false, error: LedgerErrors.keyReused() }
                : outcome.ok
                  ? { ...outcome, outcome: { ...outcome.outcome, replayed: true } }
                  : outcome,
            );
          }
          return local;
        }),
      );
      for (const [index, result] of outcomes) results[index] = result;
    }
    return results.map((r) => r!);
  }

  /**
   * Claims the keys of a batch's locked, distinct earns in one statement and
   * posts the fresh ones; keys claimed before replay their outcome. Results
   * go into `local` by item position.
   */
  private async claimAndPost(
    tx: SqlClient,
    partnerId: string,
    unique: (Posted & { index: number })[],
    locked: Locked,
    local: Map<number, BatchItemResult>,
  ): Promise<void> {
    const scope = `partner:${partnerId}`;
    const claimed = await tx.query<{ idempotency_key: string }>(BATCH_CLAIM_SQL, [
      unique.map((p) => p.operationId),
      scope,
      unique.map((p) => p.req.idempotencyKey),
      unique.map((p) => p.hash),
      unique.map((p) => p.transferId),
    ]);
    const fresh = new Set(claimed.map((c) => c.idempotency_key));
    const priors = unique.filter((p) => !fresh.has(p.req.idempotencyKey));
    const priorRows = priors.length
      ? await tx.query<{
          id: string;
          idempotency_key: string;
          kind: string;
          request_hash: string;
          status: string;
          error_code: string | null;
          error_message: string | null;
          result: Record<string, string> | string | null;
        }>(
          `select id, idempotency_key, kind, request_hash, status, error_code, error_message, result from operation where scope = $1 and idempotency_key = any($2::text[])`,
          [scope, priors.map((p) => p.req.idempotencyKey)],
        )
      : [];
    const byKey = new Map(priorRows.map((r) => [r.idempotency_key, r]));
    for (const p of priors) {
      const prior = byKey.get(p.req.idempotencyKey);
      if (!prior || prior.kind !== 'EARN' || prior.request_hash !== p.hash)
        local.set(p.index, { ok: false, error: LedgerErrors.keyReused() });
      else if (prior.status === 'REJECTED')
        local.set(p.index, {
          ok: false,
          // A code recorded by this hub, so one of the catalogue's.
          error: new AppError(prior.error_code! as ErrorCode, prior.error_message!, { replayed: true }),
        });
      else {
        const result =
          typeof prior.result === 'string' ? (JSON.parse(prior.result) as Record<string, string>) : prior.result!;
        local.set(p.index, {
          ok: true,
          outcome: { operationId: prior.id, result, replayed: true },
          memberId: p.req.memberId,
        });
      }
    }
    const toPost = unique.filter((p) => fresh.has(p.req.idempotencyKey));
    const rejected = toPost.length ? await this.postLocked(tx, toPost, locked) : new Map<number, LedgerRejection>();
    const refused: { id: string; code: string; message: string }[] = [];
    for (const [i, p] of toPost.entries()) {
      const rejection = rejected.get(i);
      if (rejection) refused.push({ id: p.operationId, code: rejection.code, message: rejection.message });
      local.set(
        p.index,
        rejection
          ? { ok: false, error: rejection }
          : {
              ok: true,
              outcome: { operationId: p.operationId, result: { transferId: p.transferId }, replayed: false },
              memberId: p.req.memberId,
            },
      );
    }
    // A rejection is final for its key, like a single earn's.
    if (refused.length) {
      await tx.query(
        `update operation o set status = 'REJECTED', error_code = x.code, error_message = x.message, result = null
           from unnest($1::uuid[], $2::text[], $3::text[]) x(id, code, message) where o.id = x.id`,
        [refused.map((r) => r.id), refused.map((r) => r.code), refused.map((r) => r.message)],
      );
    }
  }
}
