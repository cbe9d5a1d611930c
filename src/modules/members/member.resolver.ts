/** Members over GraphQL: enrolment by a partner, reads by each role within its reach. */
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../platform/graphql/context.js';
import { requirePartner, requirePrincipal } from '../../platform/auth/guards.js';
import { Role } from '../../platform/auth/principal.js';
import { badInput, forbidden, notFound } from '../../platform/graphql/errors.js';
import { isUuid } from '../../platform/ids.js';
import { MemberLinkNode, MemberNode, EnrollMemberInput, MemberRefInput } from './member.types.js';

/**
 * Loads a member the caller may see: operators and hub-wide finance any, a
 * member only itself, a partner (or partner-scoped finance) only members linked to it.
 */
export async function loadVisibleMember(ctx: HubContext, id: string): Promise<MemberNode> {
  const principal = requirePrincipal(ctx.principal);
  const member = isUuid(id) ? await ctx.loaders.member.load(id) : undefined;
  if (principal.role === Role.MEMBER) {
    if (principal.memberId !== id) throw forbidden('reading another member');
  } else if (principal.partnerId) {
    const link = member ? await ctx.loaders.memberLink.load({ memberId: id, partnerId: principal.partnerId }) : undefined;
    if (!link) throw notFound('Member');
  }
  if (!member) throw notFound('Member');
  return member;
}

@Resolver(() => MemberNode)
export class MemberResolver {
  @Mutation(() => MemberNode, { description: "Enrol a customer under the partner's own customer id; enrolling the same id again returns the same member." })
  async enrollMember(@Arg('input', () => EnrollMemberInput) input: EnrollMemberInput, @Ctx() ctx: HubContext): Promise<MemberNode> {
    const partnerId = requirePartner(ctx.principal, 'members:write');
    const { member } = await ctx.services.members.enroll(partnerId, input);
    return member;
  }

  @Query(() => MemberNode, { description: 'A member by hub id, or (for partners) by their own customer id.' })
  async member(@Arg('ref', () => MemberRefInput) ref: MemberRefInput, @Ctx() ctx: HubContext): Promise<MemberNode> {
    const principal = requirePrincipal(ctx.principal);
    if (ref.customerId != null) {
      const partnerId = requirePartner(principal, 'members:read');
      return loadVisibleMember(ctx, await ctx.services.members.resolveForPartner(partnerId, ref));
    }
    if (ref.memberId == null) throw badInput('Give exactly one of memberId or customerId.', 'member');
    if (principal.role === Role.PARTNER && !principal.scopes.has('members:read')) throw forbidden('this operation without the members:read scope');
    return loadVisibleMember(ctx, ref.memberId);
  }

  @FieldResolver(() => MemberLinkNode, { nullable: true, description: "The calling partner's own link to this member (partner tokens only)." })
  async partnerLink(@Root() member: MemberNode, @Ctx() ctx: HubContext): Promise<MemberLinkNode | null> {
    const partnerId = ctx.principal?.role === Role.PARTNER ? ctx.principal.partnerId : undefined;
    if (!partnerId) return null;
    return (await ctx.loaders.memberLink.load({ memberId: member.id, partnerId })) ?? null;
  }

  @FieldResolver(() => [MemberLinkNode], { description: 'Every partner link of this member (operator and the member itself; a partner sees only its own).' })
  async links(@Root() member: MemberNode, @Ctx() ctx: HubContext): Promise<MemberLinkNode[]> {
    const principal = requirePrincipal(ctx.principal);
    const links = await ctx.loaders.memberLinks.load(member.id);
    if (principal.role === Role.OPERATOR || principal.role === Role.MEMBER || (principal.role === Role.FINANCE && !principal.partnerId)) return links;
    return links.filter((l) => l.partnerId === principal.partnerId);
  }
}
