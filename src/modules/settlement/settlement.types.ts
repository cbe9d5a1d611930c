/** GraphQL shapes of settlement. Fiat amounts are exact decimal strings in major units (e.g. "12.345000000000"). */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BigIntScalar } from '../../platform/graphql/scalars.js';
import { BillingMode, SettlementPeriod } from './settlement.model.js';

registerEnumType(BillingMode, {
  name: 'PartnerBillingMode',
  description:
    'PREPAID: issuance draws down prepaid funds. POSTPAID: billed per period, optionally within a credit limit.',
});
registerEnumType(SettlementPeriod, {
  name: 'SettlementPeriodKind',
  description: 'Statement periods with UTC boundaries; CUSTOM is a fixed number of seconds aligned to the Unix epoch.',
});

@ObjectType({ description: "One version of a partner's contract. Versions are never edited." })
export class PartnerContract {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Date)
  effectiveFrom!: Date;

  @Field(() => String, { description: 'ISO 4217.' })
  settlementCurrency!: string;

  @Field(() => Int, { description: "The settlement currency's minor-unit exponent." })
  fiatScale!: number;

  @Field(() => String, {
    description: 'What the partner pays the hub per point it issues (exact decimal, major units).',
  })
  issuePrice!: string;

  @Field(() => String, {
    description: 'What the hub pays the partner per point redeemed there (exact decimal, major units).',
  })
  redemptionPrice!: string;

  @Field(() => BillingMode)
  billingMode!: BillingMode;

  @Field(() => String, { nullable: true })
  creditLimit!: string | null;

  @Field(() => SettlementPeriod)
  period!: SettlementPeriod;

  @Field(() => Int, { nullable: true })
  periodSeconds!: number | null;
}

@ObjectType()
export class StatementLineNode {
  @Field(() => String, {
    description:
      'ISSUANCE, ISSUANCE_REVERSAL, REDEMPTION, REDEMPTION_REVERSAL, CONVERSION_IN, CONVERSION_OUT or FEES (transfers counts the fees, points are 0).',
  })
  kind!: string;

  @Field(() => Int)
  transfers!: number;

  @Field(() => BigIntScalar)
  points!: bigint;

  @Field(() => String, { description: 'Exact fiat; positive when the partner owes the hub.' })
  amount!: string;
}

@ObjectType({
  description:
    "A partner's settlement statement for one period: a live DRAFT while open, then CLOSED (immutable) and PAID.",
})
export class SettlementStatement {
  @Field(() => ID, { nullable: true, description: 'Null for a draft.' })
  id!: string | null;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => Date)
  periodStart!: Date;

  @Field(() => Date)
  periodEnd!: Date;

  @Field(() => String)
  status!: string;

  @Field(() => String)
  fiatCurrency!: string;

  @Field(() => [StatementLineNode])
  lines!: StatementLineNode[];

  @Field(() => String, { description: 'Exact.' })
  dueToHub!: string;

  @Field(() => String, { description: 'Exact.' })
  dueToPartner!: string;

  @Field(() => String, { description: 'dueToHub − dueToPartner, exact; positive means the partner pays the hub.' })
  netExact!: string;

  @Field(() => String, { description: 'The net rounded once, half-even, to the fiat minor unit.' })
  net!: string;

  @Field(() => String, { description: 'net − netExact.' })
  rounding!: string;

  @Field(() => Int, { description: 'Transfers covered (fees not counted: see the FEES line).' })
  transferCount!: number;

  @Field(() => String, {
    description:
      'SHA-256 over the covered transfers (id:amount, sorted); fixed when closed. Fees are not in it: closing binds them to the statement.',
  })
  digest!: string | null;

  /** A draft's cut-off, for its digest computed on request (not a GraphQL field). */
  draftUntil?: Date;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  paidAt!: Date | null;

  @Field(() => String, { nullable: true })
  paymentReference!: string | null;
}

@ObjectType()
export class ReconciliationDifference {
  @Field(() => ID, { nullable: true })
  statementId!: string | null;

  @Field(() => ID, { nullable: true })
  partnerId!: string | null;

  @Field(() => String)
  field!: string;

  @Field(() => String)
  stored!: string;

  @Field(() => String)
  recomputed!: string;
}

@ObjectType()
export class ReconciliationReport {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => Date)
  checkedAt!: Date;

  @Field(() => Int)
  statementsChecked!: number;

  @Field(() => Int)
  valuationsChecked!: number;

  @Field(() => Int, { description: 'Settled-kind PTS transfers without a valuation (no contract was in effect).' })
  unpricedTransfers!: number;

  @Field(() => [ReconciliationDifference])
  differences!: ReconciliationDifference[];
}

@ObjectType({
  description:
    'The last reconciliation of a closed statement: when, whether it matched, and what differed (stored and recomputed).',
})
export class StatementReconciliation {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => Date)
  periodStart!: Date;

  @Field(() => ID)
  statementId!: string;

  @Field(() => Date)
  reconciledAt!: Date;

  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => Int, { description: 'Transfers the statement covers, each recomputed.' })
  transfersChecked!: number;

  @Field(() => [ReconciliationDifference])
  differences!: ReconciliationDifference[];
}

@ObjectType({
  description: 'Points issued by one partner and redeemed at another in a period, with fiat at both sides.',
})
export class InterPartnerFlow {
  @Field(() => ID)
  issuerPartnerId!: string;

  @Field(() => ID)
  redeemerPartnerId!: string;

  @Field(() => BigIntScalar)
  points!: bigint;

  @Field(() => String, {
    nullable: true,
    description: "Exact, in the issuer's currency; hidden from the redeeming partner.",
  })
  issuerFiat!: string | null;

  @Field(() => String, { nullable: true })
  issuerCurrency!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Exact, in the redeemer's currency; hidden from the issuing partner.",
  })
  redeemerFiat!: string | null;

  @Field(() => String, { nullable: true })
  redeemerCurrency!: string | null;
}

@ObjectType()
export class PartnerBudget {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Prepaid funds or postpaid credit left (exact); null when unlimited.',
  })
  remaining!: string | null;
}

@InputType()
export class SetPartnerContractInput {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => Date, { nullable: true, description: 'Now when omitted; never in the past.' })
  effectiveFrom?: Date | null;

  @Field(() => String)
  settlementCurrency!: string;

  @Field(() => String)
  issuePrice!: string;

  @Field(() => String)
  redemptionPrice!: string;

  @Field(() => BillingMode)
  billingMode!: BillingMode;

  @Field(() => String, { nullable: true, description: 'POSTPAID only; unlimited when omitted.' })
  creditLimit?: string | null;

  @Field(() => SettlementPeriod)
  period!: SettlementPeriod;

  @Field(() => Int, { nullable: true })
  periodSeconds?: number | null;
}

@ObjectType({
  description:
    'A fee (positive: the partner owes the hub) or credit (negative: the hub owes the partner) recorded against a partner; the next statement closed includes it.',
})
export class SettlementFee {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => String, { description: "Exact, in the settlement currency's major units." })
  amount!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@InputType()
export class RecordSettlementFeeInput {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => String, {
    description:
      "Exact decimal in the contract's settlement currency (major units, at most its minor-unit decimals): positive when the partner owes the hub (e.g. a service fee), negative when the hub owes the partner (e.g. a co-funded campaign credit); never zero.",
  })
  amount!: string;

  @Field(() => String, { description: '1 to 200 characters, without control characters.' })
  description!: string;
}

@InputType()
export class StatementRefInput {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => Date)
  periodStart!: Date;
}
