/**
 * The webhooks module (issue 19): partners' endpoints, and delivery of the outbox's events to them per Standard
 * Webhooks — at least once, in order per member, with backoff, dead letters, a delivery log, replay and SSRF
 * protection (README.md).
 */
import DataLoader from 'dataloader';
import type { HubModule } from '../../platform/module.js';
import { groupBy } from '../../platform/graphql/batch.js';
import { Migration20261204200002_webhooks } from '../../../migrations/Migration20261204200002_webhooks.js';
import type { OutboxServices } from '../outbox/index.js';
import { WEBHOOKS_ERRORS, type WebhooksErrorCode } from './webhooks.errors.js';
import { WebhooksService } from './webhooks.service.js';
import { WebhookDeliveryResolver, WebhooksResolver } from './webhooks.resolver.js';
import type { AttemptRow } from './endpoint.service.js';
import { startDelivery } from './delivery.job.js';
import type { WebhooksServices } from './index.js';

const ATTEMPTS_SHOWN = 20;

const loaders = ({ webhooks }: WebhooksServices) => ({
  webhookAttempts: new DataLoader<string, AttemptRow[]>(async (ids) =>
    groupBy(await webhooks.endpoints.attempts(ids, ATTEMPTS_SHOWN), ids, (a) => a.deliveryId),
  ),
});

export const webhooksModule: HubModule<
  WebhooksServices,
  OutboxServices,
  ReturnType<typeof loaders>,
  WebhooksErrorCode
> = {
  name: 'webhooks',
  dependsOn: ['outbox'],
  migrations: [Migration20261204200002_webhooks],
  errors: WEBHOOKS_ERRORS,
  services: ({ db, config, log }, { outbox }) => ({
    webhooks: new WebhooksService(
      db.sql,
      outbox,
      {
        concurrency: config.events.deliveryConcurrency,
        perEndpoint: config.events.deliveryPerEndpoint,
        timeoutMs: config.events.deliveryTimeoutMs,
        maxAgeSeconds: config.events.deliveryMaxAgeSeconds,
        allowedPrivateNetworks: config.events.allowedPrivateNetworks,
        httpsOnly: config.env === 'production',
      },
      log,
    ),
  }),
  loaders,
  resolvers: [WebhooksResolver, WebhookDeliveryResolver],
  jobs: ({ services, config, log }) => [startDelivery(services.webhooks.dispatcher, config.events.deliveryPollMs, log)],
};
