/**
 * The hub's own ledger work, run on an interval in-process and from the CLI:
 * releasing holds past their expiry, and moving expired lot remainders to
 * breakage. Each hold and each wallet is handled in its own transaction
 * under the same locks as partner operations, so it happens exactly once even
 * with several hub processes sweeping at the same time.
 */
import { newId } from '../../platform/ids.js';
import { AccountKind, ExpiryPolicy, HoldStatus, TransferKind, toBig } from './ledger.model.js';
import { lockAccounts, type LedgerDeps } from './ledger.deps.js';
import { requestHash, runOperation } from './operations.js';
import type { TransferDraft } from './posting.js';
import { RedemptionService } from './redemption.service.js';
import { LedgerRejection } from './ledger.exception.js';

const BATCH = 200;

export interface SweepResult {
  holdsExpired: number;
  walletsExpired: number;
  pointsExpired: bigint;
}

export class ExpiryService {
  constructor(private readonly deps: LedgerDeps) {}

  /**
   * What the sweep has yet to do, for /metrics: active holds, and how long the oldest hold or lot past its expiry
   * has waited for a sweep (0 when none: the sweeper keeps up). Both read partial indexes on `expires_at`.
   */
  async backlog(): Promise<{ activeHolds: number; lagSeconds: number }> {
    const [row] = await this.deps.sql.query<{ active: string; lag: string | null }>(
      `select (select count(*) from hold where status = 'ACTIVE') as active,
              extract(epoch from hub_now() - least(
                (select min(expires_at) from hold where status = 'ACTIVE' and expires_at <= hub_now()),
                (select min(expires_at) from lot where remaining > 0 and expires_at <= hub_now())))::text as lag`,
    );
    return { activeHolds: Number(row?.active ?? 0), lagSeconds: Number(row?.lag ?? 0) };
  }

  async sweep(): Promise<SweepResult> {
    const holdsExpired = await this.expireHolds();
    const { wallets, points } = await this.expireLots();
    return { holdsExpired, walletsExpired: wallets, pointsExpired: points };
  }

  async expireHolds(): Promise<number> {
    let done = 0;
    for (;;) {
      const due = await this.deps.sql.query<{
        id: string;
        partner_id: string;
        member_id: string;
        currency: string;
        amount: string;
        order_ref: string | null;
      }>(
        `select id, partner_id, member_id, currency, amount::text as amount, order_ref from hold where status = 'ACTIVE' and expires_at <= hub_now() order by expires_at limit ${BATCH}`,
      );
      for (const h of due) {
        const hold = {
          id: h.id,
          memberId: h.member_id,
          currency: h.currency,
          amount: toBig(h.amount),
          orderRef: h.order_ref,
        };
        const accounts = await RedemptionService.holdAccounts(this.deps, hold, h.partner_id);
        const operationId = newId();
        const ids = { capture: newId(), release: newId() };
        try {
          const op = {
            id: operationId,
            scope: 'hub',
            key: `hold-expiry:${hold.id}`,
            kind: 'HOLD_EXPIRY',
            hash: requestHash('HOLD_EXPIRY', { holdId: hold.id }),
            result: { transferId: ids.release, holdId: hold.id },
          };
          const outcome = await RedemptionService.resolveAndRelease(this.deps, op, hold, accounts, {
            status: HoldStatus.EXPIRED,
            captured: 0n,
            partnerId: h.partner_id,
            ids,
          });
          // A replay means another sweep released this hold a moment ago.
          if (!outcome.replayed) done++;
        } catch (error) {
          // Captured or voided a moment ago by its partner: nothing to do.
          if (!(error instanceof LedgerRejection)) throw error;
        }
      }
      if (due.length < BATCH) return done;
    }
  }

  async expireLots(): Promise<{ wallets: number; points: bigint }> {
    let wallets = 0;
    let points = 0n;
    for (;;) {
      // Wallets with a free lot remainder past a fixed expiry, or idle longer than an inactivity policy allows.
      const due = await this.deps.sql.query<{ wallet: string; member_id: string; currency: string }>(
        `select a.id::text as wallet, a.member_id, a.currency from account a join currency c on c.code = a.currency
          where a.kind = 'MEMBER_WALLET' and a.balance > 0 and (
                (c.expiry_policy = '${ExpiryPolicy.FIXED}' and exists (select 1 from lot l where l.wallet_account_id = a.id and l.remaining > 0 and l.expires_at <= hub_now()))
             or (c.expiry_policy = '${ExpiryPolicy.INACTIVITY}' and a.last_activity_at <= hub_now() - c.expiry_period))
          limit ${BATCH}`,
      );
      let progressed = 0;
      for (const w of due) {
        const moved = await this.expireWallet(w.wallet, w.member_id, w.currency);
        if (moved > 0n) {
          wallets++;
          progressed++;
          points += moved;
        }
      }
      if (due.length < BATCH || progressed === 0) return { wallets, points };
    }
  }

  /** Moves one wallet's expired lot remainders to breakage, one transfer per issuing partner. */
  private async expireWallet(wallet: string, memberId: string, currency: string): Promise<bigint> {
    const breakage = await this.deps.accounts.house(currency, AccountKind.BREAKAGE);
    const operationId = newId();
    let moved = 0n;
    const key = `lot-expiry:${wallet}:${operationId}`;
    await runOperation(
      this.deps.sql,
      { id: operationId, scope: 'hub', key, kind: 'EXPIRY', hash: requestHash('EXPIRY', { wallet }), result: {} },
      async (tx) => {
        await lockAccounts(tx, [wallet]);
        const lots = await tx.query<{ id: string; issuer_partner_id: string | null; remaining: string }>(
          `select l.id, l.issuer_partner_id, l.remaining::text as remaining
           from lot l join account a on a.id = l.wallet_account_id join currency c on c.code = a.currency
          where l.wallet_account_id = $1 and l.remaining > 0
            and ((c.expiry_policy = 'FIXED' and l.expires_at <= hub_now()) or (c.expiry_policy = 'INACTIVITY' and a.last_activity_at <= hub_now() - c.expiry_period))
          order by l.id`,
          [wallet],
        );
        const byIssuer = new Map<
          string | null,
          { amount: bigint; lots: { id: string; amount: bigint }[]; transferId: string }
        >();
        for (const lot of lots) {
          const group = byIssuer.get(lot.issuer_partner_id) ?? { amount: 0n, lots: [], transferId: newId() };
          group.amount += toBig(lot.remaining);
          group.lots.push({ id: lot.id, amount: toBig(lot.remaining) });
          byIssuer.set(lot.issuer_partner_id, group);
        }
        const transfers: TransferDraft[] = [...byIssuer].map(([issuer, g]) => ({
          id: g.transferId,
          operationId,
          kind: TransferKind.EXPIRY,
          currency,
          amount: g.amount,
          debit: wallet,
          credit: breakage,
          partnerId: issuer,
          memberId,
        }));
        if (transfers.length === 0) return;
        this.deps.post(tx, transfers, [], (id) => this.deps.accounts.isSharded(id));
        const movements = [...byIssuer.values()].flatMap((g) =>
          g.lots.map((l) => ({ ...l, transferId: g.transferId })),
        );
        await tx.query(
          `with m as (select * from unnest($1::uuid[], $2::uuid[], $3::bigint[]) x(lot_id, transfer_id, amount)),
              u as (update lot set remaining = lot.remaining - m.amount from m where lot.id = m.lot_id)
         insert into lot_movement (lot_id, transfer_id, amount) select lot_id, transfer_id, -amount from m`,
          [movements.map((m) => m.id), movements.map((m) => m.transferId), movements.map((m) => m.amount.toString())],
        );
        moved = transfers.reduce((sum, t) => sum + t.amount, 0n);
      },
    );
    return moved;
  }
}
