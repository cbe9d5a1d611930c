/** The webhooks module's error codes (the catalogue: docs/errors.md). Factories are in webhooks.exception.ts. */
import type { ErrorCatalogue } from '../../platform/graphql/error-catalogue.js';

const nothing = { retryable: false, writes: false } as const;

export const WEBHOOKS_ERRORS = {
  WEBHOOK_URL_INVALID: {
    ...nothing,
    meaning:
      'The endpoint URL is not an absolute https URL of at most 2,048 characters without credentials or fragment (plain http only outside production, or to an address the operator allow-list admits). Nothing was saved.',
  },
  WEBHOOK_URL_REFUSED: {
    ...nothing,
    meaning:
      'The endpoint URL names a loopback, private, link-local, multicast or reserved address that the operator has not allowed (WEBHOOK_ALLOW_PRIVATE). Host names are checked again at every delivery. Nothing was saved.',
  },
  WEBHOOK_EVENT_TYPE_UNKNOWN: {
    ...nothing,
    meaning:
      'An event type in the filter is not one the hub emits (`webhookEventTypes` lists them; `extensions.eventType` names it). Nothing was saved.',
  },
} as const satisfies ErrorCatalogue;

export type WebhooksErrorCode = keyof typeof WEBHOOKS_ERRORS;
