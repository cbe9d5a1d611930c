/**
 * Redeeming a reward: ONE ledger operation (a one-step redemption for vouchers, a hold for everything
 * else) that carries the reward's own writes in its transaction, under the member's wallet lock: the
 * per-member limit, the stock unit (a conditional update: never below zero), the voucher code (the first
 * free one nobody else has locked) and the redemption row. A hold is then captured (fulfilled), voided
 * (cancelled) or expired by the ledger, and the redemption follows it in the same transaction through the
 * ledger's hold hook: the hold's row decides once, so points and the stock unit return exactly once.
 */
import { createHash } from 'node:crypto';
import type { Sql, SqlClient } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { AppError, notFound } from '../../platform/graphql/errors.js';
import { clock } from '../../platform/clock.js';
import { HoldStatus, type HoldResolutionHook, type LedgerService } from '../ledger/index.js';
import {
  isInstant,
  RewardAudience,
  RewardStatus,
  RedemptionStatus,
  REDEMPTION_COLUMNS,
  redemptionFrom,
} from './rewards.model.js';
import type { Redemption, Reward } from './rewards.model.js';
import { RewardsErrors } from './rewards.exception.js';
import { emitRewardEvent } from './reward-events.js';

/** Every reward hold's order reference starts with this (the ledger calls the hook only for these). */
export const REWARD_ORDER_PREFIX = 'reward:';

/** The member's standing, read before the operation's transaction (tiers and links change rarely). */
export interface MemberStanding {
  tierRank: number;
  linkedPartnerIds: ReadonlySet<string>;
}

export interface RedeemRequest {
  /** Whose idempotency keys: `partner:<id>` (a partner for its member) or `member:<id>` (the member). */
  scope: string;
  memberId: string;
  reward: Reward;
  idempotencyKey: string;
  standing: MemberStanding;
  /** The rank of the reward's minimum tier (0 when none). */
  minTierRank: number;
}

/**
 * The stock unit and the code in one statement: both or neither. `c` locks the first free code (skipping
 * codes other redemptions hold locked), `s` takes a unit of counted stock only when a code was found (or
 * none is needed), and the redemption row is written only when both succeeded.
 */
const TAKE_SQL = `with c as (
    select id from reward_code where reward_id = $1 and redemption_id is null and $3::boolean
     order by id limit 1 for update skip locked
  ), s as (
    update reward_stock set remaining = remaining - 1
     where reward_id = $1 and $4::boolean and remaining > 0 and (not $3::boolean or exists (select 1 from c))
    returning reward_id
  ), ok as (
    select (not $3::boolean or exists (select 1 from c)) and (not $4::boolean or exists (select 1 from s)) as ok
  ), u as (
    update reward_code set redemption_id = $2 from c, ok where reward_code.id = c.id and ok.ok returning reward_code.id
  )
  insert into reward_redemption (id, reward_id, partner_id, member_id, operation_id, transfer_id, hold_id, price_version,
                                 price, currency, code_id, took_stock, status, resolved_at)
  select $2::uuid, $1::uuid, $5::uuid, $6::uuid, $7::uuid, $8::uuid, $9::uuid, $10::int, $11::bigint, $12::text,
         (select id from u), $4::boolean, $13::text, case when $13::text = 'PENDING' then null else hub_now() end
    from ok where ok.ok
  returning id`;

/** Redemptions of a reward that count against its per-member limit. */
const USED_SQL = `select count(*)::int as used from reward_redemption
   where reward_id = $1 and member_id = $2 and status in ('PENDING', 'FULFILLED')`;

/** A hold's resolution, as the redemption's: stock back unless fulfilled (`$2` is the redemption's new status). */
const FOLLOW_HOLD_SQL = `with d as (
    update reward_redemption set status = $2, resolved_at = hub_now()
     where hold_id = $1 and status = 'PENDING' returning reward_id, took_stock)
  update reward_stock s set remaining = s.remaining + 1 from d
   where s.reward_id = d.reward_id and d.took_stock and $2 <> 'FULFILLED'`;

const FOLLOWS: Record<HoldStatus, RedemptionStatus> = {
  [HoldStatus.ACTIVE]: RedemptionStatus.PENDING,
  [HoldStatus.CAPTURED]: RedemptionStatus.FULFILLED,
  [HoldStatus.VOIDED]: RedemptionStatus.CANCELLED,
  [HoldStatus.EXPIRED]: RedemptionStatus.EXPIRED,
};

/** The ledger's hold hook: registered at composition (rewards.module.ts). */
export const followHolds: HoldResolutionHook = {
  prefix: REWARD_ORDER_PREFIX,
  send: (tx, holdId, status) => tx.send(FOLLOW_HOLD_SQL, [holdId, FOLLOWS[status]]),
};

const fingerprint = (parts: unknown[]) =>
  createHash('sha256')
    .update(`REWARD\0${JSON.stringify(parts)}`)
    .digest('base64url');

export class RewardRedemptionService {
  constructor(
    private readonly sql: Sql,
    private readonly ledger: LedgerService,
  ) {}

  /** Checks the reward can be redeemed now by this member (before the transaction: a fast answer). */
  static checkRedeemable(reward: Reward, standing: MemberStanding, minTierRank: number): void {
    if (reward.status !== RewardStatus.PUBLISHED) throw RewardsErrors.notRedeemable('NOT_PUBLISHED');
    const now = clock.nowMs();
    if (reward.validFrom && reward.validFrom.getTime() > now) throw RewardsErrors.notRedeemable('NOT_YET_VALID');
    if (reward.validUntil && reward.validUntil.getTime() <= now) throw RewardsErrors.notRedeemable('NO_LONGER_VALID');
    if (reward.audience === RewardAudience.LINKED && !standing.linkedPartnerIds.has(reward.partnerId))
      throw RewardsErrors.notEligible('NOT_LINKED');
    if (standing.tierRank < minTierRank) throw RewardsErrors.notEligible('TIER');
  }

  async redeem(req: RedeemRequest): Promise<{ redemption: Redemption; replayed: boolean }> {
    const { reward, memberId } = req;
    const instant = isInstant(reward.kind);
    const redemptionId = newId();
    const rider = {
      scope: req.scope,
      kind: instant ? 'REWARD_REDEEM' : 'REWARD_HOLD',
      // The request is the reward and the member: a retry after a price change is the same request.
      hash: fingerprint([reward.id, memberId]),
      result: { redemptionId },
      // Rejections are recorded against the key (a replay answers the same), so they are made in here.
      check: async (tx: SqlClient) => {
        RewardRedemptionService.checkRedeemable(reward, req.standing, req.minTierRank);
        if (reward.perMemberLimit != null) {
          // Exact: every redemption of this reward by this member holds the same wallet's lock.
          const [row] = await tx.query<{ used: number }>(USED_SQL, [reward.id, memberId]);
          if (row!.used >= reward.perMemberLimit) throw RewardsErrors.limitReached(reward.perMemberLimit);
        }
      },
      within: async (tx: SqlClient, ids: { operationId: string; transferId: string; holdId?: string }) => {
        const taken = await tx.query(TAKE_SQL, [
          reward.id,
          redemptionId,
          instant,
          reward.stock != null,
          reward.partnerId,
          memberId,
          ids.operationId,
          ids.transferId,
          ids.holdId ?? null,
          reward.priceVersion,
          reward.price.toString(),
          reward.currency,
          instant ? RedemptionStatus.FULFILLED : RedemptionStatus.PENDING,
        ]);
        if (taken.length === 0) throw RewardsErrors.outOfStock();
      },
    };
    const spend = {
      partnerId: reward.partnerId,
      memberId,
      amount: reward.price,
      currency: reward.currency,
      orderRef: `${REWARD_ORDER_PREFIX}${reward.id}`,
      idempotencyKey: req.idempotencyKey,
      rider,
    };
    const outcome = instant
      ? await this.ledger.redemption.redeem(spend)
      : await this.ledger.redemption.authorize({ ...spend, expiresInSeconds: reward.fulfilmentSeconds });
    const redemption = (await this.get(outcome.result.redemptionId!))!;
    if (!outcome.replayed) emitRewardEvent(instant ? 'reward.fulfilled' : 'reward.redeemed', redemption);
    return { redemption, replayed: outcome.replayed };
  }

  async get(id: string): Promise<Redemption | undefined> {
    const [row] = await this.sql.query(
      `select ${REDEMPTION_COLUMNS} from reward_redemption d left join reward_code c on c.id = d.code_id where d.id = $1`,
      [id],
    );
    return row ? redemptionFrom(row) : undefined;
  }

  /** Many redemptions by id, in one statement (DataLoaders). */
  async byIds(ids: readonly string[]): Promise<Map<string, Redemption>> {
    const rows = await this.sql.reads.query(
      `select ${REDEMPTION_COLUMNS} from reward_redemption d left join reward_code c on c.id = d.code_id where d.id = any($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id as string, redemptionFrom(r)]));
  }

  /**
   * Fulfils (captures the hold) or cancels (voids it) a pending redemption; idempotent by key. A redemption
   * already resolved — fulfilled, cancelled, or expired, also when its expiry has not been swept yet — is
   * REDEMPTION_NOT_PENDING with its status.
   */
  async resolve(
    redemption: Redemption,
    to: RedemptionStatus.FULFILLED | RedemptionStatus.CANCELLED,
    idempotencyKey: string,
    scope?: string,
  ): Promise<{ redemption: Redemption; replayed: boolean }> {
    if (!redemption.holdId) throw RewardsErrors.notPending(redemption.status);
    const request = { partnerId: redemption.partnerId, holdId: redemption.holdId, idempotencyKey, scope };
    let replayed: boolean;
    try {
      const outcome =
        to === RedemptionStatus.FULFILLED
          ? await this.ledger.redemption.capture(request)
          : await this.ledger.redemption.void(request);
      replayed = outcome.replayed;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'HOLD_NOT_ACTIVE') throw error;
      const now = (await this.get(redemption.id))!;
      // Still pending here: its hold expired and waits for the sweep, which will release it.
      throw RewardsErrors.notPending(now.status === RedemptionStatus.PENDING ? RedemptionStatus.EXPIRED : now.status);
    }
    const resolved = (await this.get(redemption.id))!;
    if (!replayed && to === RedemptionStatus.FULFILLED) emitRewardEvent('reward.fulfilled', resolved);
    return { redemption: resolved, replayed };
  }

  /** A redemption the caller may act on as the reward's partner (NOT_FOUND otherwise). */
  async ofPartner(partnerId: string, id: string): Promise<Redemption> {
    const redemption = await this.get(id);
    if (!redemption || redemption.partnerId !== partnerId) throw notFound('RewardRedemption');
    return redemption;
  }
}
