/** Who may see which ledger rows: one rule, used by every read path (root fields, nested fields, entities). */
import { MemberAccess, Role, type Principal } from '../../platform/auth/principal.js';
import { isHubWide } from '../../platform/auth/guards.js';
import { appHas, seesEveryBrand } from '../../platform/auth/member-access.js';
import { forbidden } from '../../platform/graphql/errors.js';
import type { HubContext } from '../../platform/graphql/context.js';
import { COALITION_CURRENCY } from './ledger.model.js';

/**
 * The hub sees every row; the member signed in at the hub (or an app granted history:read) its own rows at
 * every brand; a partner, and a member token acting within a partner's reach, only that partner's rows.
 */
export function canSeeLedgerRow(
  principal: Principal,
  row: { partnerId: string | null; memberId: string | null },
): boolean {
  if (isHubWide(principal)) return true;
  if (principal.role === Role.MEMBER) {
    if (row.memberId !== principal.memberId) return false;
    if (seesEveryBrand(principal, 'history')) return true;
  }
  return principal.partnerId != null && row.partnerId === principal.partnerId;
}

/** Members (signed in, or apps granted balances:read) and the hub see every currency; a partner PTS and its own. */
export async function canSeeCurrency(ctx: HubContext, principal: Principal, code: string): Promise<boolean> {
  if (seesEveryBrand(principal, 'balances') || code === COALITION_CURRENCY) return true;
  const currency = await ctx.services.ledger.currencies.get(code);
  return currency.issuerPartnerId === principal.partnerId;
}

/**
 * Ledger reads (balances, or transfers and holds): a partner token and a partner-minted member token need
 * points:read; a partner app the member's grant (balances:read, history:read).
 */
export function requirePointsRead(principal: Principal, what: 'balances' | 'history' = 'history'): void {
  const scope = what === 'balances' ? 'balances:read' : 'history:read';
  if (principal.role === Role.MEMBER && principal.memberAccess === MemberAccess.APP) {
    if (!appHas(principal, scope)) throw forbidden(`this operation without the member's ${scope} grant`);
  } else if (
    (principal.role === Role.PARTNER || principal.memberAccess === MemberAccess.DELEGATED) &&
    !principal.scopes.has('points:read')
  )
    throw forbidden('this operation without the points:read scope');
}
