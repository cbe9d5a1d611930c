/**
 * Authorisation checks every resolver (and every `__resolveReference`) calls
 * first. No principal → UNAUTHENTICATED; the wrong role or scope → FORBIDDEN.
 */
import { forbidden, unauthenticated } from '../graphql/errors.js';
import { Role, type PartnerScope, type Principal } from './principal.js';

export function requirePrincipal(principal: Principal | undefined): Principal {
  if (!principal) throw unauthenticated();
  return principal;
}

export function requireRole(principal: Principal | undefined, ...roles: Role[]): Principal {
  const p = requirePrincipal(principal);
  if (!roles.includes(p.role)) throw forbidden();
  return p;
}

/** A partner token with the given scope; returns the partner's id. */
export function requirePartner(principal: Principal | undefined, scope: PartnerScope): string {
  const p = requireRole(principal, Role.PARTNER);
  if (!p.scopes.has(scope)) throw forbidden(`this operation without the ${scope} scope`);
  return p.partnerId!;
}

/** Hub-wide finance or operator: may read every partner's money data. */
export const isHubWide = (p: Principal): boolean =>
  p.role === Role.OPERATOR || (p.role === Role.FINANCE && !p.partnerId);
