/** GraphQL shapes of the exchange. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BigIntScalar } from '../../platform/graphql/scalars.js';
import { MemberRefInput } from '../members/index.js';
import { RateDirection } from './exchange.model.js';

registerEnumType(RateDirection, {
  name: 'ExchangeRateDirection',
  description: 'TO_PTS: branded points into PTS. FROM_PTS: PTS into branded points.',
});

@ObjectType({ description: 'One version of a rate against PTS. Versions are never edited; a later one supersedes.' })
export class ExchangeRate {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => RateDirection)
  direction!: RateDirection;

  @Field(() => String, {
    description: 'Minor units of the target per minor unit of the source, before the spread (exact decimal).',
  })
  rate!: string;

  @Field(() => String, { description: 'The hub\'s margin as a fraction, e.g. "0.02" (exact decimal).' })
  spread!: string;

  @Field(() => BigIntScalar, { description: 'Smallest amount of the source currency a conversion may take.' })
  minimumAmount!: bigint;

  @Field(() => BigIntScalar, { description: 'Conversions take the source currency in multiples of this.' })
  increment!: bigint;

  @Field(() => Date)
  effectiveFrom!: Date;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ description: 'A priced conversion, locked for a short time and usable once.' })
export class ExchangeQuote {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => String)
  fromCurrency!: string;

  @Field(() => String)
  toCurrency!: string;

  @Field(() => BigIntScalar)
  amountIn!: bigint;

  @Field(() => BigIntScalar, { description: 'What the member receives: the exact amount rounded down.' })
  amountOut!: bigint;

  @Field(() => String, { description: 'Target units per source unit after spreads (exact decimal).' })
  rate!: string;

  @Field(() => String, { description: 'Target units per source unit before spreads (exact decimal).' })
  grossRate!: string;

  @Field(() => String, {
    description: 'The spread included, over both legs of a cross conversion: rate = grossRate × (1 − spread).',
  })
  spread!: string;

  @Field(() => String, { description: 'amountIn × rate before rounding (exact decimal).' })
  exactAmountOut!: string;

  @Field(() => String, { description: 'What rounding down kept back, in target minor units (exact decimal, below 1).' })
  rounding!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The rate version used to convert out of the source (branded → PTS).',
  })
  outRateId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The rate version used to convert into the target (PTS → branded).' })
  inRateId!: string | null;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  usedAt!: Date | null;
}

@InputType()
export class SetExchangeRateInput {
  @Field(() => String, { description: 'A branded currency.' })
  currency!: string;

  @Field(() => RateDirection)
  direction!: RateDirection;

  @Field(() => String, { description: 'Decimal, greater than zero, e.g. "0.5".' })
  rate!: string;

  @Field(() => String, { description: 'Decimal fraction in [0, 1), e.g. "0.02".' })
  spread!: string;

  @Field(() => BigIntScalar)
  minimumAmount!: bigint;

  @Field(() => BigIntScalar)
  increment!: bigint;

  @Field(() => Date, { nullable: true, description: 'Now when omitted; never in the past.' })
  effectiveFrom?: Date | null;
}

@InputType()
export class QuoteExchangeInput {
  @Field(() => MemberRefInput, {
    nullable: true,
    description: 'Partners name their member; a member token acts for itself.',
  })
  member?: MemberRefInput | null;

  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => BigIntScalar, { description: 'Amount of the source currency to convert.' })
  amount!: bigint;
}

@InputType()
export class ExchangePointsInput {
  @Field(() => ID)
  quoteId!: string;

  @Field(() => String)
  idempotencyKey!: string;
}
