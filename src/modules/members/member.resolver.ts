/** Members over GraphQL: enrolment by a partner, reads by each role within its reach, the member's own controls. */
import { Audited } from '../../platform/graphql/audited.js';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { HubContext } from '../../platform/graphql/context.js';
import { isHubWide, requirePartner, requirePrincipal, requireRole } from '../../platform/auth/guards.js';
import { MemberAccess, Role, type Principal } from '../../platform/auth/principal.js';
import { isMemberSelf, requireMemberSelf } from '../../platform/auth/member-access.js';
import { badInput, forbidden, notFound } from '../../platform/graphql/errors.js';
import { isUuid } from '../../platform/ids.js';
import { checkId } from '../../platform/graphql/ids.js';
import { checkEmail, FIELD_SCOPE, type ConsentScope } from './member-profile.js';
import {
  EnrollMemberInput,
  MemberConsent,
  MemberLinkNode,
  MemberNode,
  MemberProfile,
  MemberRefInput,
  MemberTier,
  MemberToken,
  MergeMembersInput,
  SetConsentInput,
  UpdateProfileInput,
} from './member.types.js';

/** Members one e-mail search returns at most (an address shared by more is a data problem, not a list). */
const MAX_EMAIL_MATCHES = 20;

/** The member rows a merge left behind resolve to the survivor. */
const MAX_MERGE_HOPS = 16;

/**
 * Loads a member the caller may see: operators and hub-wide finance any, a
 * member only itself, a partner (or partner-scoped finance) only members linked to it.
 */
export async function loadVisibleMember(ctx: HubContext, id: string): Promise<MemberNode> {
  const principal = requirePrincipal(ctx.principal);
  // Every path to a member (root field, `_entities`, nested fields) needs members:read from a partner token
  // (and from a token a partner minted, which carries its minting token's read scopes).
  if (
    (principal.role === Role.PARTNER || principal.memberAccess === MemberAccess.DELEGATED) &&
    !principal.scopes.has('members:read')
  )
    throw forbidden('this operation without the members:read scope');
  let member = isUuid(id) ? await ctx.loaders.member.load(id) : undefined;
  for (let hops = 0; member?.mergedInto && hops < MAX_MERGE_HOPS; hops++)
    member = await ctx.loaders.member.load(member.mergedInto);
  if (principal.role === Role.MEMBER) {
    if (!member || principal.memberId !== member.id) throw forbidden('reading another member');
  } else if (principal.partnerId && !isHubWide(principal)) {
    const link = member
      ? await ctx.loaders.memberLink.load({ memberId: member.id, partnerId: principal.partnerId })
      : undefined;
    if (!link) throw notFound('Member');
  }
  if (!member) throw notFound('Member');
  return member;
}

/**
 * Scopes under which the caller sees a member's profile: all for the member signed in at the hub and the hub,
 * consented ones for a partner and for any member token acting within a partner's reach.
 */
async function visibleScopes(ctx: HubContext, principal: Principal, memberId: string): Promise<Set<ConsentScope>> {
  if (isMemberSelf(principal) || isHubWide(principal)) return new Set(Object.values(FIELD_SCOPE));
  if (!principal.partnerId) return new Set();
  const consents = await ctx.loaders.consents.load(memberId);
  return new Set(consents.filter((c) => c.partnerId === principal.partnerId && c.granted).map((c) => c.scope));
}

/** The member's own controls: only the member signed in at the hub (never a token a partner can obtain alone). */
const memberSelf = (ctx: HubContext): string => requireMemberSelf(ctx.principal);

/** Sees everything of the member across brands (links, consents): the hub or the member signed in at the hub. */
const seesWholeMember = (p: Principal): boolean => isMemberSelf(p) || isHubWide(p);

@Resolver(() => MemberNode)
export class MemberResolver {
  @Mutation(() => MemberNode, {
    description:
      "Enrol a customer under the partner's own customer id. The same id again returns the same member; a verified email or phone another partner verified links to that member; otherwise a new member is created.",
  })
  async enrollMember(
    @Arg('input', () => EnrollMemberInput) input: EnrollMemberInput,
    @Ctx() ctx: HubContext,
  ): Promise<MemberNode> {
    const partnerId = requirePartner(ctx.principal, 'members:write');
    const { member } = await ctx.services.members.enroll(partnerId, input);
    return member;
  }

  @Mutation(() => Boolean, {
    description: "Remove the partner's own customer id; the member, its points and history stay.",
  })
  unlinkMember(@Arg('customerId', () => String) customerId: string, @Ctx() ctx: HubContext): Promise<boolean> {
    const partnerId = requirePartner(ctx.principal, 'members:write');
    return ctx.services.members.unlink(partnerId, customerId);
  }

  @Mutation(() => MemberToken, {
    description:
      "A short-lived, read-only token for one of the partner's members: it sees only what the partner itself sees of that member (its own link and transactions, profile fields under the member's consents) and can change nothing. To act for the member, sign the member in at the hub (OpenID Connect).",
  })
  async issueMemberToken(
    @Arg('member', () => MemberRefInput) ref: MemberRefInput,
    @Ctx() ctx: HubContext,
  ): Promise<MemberToken> {
    const partnerId = requirePartner(ctx.principal, 'members:write');
    const memberId = await ctx.services.members.resolveForPartner(partnerId, ref);
    return ctx.services.memberTokens.issue(ctx.principal!, memberId);
  }

  @Query(() => MemberNode, { description: 'A member by hub id, or (for partners) by their own customer id.' })
  async member(@Arg('ref', () => MemberRefInput) ref: MemberRefInput, @Ctx() ctx: HubContext): Promise<MemberNode> {
    const principal = requirePrincipal(ctx.principal);
    if (ref.customerId != null) {
      const partnerId = requirePartner(principal, 'members:read');
      return loadVisibleMember(ctx, await ctx.services.members.resolveForPartner(partnerId, ref));
    }
    if (ref.memberId == null) throw badInput('Give exactly one of memberId or customerId.', 'member');
    if (principal.role === Role.PARTNER && !principal.scopes.has('members:read'))
      throw forbidden('this operation without the members:read scope');
    return loadVisibleMember(ctx, ref.memberId);
  }

  @Query(() => [MemberNode], {
    description: `Members by e-mail address (at most ${MAX_EMAIL_MATCHES}, oldest first): for the operator every live member with that profile e-mail; for a partner only its own members who grant it the contact scope (others are not found, exactly as if the address were unknown).`,
  })
  async membersByEmail(@Arg('email', () => String) email: string, @Ctx() ctx: HubContext): Promise<MemberNode[]> {
    const principal = requireRole(ctx.principal, Role.OPERATOR, Role.PARTNER);
    const partnerId = principal.role === Role.PARTNER ? requirePartner(principal, 'members:read') : null;
    const ids = await ctx.services.members.findByEmail(checkEmail(email), partnerId, MAX_EMAIL_MATCHES);
    return Promise.all(ids.map((id) => loadVisibleMember(ctx, id)));
  }

  @Query(() => MemberNode, {
    description:
      "The member a member token acts for. A partner app's or partner-minted token sees only what that partner may see.",
  })
  me(@Ctx() ctx: HubContext): Promise<MemberNode> {
    return loadVisibleMember(ctx, requireRole(ctx.principal, Role.MEMBER).memberId!);
  }

  @Mutation(() => MemberProfile, {
    description: 'The member updates their own profile (the member signed in at the hub).',
  })
  async updateMyProfile(
    @Arg('input', () => UpdateProfileInput) input: UpdateProfileInput,
    @Ctx() ctx: HubContext,
  ): Promise<MemberProfile> {
    const member = await ctx.services.members.updateProfile(memberSelf(ctx), input);
    return { ...member.profile, visibleScopes: [...new Set(Object.values(FIELD_SCOPE))].sort() };
  }

  @Mutation(() => MemberConsent, {
    description:
      'The member grants or revokes one scope for one partner they are linked to (the member signed in at the hub).',
  })
  setConsent(
    @Arg('input', () => SetConsentInput) input: SetConsentInput,
    @Ctx() ctx: HubContext,
  ): Promise<MemberConsent> {
    const memberId = memberSelf(ctx);
    checkId(input.partnerId, 'Partner link');
    return ctx.services.consents.set(memberId, input.partnerId, input.scope, input.granted);
  }

  @Query(() => GraphQLJSONObject, {
    description:
      'Everything the hub holds on the calling member, as one JSON document (the member signed in at the hub).',
  })
  exportMyData(@Ctx() ctx: HubContext): Promise<Record<string, unknown>> {
    return ctx.services.memberExport.export(memberSelf(ctx));
  }

  @Query(() => GraphQLJSONObject, {
    description: "Everything the hub holds on one member (operator; e.g. to answer a member's request).",
  })
  memberDataExport(
    @Arg('memberId', () => String) memberId: string,
    @Ctx() ctx: HubContext,
  ): Promise<Record<string, unknown>> {
    requireRole(ctx.principal, Role.OPERATOR);
    checkId(memberId, 'Member');
    return ctx.services.memberExport.export(memberId);
  }

  @Audited()
  @Mutation(() => MemberNode, {
    description:
      'Erase the calling member: personal data and links removed, points and ledger history kept (the member signed in at the hub).',
  })
  eraseMyData(@Ctx() ctx: HubContext): Promise<MemberNode> {
    return ctx.services.members.erase(memberSelf(ctx));
  }

  @Audited()
  @Mutation(() => MemberNode, {
    description: 'Erase a member (operator): personal data and links removed, ledger kept.',
  })
  eraseMember(@Arg('memberId', () => String) memberId: string, @Ctx() ctx: HubContext): Promise<MemberNode> {
    requireRole(ctx.principal, Role.OPERATOR);
    checkId(memberId, 'Member');
    return ctx.services.members.erase(memberId);
  }

  @Audited()
  @Mutation(() => MemberNode, {
    description:
      'Merge a duplicate member into another (operator): links, consents and history move; points move by ledger transfers.',
  })
  async mergeMembers(
    @Arg('input', () => MergeMembersInput) input: MergeMembersInput,
    @Ctx() ctx: HubContext,
  ): Promise<MemberNode> {
    requireRole(ctx.principal, Role.OPERATOR);
    checkId(input.sourceMemberId, 'Member');
    checkId(input.targetMemberId, 'Member');
    const targetId = await ctx.services.memberMerge.merge(input.sourceMemberId, input.targetMemberId);
    ctx.loaders.member.clearAll();
    return loadVisibleMember(ctx, targetId);
  }

  @FieldResolver(() => MemberProfile, {
    description: 'Personal fields, each visible to a partner only under the consent scope it needs.',
  })
  async profile(@Root() member: MemberNode, @Ctx() ctx: HubContext): Promise<MemberProfile> {
    const scopes = await visibleScopes(ctx, requirePrincipal(ctx.principal), member.id);
    const field = <K extends keyof typeof FIELD_SCOPE>(k: K) => (scopes.has(FIELD_SCOPE[k]) ? member.profile[k] : null);
    return {
      displayName: field('displayName'),
      email: field('email'),
      phone: field('phone'),
      birthDate: field('birthDate'),
      locale: field('locale'),
      preferences: field('preferences'),
      visibleScopes: [...scopes].sort(),
    };
  }

  @FieldResolver(() => MemberTier)
  async tier(@Root() member: MemberNode, @Ctx() ctx: HubContext): Promise<MemberTier> {
    return ctx.loaders.tier.load(member.id);
  }

  @FieldResolver(() => [MemberConsent], {
    description: 'Current consent per partner and scope. A partner sees only its own.',
  })
  async consents(@Root() member: MemberNode, @Ctx() ctx: HubContext): Promise<MemberConsent[]> {
    const principal = requirePrincipal(ctx.principal);
    const all = await ctx.loaders.consents.load(member.id);
    return seesWholeMember(principal) ? all : all.filter((c) => c.partnerId === principal.partnerId);
  }

  @FieldResolver(() => [MemberConsent], {
    description: 'Every grant and revocation, oldest first. A partner sees only its own.',
  })
  async consentHistory(@Root() member: MemberNode, @Ctx() ctx: HubContext): Promise<MemberConsent[]> {
    const principal = requirePrincipal(ctx.principal);
    const all = await ctx.services.consents.history(member.id);
    return seesWholeMember(principal) ? all : all.filter((c) => c.partnerId === principal.partnerId);
  }

  @FieldResolver(() => MemberLinkNode, {
    nullable: true,
    description: "The calling partner's own link to this member (partner tokens only).",
  })
  async partnerLink(@Root() member: MemberNode, @Ctx() ctx: HubContext): Promise<MemberLinkNode | null> {
    const partnerId = ctx.principal?.role === Role.PARTNER ? ctx.principal.partnerId : undefined;
    if (!partnerId) return null;
    return (await ctx.loaders.memberLink.load({ memberId: member.id, partnerId })) ?? null;
  }

  @FieldResolver(() => [MemberLinkNode], {
    description: 'Every partner link of this member (operator and the member itself; a partner sees only its own).',
  })
  async links(@Root() member: MemberNode, @Ctx() ctx: HubContext): Promise<MemberLinkNode[]> {
    const principal = requirePrincipal(ctx.principal);
    const links = await ctx.loaders.memberLinks.load(member.id);
    if (seesWholeMember(principal)) return links;
    return links.filter((l) => l.partnerId === principal.partnerId);
  }
}
