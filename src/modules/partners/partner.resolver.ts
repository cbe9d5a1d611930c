/** Partners over GraphQL: thin — authorise, delegate to the service, shape output. */
import { Audited } from '../../platform/graphql/audited.js';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../platform/graphql/context.js';
import { requirePrincipal, requireRole } from '../../platform/auth/guards.js';
import { Role, type Principal } from '../../platform/auth/principal.js';
import { isMemberSelf } from '../../platform/auth/member-access.js';
import { ForwardPageArgs, pageFromArgs, toConnection } from '../../platform/graphql/pagination.js';
import { forbidden, notFound } from '../../platform/graphql/errors.js';
import { isUuid } from '../../platform/ids.js';
import { checkId } from '../../platform/graphql/ids.js';
import { Partner } from './partner.entity.js';
import {
  CreatePartnerCredentialsInput,
  CreatePartnerInput,
  PartnerConnection,
  PartnerCredentials,
  UpdatePartnerInput,
} from './partner.types.js';

/** Operators see every partner; a partner, its members and partner-scoped finance see their own. */
export function canSeePartner(principal: Principal, partnerId: string): boolean {
  return (
    principal.role === Role.OPERATOR ||
    (principal.role === Role.FINANCE && !principal.partnerId) ||
    principal.partnerId === partnerId
  );
}

export async function loadVisiblePartner(ctx: HubContext, id: string): Promise<Partner> {
  const principal = requirePrincipal(ctx.principal);
  // The member signed in at the hub sees the partners it is linked to (their names, in its own links).
  const linkedMember =
    isMemberSelf(principal) &&
    isUuid(id) &&
    !!(await ctx.loaders.memberLink.load({ memberId: principal.memberId!, partnerId: id }));
  if (!linkedMember && !canSeePartner(principal, id)) throw forbidden('reading another partner');
  const partner = await ctx.loaders.partner.load(checkId(id, 'Partner'));
  if (!partner) throw notFound('Partner');
  return partner;
}

@Resolver(() => Partner)
export class PartnerResolver {
  @Query(() => Partner, { description: 'One partner. Partners may read only themselves.' })
  partner(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Partner> {
    return loadVisiblePartner(ctx, id);
  }

  @Query(() => PartnerConnection, { description: 'Every partner (operator and hub-wide finance).' })
  async partners(
    @Args(() => ForwardPageArgs) args: ForwardPageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<PartnerConnection> {
    const principal = requireRole(ctx.principal, Role.OPERATOR, Role.FINANCE);
    if (principal.partnerId) throw forbidden('listing partners');
    const page = pageFromArgs(args, (key): key is string => typeof key === 'string' && isUuid(key));
    const rows = await ctx.services.partners.list(page);
    return toConnection(rows, page.limit, (p) => p.id);
  }

  @Audited()
  @Mutation(() => Partner)
  createPartner(
    @Arg('input', () => CreatePartnerInput) input: CreatePartnerInput,
    @Ctx() ctx: HubContext,
  ): Promise<Partner> {
    requireRole(ctx.principal, Role.OPERATOR);
    return ctx.services.partners.create(input);
  }

  @Audited()
  @Mutation(() => Partner, {
    description: 'Rename, suspend or reactivate a partner. Suspension stops its tokens at once.',
  })
  updatePartner(
    @Arg('input', () => UpdatePartnerInput) input: UpdatePartnerInput,
    @Ctx() ctx: HubContext,
  ): Promise<Partner> {
    requireRole(ctx.principal, Role.OPERATOR);
    checkId(input.id, 'Partner');
    return ctx.services.partners.update(input.id, input);
  }

  @Audited()
  @Mutation(() => PartnerCredentials, {
    description: 'New OAuth2 client credentials for a partner; the secret is shown only here.',
  })
  async createPartnerCredentials(
    @Arg('input', () => CreatePartnerCredentialsInput) input: CreatePartnerCredentialsInput,
    @Ctx() ctx: HubContext,
  ): Promise<PartnerCredentials> {
    requireRole(ctx.principal, Role.OPERATOR);
    checkId(input.partnerId, 'Partner');
    const issued = await ctx.services.partners.createCredentials(input.partnerId, input.scopes, input.label);
    return { ...issued, tokenEndpoint: '/oauth/token' };
  }

  @Audited()
  @Mutation(() => Boolean, { description: 'Revoke client credentials; tokens issued with them stop working at once.' })
  revokePartnerCredentials(@Arg('clientId', () => String) clientId: string, @Ctx() ctx: HubContext): Promise<boolean> {
    requireRole(ctx.principal, Role.OPERATOR);
    return ctx.services.partners.revokeCredentials(clientId);
  }
}
