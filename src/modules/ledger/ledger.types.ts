/** GraphQL shapes of the ledger. Names avoid generic ones (Transfer, Currency) a partner's own subgraph may use. */
import { BigIntScalar } from '../../platform/graphql/scalars.js';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../platform/graphql/pagination.js';
import { MemberRefInput } from '../members/index.js';
import { ExpiryPolicy, HoldStatus, TransferKind } from './ledger.model.js';

registerEnumType(TransferKind, { name: 'LedgerTransferKind', description: 'What a ledger transfer did.' });
registerEnumType(HoldStatus, { name: 'PointsHoldStatus' });
registerEnumType(ExpiryPolicy, {
  name: 'PointsExpiryPolicy',
  description:
    'NONE: points never expire. FIXED: each lot expires a period after it was earned. INACTIVITY: all points expire after a period without activity.',
});

@ObjectType({
  description: 'One movement of points between two ledger accounts. Append-only: corrections are new transfers.',
})
export class LedgerTransfer {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The operation (one idempotency key) this transfer belongs to.' })
  operationId!: string;

  @Field(() => TransferKind)
  kind!: TransferKind;

  @Field(() => String, { description: 'Currency code, e.g. PTS.' })
  currency!: string;

  @Field(() => BigIntScalar, { description: "Amount in the currency's minor unit; always positive." })
  amount!: bigint;

  @Field(() => BigIntScalar, {
    description: "This transfer's effect on the member's available points: positive in, negative out, 0 for neither.",
  })
  walletDelta!: bigint;

  @Field(() => ID, { nullable: true })
  partnerId!: string | null;

  @Field(() => ID, { nullable: true })
  memberId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The transfer this one reverses.' })
  reversesTransferId!: string | null;

  @Field(() => ID, { nullable: true })
  holdId!: string | null;

  @Field(() => String, { nullable: true, description: "The partner's own order or receipt reference." })
  orderRef!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
export class LedgerTransferConnection extends Connection(LedgerTransfer, 'LedgerTransfer') {}

@ObjectType({ description: 'Points reserved by an authorised redemption until captured, voided or expired.' })
export class PointsHold {
  @Field(() => ID)
  id!: string;

  @Field(() => HoldStatus)
  status!: HoldStatus;

  @Field(() => String)
  currency!: string;

  @Field(() => BigIntScalar)
  amount!: bigint;

  @Field(() => BigIntScalar)
  capturedAmount!: bigint;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => String, { nullable: true })
  orderRef!: string | null;

  @Field(() => Date, { description: 'After this (database time) the hub releases the points back to the member.' })
  expiresAt!: Date;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;
}

@ObjectType({ description: "A member's points in one currency." })
export class PointsBalance {
  @Field(() => String)
  currency!: string;

  @Field(() => BigIntScalar, { description: 'Spendable now.' })
  available!: bigint;

  @Field(() => BigIntScalar, { description: 'Reserved by active holds.' })
  held!: bigint;

  @Field(() => BigIntScalar, {
    description: 'Owed back from reversed earns the wallet could not cover; later earns pay it first.',
  })
  owed!: bigint;
}

@ObjectType({
  description: 'The outcome of a points operation. A replay of the same idempotency key returns the same transfers.',
})
export class PointsOperationResult {
  @Field(() => ID)
  operationId!: string;

  @Field(() => Boolean, {
    description: 'True when this response replays an earlier request with the same idempotency key.',
  })
  replayed!: boolean;

  /** Resolved by field resolvers from these ids. */
  transferId!: string;
  holdId?: string;
  memberId?: string;
  currency?: string;
}

@ObjectType()
export class OperationError {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: 'One item of a batch: its result, or why it failed (other items are unaffected).' })
export class EarnBatchItemResult {
  @Field(() => Int)
  index!: number;

  @Field(() => String, { nullable: true })
  idempotencyKey!: string | null;

  @Field(() => PointsOperationResult, { nullable: true })
  result!: PointsOperationResult | null;

  @Field(() => OperationError, { nullable: true })
  error!: OperationError | null;
}

@ObjectType()
export class EarnBatchResult {
  @Field(() => Int)
  succeeded!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => [EarnBatchItemResult])
  items!: EarnBatchItemResult[];
}

@ObjectType({ description: 'A points currency: the coalition PTS, or a partner-branded one.' })
export class LedgerCurrency {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'COALITION or BRANDED.' })
  kind!: string;

  @Field(() => Int, { description: 'Decimal places of one point (0 for whole points).' })
  scale!: number;

  @Field(() => ID, { nullable: true, description: 'The issuing partner of a branded currency.' })
  issuerPartnerId!: string | null;

  @Field(() => ExpiryPolicy)
  expiryPolicy!: ExpiryPolicy;

  @Field(() => String, { nullable: true, description: 'The expiry period, as PostgreSQL prints it (e.g. "2 years").' })
  expiryPeriod!: string | null;
}

@ObjectType()
export class InvariantViolation {
  @Field(() => String)
  invariant!: string;

  @Field(() => String)
  subject!: string;

  @Field(() => String)
  detail!: string;
}

export enum InvariantCheckMode {
  INCREMENTAL = 'INCREMENTAL',
  FULL = 'FULL',
}
registerEnumType(InvariantCheckMode, {
  name: 'InvariantCheckMode',
  description:
    'INCREMENTAL: what changed since the last clean incremental check (the transfers appended since, and the accounts, holds, operations and reversed transfers they touched), in time bounded by that; the first one, with no checkpoint yet, is the full check. FULL: every invariant over every row, read-only (large ledgers: startInvariantCheckJob).',
});

@ObjectType({ description: 'The result of checking the ledger invariants against the live tables.' })
export class InvariantReport {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => InvariantCheckMode, {
    description: 'The check that ran: FULL also when INCREMENTAL was asked for and there was no checkpoint yet.',
  })
  mode!: InvariantCheckMode;

  @Field(() => Int, {
    nullable: true,
    description: 'INCREMENTAL: the transfers checked (appended since the checkpoint). Null for FULL.',
  })
  transfersChecked?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'INCREMENTAL: the accounts whose balances were checked (touched since the checkpoint). Null for FULL.',
  })
  accountsChecked?: number | null;

  @Field(() => Date)
  checkedAt!: Date;

  @Field(() => [InvariantViolation])
  violations!: InvariantViolation[];
}

export enum InvariantCheckJobState {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
}
registerEnumType(InvariantCheckJobState, { name: 'InvariantCheckJobState' });

@ObjectType({
  description:
    'The full invariant check run as a paged job: transfers by id range, then accounts by id range, then the checks that have no paged form. Resumed where it stopped when the hub restarts.',
})
export class InvariantCheckJob {
  @Field(() => ID)
  id!: string;

  @Field(() => InvariantCheckJobState)
  state!: InvariantCheckJobState;

  @Field(() => Int, { description: 'Rows (transfers, then accounts) per page, each page one short transaction.' })
  pageSize!: number;

  @Field(() => BigIntScalar, { description: 'Transfers and accounts checked so far.' })
  processed!: bigint;

  @Field(() => BigIntScalar, {
    description:
      'Transfers and accounts when the job started; transfers posted meanwhile are checked too, and raise it.',
  })
  total!: bigint;

  @Field(() => Int, { description: 'Every violation found so far.' })
  violationCount!: number;

  @Field(() => [InvariantViolation], { description: 'The violations found so far (the first 500 or so).' })
  violations!: InvariantViolation[];

  @Field(() => String, { description: 'Who started it.' })
  startedBy!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType()
export class ExpirySweepResult {
  @Field(() => Int)
  holdsExpired!: number;

  @Field(() => Int)
  walletsExpired!: number;

  @Field(() => BigIntScalar)
  pointsExpired!: bigint;
}

@InputType()
export class EarnPointsInput {
  @Field(() => MemberRefInput)
  member!: MemberRefInput;

  @Field(() => BigIntScalar)
  amount!: bigint;

  @Field(() => String, { nullable: true, description: 'Defaults to PTS.' })
  currency?: string | null;

  @Field(() => String, { nullable: true })
  orderRef?: string | null;

  @Field(() => String, { description: 'Unique per partner per operation; retries reuse it.' })
  idempotencyKey!: string;
}

@InputType()
export class RedeemPointsInput extends EarnPointsInput {}

@InputType()
export class AuthorizeRedemptionInput extends EarnPointsInput {
  @Field(() => Int, { nullable: true, description: 'Seconds until the hold expires (default 900, capped by the hub).' })
  expiresInSeconds?: number | null;
}

@InputType()
export class EarnPointsBatchInput {
  @Field(() => [EarnPointsInput])
  items!: EarnPointsInput[];
}

@InputType()
export class CaptureRedemptionInput {
  @Field(() => ID)
  holdId!: string;

  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'Capture this much; the whole hold when omitted. The rest returns to the member.',
  })
  amount?: bigint | null;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType()
export class VoidRedemptionInput {
  @Field(() => ID)
  holdId!: string;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType()
export class ReverseTransferInput {
  @Field(() => ID, { description: 'An EARN, REDEEM or CAPTURE transfer of the calling partner.' })
  transferId!: string;

  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'Points to reverse; everything not yet reversed when omitted.',
  })
  amount?: bigint | null;

  @Field(() => String, { nullable: true })
  orderRef?: string | null;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType()
export class TransactionFilter {
  @Field(() => ID, { nullable: true })
  partnerId?: string | null;

  @Field(() => [TransferKind], { nullable: true })
  kinds?: TransferKind[] | null;

  @Field(() => String, { nullable: true })
  currency?: string | null;

  @Field(() => Date, { nullable: true, description: 'Inclusive.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive.' })
  to?: Date | null;
}

@InputType()
export class CreateCurrencyInput {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { nullable: true })
  scale?: number | null;

  @Field(() => ID)
  issuerPartnerId!: string;

  @Field(() => ExpiryPolicy)
  expiryPolicy!: ExpiryPolicy;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 duration, e.g. P24M; required unless expiryPolicy is NONE.',
  })
  expiryPeriod?: string | null;
}
