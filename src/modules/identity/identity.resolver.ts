/**
 * Member sign-in over GraphQL: partner apps (the operator, or the partner itself with apps:write) and the
 * member's grants (only the member signed in at the hub lists and revokes them).
 */
import { Audited } from '../../platform/graphql/audited.js';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../platform/graphql/context.js';
import { requirePartner, requirePrincipal } from '../../platform/auth/guards.js';
import { requireMemberSelf } from '../../platform/auth/member-access.js';
import { Role } from '../../platform/auth/principal.js';
import { badInput, forbidden, notFound } from '../../platform/graphql/errors.js';
import { checkId } from '../../platform/graphql/ids.js';
import { MemberApp, MemberAppGrant, RegisterMemberAppInput } from './identity.types.js';

/** The partner whose apps the caller manages: null (every partner) for the operator. */
function appOwner(ctx: HubContext): string | null {
  const principal = requirePrincipal(ctx.principal);
  if (principal.role === Role.OPERATOR) return null;
  return requirePartner(principal, 'apps:write');
}

const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

@Resolver()
export class IdentityResolver {
  @Audited()
  @Mutation(() => MemberApp, {
    description: 'Register a partner app as an OpenID Connect client (operator, or the partner with apps:write).',
  })
  registerMemberApp(
    @Arg('input', () => RegisterMemberAppInput) input: RegisterMemberAppInput,
    @Ctx() ctx: HubContext,
  ): Promise<MemberApp> {
    const owner = appOwner(ctx);
    if (owner && input.partnerId != null && input.partnerId !== owner)
      throw forbidden("registering another partner's app");
    const partnerId = owner ?? input.partnerId;
    if (partnerId == null) throw badInput('Name the partner the app belongs to.', 'partnerId');
    return ctx.services.memberApps.register(checkId(partnerId, 'Partner'), input.name, input.redirectUris);
  }

  @Audited()
  @Mutation(() => MemberApp, { description: "Replace an app's redirect URIs (exact match; existing grants stay)." })
  setMemberAppRedirectUris(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('redirectUris', () => [String]) redirectUris: string[],
    @Ctx() ctx: HubContext,
  ): Promise<MemberApp> {
    const owner = appOwner(ctx);
    if (!CLIENT_ID.test(clientId)) throw notFound('App client');
    return ctx.services.memberApps.setRedirectUris(clientId, owner, redirectUris);
  }

  @Audited()
  @Mutation(() => MemberApp, {
    description: 'Revoke an app: no new sign-in, and every grant members gave it ends (its tokens stop at once).',
  })
  revokeMemberApp(@Arg('clientId', () => ID) clientId: string, @Ctx() ctx: HubContext): Promise<MemberApp> {
    const owner = appOwner(ctx);
    if (!CLIENT_ID.test(clientId)) throw notFound('App client');
    return ctx.services.memberApps.revoke(clientId, owner);
  }

  @Query(() => [MemberApp], { description: "Partner apps: every partner's for the operator, its own for a partner." })
  memberApps(@Ctx() ctx: HubContext): Promise<MemberApp[]> {
    return ctx.services.memberApps.list(appOwner(ctx));
  }

  @Query(() => [MemberAppGrant], {
    description: 'The apps the member allowed, and what each may do (the member signed in at the hub).',
  })
  myAppGrants(@Ctx() ctx: HubContext): Promise<MemberAppGrant[]> {
    return ctx.services.memberGrants.list(requireMemberSelf(ctx.principal));
  }

  @Mutation(() => Boolean, {
    description:
      "Revoke an app's grant (the member signed in at the hub): its refresh tokens end, and its access tokens stop at their next request.",
  })
  async revokeMyAppGrant(@Arg('grantId', () => ID) grantId: string, @Ctx() ctx: HubContext): Promise<boolean> {
    const memberId = requireMemberSelf(ctx.principal);
    if (!CLIENT_ID.test(grantId)) throw notFound('Grant');
    await ctx.services.memberGrants.revoke(memberId, grantId);
    return true;
  }
}
