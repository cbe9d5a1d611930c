/**
 * Who may see and change webhooks: a partner its own endpoints, deliveries and events (any token of its own to
 * read; `apps:write`, the scope of a partner's integrations, to change); the operator any partner's. Finance and
 * members never. An endpoint or delivery of another partner is NOT_FOUND, as if it did not exist.
 */
import { requirePrincipal } from '../../platform/auth/guards.js';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { badInput, forbidden } from '../../platform/graphql/errors.js';
import { checkId } from '../../platform/graphql/ids.js';

export interface WebhookCaller {
  /** The caller's own partner; undefined for the operator (every partner). */
  partnerId?: string;
}

/** A caller allowed to read (`write`: to change) webhooks. */
export function webhookCaller(principal: Principal | undefined, write: boolean): WebhookCaller {
  const p = requirePrincipal(principal);
  if (p.role === Role.OPERATOR) return {};
  if (p.role !== Role.PARTNER) throw forbidden('webhooks');
  if (write && !p.scopes.has('apps:write')) throw forbidden('changing webhooks without the apps:write scope');
  return { partnerId: p.partnerId! };
}

/** The partner whose endpoints a caller lists or creates: its own; the operator must name one. */
export function targetPartner(caller: WebhookCaller, partnerId: string | null | undefined): string {
  if (caller.partnerId) {
    if (partnerId != null && partnerId !== caller.partnerId) throw forbidden("another partner's webhooks");
    return caller.partnerId;
  }
  if (partnerId == null) throw badInput('partnerId is required for the operator.', 'partnerId');
  return checkId(partnerId, 'Partner');
}
