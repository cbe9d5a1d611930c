/**
 * What a MEMBER token may do, by how it holds the member's authority (see `MemberAccess`). One place, so
 * every resolver (and `_entities`) answers a partner-minted or partner-app token the same way.
 *
 * - SELF (signed in at the hub): everything the member may do, across every brand.
 * - APP (a partner app): what its partner sees of its own member, plus what the member granted it.
 * - DELEGATED (minted by a partner): what its partner sees of its own member, read-only.
 */
import { forbidden } from '../graphql/errors.js';
import { isHubWide, requireRole } from './guards.js';
import { MemberAccess, Role, type MemberAppScope, type Principal } from './principal.js';

export const isMemberSelf = (p: Principal): boolean => p.role === Role.MEMBER && p.memberAccess === MemberAccess.SELF;

/** A member token that acts within one partner's reach (partner-minted or a partner app). */
export const isPartnerBoundMember = (p: Principal): boolean =>
  p.role === Role.MEMBER && p.memberAccess !== MemberAccess.SELF;

/** A partner app token the member granted `scope`. */
export const appHas = (p: Principal, scope: MemberAppScope): boolean =>
  p.role === Role.MEMBER && p.memberAccess === MemberAccess.APP && p.scopes.has(scope);

/** Sees a member's data at every brand (not only the caller partner's): the hub, the member, or a granted app. */
export function seesEveryBrand(p: Principal, what: 'balances' | 'history'): boolean {
  return isHubWide(p) || isMemberSelf(p) || appHas(p, what === 'balances' ? 'balances:read' : 'history:read');
}

/** The member's own controls (consents, grants, profile, export, erasure): only the member signed in at the hub. */
export function requireMemberSelf(principal: Principal | undefined): string {
  const p = requireRole(principal, Role.MEMBER);
  if (!isMemberSelf(p)) throw forbidden('this operation: only the member signed in at the hub may');
  return p.memberId!;
}
