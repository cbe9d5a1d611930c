/** Webhooks over GraphQL: thin — authorise, check input, delegate to the endpoint service. */
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Audited } from '../../platform/graphql/audited.js';
import type { HubContext } from '../../platform/graphql/context.js';
import { badInput } from '../../platform/graphql/errors.js';
import { ForwardPageArgs, pageFromArgs, toConnection } from '../../platform/graphql/pagination.js';
import { requirePrincipal } from '../../platform/auth/guards.js';
import { targetPartner, webhookCaller } from './webhooks.access.js';
import { isDeliveryId } from './endpoint.service.js';
import {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointSecret,
  WebhookEventType,
} from './webhooks.types.js';

/** How long a rotated-out secret keeps signing by default: a day for receivers to switch. */
const DEFAULT_OVERLAP_SECONDS = 86_400;

@Resolver()
export class WebhooksResolver {
  @Query(() => [WebhookEventType], { description: 'Every event type the hub emits (for endpoint filters).' })
  webhookEventTypes(@Ctx() ctx: HubContext): WebhookEventType[] {
    webhookCaller(ctx.principal, false);
    return ctx.services.outbox.eventTypes();
  }

  @Query(() => [WebhookEndpoint], { description: "A partner's webhook endpoints (a partner its own)." })
  async webhookEndpoints(
    @Arg('partnerId', () => ID, { nullable: true }) partnerId: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<WebhookEndpoint[]> {
    const caller = webhookCaller(ctx.principal, false);
    return ctx.services.webhooks.endpoints.list(targetPartner(caller, partnerId));
  }

  @Query(() => WebhookDeliveryConnection, {
    description: "An endpoint's deliveries, newest first, with their attempts (the delivery log).",
  })
  async webhookDeliveries(
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true }) status: WebhookDeliveryStatus | null,
    @Args(() => ForwardPageArgs) args: ForwardPageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<WebhookDeliveryConnection> {
    const caller = webhookCaller(ctx.principal, false);
    const page = pageFromArgs(args, isDeliveryId);
    const rows = await ctx.services.webhooks.endpoints.deliveries(
      caller,
      endpointId,
      status,
      page.limit + 1,
      page.after,
    );
    return toConnection(rows as WebhookDelivery[], page.limit, (r) => r.id);
  }

  @Audited()
  @Mutation(() => WebhookEndpointSecret, {
    description: 'Add a webhook endpoint; its signing secret is in the answer and never shown again.',
  })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() ctx: HubContext,
  ): Promise<WebhookEndpointSecret> {
    const caller = webhookCaller(ctx.principal, true);
    return ctx.services.webhooks.endpoints.create(targetPartner(caller, input.partnerId), input);
  }

  @Audited()
  @Mutation(() => WebhookEndpoint, { description: "Change an endpoint's URL, filter, description or enabled state." })
  async updateWebhookEndpoint(
    @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
    @Ctx() ctx: HubContext,
  ): Promise<WebhookEndpoint> {
    const caller = webhookCaller(ctx.principal, true);
    return ctx.services.webhooks.endpoints.update(caller, input.id, input);
  }

  @Audited()
  @Mutation(() => WebhookEndpointSecret, {
    description:
      'Replace the signing secret (shown once). The previous secret keeps signing alongside it for `overlapSeconds` (default one day; 0: stop at once).',
  })
  async rotateWebhookSecret(
    @Arg('id', () => ID) id: string,
    @Arg('overlapSeconds', () => Int, { nullable: true }) overlapSeconds: number | null,
    @Ctx() ctx: HubContext,
  ): Promise<WebhookEndpointSecret> {
    const caller = webhookCaller(ctx.principal, true);
    const overlap = overlapSeconds ?? DEFAULT_OVERLAP_SECONDS;
    if (!Number.isInteger(overlap) || overlap < 0 || overlap > 7 * 86_400)
      throw badInput('overlapSeconds must be between 0 and 604800.', 'overlapSeconds');
    return ctx.services.webhooks.endpoints.rotateSecret(caller, id, overlap);
  }

  @Audited()
  @Mutation(() => Boolean, { description: 'Delete an endpoint with its deliveries and their log.' })
  async deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<boolean> {
    return ctx.services.webhooks.endpoints.delete(webhookCaller(ctx.principal, true), id);
  }

  @Mutation(() => WebhookDelivery, {
    description:
      'Send a delivery again (dead-lettered, or lost by the receiver): same webhook-id, in its member’s order, with a fresh retry window.',
  })
  async replayWebhookDelivery(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<WebhookDelivery> {
    return (await ctx.services.webhooks.endpoints.replay(webhookCaller(ctx.principal, true), id)) as WebhookDelivery;
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => [WebhookAttempt], { description: 'The latest attempts, newest first (at most 20).' })
  async attemptLog(@Root() delivery: WebhookDelivery, @Ctx() ctx: HubContext): Promise<WebhookAttempt[]> {
    requirePrincipal(ctx.principal);
    return ctx.loaders.webhookAttempts.load(delivery.id);
  }
}
