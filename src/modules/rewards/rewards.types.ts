/** GraphQL shapes of the rewards catalog: rewards, the member's offers, redemptions, code pools. */
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BigIntScalar } from '../../platform/graphql/scalars.js';
import { Connection, ForwardPageArgs } from '../../platform/graphql/pagination.js';
import { MemberRefInput } from '../members/index.js';
import { RedemptionStatus, RewardAudience, RewardKind, RewardStatus } from './rewards.model.js';
import { CatalogSort } from './catalog.queries.js';

registerEnumType(RewardKind, { name: 'RewardKind' });
registerEnumType(RewardStatus, {
  name: 'RewardStatus',
  description: 'DRAFT → PUBLISHED ⇄ PAUSED; any of them → RETIRED (final). Only PUBLISHED rewards can be redeemed.',
});
registerEnumType(RewardAudience, {
  name: 'RewardAudience',
  description: "LINKED: members linked to the reward's partner only. COALITION: every member.",
});
registerEnumType(RedemptionStatus, { name: 'RewardRedemptionStatus' });
registerEnumType(CatalogSort, { name: 'RewardCatalogSort' });

@ObjectType({ description: "A voucher reward's code pool: codes still free, codes in all, and whether it runs low." })
export class RewardCodePool {
  @Field(() => Int)
  free!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Boolean, { description: 'True when at most a tenth of the codes (or 10) are left.' })
  low!: boolean;
}

@ObjectType({ description: 'A reward a partner offers for points.' })
export class Reward {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => RewardKind)
  kind!: RewardKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  imageUrl!: string | null;

  @Field(() => String, { description: "The points currency of the price: PTS or the partner's branded currency." })
  currency!: string;

  @Field(() => BigIntScalar, { description: 'The price now (its newest version), in points.' })
  price!: bigint;

  @Field(() => Int, { description: 'The price version; a redemption keeps the version it was made at.' })
  priceVersion!: number;

  @Field(() => BigIntScalar, { nullable: true, description: 'What the reward is worth in fiat (minor units).' })
  fiatValue!: bigint | null;

  @Field(() => String, { nullable: true })
  fiatCurrency!: string | null;

  @Field(() => String, { nullable: true, description: 'The lowest coalition tier that may redeem it.' })
  minTier!: string | null;

  @Field(() => RewardAudience)
  audience!: RewardAudience;

  @Field(() => Date, { nullable: true })
  validFrom!: Date | null;

  @Field(() => Date, { nullable: true })
  validUntil!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Redemptions per member (cancelled and expired ones do not count).',
  })
  perMemberLimit!: number | null;

  @Field(() => Int, { description: 'How long a redemption may wait for fulfilment before it expires (not vouchers).' })
  fulfilmentSeconds!: number;

  @Field(() => Boolean, { description: 'Vouchers: a code is handed out and the points taken at once.' })
  instant!: boolean;

  @Field(() => RewardStatus)
  status!: RewardStatus;

  @Field(() => BigIntScalar, { nullable: true, description: 'Units left; null: unlimited (vouchers: see codePool).' })
  stock!: bigint | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
export class RewardConnection extends Connection(Reward, 'Reward') {}

@ObjectType({ description: 'A reward as the member sees it: whether it may redeem it now, and what is missing.' })
export class RewardOffer {
  @Field(() => Reward)
  reward!: Reward;

  @Field(() => Boolean, { description: 'The member may redeem it (tier, audience, per-member limit).' })
  eligible!: boolean;

  @Field(() => String, { nullable: true, description: 'Why not: TIER, NOT_LINKED or LIMIT_REACHED.' })
  ineligibleReason!: string | null;

  @Field(() => Boolean)
  inStock!: boolean;

  @Field(() => BigIntScalar, { description: "The member's points available in the reward's currency." })
  available!: bigint;

  @Field(() => BigIntScalar, { description: 'Points still needed to afford it (0 when affordable).' })
  pointsNeeded!: bigint;

  @Field(() => Boolean, { description: 'Eligible, in stock and affordable: redeemReward would succeed now.' })
  redeemable!: boolean;
}

@ObjectType()
export class RewardOfferConnection extends Connection(RewardOffer, 'RewardOffer') {}

@ObjectType({
  description: 'One redemption of a reward: a ledger redemption (vouchers) or a hold waiting for fulfilment.',
})
export class RewardRedemption {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  rewardId!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => RedemptionStatus)
  status!: RedemptionStatus;

  @Field(() => BigIntScalar, { description: 'The price paid (held, for a pending one), at its price version.' })
  price!: bigint;

  @Field(() => Int)
  priceVersion!: number;

  @Field(() => String)
  currency!: string;

  @Field(() => String, { nullable: true, description: 'The voucher code handed out (vouchers).' })
  code!: string | null;

  @Field(() => ID, { description: "The ledger operation that took the points (its idempotency key is the request's)." })
  operationId!: string;

  @Field(() => ID, { nullable: true, description: 'The ledger hold (rewards waiting for fulfilment).' })
  holdId!: string | null;

  @Field(() => ID, { description: 'The ledger transfer that took the points (REDEEM, or the AUTHORIZE of the hold).' })
  transferId!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;
}

@ObjectType()
export class RewardRedemptionConnection extends Connection(RewardRedemption, 'RewardRedemption') {}

@ObjectType()
export class RewardRedemptionResult {
  @Field(() => RewardRedemption)
  redemption!: RewardRedemption;

  @Field(() => Boolean, { description: 'True when this answered a retry with the same idempotency key.' })
  replayed!: boolean;
}

@ObjectType({ description: 'Codes added to a pool by one upload or generation (the codes themselves are not shown).' })
export class RewardCodeBatch {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  rewardId!: string;

  @Field(() => Int)
  count!: number;
}

@InputType()
class RewardDetailsFields {
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'An absolute https URL.' })
  imageUrl?: string | null;

  @Field(() => BigIntScalar, { nullable: true })
  fiatValue?: bigint | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217; with fiatValue.' })
  fiatCurrency?: string | null;

  @Field(() => String, { nullable: true })
  minTier?: string | null;

  @Field(() => RewardAudience, { nullable: true, description: 'COALITION when absent.' })
  audience?: RewardAudience | null;

  @Field(() => Date, { nullable: true })
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  validUntil?: Date | null;

  @Field(() => Int, { nullable: true })
  perMemberLimit?: number | null;

  @Field(() => Int, { nullable: true, description: 'The longest hold a partner may ask for when absent.' })
  fulfilmentSeconds?: number | null;
}

@InputType({ description: 'A new reward: a DRAFT until published.' })
export class CreateRewardInput extends RewardDetailsFields {
  @Field(() => RewardKind)
  kind!: RewardKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: "PTS (default) or the partner's own branded currency." })
  currency?: string | null;

  @Field(() => BigIntScalar, { description: 'In points, > 0.' })
  price!: bigint;

  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'Units; absent: unlimited. Vouchers are limited by their codes too.',
  })
  stock?: bigint | null;
}

@InputType({ description: 'Changes to a reward; absent fields stay as they are (price: setRewardPrice).' })
export class UpdateRewardInput extends RewardDetailsFields {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;
}

@InputType()
export class RedeemRewardInput {
  @Field(() => ID)
  rewardId!: string;

  @Field(() => MemberRefInput, {
    nullable: true,
    description: 'A partner names its member; a member token redeems for itself.',
  })
  member?: MemberRefInput | null;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType()
export class ResolveRewardRedemptionInput {
  @Field(() => ID)
  redemptionId!: string;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType()
export class UploadRewardCodesInput {
  @Field(() => ID)
  rewardId!: string;

  @Field(() => [String], { description: 'Up to 1,000 codes; larger uploads: POST /rewards/codes (text, one a line).' })
  codes!: string[];
}

@InputType()
export class GenerateRewardCodesInput {
  @Field(() => ID)
  rewardId!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Int, { description: 'Characters per code (at least 64 random bits for the alphabet).' })
  length!: number;

  @Field(() => String, { nullable: true, description: 'Default 23456789ABCDEFGHJKMNPQRSTUVWXYZ (no look-alikes).' })
  alphabet?: string | null;
}

@InputType()
export class RewardCatalogFilter {
  @Field(() => ID, { nullable: true })
  partnerId?: string | null;

  @Field(() => RewardKind, { nullable: true })
  kind?: RewardKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Only rewards the member can afford now.' })
  affordableOnly?: boolean | null;
}

@ArgsType()
export class RewardCatalogArgs extends ForwardPageArgs {
  @Field(() => RewardCatalogFilter, { nullable: true })
  filter?: RewardCatalogFilter | null;

  @Field(() => CatalogSort, { nullable: true, description: 'NEWEST when absent.' })
  sort?: CatalogSort | null;
}

@ArgsType()
export class PartnerRewardsArgs extends ForwardPageArgs {
  @Field(() => ID, { nullable: true, description: 'Operator and hub-wide finance: whose. A partner reads its own.' })
  partnerId?: string | null;

  @Field(() => RewardStatus, { nullable: true })
  status?: RewardStatus | null;
}

@ArgsType()
export class PartnerRedemptionsArgs extends ForwardPageArgs {
  @Field(() => ID, { nullable: true, description: 'Operator and hub-wide finance: whose. A partner reads its own.' })
  partnerId?: string | null;

  @Field(() => RedemptionStatus, { nullable: true, description: 'PENDING: the redemptions to fulfil.' })
  status?: RedemptionStatus | null;
}
