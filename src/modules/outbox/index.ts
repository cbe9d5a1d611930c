/** The outbox module's public API: the only file other modules may import from this folder (README.md). */
import type { Outbox } from './outbox.js';

export interface OutboxServices {
  outbox: Outbox;
}

export type { Outbox, EventDraft, EventType, EventContributor } from './outbox.js';
