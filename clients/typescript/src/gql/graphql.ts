/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AuthorizeRedemptionInput = {
  amount: string;
  /** Defaults to PTS. */
  currency?: string | null | undefined;
  /** Seconds until the hold expires (default 900, capped by the hub). */
  expiresInSeconds?: number | null | undefined;
  /** Unique per partner per operation; retries reuse it. */
  idempotencyKey: string;
  member: MemberRefInput;
  orderRef?: string | null | undefined;
};

export type CaptureRedemptionInput = {
  /** Capture this much; the whole hold when omitted. The rest returns to the member. */
  amount?: string | null | undefined;
  holdId: string | number;
  idempotencyKey: string;
};

export type EarnPointsInput = {
  amount: string;
  /** Defaults to PTS. */
  currency?: string | null | undefined;
  /** Unique per partner per operation; retries reuse it. */
  idempotencyKey: string;
  member: MemberRefInput;
  orderRef?: string | null | undefined;
};

export type EnrollMemberInput = {
  /** YYYY-MM-DD. */
  birthDate?: string | null | undefined;
  /** The partner's own id for this customer (1-128 characters). */
  customerId: string;
  displayName?: string | null | undefined;
  email?: string | null | undefined;
  /** The partner verified this email. Only verified identifiers link to an existing member. */
  emailVerified?: boolean | null | undefined;
  locale?: string | null | undefined;
  /** International format, e.g. +6281234567890. */
  phone?: string | null | undefined;
  /** The partner verified this phone number. */
  phoneVerified?: boolean | null | undefined;
  preferences?: unknown;
};

/** What a ledger transfer did. */
export type LedgerTransferKind =
  | 'AUTHORIZE'
  | 'CAPTURE'
  | 'EARN'
  | 'EXCHANGE_IN'
  | 'EXCHANGE_OUT'
  | 'EXPIRY'
  | 'MERGE'
  | 'RECEIVABLE_SETTLEMENT'
  | 'REDEEM'
  | 'RELEASE'
  | 'REVERSE_EARN'
  | 'REVERSE_EARN_SHORTFALL'
  | 'REVERSE_REDEEM';

/** A member, by hub id or by the calling partner's customer id (exactly one). */
export type MemberRefInput = {
  customerId?: string | null | undefined;
  memberId?: string | number | null | undefined;
};

export type PointsHoldStatus =
  | 'ACTIVE'
  | 'CAPTURED'
  | 'EXPIRED'
  | 'VOIDED';

export type VoidRedemptionInput = {
  holdId: string | number;
  idempotencyKey: string;
};

export type SdkEnrollMemberMutationVariables = Exact<{
  input: EnrollMemberInput;
}>;


export type SdkEnrollMemberMutation = { enrollMember: { id: string, partnerLink: { customerId: string } | null } };

export type SdkEarnPointsMutationVariables = Exact<{
  input: EarnPointsInput;
}>;


export type SdkEarnPointsMutation = { earnPoints: { replayed: boolean, operationId: string, transfer: { id: string, amount: string }, balance: { available: string, held: string } | null } };

export type SdkAuthorizeRedemptionMutationVariables = Exact<{
  input: AuthorizeRedemptionInput;
}>;


export type SdkAuthorizeRedemptionMutation = { authorizeRedemption: { replayed: boolean, hold: { id: string, status: PointsHoldStatus, amount: string, expiresAt: string } | null, balance: { available: string, held: string } | null } };

export type SdkCaptureRedemptionMutationVariables = Exact<{
  input: CaptureRedemptionInput;
}>;


export type SdkCaptureRedemptionMutation = { captureRedemption: { replayed: boolean, hold: { id: string, status: PointsHoldStatus, capturedAmount: string } | null, balance: { available: string, held: string } | null } };

export type SdkVoidRedemptionMutationVariables = Exact<{
  input: VoidRedemptionInput;
}>;


export type SdkVoidRedemptionMutation = { voidRedemption: { replayed: boolean, hold: { id: string, status: PointsHoldStatus } | null } };

export type SdkMemberTransactionsQueryVariables = Exact<{
  ref: MemberRefInput;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SdkMemberTransactionsQuery = { member: { id: string, transactions: { nodes: Array<{ id: string, operationId: string, kind: LedgerTransferKind, currency: string, amount: string, walletDelta: string, orderRef: string | null, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SdkEnrollMemberDocument = new TypedDocumentString(`
    mutation SdkEnrollMember($input: EnrollMemberInput!) {
  enrollMember(input: $input) {
    id
    partnerLink {
      customerId
    }
  }
}
    `) as unknown as TypedDocumentString<SdkEnrollMemberMutation, SdkEnrollMemberMutationVariables>;
export const SdkEarnPointsDocument = new TypedDocumentString(`
    mutation SdkEarnPoints($input: EarnPointsInput!) {
  earnPoints(input: $input) {
    replayed
    operationId
    transfer {
      id
      amount
    }
    balance {
      available
      held
    }
  }
}
    `) as unknown as TypedDocumentString<SdkEarnPointsMutation, SdkEarnPointsMutationVariables>;
export const SdkAuthorizeRedemptionDocument = new TypedDocumentString(`
    mutation SdkAuthorizeRedemption($input: AuthorizeRedemptionInput!) {
  authorizeRedemption(input: $input) {
    replayed
    hold {
      id
      status
      amount
      expiresAt
    }
    balance {
      available
      held
    }
  }
}
    `) as unknown as TypedDocumentString<SdkAuthorizeRedemptionMutation, SdkAuthorizeRedemptionMutationVariables>;
export const SdkCaptureRedemptionDocument = new TypedDocumentString(`
    mutation SdkCaptureRedemption($input: CaptureRedemptionInput!) {
  captureRedemption(input: $input) {
    replayed
    hold {
      id
      status
      capturedAmount
    }
    balance {
      available
      held
    }
  }
}
    `) as unknown as TypedDocumentString<SdkCaptureRedemptionMutation, SdkCaptureRedemptionMutationVariables>;
export const SdkVoidRedemptionDocument = new TypedDocumentString(`
    mutation SdkVoidRedemption($input: VoidRedemptionInput!) {
  voidRedemption(input: $input) {
    replayed
    hold {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<SdkVoidRedemptionMutation, SdkVoidRedemptionMutationVariables>;
export const SdkMemberTransactionsDocument = new TypedDocumentString(`
    query SdkMemberTransactions($ref: MemberRefInput!, $first: Int, $after: String) {
  member(ref: $ref) {
    id
    transactions(first: $first, after: $after) {
      nodes {
        id
        operationId
        kind
        currency
        amount
        walletDelta
        orderRef
        createdAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SdkMemberTransactionsQuery, SdkMemberTransactionsQueryVariables>;