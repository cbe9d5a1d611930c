/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SdkEnrollMember($input: EnrollMemberInput!) {\n    enrollMember(input: $input) {\n      id\n      partnerLink {\n        customerId\n      }\n    }\n  }\n": typeof types.SdkEnrollMemberDocument,
    "\n  mutation SdkEarnPoints($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      replayed\n      operationId\n      transfer {\n        id\n        amount\n      }\n      balance {\n        available\n        held\n      }\n    }\n  }\n": typeof types.SdkEarnPointsDocument,
    "\n  mutation SdkAuthorizeRedemption($input: AuthorizeRedemptionInput!) {\n    authorizeRedemption(input: $input) {\n      replayed\n      hold {\n        id\n        status\n        amount\n        expiresAt\n      }\n      balance {\n        available\n        held\n      }\n    }\n  }\n": typeof types.SdkAuthorizeRedemptionDocument,
    "\n  mutation SdkCaptureRedemption($input: CaptureRedemptionInput!) {\n    captureRedemption(input: $input) {\n      replayed\n      hold {\n        id\n        status\n        capturedAmount\n      }\n      balance {\n        available\n        held\n      }\n    }\n  }\n": typeof types.SdkCaptureRedemptionDocument,
    "\n  mutation SdkVoidRedemption($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      replayed\n      hold {\n        id\n        status\n      }\n    }\n  }\n": typeof types.SdkVoidRedemptionDocument,
    "\n  query SdkMemberTransactions($ref: MemberRefInput!, $first: Int, $after: String) {\n    member(ref: $ref) {\n      id\n      transactions(first: $first, after: $after) {\n        nodes {\n          id\n          operationId\n          kind\n          currency\n          amount\n          walletDelta\n          orderRef\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.SdkMemberTransactionsDocument,
};
const documents: Documents = {
    "\n  mutation SdkEnrollMember($input: EnrollMemberInput!) {\n    enrollMember(input: $input) {\n      id\n      partnerLink {\n        customerId\n      }\n    }\n  }\n": types.SdkEnrollMemberDocument,
    "\n  mutation SdkEarnPoints($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      replayed\n      operationId\n      transfer {\n        id\n        amount\n      }\n      balance {\n        available\n        held\n      }\n    }\n  }\n": types.SdkEarnPointsDocument,
    "\n  mutation SdkAuthorizeRedemption($input: AuthorizeRedemptionInput!) {\n    authorizeRedemption(input: $input) {\n      replayed\n      hold {\n        id\n        status\n        amount\n        expiresAt\n      }\n      balance {\n        available\n        held\n      }\n    }\n  }\n": types.SdkAuthorizeRedemptionDocument,
    "\n  mutation SdkCaptureRedemption($input: CaptureRedemptionInput!) {\n    captureRedemption(input: $input) {\n      replayed\n      hold {\n        id\n        status\n        capturedAmount\n      }\n      balance {\n        available\n        held\n      }\n    }\n  }\n": types.SdkCaptureRedemptionDocument,
    "\n  mutation SdkVoidRedemption($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      replayed\n      hold {\n        id\n        status\n      }\n    }\n  }\n": types.SdkVoidRedemptionDocument,
    "\n  query SdkMemberTransactions($ref: MemberRefInput!, $first: Int, $after: String) {\n    member(ref: $ref) {\n      id\n      transactions(first: $first, after: $after) {\n        nodes {\n          id\n          operationId\n          kind\n          currency\n          amount\n          walletDelta\n          orderRef\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.SdkMemberTransactionsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SdkEnrollMember($input: EnrollMemberInput!) {\n    enrollMember(input: $input) {\n      id\n      partnerLink {\n        customerId\n      }\n    }\n  }\n"): typeof import('./graphql.js').SdkEnrollMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SdkEarnPoints($input: EarnPointsInput!) {\n    earnPoints(input: $input) {\n      replayed\n      operationId\n      transfer {\n        id\n        amount\n      }\n      balance {\n        available\n        held\n      }\n    }\n  }\n"): typeof import('./graphql.js').SdkEarnPointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SdkAuthorizeRedemption($input: AuthorizeRedemptionInput!) {\n    authorizeRedemption(input: $input) {\n      replayed\n      hold {\n        id\n        status\n        amount\n        expiresAt\n      }\n      balance {\n        available\n        held\n      }\n    }\n  }\n"): typeof import('./graphql.js').SdkAuthorizeRedemptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SdkCaptureRedemption($input: CaptureRedemptionInput!) {\n    captureRedemption(input: $input) {\n      replayed\n      hold {\n        id\n        status\n        capturedAmount\n      }\n      balance {\n        available\n        held\n      }\n    }\n  }\n"): typeof import('./graphql.js').SdkCaptureRedemptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SdkVoidRedemption($input: VoidRedemptionInput!) {\n    voidRedemption(input: $input) {\n      replayed\n      hold {\n        id\n        status\n      }\n    }\n  }\n"): typeof import('./graphql.js').SdkVoidRedemptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SdkMemberTransactions($ref: MemberRefInput!, $first: Int, $after: String) {\n    member(ref: $ref) {\n      id\n      transactions(first: $first, after: $after) {\n        nodes {\n          id\n          operationId\n          kind\n          currency\n          amount\n          walletDelta\n          orderRef\n          createdAt\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').SdkMemberTransactionsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
