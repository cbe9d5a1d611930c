/** GraphQL shapes of programs: earn rules, campaigns, purchases and their breakdowns, refunds. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BigIntScalar } from '../../platform/graphql/scalars.js';
import { MemberRefInput } from '../members/index.js';
import { CampaignStatus, Stacking } from './programs.model.js';

registerEnumType(Stacking, {
  name: 'CampaignStacking',
  description:
    'STACK: adds to every other campaign. BEST_OF: of the BEST_OF campaigns that apply, only the largest award. EXCLUSIVE: when it applies, no other campaign does (EXCLUSIVE campaigns of a partner never overlap in time).',
});
registerEnumType(CampaignStatus, { name: 'CampaignStatus' });

@ObjectType({ description: "One version of a partner's earn rules. Versions are never edited and never backdated." })
export class EarnRuleSet {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Date)
  effectiveFrom!: Date;

  @Field(() => String, { description: 'The rule set as JSON text (see the programs README for its language).' })
  rules!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@InputType()
export class SetEarnRulesInput {
  @Field(() => ID, { nullable: true, description: 'Operator only: whose rules. A partner sets its own.' })
  partnerId?: string | null;

  @Field(() => String, { description: 'The whole rule set as JSON text; validated before anything is saved.' })
  rules!: string;

  @Field(() => Date, { nullable: true, description: 'Now when absent; never in the past.' })
  effectiveFrom?: Date | null;
}

@ObjectType()
export class CampaignFunder {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => String, { description: 'Its share of every award, an exact decimal; the shares add up to 1.' })
  share!: string;
}

@InputType()
export class CampaignFunderInput {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => String)
  share!: string;
}

@ObjectType()
export class Campaign {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The partner whose purchases the campaign rewards.' })
  partnerId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => Stacking)
  stacking!: Stacking;

  @Field(() => String, { description: 'The definition as JSON text: { reward, when?, tiers? }.' })
  definition!: string;

  @Field(() => [CampaignFunder])
  funders!: CampaignFunder[];

  @Field(() => BigIntScalar, { nullable: true, description: 'Total points the campaign may award; none: unlimited.' })
  budget!: bigint | null;

  @Field(() => CampaignStatus, { description: 'Now.' })
  status!: CampaignStatus;
}

@InputType()
export class CreateCampaignInput {
  @Field(() => ID, { nullable: true, description: 'Operator only: the host partner. A partner creates its own.' })
  partnerId?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => Date, { nullable: true, description: 'Now when absent; never in the past.' })
  startsAt?: Date | null;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => Stacking)
  stacking!: Stacking;

  @Field(() => String, {
    description:
      'JSON text: { "reward": { "kind": "BONUS", "points": 500 } | { "kind": "MULTIPLIER", "factor": "2" }, "when"?: condition, "tiers"?: [...] }.',
  })
  definition!: string;

  @Field(() => BigIntScalar, { nullable: true })
  budget?: bigint | null;

  @Field(() => [CampaignFunderInput], {
    nullable: true,
    description: 'Operator only when it names another partner: who pays which share. The host alone when absent.',
  })
  funders?: CampaignFunderInput[] | null;
}

@ObjectType()
export class CampaignFunderCost {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => BigIntScalar, { description: 'Points awarded on its account so far (before refunds).' })
  points!: bigint;

  @Field(() => Int)
  awards!: number;
}

@InputType()
export class PurchaseLineInput {
  @Field(() => String, { nullable: true })
  sku?: string | null;

  @Field(() => String, { nullable: true })
  category?: string | null;

  @Field(() => BigIntScalar)
  quantity!: bigint;

  @Field(() => BigIntScalar, { description: 'Fiat minor units.' })
  unitPrice!: bigint;
}

@InputType()
export class PurchaseInput {
  @Field(() => MemberRefInput)
  member!: MemberRefInput;

  @Field(() => BigIntScalar, { description: 'Fiat minor units; with lines, exactly Σ quantity × unitPrice.' })
  total!: bigint;

  @Field(() => String, { description: 'ISO 4217.' })
  currency!: string;

  @Field(() => [PurchaseLineInput], { nullable: true })
  lines?: PurchaseLineInput[] | null;

  @Field(() => String, { nullable: true, description: 'e.g. STORE, ONLINE, APP.' })
  channel?: string | null;

  @Field(() => String, { nullable: true })
  storeId?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it happened (now when absent); rules as they stood then.' })
  occurredAt?: Date | null;

  @Field(() => String, { nullable: true, description: "The partner's own order reference." })
  orderRef?: string | null;
}

@InputType()
export class RecordPurchaseInput extends PurchaseInput {
  @Field(() => String, { description: 'Unique per partner per operation; retries reuse it.' })
  idempotencyKey!: string;
}

@ObjectType({ description: 'Which rule or campaign gave how many points, funded by whom, and why.' })
export class BreakdownLine {
  @Field(() => String, { description: 'RULE or CAMPAIGN.' })
  source!: string;

  @Field(() => String, { description: "The rule's id in its rule set, or the campaign's id." })
  ref!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => BigIntScalar)
  points!: bigint;

  @Field(() => ID)
  funderPartnerId!: string;

  @Field(() => String)
  explanation!: string;
}

@ObjectType()
export class PurchaseLeg {
  @Field(() => String)
  currency!: string;

  @Field(() => ID, { description: 'The issuer: its issuance account funded these points.' })
  partnerId!: string;

  @Field(() => BigIntScalar)
  points!: bigint;

  @Field(() => ID, { nullable: true })
  transferId!: string | null;
}

@ObjectType()
export class PurchaseEvaluation {
  @Field(() => Int, { nullable: true, description: 'The rule-set version in force at occurredAt.' })
  ruleSetVersion!: number | null;

  @Field(() => [BreakdownLine])
  breakdown!: BreakdownLine[];

  @Field(() => [PurchaseLeg], { description: 'Points by currency and funder (transferId is null: nothing posted).' })
  legs!: PurchaseLeg[];
}

@ObjectType()
export class Purchase {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => ID, { description: 'The ledger operation that posted its points.' })
  operationId!: string;

  @Field(() => String, { nullable: true })
  orderRef!: string | null;

  @Field(() => String)
  currency!: string;

  @Field(() => BigIntScalar)
  total!: bigint;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => Int, { nullable: true })
  ruleSetVersion!: number | null;

  @Field(() => [BreakdownLine])
  breakdown!: BreakdownLine[];

  @Field(() => [PurchaseLeg])
  legs!: PurchaseLeg[];
}

@ObjectType()
export class RecordPurchaseResult {
  @Field(() => Purchase)
  purchase!: Purchase;

  @Field(() => Boolean, { description: 'True when this is a replay of an earlier request with the same key.' })
  replayed!: boolean;
}

@InputType()
export class RefundPurchaseInput {
  @Field(() => ID, { nullable: true })
  purchaseId?: string | null;

  @Field(() => String, { nullable: true, description: 'Instead of purchaseId: the orderRef it was recorded with.' })
  orderRef?: string | null;

  @Field(() => BigIntScalar, { nullable: true, description: 'Fiat minor units; everything left when absent.' })
  amount?: bigint | null;

  @Field(() => String)
  idempotencyKey!: string;
}

@ObjectType()
export class PurchaseReversal {
  @Field(() => ID, { description: 'The earn transfer reversed.' })
  transferId!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => BigIntScalar)
  points!: bigint;

  @Field(() => ID, { description: 'The reversal operation in the ledger.' })
  operationId!: string;

  @Field(() => ID, { description: 'Its main transfer (the take-back, or the shortfall booked to the receivable).' })
  reversalTransferId!: string;
}

@ObjectType()
export class PurchaseRefund {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  purchaseId!: string;

  @Field(() => BigIntScalar, { description: 'Fiat minor units refunded by this refund.' })
  amount!: bigint;

  @Field(() => [PurchaseReversal])
  reversals!: PurchaseReversal[];

  @Field(() => Boolean)
  replayed!: boolean;
}
