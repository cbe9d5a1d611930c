/** Errors of the webhooks module, stable for integrators (codes: webhooks.errors.ts). */
import { AppError } from '../../platform/graphql/errors.js';

export const WebhookErrors = {
  urlInvalid: (why: string) => new AppError('WEBHOOK_URL_INVALID', `The endpoint URL ${why}.`, { field: 'url' }),
  urlRefused: () =>
    new AppError(
      'WEBHOOK_URL_REFUSED',
      'The endpoint URL names an address webhooks may not reach (loopback, private, link-local or reserved).',
      { field: 'url' },
    ),
  unknownEventType: (eventType: string) =>
    new AppError('WEBHOOK_EVENT_TYPE_UNKNOWN', 'Unknown event type in the filter.', { field: 'eventTypes', eventType }),
};
