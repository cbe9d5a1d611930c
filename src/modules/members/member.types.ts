/** GraphQL shapes of the members module. */
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('Member', { description: 'One person in the coalition, across every partner that knows them.' })
@Directive('@key(fields: "id")')
export class MemberNode {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ description: "A partner's own customer id for a member." })
export class MemberLinkNode {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => String)
  customerId!: string;

  @Field(() => Date)
  linkedAt!: Date;
}

@InputType()
export class EnrollMemberInput {
  @Field(() => String, { description: "The partner's own id for this customer (1-128 characters)." })
  customerId!: string;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@InputType({ description: 'A member, by hub id or by the calling partner\'s customer id (exactly one).' })
export class MemberRefInput {
  @Field(() => ID, { nullable: true })
  memberId?: string | null;

  @Field(() => String, { nullable: true })
  customerId?: string | null;
}
