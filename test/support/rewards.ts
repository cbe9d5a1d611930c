/**
 * Rewards test helpers: the rewards operations as typed GraphQL documents and wrappers that call them over
 * HTTP (catalog, stock, codes, redemptions).
 *
 *   const rw = rewardHelpers(app);
 *   const reward = await rw.publishedOk(partner, { kind: 'PRODUCT', price: '100', stock: '10' });
 *   const { redemption } = await rw.redeemOk(memberToken, reward.id);
 */
import { graphql } from '../generated/index.js';
import type { CreateRewardInput } from '../generated/graphql.js';
import { dataOf, type GraphQLResponse } from './graphql-client.js';
import { newKey } from './ledger.js';
import type { TestApp, TestPartner } from './test-app.js';

export const RewardFields = graphql(`
  fragment RewardFields on Reward {
    id
    partnerId
    kind
    title
    currency
    price
    priceVersion
    minTier
    audience
    perMemberLimit
    fulfilmentSeconds
    instant
    status
    stock
    codePool {
      free
      total
      low
    }
  }
`);

export const RedemptionFields = graphql(`
  fragment RedemptionFields on RewardRedemption {
    id
    rewardId
    partnerId
    memberId
    status
    price
    priceVersion
    currency
    code
    holdId
    transferId
    resolvedAt
  }
`);

export const CreateReward = graphql(`
  mutation CreateReward($input: CreateRewardInput!) {
    createReward(input: $input) {
      ...RewardFields
    }
  }
`);

export const UpdateReward = graphql(`
  mutation UpdateReward($input: UpdateRewardInput!) {
    updateReward(input: $input) {
      ...RewardFields
    }
  }
`);

export const SetRewardPrice = graphql(`
  mutation SetRewardPrice($id: ID!, $price: BigInt!) {
    setRewardPrice(id: $id, price: $price) {
      ...RewardFields
    }
  }
`);

export const PublishReward = graphql(`
  mutation PublishReward($id: ID!) {
    publishReward(id: $id) {
      id
      status
    }
  }
`);

export const PauseReward = graphql(`
  mutation PauseReward($id: ID!) {
    pauseReward(id: $id) {
      id
      status
    }
  }
`);

export const RetireReward = graphql(`
  mutation RetireReward($id: ID!) {
    retireReward(id: $id) {
      id
      status
    }
  }
`);

export const AddRewardStock = graphql(`
  mutation AddRewardStock($id: ID!, $quantity: BigInt!) {
    addRewardStock(id: $id, quantity: $quantity) {
      id
      stock
    }
  }
`);

export const UploadRewardCodes = graphql(`
  mutation UploadRewardCodes($input: UploadRewardCodesInput!) {
    uploadRewardCodes(input: $input) {
      id
      rewardId
      count
    }
  }
`);

export const GenerateRewardCodes = graphql(`
  mutation GenerateRewardCodes($input: GenerateRewardCodesInput!) {
    generateRewardCodes(input: $input) {
      id
      rewardId
      count
    }
  }
`);

export const RedeemReward = graphql(`
  mutation RedeemReward($input: RedeemRewardInput!) {
    redeemReward(input: $input) {
      replayed
      redemption {
        ...RedemptionFields
        reward {
          id
          title
        }
      }
    }
  }
`);

export const FulfilRewardRedemption = graphql(`
  mutation FulfilRewardRedemption($input: ResolveRewardRedemptionInput!) {
    fulfilRewardRedemption(input: $input) {
      replayed
      redemption {
        ...RedemptionFields
      }
    }
  }
`);

export const CancelRewardRedemption = graphql(`
  mutation CancelRewardRedemption($input: ResolveRewardRedemptionInput!) {
    cancelRewardRedemption(input: $input) {
      replayed
      redemption {
        ...RedemptionFields
      }
    }
  }
`);

export const GetReward = graphql(`
  query GetReward($id: ID!) {
    reward(id: $id) {
      ...RewardFields
    }
  }
`);

export const PartnerRewards = graphql(`
  query PartnerRewards($partnerId: ID, $status: RewardStatus, $first: Int, $after: String) {
    rewards(partnerId: $partnerId, status: $status, first: $first, after: $after) {
      nodes {
        ...RewardFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const RewardCatalog = graphql(`
  query RewardCatalog($filter: RewardCatalogFilter, $sort: RewardCatalogSort, $first: Int, $after: String) {
    rewardCatalog(filter: $filter, sort: $sort, first: $first, after: $after) {
      nodes {
        reward {
          id
          partnerId
          kind
          price
          minTier
          audience
        }
        eligible
        ineligibleReason
        inStock
        available
        pointsNeeded
        redeemable
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const MyRewardRedemptions = graphql(`
  query MyRewardRedemptions($first: Int, $after: String) {
    myRewardRedemptions(first: $first, after: $after) {
      nodes {
        ...RedemptionFields
        reward {
          id
          title
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PartnerRewardRedemptions = graphql(`
  query PartnerRewardRedemptions($partnerId: ID, $status: RewardRedemptionStatus, $first: Int, $after: String) {
    rewardRedemptions(partnerId: $partnerId, status: $status, first: $first, after: $after) {
      nodes {
        ...RedemptionFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const GetRewardRedemption = graphql(`
  query GetRewardRedemption($id: ID!) {
    rewardRedemption(id: $id) {
      ...RedemptionFields
    }
  }
`);

export const AddRewardToWishlist = graphql(`
  mutation AddRewardToWishlist($rewardId: ID!) {
    addRewardToWishlist(rewardId: $rewardId)
  }
`);

export const RemoveRewardFromWishlist = graphql(`
  mutation RemoveRewardFromWishlist($rewardId: ID!) {
    removeRewardFromWishlist(rewardId: $rewardId)
  }
`);

export const MyRewardWishlist = graphql(`
  query MyRewardWishlist {
    myRewardWishlist {
      reward {
        id
        price
      }
      eligible
      ineligibleReason
      pointsNeeded
      redeemable
    }
  }
`);

/** Rewards operations over HTTP for one test app. */
export function rewardHelpers(app: TestApp) {
  const create = (partner: TestPartner, input: Partial<CreateRewardInput> = {}) =>
    app.gql(
      CreateReward,
      { input: { kind: 'PRODUCT', title: 'A reward', price: '100', ...input } as CreateRewardInput },
      partner.token,
    );

  /** A published reward of `partner`. */
  async function publishedOk(partner: TestPartner, input: Partial<CreateRewardInput> = {}) {
    const reward = dataOf(await create(partner, input)).createReward;
    await app.gqlOk(PublishReward, { id: reward.id }, partner.token);
    return reward;
  }

  /** A published voucher reward with `codes` codes uploaded; returns the reward and the codes. */
  async function voucherOk(partner: TestPartner, codes: number, input: Partial<CreateRewardInput> = {}) {
    const reward = dataOf(await create(partner, { kind: 'VOUCHER', ...input })).createReward;
    const list = Array.from({ length: codes }, () => newKey('CODE').replace(/[^A-Za-z0-9-]/g, '-'));
    if (codes > 0) await app.gqlOk(UploadRewardCodes, { input: { rewardId: reward.id, codes: list } }, partner.token);
    await app.gqlOk(PublishReward, { id: reward.id }, partner.token);
    return { reward, codes: list };
  }

  /** Redeems as `token` (a member's own token, or a partner's naming `memberId`). */
  const redeem = (token: string, rewardId: string, extra: { memberId?: string; idempotencyKey?: string } = {}) =>
    app.gql(
      RedeemReward,
      {
        input: {
          rewardId,
          member: extra.memberId ? { memberId: extra.memberId } : undefined,
          idempotencyKey: extra.idempotencyKey ?? newKey('reward'),
        },
      },
      token,
    );

  const redeemOk = async (...args: Parameters<typeof redeem>) => dataOf(await redeem(...args)).redeemReward;

  const fulfil = (token: string, redemptionId: string, idempotencyKey = newKey('fulfil')) =>
    app.gql(FulfilRewardRedemption, { input: { redemptionId, idempotencyKey } }, token);

  const cancel = (token: string, redemptionId: string, idempotencyKey = newKey('cancel')) =>
    app.gql(CancelRewardRedemption, { input: { redemptionId, idempotencyKey } }, token);

  async function stockOf(rewardId: string): Promise<string | null> {
    const [row] = await app.hub.db.sql.query<{ remaining: string | null }>(
      `select (select remaining::text from reward_stock where reward_id = $1) as remaining`,
      [rewardId],
    );
    return row!.remaining;
  }

  return { create, publishedOk, voucherOk, redeem, redeemOk, fulfil, cancel, stockOf };
}

export type RewardHelpers = ReturnType<typeof rewardHelpers>;

/** The outcome of a call: 'OK' or its first error code. */
export const outcomeOf = (r: GraphQLResponse<unknown>): string =>
  r.errors?.length ? (r.errors[0]!.extensions?.code ?? 'ERROR') : 'OK';
