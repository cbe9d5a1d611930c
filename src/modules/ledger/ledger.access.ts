/** Who may see which ledger rows: one rule, used by every read path (root fields, nested fields, entities). */
import { Role, type Principal } from '../../platform/auth/principal.js';
import { isHubWide } from '../../platform/auth/guards.js';
import { forbidden } from '../../platform/graphql/errors.js';
import type { HubContext } from '../../platform/graphql/context.js';
import { COALITION_CURRENCY } from './ledger.model.js';

export function canSeeLedgerRow(
  principal: Principal,
  row: { partnerId: string | null; memberId: string | null },
): boolean {
  if (isHubWide(principal)) return true;
  if (principal.role === Role.MEMBER) return row.memberId === principal.memberId;
  return principal.partnerId != null && row.partnerId === principal.partnerId;
}

/** Members and the hub see every currency; a partner sees PTS and the currencies it issues. */
export async function canSeeCurrency(ctx: HubContext, principal: Principal, code: string): Promise<boolean> {
  if (principal.role === Role.MEMBER || isHubWide(principal) || code === COALITION_CURRENCY) return true;
  const currency = await ctx.services.ledger.currencies.get(code);
  return currency.issuerPartnerId === principal.partnerId;
}

/** Partner tokens read ledger rows (transfers, holds, balances, history) only with points:read. */
export function requirePointsRead(principal: Principal): void {
  if (principal.role === Role.PARTNER && !principal.scopes.has('points:read'))
    throw forbidden('this operation without the points:read scope');
}
