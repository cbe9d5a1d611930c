/** Who may see and act on settlement data: hub-wide finance and operators all partners; partner-scoped finance and the partner itself only their own. */
import { isHubWide, requirePrincipal } from '../../platform/auth/guards.js';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { forbidden } from '../../platform/graphql/errors.js';
import { checkId } from '../../platform/graphql/ids.js';

export function requireSettlementReader(principal: Principal | undefined, partnerId: string): Principal {
  const p = requirePrincipal(principal);
  if (p.role === Role.MEMBER) throw forbidden('reading settlement data');
  if (!isHubWide(p) && p.partnerId !== partnerId) throw forbidden("reading another partner's settlement data");
  checkId(partnerId, 'Partner');
  return p;
}

/** Closing periods and recording payments: finance (hub-wide, or scoped to this partner) and operators. */
export function requireFinance(principal: Principal | undefined, partnerId?: string): Principal {
  const p = requirePrincipal(principal);
  if (p.role !== Role.FINANCE && p.role !== Role.OPERATOR) throw forbidden('a finance operation');
  if (partnerId !== undefined && !isHubWide(p) && p.partnerId !== partnerId)
    throw forbidden("another partner's settlement");
  if (partnerId !== undefined) checkId(partnerId, 'Partner');
  return p;
}
