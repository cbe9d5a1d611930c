/** The webhooks module's public API: the only file other modules may import from this folder (README.md). */
import type { WebhooksService } from './webhooks.service.js';

export interface WebhooksServices {
  webhooks: WebhooksService;
}

export type { WebhooksService } from './webhooks.service.js';
