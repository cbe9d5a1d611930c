/** GraphQL shapes of member sign-in: partner apps (OpenID Connect clients) and the member's grants to them. */
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A partner app registered as an OpenID Connect client of the hub: members sign in at the hub and grant it scopes. Public client: authorization code with PKCE, no secret.',
})
export class MemberApp {
  @Field(() => ID, { description: 'The OAuth client_id.' })
  clientId!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Exact redirect URIs: an authorization request must name one of them.' })
  redirectUris!: string[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Revoked apps start no sign-in; their grants ended.' })
  revokedAt!: Date | null;
}

@InputType()
export class RegisterMemberAppInput {
  @Field(() => ID, { nullable: true, description: 'The operator names the partner; a partner registers its own.' })
  partnerId?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'https (http only on the loopback interface), no fragment; 1 to 10.' })
  redirectUris!: string[];
}

@ObjectType({ description: 'What the member allowed a partner app on the consent screen.' })
export class MemberAppGrant {
  @Field(() => ID)
  grantId!: string;

  @Field(() => ID)
  clientId!: string;

  @Field(() => String, { nullable: true, description: "The app's name (null for the hub's own client)." })
  clientName!: string | null;

  @Field(() => ID, { nullable: true })
  partnerId!: string | null;

  @Field(() => [String], { description: 'e.g. balances:read, history:read, points:convert, points:redeem.' })
  scopes!: string[];

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;
}
