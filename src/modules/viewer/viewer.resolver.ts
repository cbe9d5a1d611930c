/** `viewer`: who the token says the caller is, and what it may do. */
import { Ctx, Field, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import type { HubContext } from '../../platform/graphql/context.js';
import { requirePrincipal } from '../../platform/auth/guards.js';
import { Role } from '../../platform/auth/principal.js';
import { Partner, loadVisiblePartner } from '../partners/index.js';
import { MemberNode, loadVisibleMember } from '../members/index.js';

registerEnumType(Role, { name: 'HubRole', description: 'What kind of caller a token stands for.' });

@ObjectType({ description: 'The authenticated caller.' })
export class Viewer {
  @Field(() => Role)
  role!: Role;

  @Field(() => [String])
  scopes!: string[];

  @Field(() => Partner, {
    nullable: true,
    description: 'The partner a partner, member or partner-scoped finance token belongs to.',
  })
  partner!: Partner | null;

  @Field(() => MemberNode, { nullable: true, description: 'The member a member token belongs to.' })
  member!: MemberNode | null;
}

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer)
  async viewer(@Ctx() ctx: HubContext): Promise<Viewer> {
    const principal = requirePrincipal(ctx.principal);
    return {
      role: principal.role,
      scopes: [...principal.scopes].sort(),
      partner: principal.partnerId ? await loadVisiblePartner(ctx, principal.partnerId) : null,
      member: principal.role === Role.MEMBER ? await loadVisibleMember(ctx, principal.memberId!) : null,
    };
  }
}
