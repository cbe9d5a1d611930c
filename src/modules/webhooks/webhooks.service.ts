/** The webhooks module's services: endpoints (and their deliveries) for the API, the dispatcher for delivery. */
import type { Sql } from '../../platform/db/sql.js';
import type { Logger } from '../../platform/logger.js';
import type { Outbox } from '../outbox/index.js';
import { AddressPolicy } from './address-policy.js';
import { Dispatcher, type DeliverySettings } from './dispatcher.js';
import { EndpointService } from './endpoint.service.js';

export class WebhooksService {
  readonly policy: AddressPolicy;
  readonly endpoints: EndpointService;
  readonly dispatcher: Dispatcher;

  constructor(
    sql: Sql,
    outbox: Outbox,
    settings: DeliverySettings & { allowedPrivateNetworks: readonly string[]; httpsOnly: boolean },
    log: Logger,
  ) {
    this.policy = new AddressPolicy(settings.allowedPrivateNetworks);
    this.endpoints = new EndpointService(sql, outbox, this.policy, settings.httpsOnly);
    this.dispatcher = new Dispatcher(sql, this.policy, settings, log);
  }
}
