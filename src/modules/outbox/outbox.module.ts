/**
 * The outbox module: domain events written in the same transaction as the change they describe (README.md).
 * Listed early (it depends on nothing), so every module after it can emit through `services.outbox`; the
 * webhooks module delivers what it holds.
 */
import type { HubModule } from '../../platform/module.js';
import { Migration20261204200001_outbox } from '../../../migrations/Migration20261204200001_outbox.js';
import { Outbox } from './outbox.js';
import type { OutboxServices } from './index.js';

export const outboxModule: HubModule<OutboxServices> = {
  name: 'outbox',
  migrations: [Migration20261204200001_outbox],
  services: ({ config }) => ({ outbox: new Outbox(config.events.outboxEnabled) }),
};
