/**
 * Who may do what with rewards. A partner its own rewards, pools and redemptions (points:write to change
 * and to redeem for its linked members, points:read to read); the operator and hub-wide finance read every
 * partner's; a member its own catalog, redemptions and wishlist: signed in at the hub, across every brand;
 * through a partner's app or a partner-minted token, that partner's rewards only (and redeeming needs the
 * app's points:redeem grant). Another partner's reward, pool or redemption does not exist for a caller
 * (NOT_FOUND), like every other partner-owned row.
 */
import { isHubWide, requirePartner, requirePrincipal, requireRole } from '../../platform/auth/guards.js';
import { appHas, isMemberSelf } from '../../platform/auth/member-access.js';
import { MemberAccess, Role, type Principal } from '../../platform/auth/principal.js';
import { badInput, forbidden } from '../../platform/graphql/errors.js';
import { checkId } from '../../platform/graphql/ids.js';

/** The partner changing its own rewards (points:write). */
export const rewardWriter = (principal: Principal | undefined): string => requirePartner(principal, 'points:write');

/** Whose rewards a caller reads: a partner (points:read) or partner-scoped finance its own; hub-wide roles any. */
export function rewardReader(principal: Principal | undefined, partnerId: string | null | undefined): string {
  const p = requirePrincipal(principal);
  if (p.role === Role.MEMBER) throw forbidden("reading a partner's rewards");
  if (p.role === Role.PARTNER && !p.scopes.has('points:read'))
    throw forbidden('this operation without the points:read scope');
  if (isHubWide(p)) {
    if (partnerId == null) throw badInput('partnerId is required for hub-wide roles.', 'partnerId');
    return checkId(partnerId, 'Partner');
  }
  if (partnerId != null && partnerId !== p.partnerId) throw forbidden("reading another partner's rewards");
  return p.partnerId!;
}

/** May this caller see a reward's partner-side facts (its pool, its redemptions)? */
export const ownsReward = (p: Principal, reward: { partnerId: string }): boolean =>
  isHubWide(p) ||
  (p.role === Role.FINANCE && p.partnerId === reward.partnerId) ||
  (p.role === Role.PARTNER && p.partnerId === reward.partnerId && p.scopes.has('points:read'));

/** A partner reading one of its rows needs points:read (FORBIDDEN, as for its lists); others pass. */
export function requirePartnerRead(p: Principal): void {
  if (p.role === Role.PARTNER && !p.scopes.has('points:read'))
    throw forbidden('this operation without the points:read scope');
}

/** A member token reading its own catalog and redemptions; `onlyPartnerId` for a partner-bound one. */
export function memberReader(principal: Principal | undefined): { memberId: string; onlyPartnerId?: string } {
  const p = requireRole(principal, Role.MEMBER);
  return { memberId: p.memberId!, onlyPartnerId: isMemberSelf(p) ? undefined : p.partnerId };
}

/** A member token changing its own wishlist: signed in at the hub, or a partner's app (never a delegated one). */
export function memberWriter(principal: Principal | undefined): string {
  const p = requireRole(principal, Role.MEMBER);
  if (p.memberAccess === MemberAccess.DELEGATED || p.memberAccess === undefined)
    throw forbidden('this operation with a read-only member token');
  return p.memberId!;
}

/**
 * A member token spending its own points on a reward of `partnerId`: signed in at the hub (any brand), or
 * that partner's app with the member's points:redeem grant.
 */
export function memberRedeemer(principal: Principal, partnerId: string): string {
  if (isMemberSelf(principal)) return principal.memberId!;
  if (!appHas(principal, 'points:redeem')) throw forbidden("this operation without the member's points:redeem grant");
  if (principal.partnerId !== partnerId) throw forbidden("redeeming another partner's rewards through this app");
  return principal.memberId!;
}
