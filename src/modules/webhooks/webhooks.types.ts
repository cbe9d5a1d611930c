/** GraphQL types of webhooks: endpoints, deliveries, attempts and the event types the hub emits. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../platform/graphql/pagination.js';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  DEAD = 'DEAD',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description:
    'PENDING: waiting for its turn or its next attempt; SUCCEEDED: the endpoint answered 2xx; DEAD: still failing after the retry window (3 days), replay it by hand.',
});

@ObjectType({ description: 'An event type the hub emits, with its payload version.' })
export class WebhookEventType {
  @Field(() => String, { description: 'e.g. `points.earned`' })
  type!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String)
  description!: string;
}

@ObjectType({ description: "A partner's webhook endpoint. Its secret is shown only when made (creation, rotation)." })
export class WebhookEndpoint {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => String)
  url!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [String], { description: 'The event types delivered; empty: every type.' })
  eventTypes!: string[];

  @Field(() => Boolean, { description: 'Disabled: new events are not delivered to it; waiting deliveries wait.' })
  enabled!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'While a rotation overlaps: until when the previous secret also signs (two signatures).',
  })
  previousSecretUntil!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType({ description: 'An endpoint with its new signing secret: store it now, it is never shown again.' })
export class WebhookEndpointSecret {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field(() => String, { description: 'The Standard Webhooks secret (`whsec_…`).' })
  secret!: string;
}

@ObjectType({ description: 'One attempt of a delivery (the response body is never stored beyond its first 1 KiB).' })
export class WebhookAttempt {
  @Field(() => Date)
  attemptedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'The HTTP status, when the endpoint answered.' })
  statusCode!: number | null;

  @Field(() => Int)
  latencyMs!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed (timeout, refused address, TLS, HTTP status).' })
  error!: string | null;

  @Field(() => String, { nullable: true, description: 'The first 1 KiB of the response body.' })
  responseExcerpt!: string | null;
}

@ObjectType({ description: 'One event on its way to one endpoint.' })
export class WebhookDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  endpointId!: string;

  @Field(() => ID, { description: 'The event id: the `webhook-id` header, the same on every attempt.' })
  eventId!: string;

  @Field(() => String)
  eventType!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The member the event is about, while it is still linked to the partner (null after an unlink or erasure).',
  })
  memberId!: string | null;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Date, { nullable: true, description: 'PENDING: not before this time.' })
  nextAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType()
export class WebhookDeliveryConnection extends Connection(WebhookDelivery, 'WebhookDelivery') {}

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => ID, { nullable: true, description: 'The operator names the partner; a partner creates its own.' })
  partnerId?: string | null;

  @Field(() => String, { description: 'https URL (http is accepted outside production).' })
  url!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Event types to deliver (webhookEventTypes); none: all.' })
  eventTypes?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Default true.' })
  enabled?: boolean | null;
}

@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the filter; an empty list: every type.' })
  eventTypes?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;
}
