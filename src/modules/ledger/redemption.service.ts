/**
 * Spending points at a partner: one-step redemption, or two-phase — authorise
 * (a hold), then capture (all or part) or void. Expired holds are released by
 * the hub (see ExpiryService) using database time.
 */
import { prepared, type SqlClient } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { badInput, notFound } from '../../platform/graphql/errors.js';
import { AccountKind, HoldStatus, TransferKind, toBig } from './ledger.model.js';
import { checkAmount, checkOrderRef, lockAccounts, type LedgerDeps } from './ledger.deps.js';
import {
  checkIdempotencyKey,
  claimBehind,
  requestHash,
  runLockedOperation,
  type ClaimRows,
  type OperationOutcome,
  type OperationRequest,
} from './operations.js';
import { consumeLots, holdLots, settleHoldLots } from './lots.js';
import { LedgerErrors } from './ledger.exception.js';
import type { EarnRequest } from './earn.service.js';

// The hot statements of holds, as named prepared statements (sql.ts `prepared`).
const INSERT_HOLD_SQL = prepared(
  'ledger_insert_hold',
  `insert into hold (id, operation_id, partner_id, member_id, currency, amount, order_ref, expires_at) values ($1, $2, $3, $4, $5, $6, $7, hub_now() + make_interval(secs => $8))`,
);
const HOLD_OF_SQL = prepared(
  'ledger_hold_of',
  `select id, member_id, currency, amount::text as amount, order_ref from hold where id = $1 and partner_id = $2`,
);
/** The one write that decides a race between a hold's resolutions ($4: capture or void, which need it unexpired). */
const RESOLVE_HOLD_SQL = prepared(
  'ledger_resolve_hold',
  `update hold set status = $2, captured_amount = $3, resolved_at = hub_now()
    where id = $1 and status = 'ACTIVE' and amount >= $3::bigint and (not $4 or expires_at > hub_now()) and ($4 or expires_at <= hub_now())
    returning id`,
);

/**
 * Another module's operation riding on a spend (rewards: a reward redemption is a redemption or a hold): it
 * names the operation (its idempotency scope, kind, fingerprint and the ids a replay returns) and writes its own
 * rows inside the spend's transaction, under the member's wallet lock: `check` before the balance check (its
 * own rejections first), `within` after it and before the ledger's writes. `within` may throw a LedgerRejection only before it has written anything (recorded against
 * the key like the ledger's own rejections).
 */
export interface SpendRider {
  scope: string;
  kind: string;
  hash: string;
  result: Record<string, string>;
  /** Under the wallet's lock, before the balance check: may reject (it writes nothing). */
  check?(tx: SqlClient): Promise<void>;
  within(tx: SqlClient, ids: { operationId: string; transferId: string; holdId?: string }): Promise<void>;
}

/** A spend has the same shape as an earn: who, whose points, how many, and the key (and perhaps a rider). */
export type SpendRequest = EarnRequest & { rider?: SpendRider };

/**
 * Another module's part in resolving a hold (rewards: a pending redemption becomes fulfilled, cancelled or
 * expired, and its stock unit returns). Called inside the resolution's transaction right after the hold's row
 * was resolved (the one write that decides a race), only for holds whose order reference starts with `prefix`,
 * so other holds pay nothing. It must only `send` (no round trip of its own).
 */
export interface HoldResolutionHook {
  prefix: string;
  send(tx: SqlClient, holdId: string, status: HoldStatus): void;
}

export interface HoldResolution {
  partnerId: string;
  holdId: string;
  /** The idempotency scope of the caller when it is not the partner itself (rewards: a member cancelling). */
  scope?: string;
  /** For captures: how much to capture (the whole hold when omitted). */
  amount?: bigint | null;
  idempotencyKey: string;
}

export interface HoldAccounts {
  wallet: string;
  holds: string;
  redemption: string;
}

export interface HoldFacts {
  id: string;
  memberId: string;
  currency: string;
  amount: bigint;
  orderRef: string | null;
}

export class RedemptionService {
  constructor(private readonly deps: LedgerDeps) {}

  async redeem(req: SpendRequest): Promise<OperationOutcome> {
    checkIdempotencyKey(req.idempotencyKey);
    const amount = checkAmount(req.amount, this.deps.settings.maxPointsPerOperation);
    const orderRef = checkOrderRef(req.orderRef);
    const currency = await this.deps.currencies.forPartner(req.currency, req.partnerId);
    const [wallet, redemption] = (await this.deps.accounts.ensure([
      { currency: currency.code, kind: AccountKind.MEMBER_WALLET, memberId: req.memberId },
      { currency: currency.code, kind: AccountKind.PARTNER_REDEMPTION, partnerId: req.partnerId },
    ])) as [string, string];
    const operationId = newId();
    const transferId = newId();
    const hash = requestHash('REDEEM', { memberId: req.memberId, currency: currency.code, amount, orderRef });
    const op = withRider(req.rider, {
      id: operationId,
      scope: `partner:${req.partnerId}`,
      key: req.idempotencyKey,
      kind: 'REDEEM',
      hash,
      result: { transferId },
    });
    // Three round trips: the wallet's lock with the claim; the posting and the lots; COMMIT.
    return runLockedOperation(
      this.deps.sql,
      (tx) => lockWalletAndClaim(tx, wallet, op),
      async (tx, balances) => {
        await req.rider?.check?.(tx);
        checkAvailable(balances, wallet, amount);
        await req.rider?.within(tx, { operationId, transferId });
        const transfer = {
          id: transferId,
          operationId,
          kind: TransferKind.REDEEM,
          currency: currency.code,
          amount,
          debit: wallet,
          credit: redemption,
          partnerId: req.partnerId,
          memberId: req.memberId,
          orderRef,
        };
        this.deps.post(tx, [transfer], [], (id) => this.deps.accounts.isSharded(id));
        await consumeLots(tx, wallet, amount, transferId);
      },
    );
  }

  async authorize(req: SpendRequest & { expiresInSeconds?: number | null }): Promise<OperationOutcome> {
    checkIdempotencyKey(req.idempotencyKey);
    const amount = checkAmount(req.amount, this.deps.settings.maxPointsPerOperation);
    const orderRef = checkOrderRef(req.orderRef);
    const { defaultTtlSeconds, maxTtlSeconds } = this.deps.settings.hold;
    const ttl = req.expiresInSeconds ?? defaultTtlSeconds;
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > maxTtlSeconds)
      throw badInput(`expiresInSeconds must be 1 to ${maxTtlSeconds}.`, 'expiresInSeconds');
    const currency = await this.deps.currencies.forPartner(req.currency, req.partnerId);
    const [wallet, holds] = (await this.deps.accounts.ensure([
      { currency: currency.code, kind: AccountKind.MEMBER_WALLET, memberId: req.memberId },
      { currency: currency.code, kind: AccountKind.HOLDS },
    ])) as [string, string];
    const operationId = newId();
    const holdId = newId();
    const transferId = newId();
    const hash = requestHash('AUTHORIZE', { memberId: req.memberId, currency: currency.code, amount, orderRef, ttl });
    const op = withRider(req.rider, {
      id: operationId,
      scope: `partner:${req.partnerId}`,
      key: req.idempotencyKey,
      kind: 'AUTHORIZE',
      hash,
      result: { transferId, holdId },
    });
    // Three round trips: the wallet's lock with the claim; the hold, its posting and its lots; COMMIT.
    return runLockedOperation(
      this.deps.sql,
      (tx) => lockWalletAndClaim(tx, wallet, op),
      async (tx, balances) => {
        await req.rider?.check?.(tx);
        checkAvailable(balances, wallet, amount);
        await req.rider?.within(tx, { operationId, transferId, holdId });
        tx.send(INSERT_HOLD_SQL, [
          holdId,
          operationId,
          req.partnerId,
          req.memberId,
          currency.code,
          amount.toString(),
          orderRef,
          ttl,
        ]);
        const transfer = {
          id: transferId,
          operationId,
          kind: TransferKind.AUTHORIZE,
          currency: currency.code,
          amount,
          debit: wallet,
          credit: holds,
          partnerId: req.partnerId,
          memberId: req.memberId,
          holdId,
          orderRef,
        };
        this.deps.post(tx, [transfer], [], (id) => this.deps.accounts.isSharded(id));
        await holdLots(tx, wallet, amount, holdId);
      },
    );
  }

  private async holdOf(partnerId: string, holdId: string): Promise<HoldFacts> {
    const [row] = await this.deps.sql.query<{
      id: string;
      member_id: string;
      currency: string;
      amount: string;
      order_ref: string | null;
    }>(HOLD_OF_SQL, [holdId, partnerId]);
    if (!row) throw notFound('Hold');
    return {
      id: row.id,
      memberId: row.member_id,
      currency: row.currency,
      amount: toBig(row.amount),
      orderRef: row.order_ref,
    };
  }

  /**
   * Marks the hold resolved if it is still active and unexpired (the one
   * write that decides a race between capture, void and expiry); otherwise
   * rejects with the reason, having written nothing.
   */
  static async resolveHold(
    tx: SqlClient,
    holdId: string,
    status: HoldStatus,
    captured: bigint,
    requireUnexpired: boolean,
  ): Promise<void> {
    const updated = await tx.query(RESOLVE_HOLD_SQL, [holdId, status, captured.toString(), requireUnexpired]);
    if (updated.length === 1) return;
    const [hold] = await tx.query<{ status: HoldStatus; amount: string; expired: boolean }>(
      `select status, amount::text as amount, expires_at <= hub_now() as expired from hold where id = $1`,
      [holdId],
    );
    if (!hold) throw notFound('Hold');
    if (hold.status !== HoldStatus.ACTIVE) throw LedgerErrors.holdNotActive(hold.status);
    if (requireUnexpired && hold.expired) throw LedgerErrors.holdNotActive(HoldStatus.EXPIRED);
    if (!requireUnexpired && !hold.expired) throw LedgerErrors.holdNotActive(HoldStatus.ACTIVE);
    throw LedgerErrors.captureExceedsHold(toBig(hold.amount));
  }

  /** The accounts a hold's resolution touches; resolved before its transaction opens. */
  static async holdAccounts(deps: LedgerDeps, hold: HoldFacts, partnerId: string): Promise<HoldAccounts> {
    const [wallet, holds, redemption] = (await deps.accounts.ensure([
      { currency: hold.currency, kind: AccountKind.MEMBER_WALLET, memberId: hold.memberId },
      { currency: hold.currency, kind: AccountKind.HOLDS },
      { currency: hold.currency, kind: AccountKind.PARTNER_REDEMPTION, partnerId },
    ])) as [string, string, string];
    return { wallet, holds, redemption };
  }

  /**
   * Releases (part of) a resolved hold's points: captured → partner redemption, the rest → wallet. The
   * caller holds the wallet's lock (taken before the hold's row: wallet, then hold, on every path). Nothing
   * here is waited for: the posting and the lots go out with the COMMIT behind them.
   */
  static releaseHold(
    deps: LedgerDeps,
    tx: SqlClient,
    hold: HoldFacts,
    accounts: HoldAccounts,
    operationId: string,
    captured: bigint,
    partnerId: string,
    ids: { capture: string; release: string },
    resolution: HoldStatus,
  ): void {
    const { wallet, holds, redemption } = accounts;
    const common = {
      operationId,
      currency: hold.currency,
      partnerId,
      memberId: hold.memberId,
      holdId: hold.id,
      holdResolution: resolution,
    };
    const transfers = [];
    if (captured > 0n)
      transfers.push({
        ...common,
        id: ids.capture,
        kind: TransferKind.CAPTURE,
        amount: captured,
        debit: holds,
        credit: redemption,
      });
    if (hold.amount > captured)
      transfers.push({
        ...common,
        id: ids.release,
        kind: TransferKind.RELEASE,
        amount: hold.amount - captured,
        debit: holds,
        credit: wallet,
      });
    deps.post(tx, transfers, [], (id) => deps.accounts.isSharded(id));
    settleHoldLots(tx, hold.id, captured, captured > 0n ? ids.capture : null);
  }

  /**
   * Resolves a hold as one operation: the wallet's lock with the claim, then the hold's row (the write that
   * decides a race with the hold's other resolutions), then the release with COMMIT: three round trips.
   */
  static resolveAndRelease(
    deps: LedgerDeps,
    op: OperationRequest,
    hold: HoldFacts,
    accounts: HoldAccounts,
    resolution: { status: HoldStatus; captured: bigint; partnerId: string; ids: { capture: string; release: string } },
  ): Promise<OperationOutcome> {
    const { status, captured, partnerId, ids } = resolution;
    return runLockedOperation(
      deps.sql,
      (tx) => lockWalletAndClaim(tx, accounts.wallet, op),
      async (tx) => {
        await RedemptionService.resolveHold(tx, hold.id, status, captured, status !== HoldStatus.EXPIRED);
        for (const hook of deps.holdHooks) if (hold.orderRef?.startsWith(hook.prefix)) hook.send(tx, hold.id, status);
        RedemptionService.releaseHold(deps, tx, hold, accounts, op.id, captured, partnerId, ids, status);
      },
    );
  }

  async capture(req: HoldResolution): Promise<OperationOutcome> {
    checkIdempotencyKey(req.idempotencyKey);
    const hold = await this.holdOf(req.partnerId, req.holdId);
    const amount = req.amount == null ? hold.amount : checkAmount(req.amount, this.deps.settings.maxPointsPerOperation);
    const operationId = newId();
    const ids = { capture: newId(), release: newId() };
    // Accounts are resolved before the transaction (never inside it).
    const accounts = await RedemptionService.holdAccounts(this.deps, hold, req.partnerId);
    const hash = requestHash('CAPTURE', { holdId: hold.id, amount });
    const op = {
      id: operationId,
      scope: req.scope ?? `partner:${req.partnerId}`,
      key: req.idempotencyKey,
      kind: 'CAPTURE',
      hash,
      result: { transferId: ids.capture, holdId: hold.id },
    };
    return RedemptionService.resolveAndRelease(this.deps, op, hold, accounts, {
      status: HoldStatus.CAPTURED,
      captured: amount,
      partnerId: req.partnerId,
      ids,
    });
  }

  async void(req: HoldResolution): Promise<OperationOutcome> {
    checkIdempotencyKey(req.idempotencyKey);
    const hold = await this.holdOf(req.partnerId, req.holdId);
    const operationId = newId();
    const ids = { capture: newId(), release: newId() };
    const accounts = await RedemptionService.holdAccounts(this.deps, hold, req.partnerId);
    const hash = requestHash('VOID', { holdId: hold.id });
    const op = {
      id: operationId,
      scope: req.scope ?? `partner:${req.partnerId}`,
      key: req.idempotencyKey,
      kind: 'VOID',
      hash,
      result: { transferId: ids.release, holdId: hold.id },
    };
    return RedemptionService.resolveAndRelease(this.deps, op, hold, accounts, {
      status: HoldStatus.VOIDED,
      captured: 0n,
      partnerId: req.partnerId,
      ids,
    });
  }
}

/** The operation as the rider names it (its scope, kind, fingerprint and replayed ids), or the ledger's own. */
function withRider(rider: SpendRider | undefined, op: OperationRequest): OperationRequest {
  if (!rider) return op;
  return { ...op, scope: rider.scope, kind: rider.kind, hash: rider.hash, result: { ...op.result, ...rider.result } };
}

/**
 * Locks the member's wallet and sends the operation's claim right behind the lock statement (one round trip).
 * A concurrent duplicate queues on the same wallet lock and then finds the first one's claim.
 */
async function lockWalletAndClaim(
  tx: SqlClient,
  wallet: string,
  op: OperationRequest,
): Promise<{ op: OperationRequest; locked: Map<string, bigint>; claiming: Promise<ClaimRows> }> {
  const locking = lockAccounts(tx, [wallet]);
  const claiming = claimBehind(tx, op);
  return { op, locked: await locking, claiming };
}

/** Rejects a spend the locked wallet cannot cover (before anything is written). */
function checkAvailable(balances: Map<string, bigint>, wallet: string, amount: bigint): void {
  const available = balances.get(wallet) ?? 0n;
  if (available < amount) throw LedgerErrors.insufficientPoints(available, amount);
}
