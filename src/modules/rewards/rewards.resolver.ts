/** Rewards over GraphQL: thin — authorise, check input, delegate. */
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../platform/graphql/context.js';
import { Audited } from '../../platform/graphql/audited.js';
import { requirePartner, requirePrincipal } from '../../platform/auth/guards.js';
import { Role } from '../../platform/auth/principal.js';
import { badInput, notFound } from '../../platform/graphql/errors.js';
import { checkId } from '../../platform/graphql/ids.js';
import { pageFromArgs, toConnection } from '../../platform/graphql/pagination.js';
import { clock } from '../../platform/clock.js';
import { BigIntScalar } from '../../platform/graphql/scalars.js';
import { hubCounters } from '../../platform/observability/counters.js';
import { isInstant, RedemptionStatus, RewardAudience, RewardStatus } from './rewards.model.js';
import type { Redemption as RedemptionModel, Reward as RewardModel } from './rewards.model.js';
import { CatalogSort, catalogKeyOf, isCatalogKey, type CatalogEntry } from './catalog.queries.js';
import type { MemberStanding } from './redemption.service.js';
import type { RewardsService } from './rewards.service.js';
import {
  memberReader,
  memberRedeemer,
  memberWriter,
  ownsReward,
  requirePartnerRead,
  rewardReader,
  rewardWriter,
} from './rewards.access.js';
import {
  CreateRewardInput,
  GenerateRewardCodesInput,
  PartnerRedemptionsArgs,
  PartnerRewardsArgs,
  RedeemRewardInput,
  ResolveRewardRedemptionInput,
  Reward,
  RewardCatalogArgs,
  RewardCodeBatch,
  RewardCodePool,
  RewardConnection,
  RewardOffer,
  RewardOfferConnection,
  RewardRedemption,
  RewardRedemptionConnection,
  RewardRedemptionResult,
  UpdateRewardInput,
  UploadRewardCodesInput,
} from './rewards.types.js';

/** The most codes one GraphQL upload may carry (larger uploads stream to POST /rewards/codes). */
const MAX_GRAPHQL_CODES = 1_000;

export const rewardOut = (r: RewardModel): Reward => ({ ...r, instant: isInstant(r.kind) });
const redemptionOut = (r: RedemptionModel): RewardRedemption => ({ ...r });

const live = (r: RewardModel): boolean => {
  const now = clock.nowMs();
  return (
    r.status === RewardStatus.PUBLISHED &&
    (!r.validFrom || r.validFrom.getTime() <= now) &&
    (!r.validUntil || r.validUntil.getTime() > now)
  );
};

/** A reward as this member sees it. `redeemable` is exactly what redeemReward would check, read now. */
function offerOf(rewards: RewardsService, e: CatalogEntry, standing: MemberStanding): RewardOffer {
  const r = e.reward;
  let reason: string | null = null;
  if (r.audience === RewardAudience.LINKED && !standing.linkedPartnerIds.has(r.partnerId)) reason = 'NOT_LINKED';
  else if (standing.tierRank < rewards.tierRank(r.minTier)) reason = 'TIER';
  else if (r.perMemberLimit != null && e.used >= r.perMemberLimit) reason = 'LIMIT_REACHED';
  const pointsNeeded = r.price > e.available ? r.price - e.available : 0n;
  return {
    reward: rewardOut(r),
    eligible: reason === null,
    ineligibleReason: reason,
    inStock: e.inStock,
    available: e.available,
    pointsNeeded,
    redeemable: reason === null && e.inStock && pointsNeeded === 0n && live(r),
  };
}

const loadReward = async (ctx: HubContext, id: string): Promise<RewardModel | undefined> =>
  ctx.services.rewards.catalog.get(checkId(id, 'Reward'));

@Resolver(() => Reward)
export class RewardResolver {
  @FieldResolver(() => RewardCodePool, {
    nullable: true,
    description: "Vouchers: the code pool's level (the reward's partner and hub-wide roles; null for others).",
  })
  async codePool(@Root() reward: Reward, @Ctx() ctx: HubContext): Promise<RewardCodePool | null> {
    const principal = requirePrincipal(ctx.principal);
    if (!reward.instant || !ownsReward(principal, reward)) return null;
    const level = (await ctx.loaders.rewardPool.load(reward.id)) ?? { free: 0, total: 0 };
    return { ...level, low: level.free <= Math.max(10, Math.floor(level.total / 10)) };
  }
}

@Resolver(() => RewardRedemption)
export class RewardRedemptionResolver {
  @FieldResolver(() => Reward)
  async reward(@Root() redemption: RewardRedemption, @Ctx() ctx: HubContext): Promise<Reward> {
    // The caller sees the redemption (its member, the reward's partner, the hub), so it sees its reward.
    return rewardOut((await ctx.loaders.reward.load(redemption.rewardId))!);
  }
}

@Resolver()
export class RewardsResolver {
  @Audited()
  @Mutation(() => Reward, { description: 'A new reward of the calling partner, as a DRAFT.' })
  async createReward(
    @Arg('input', () => CreateRewardInput) input: CreateRewardInput,
    @Ctx() ctx: HubContext,
  ): Promise<Reward> {
    const partnerId = rewardWriter(ctx.principal);
    return rewardOut(await ctx.services.rewards.catalog.create(partnerId, input));
  }

  @Audited()
  @Mutation(() => Reward, { description: "Changes a reward's details (not its price: setRewardPrice)." })
  async updateReward(
    @Arg('input', () => UpdateRewardInput) input: UpdateRewardInput,
    @Ctx() ctx: HubContext,
  ): Promise<Reward> {
    const partnerId = rewardWriter(ctx.principal);
    const { id, ...details } = input;
    return rewardOut(await ctx.services.rewards.catalog.update(partnerId, checkId(id, 'Reward'), details));
  }

  @Audited()
  @Mutation(() => Reward, {
    description: 'A new price version, in force at once; redemptions already made keep the price they paid.',
  })
  async setRewardPrice(
    @Arg('id', () => ID) id: string,
    @Arg('price', () => BigIntScalar) price: bigint,
    @Ctx() ctx: HubContext,
  ): Promise<Reward> {
    const partnerId = rewardWriter(ctx.principal);
    return rewardOut(await ctx.services.rewards.catalog.setPrice(partnerId, checkId(id, 'Reward'), price));
  }

  @Audited()
  @Mutation(() => Reward, { description: 'DRAFT or PAUSED → PUBLISHED: members can redeem it.' })
  async publishReward(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Reward> {
    return this.move(ctx, id, RewardStatus.PUBLISHED);
  }

  @Audited()
  @Mutation(() => Reward, { description: 'PUBLISHED → PAUSED: not redeemable until published again.' })
  async pauseReward(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Reward> {
    return this.move(ctx, id, RewardStatus.PAUSED);
  }

  @Audited()
  @Mutation(() => Reward, {
    description: 'Ends a reward for good. Pending redemptions stay and are fulfilled, cancelled or expire as before.',
  })
  async retireReward(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Reward> {
    return this.move(ctx, id, RewardStatus.RETIRED);
  }

  private async move(ctx: HubContext, id: string, to: RewardStatus): Promise<Reward> {
    const partnerId = rewardWriter(ctx.principal);
    return rewardOut(await ctx.services.rewards.catalog.setStatus(partnerId, checkId(id, 'Reward'), to));
  }

  @Audited()
  @Mutation(() => Reward, { description: 'Adds units to a counted stock.' })
  async addRewardStock(
    @Arg('id', () => ID) id: string,
    @Arg('quantity', () => BigIntScalar) quantity: bigint,
    @Ctx() ctx: HubContext,
  ): Promise<Reward> {
    const partnerId = rewardWriter(ctx.principal);
    return rewardOut(await ctx.services.rewards.catalog.addStock(partnerId, checkId(id, 'Reward'), quantity));
  }

  @Audited()
  @Mutation(() => RewardCodeBatch, {
    description: `Adds voucher codes to a reward's pool, all or nothing (up to ${MAX_GRAPHQL_CODES}; more: POST /rewards/codes).`,
  })
  async uploadRewardCodes(
    @Arg('input', () => UploadRewardCodesInput) input: UploadRewardCodesInput,
    @Ctx() ctx: HubContext,
  ): Promise<RewardCodeBatch> {
    const partnerId = rewardWriter(ctx.principal);
    if (input.codes.length > MAX_GRAPHQL_CODES)
      throw badInput(`at most ${MAX_GRAPHQL_CODES} codes per call; POST /rewards/codes takes more.`, 'codes');
    const reward = await ctx.services.rewards.catalog.ofPartner(partnerId, checkId(input.rewardId, 'Reward'));
    return ctx.services.rewards.codes.upload(reward, input.codes);
  }

  @Audited()
  @Mutation(() => RewardCodeBatch, { description: "Generates unguessable voucher codes into a reward's pool." })
  async generateRewardCodes(
    @Arg('input', () => GenerateRewardCodesInput) input: GenerateRewardCodesInput,
    @Ctx() ctx: HubContext,
  ): Promise<RewardCodeBatch> {
    const partnerId = rewardWriter(ctx.principal);
    const reward = await ctx.services.rewards.catalog.ofPartner(partnerId, checkId(input.rewardId, 'Reward'));
    return ctx.services.rewards.codes.generate(reward, input.count, input.length, input.alphabet ?? undefined);
  }

  @Mutation(() => RewardRedemptionResult, {
    description:
      'Redeems a reward: the member (signed in at the hub, or the partner app it granted points:redeem), or the partner for its linked member. Vouchers: a code and the points at once; others: points held until fulfilled, cancelled or expired.',
  })
  async redeemReward(
    @Arg('input', () => RedeemRewardInput) input: RedeemRewardInput,
    @Ctx() ctx: HubContext,
  ): Promise<RewardRedemptionResult> {
    const principal = requirePrincipal(ctx.principal);
    const { rewards } = ctx.services;
    const reward = await loadReward(ctx, input.rewardId);
    let memberId: string;
    let scope: string;
    if (principal.role === Role.MEMBER) {
      // A draft does not exist outside its partner.
      if (!reward || reward.status === RewardStatus.DRAFT) throw notFound('Reward');
      memberId = memberRedeemer(principal, reward.partnerId);
      scope = `member:${memberId}`;
    } else {
      const partnerId = requirePartner(principal, 'points:write');
      if (!reward || reward.partnerId !== partnerId) throw notFound('Reward');
      if (!input.member) throw badInput('member is required for a partner.', 'member');
      memberId = await ctx.services.members.resolveForPartner(partnerId, input.member);
      scope = `partner:${partnerId}`;
    }
    const { redemption, replayed } = await rewards.redemptions.redeem({
      scope,
      memberId,
      reward,
      idempotencyKey: input.idempotencyKey,
      standing: await rewards.standingFor(memberId, reward),
      minTierRank: rewards.tierRank(reward.minTier),
    });
    if (replayed) hubCounters.idempotentReplays++;
    return { redemption: redemptionOut(redemption), replayed };
  }

  @Mutation(() => RewardRedemptionResult, {
    description: "The reward's partner confirms a pending redemption: the held points are captured.",
  })
  async fulfilRewardRedemption(
    @Arg('input', () => ResolveRewardRedemptionInput) input: ResolveRewardRedemptionInput,
    @Ctx() ctx: HubContext,
  ): Promise<RewardRedemptionResult> {
    const partnerId = rewardWriter(ctx.principal);
    const { redemptions } = ctx.services.rewards;
    const redemption = await redemptions.ofPartner(partnerId, checkId(input.redemptionId, 'RewardRedemption'));
    const out = await redemptions.resolve(redemption, RedemptionStatus.FULFILLED, input.idempotencyKey);
    if (out.replayed) hubCounters.idempotentReplays++;
    return { redemption: redemptionOut(out.redemption), replayed: out.replayed };
  }

  @Mutation(() => RewardRedemptionResult, {
    description:
      "Cancels a pending redemption (the reward's partner, or the member): its points and its stock unit return, once.",
  })
  async cancelRewardRedemption(
    @Arg('input', () => ResolveRewardRedemptionInput) input: ResolveRewardRedemptionInput,
    @Ctx() ctx: HubContext,
  ): Promise<RewardRedemptionResult> {
    const principal = requirePrincipal(ctx.principal);
    const { redemptions } = ctx.services.rewards;
    const id = checkId(input.redemptionId, 'RewardRedemption');
    let redemption: RedemptionModel;
    let scope: string | undefined;
    if (principal.role === Role.MEMBER) {
      const found = await redemptions.get(id);
      if (!found || found.memberId !== principal.memberId) throw notFound('RewardRedemption');
      scope = `member:${memberRedeemer(principal, found.partnerId)}`;
      redemption = found;
    } else redemption = await redemptions.ofPartner(rewardWriter(principal), id);
    const out = await redemptions.resolve(redemption, RedemptionStatus.CANCELLED, input.idempotencyKey, scope);
    if (out.replayed) hubCounters.idempotentReplays++;
    return { redemption: redemptionOut(out.redemption), replayed: out.replayed };
  }

  @Mutation(() => Boolean, { description: "Adds a reward to the member's wishlist." })
  async addRewardToWishlist(@Arg('rewardId', () => ID) rewardId: string, @Ctx() ctx: HubContext): Promise<boolean> {
    const memberId = memberWriter(ctx.principal);
    const { onlyPartnerId } = memberReader(ctx.principal);
    const reward = await loadReward(ctx, rewardId);
    if (!reward || reward.status === RewardStatus.DRAFT || (onlyPartnerId && onlyPartnerId !== reward.partnerId))
      throw notFound('Reward');
    await ctx.services.rewards.wish(memberId, reward.id);
    return true;
  }

  @Mutation(() => Boolean, { description: "Removes a reward from the member's wishlist." })
  async removeRewardFromWishlist(
    @Arg('rewardId', () => ID) rewardId: string,
    @Ctx() ctx: HubContext,
  ): Promise<boolean> {
    const memberId = memberWriter(ctx.principal);
    await ctx.services.rewards.unwish(memberId, checkId(rewardId, 'Reward'));
    return true;
  }

  @Query(() => Reward, { description: 'A reward: its partner and hub-wide roles; members once it is published.' })
  async reward(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Reward> {
    const principal = requirePrincipal(ctx.principal);
    const reward = await loadReward(ctx, id);
    if (!reward) throw notFound('Reward');
    if (principal.role === Role.MEMBER) {
      const { onlyPartnerId } = memberReader(principal);
      if (reward.status === RewardStatus.DRAFT || (onlyPartnerId && onlyPartnerId !== reward.partnerId))
        throw notFound('Reward');
    } else {
      requirePartnerRead(principal);
      if (!ownsReward(principal, reward)) throw notFound('Reward');
    }
    return rewardOut(reward);
  }

  @Query(() => RewardConnection, { description: "A partner's rewards, newest first (every status)." })
  async rewards(@Args(() => PartnerRewardsArgs) args: PartnerRewardsArgs, @Ctx() ctx: HubContext) {
    const partnerId = rewardReader(ctx.principal, args.partnerId);
    const page = pageFromArgs(args, isCatalogKey);
    const rows = await ctx.services.rewards.queries.ofPartner(partnerId, args.status ?? null, page);
    return toConnection(rows.map(rewardOut), page.limit, (r) => [r.id, r.id]);
  }

  @Query(() => RewardOfferConnection, {
    description:
      "The member's catalog: published rewards of every brand it can use (through a partner's app: that partner's), with what it needs to redeem each.",
  })
  async rewardCatalog(@Args(() => RewardCatalogArgs) args: RewardCatalogArgs, @Ctx() ctx: HubContext) {
    const { memberId, onlyPartnerId } = memberReader(ctx.principal);
    const { rewards } = ctx.services;
    const sort = args.sort ?? CatalogSort.NEWEST;
    const page = pageFromArgs(args, isCatalogKey);
    if (args.filter?.partnerId) checkId(args.filter.partnerId, 'Partner');
    const standing = await rewards.standing(memberId);
    const rows = await rewards.queries.catalog(
      memberId,
      [...standing.linkedPartnerIds],
      args.filter ?? {},
      sort,
      page,
      onlyPartnerId,
    );
    const conn = toConnection(rows, page.limit, (e) => catalogKeyOf(sort, e.reward));
    const nodes = conn.nodes.map((e) => offerOf(rewards, e, standing));
    return { ...conn, nodes, edges: conn.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i]! })) };
  }

  @Query(() => [RewardOffer], { description: "The member's wishlist, with the points each one still needs." })
  async myRewardWishlist(@Ctx() ctx: HubContext): Promise<RewardOffer[]> {
    const { memberId, onlyPartnerId } = memberReader(ctx.principal);
    const { rewards } = ctx.services;
    const ids = await rewards.queries.wishlist(memberId);
    const [standing, entries] = await Promise.all([rewards.standing(memberId), rewards.queries.entries(memberId, ids)]);
    const byId = new Map(entries.map((e) => [e.reward.id, e]));
    return ids
      .map((id) => byId.get(id)!)
      .filter((e) => e && (!onlyPartnerId || e.reward.partnerId === onlyPartnerId))
      .map((e) => offerOf(rewards, e, standing));
  }

  @Query(() => RewardRedemptionConnection, {
    description: "The member's reward redemptions, newest first, with codes.",
  })
  async myRewardRedemptions(@Args(() => PartnerRedemptionsArgs) args: PartnerRedemptionsArgs, @Ctx() ctx: HubContext) {
    const { memberId, onlyPartnerId } = memberReader(ctx.principal);
    if (args.partnerId) throw badInput('partnerId is not for members.', 'partnerId');
    const page = pageFromArgs(args, isCatalogKey);
    const rows = await ctx.services.rewards.queries.redemptions({ memberId }, args.status ?? null, page, onlyPartnerId);
    return toConnection(rows.map(redemptionOut), page.limit, (r) => [r.id, r.id]);
  }

  @Query(() => RewardRedemptionConnection, {
    description: "A partner's reward redemptions, newest first; status PENDING lists those to fulfil.",
  })
  async rewardRedemptions(@Args(() => PartnerRedemptionsArgs) args: PartnerRedemptionsArgs, @Ctx() ctx: HubContext) {
    const partnerId = rewardReader(ctx.principal, args.partnerId);
    const page = pageFromArgs(args, isCatalogKey);
    const rows = await ctx.services.rewards.queries.redemptions({ partnerId }, args.status ?? null, page);
    return toConnection(rows.map(redemptionOut), page.limit, (r) => [r.id, r.id]);
  }

  @Query(() => RewardRedemption, { description: "A redemption: its member, the reward's partner, hub-wide roles." })
  async rewardRedemption(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<RewardRedemption> {
    const principal = requirePrincipal(ctx.principal);
    requirePartnerRead(principal);
    const redemption = await ctx.services.rewards.redemptions.get(checkId(id, 'RewardRedemption'));
    const visible =
      redemption &&
      (principal.role === Role.MEMBER
        ? redemption.memberId === principal.memberId &&
          (!memberReader(principal).onlyPartnerId || memberReader(principal).onlyPartnerId === redemption.partnerId)
        : ownsReward(principal, redemption));
    if (!visible) throw notFound('RewardRedemption');
    return redemptionOut(redemption);
  }
}
