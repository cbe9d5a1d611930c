/**
 * The ledger's events (issue 19), written by the posting statement itself through the outbox's contributor: an
 * earn, a redemption or a hold's resolution gains its event with no extra statement and no extra round trip, and
 * the event commits or rolls back with the transfers. One event per (operation, partner, member, type): a
 * co-funded earn tells each funding partner about its own share; an expiry tells each issuing partner.
 *
 * Payloads carry ids, the currency and amounts as decimal strings: no personal data.
 */
import type { EventDraft, Outbox } from '../outbox/index.js';
import { HoldStatus, TransferKind } from './ledger.model.js';
import type { PostingContributor, TransferDraft } from './posting.js';

export const LEDGER_EVENT_TYPES = {
  'points.earned': { version: 1, description: 'Points were issued to a member by (or funded by) the partner.' },
  'points.redeemed': { version: 1, description: 'A member spent points at the partner in one step.' },
  'points.reversed': {
    version: 1,
    description: 'An earn or a redemption at the partner was reversed (in full or part; `reverses` names it).',
  },
  'points.expired': { version: 1, description: "A member's points issued by the partner expired." },
  'hold.authorized': { version: 1, description: 'Points were reserved for a redemption at the partner.' },
  'hold.captured': { version: 1, description: 'A hold was captured (the rest, if any, returned to the member).' },
  'hold.voided': { version: 1, description: 'A hold was voided: its points returned to the member.' },
  'hold.expired': { version: 1, description: 'A hold expired unresolved: its points returned to the member.' },
} as const;

/** The event type of a transfer, or null for transfers that are part of another's event (or none). */
function typeOf(t: TransferDraft): string | null {
  switch (t.kind) {
    case TransferKind.EARN:
      return 'points.earned';
    case TransferKind.REDEEM:
      return 'points.redeemed';
    case TransferKind.REVERSE_EARN:
    case TransferKind.REVERSE_EARN_SHORTFALL:
    case TransferKind.REVERSE_REDEEM:
      return 'points.reversed';
    case TransferKind.EXPIRY:
      return 'points.expired';
    case TransferKind.AUTHORIZE:
      return 'hold.authorized';
    case TransferKind.CAPTURE:
      return 'hold.captured';
    case TransferKind.RELEASE:
      // The rest of a capture is part of hold.captured; a release alone is a void or an expiry.
      if (t.holdResolution === HoldStatus.VOIDED) return 'hold.voided';
      if (t.holdResolution === HoldStatus.EXPIRED) return 'hold.expired';
      return null;
    default:
      // Receivable settlements (part of an earn), merges (members' event), conversions (no event yet).
      return null;
  }
}

/** The events of a posting's transfers. */
export function ledgerEvents(transfers: readonly TransferDraft[]): EventDraft[] {
  const events = new Map<string, EventDraft & { amount: bigint; transferIds: string[] }>();
  for (const t of transfers) {
    const type = typeOf(t);
    if (!type || !t.partnerId) continue;
    const key = `${t.operationId}|${t.partnerId}|${t.memberId ?? ''}|${type}`;
    let e = events.get(key);
    if (!e) {
      e = { type, partnerId: t.partnerId, memberId: t.memberId ?? null, payload: {}, amount: 0n, transferIds: [] };
      events.set(key, e);
      e.payload = {
        operationId: t.operationId,
        currency: t.currency,
        ...(t.holdId ? { holdId: t.holdId } : {}),
        ...(t.orderRef ? { orderRef: t.orderRef } : {}),
        ...(t.reversesTransferId ? { reverses: t.reversesTransferId } : {}),
      };
    }
    e.amount += t.amount;
    e.transferIds.push(t.id);
  }
  return [...events.values()].map(({ amount, transferIds, ...e }) => ({
    ...e,
    payload: { ...e.payload, amount: amount.toString(), transferIds },
  }));
}

/** The ledger's part of the outbox: declares its types and returns the posting contributor writing them. */
export function ledgerEventContributor(outbox: Outbox): PostingContributor {
  outbox.declare('ledger', LEDGER_EVENT_TYPES);
  return outbox.contributor<TransferDraft>('outbox: ledger events', 'ev', ledgerEvents);
}
