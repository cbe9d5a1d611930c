/** GraphQL shapes of the members module. */
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BigIntScalar } from '../../platform/graphql/scalars.js';
import type { Profile } from './member-profile.js';

@ObjectType('Member', { description: 'One person in the coalition, across every partner that knows them.' })
@Directive('@key(fields: "id")')
export class MemberNode {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the member was erased (personal data removed; ledger kept).',
  })
  erasedAt!: Date | null;

  /** Resolved by the profile field, filtered by consent. */
  profile!: Profile;

  /** Members merged into this one; their history is this member's history. */
  mergedFrom!: string[];
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

@ObjectType({
  description:
    'Personal fields. A partner sees a field only if the member granted it the scope the field needs (profile: name, birth date, locale; contact: email, phone; marketing: preferences); hidden fields are null.',
})
export class MemberProfile {
  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +6281234567890.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  birthDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Language tag, e.g. id-ID.' })
  locale!: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  preferences!: Record<string, unknown> | null;

  @Field(() => [String], { description: 'The consent scopes under which the caller sees this profile.' })
  visibleScopes!: string[];
}

@ObjectType({ description: 'Coalition-wide tier from PTS earned at every partner over the trailing 12 months.' })
export class MemberTier {
  @Field(() => String)
  name!: string;

  @Field(() => BigIntScalar)
  qualifyingPoints!: bigint;

  @Field(() => String, { nullable: true })
  nextTier!: string | null;

  @Field(() => BigIntScalar, { nullable: true, description: 'Qualifying points still needed for the next tier.' })
  pointsToNextTier!: bigint | null;
}

@ObjectType({ description: 'Whether the member lets one partner use one scope of their data.' })
export class MemberConsent {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => String)
  scope!: string;

  @Field(() => Boolean)
  granted!: boolean;

  @Field(() => Date, { description: 'When this state was set.' })
  at!: Date;
}

@ObjectType({ description: 'A short-lived access token acting as one member.' })
export class MemberToken {
  @Field(() => String)
  accessToken!: string;

  @Field(() => String)
  tokenType!: string;

  @Field(() => Int, { description: 'Seconds until it expires.' })
  expiresIn!: number;

  @Field(() => ID)
  memberId!: string;
}

@InputType()
export class EnrollMemberInput {
  @Field(() => String, { description: "The partner's own id for this customer (1-128 characters)." })
  customerId!: string;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The partner verified this email. Only verified identifiers link to an existing member.',
  })
  emailVerified?: boolean | null;

  @Field(() => String, { nullable: true, description: 'International format, e.g. +6281234567890.' })
  phone?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The partner verified this phone number.' })
  phoneVerified?: boolean | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  birthDate?: string | null;

  @Field(() => String, { nullable: true })
  locale?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  preferences?: Record<string, unknown> | null;
}

@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  birthDate?: string | null;

  @Field(() => String, { nullable: true })
  locale?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  preferences?: Record<string, unknown> | null;
}

@InputType({ description: "A member, by hub id or by the calling partner's customer id (exactly one)." })
export class MemberRefInput {
  @Field(() => ID, { nullable: true })
  memberId?: string | null;

  @Field(() => String, { nullable: true })
  customerId?: string | null;
}

@InputType()
export class SetConsentInput {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => String, { description: 'profile, contact or marketing.' })
  scope!: string;

  @Field(() => Boolean)
  granted!: boolean;
}

@InputType()
export class MergeMembersInput {
  @Field(() => ID, { description: 'The duplicate; afterwards its id resolves to the target.' })
  sourceMemberId!: string;

  @Field(() => ID)
  targetMemberId!: string;
}
