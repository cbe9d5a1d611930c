/**
 * Who may see and change programs: a partner its own rules, campaigns and purchases (points:read to read,
 * points:write to change and to record purchases, for members linked to it); the operator every partner's;
 * finance (hub-wide, or scoped to one partner) reads rules, campaigns and what campaigns cost their funders.
 */
import { isHubWide, requirePrincipal } from '../../platform/auth/guards.js';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { badInput, forbidden, notFound } from '../../platform/graphql/errors.js';
import { checkId } from '../../platform/graphql/ids.js';

/** Whose program a caller changes: a partner its own (never naming another); the operator the one it names. */
export function programWriter(principal: Principal | undefined, partnerId: string | null | undefined): string {
  const p = requirePrincipal(principal);
  if (p.role === Role.OPERATOR) {
    if (partnerId == null) throw badInput('partnerId is required for the operator.', 'partnerId');
    return checkId(partnerId, 'Partner');
  }
  if (p.role !== Role.PARTNER) throw forbidden('changing a program');
  if (!p.scopes.has('points:write')) throw forbidden('this operation without the points:write scope');
  if (partnerId != null && partnerId !== p.partnerId) throw forbidden("changing another partner's program");
  return p.partnerId!;
}

/** Whose program a caller reads: a partner (points:read) or partner-scoped finance its own; hub-wide roles any. */
export function programReader(principal: Principal | undefined, partnerId: string | null | undefined): string {
  const p = requirePrincipal(principal);
  if (p.role === Role.MEMBER) throw forbidden('reading programs');
  if (p.role === Role.PARTNER && !p.scopes.has('points:read'))
    throw forbidden('this operation without the points:read scope');
  if (isHubWide(p)) {
    if (partnerId == null) throw badInput('partnerId is required for hub-wide roles.', 'partnerId');
    return checkId(partnerId, 'Partner');
  }
  if (partnerId != null && partnerId !== p.partnerId) throw forbidden("reading another partner's program");
  return p.partnerId!;
}

/** A campaign exists for the caller only when it may read its host's program (otherwise NOT_FOUND). */
export function canSeeCampaign(
  principal: Principal,
  campaign: { partnerId: string; funders: { partnerId: string }[] },
): boolean {
  if (isHubWide(principal)) return true;
  if (principal.role === Role.MEMBER || !principal.partnerId) return false;
  // Finance scoped to a funder sees the campaigns its partner pays for.
  if (principal.role === Role.FINANCE)
    return (
      campaign.partnerId === principal.partnerId || campaign.funders.some((f) => f.partnerId === principal.partnerId)
    );
  return campaign.partnerId === principal.partnerId;
}

export const campaignNotFound = () => notFound('Campaign');
