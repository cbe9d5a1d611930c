/**
 * @coalition-hub/client — the typed TypeScript SDK of the coalition loyalty hub (README.md).
 *
 *   const hub = new LoyaltyHub({ url, clientId, clientSecret });
 *   const member = await hub.enroll({ customerId: 'POS-1' });
 *   await hub.earn({ member: { customerId: 'POS-1' }, amount: '500' });   // idempotency key made for you
 *   for await (const t of hub.transactions({ customerId: 'POS-1' })) console.log(t.kind, t.amount);
 *   const event = verifyWebhook(rawBody, req.headers, { secret: 'whsec_…' });
 */
import { HubClient, pages, type HubClientOptions } from './client.js';
import {
  AuthorizeRedemption,
  CaptureRedemption,
  EarnPoints,
  EnrollMember,
  MemberTransactions,
  VoidRedemption,
} from './operations.js';
import type {
  AuthorizeRedemptionInput,
  CaptureRedemptionInput,
  EarnPointsInput,
  EnrollMemberInput,
  MemberRefInput,
  VoidRedemptionInput,
} from './gql/graphql.js';

export { HubClient, HubError, pages, allPages, type HubClientOptions, type Operation, type Page } from './client.js';
export {
  verifyWebhook,
  signWebhook,
  WebhookVerificationError,
  type HubEvent,
  type VerifyOptions,
  type WebhookHeaders,
} from './webhooks.js';
export * as operations from './operations.js';
export { graphql } from './gql/index.js';

/** Inputs whose idempotency key the SDK makes when you leave it out. */
type Keyed<T extends { idempotencyKey: string }> = Omit<T, 'idempotencyKey'> & { idempotencyKey?: string };
/** The input with its key: yours, or a new one (kept for every retry of this call). */
const withKey = <T extends { idempotencyKey: string }>(input: Keyed<T>): T =>
  ({ ...input, idempotencyKey: input.idempotencyKey ?? HubClient.idempotencyKey() }) as T;

/** The common partner operations, each safe to retry (points operations keep one idempotency key across retries). */
export class LoyaltyHub extends HubClient {
  constructor(options: HubClientOptions) {
    super(options);
  }

  /** Enrols (or finds) a customer: idempotent by its customer id, so retried safely. */
  async enroll(input: EnrollMemberInput) {
    return (await this.request(EnrollMember, { input }, true)).enrollMember;
  }

  async earn(input: Keyed<EarnPointsInput>) {
    return (await this.mutate(EarnPoints, { input: withKey<EarnPointsInput>(input) })).earnPoints;
  }

  async authorize(input: Keyed<AuthorizeRedemptionInput>) {
    return (await this.mutate(AuthorizeRedemption, { input: withKey<AuthorizeRedemptionInput>(input) }))
      .authorizeRedemption;
  }

  async capture(input: Keyed<CaptureRedemptionInput>) {
    return (await this.mutate(CaptureRedemption, { input: withKey<CaptureRedemptionInput>(input) })).captureRedemption;
  }

  async void(input: Keyed<VoidRedemptionInput>) {
    return (await this.mutate(VoidRedemption, { input: withKey<VoidRedemptionInput>(input) })).voidRedemption;
  }

  /** Every transaction of a member at this partner, newest first, fetched page by page. */
  transactions(ref: MemberRefInput, pageSize = 100) {
    return pages(
      async (after) => (await this.query(MemberTransactions, { ref, first: pageSize, after })).member.transactions,
    );
  }
}
