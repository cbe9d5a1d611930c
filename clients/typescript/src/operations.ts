/**
 * The operations the SDK ships with, typed by codegen from the hub's schema (`npm run codegen` at the repository
 * root writes `src/gql/`). Add your own the same way: `graphql(`…`)` in any file under `src/`.
 */
import { graphql } from './gql/index.js';

export const EnrollMember = graphql(`
  mutation SdkEnrollMember($input: EnrollMemberInput!) {
    enrollMember(input: $input) {
      id
      partnerLink {
        customerId
      }
    }
  }
`);

export const EarnPoints = graphql(`
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
`);

export const AuthorizeRedemption = graphql(`
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
`);

export const CaptureRedemption = graphql(`
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
`);

export const VoidRedemption = graphql(`
  mutation SdkVoidRedemption($input: VoidRedemptionInput!) {
    voidRedemption(input: $input) {
      replayed
      hold {
        id
        status
      }
    }
  }
`);

export const MemberTransactions = graphql(`
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
`);
