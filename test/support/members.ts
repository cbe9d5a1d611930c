/**
 * Member-profile test helpers: the member operations as typed GraphQL
 * documents, and small wrappers (enrol with a profile, mint a delegated member token, sign a member in,
 * read a member as anyone, the member's own controls).
 *
 *   const members = memberHelpers(app);
 *   const id = await members.enroll(partner, { email: 'a@x.io', emailVerified: true });
 *   const token = await members.token(partner, id);
 */
import { graphql } from '../generated/index.js';
import type { EnrollMemberInput } from '../generated/graphql.js';
import { GraphQLRequestError, errorCodes, type GraphQLResponse } from './graphql-client.js';
import { newKey } from './ledger.js';
import { reusableToken, type TestApp, type TestPartner } from './test-app.js';

export const MemberFields = graphql(`
  fragment MemberFields on Member {
    id
    createdAt
    erasedAt
    profile {
      displayName
      email
      phone
      birthDate
      locale
      preferences
      visibleScopes
    }
    tier {
      name
      qualifyingPoints
      nextTier
      pointsToNextTier
    }
    consents {
      partnerId
      scope
      granted
      at
    }
    consentHistory {
      partnerId
      scope
      granted
      at
    }
    partnerLink {
      partnerId
      customerId
    }
    links {
      partnerId
      customerId
      linkedAt
    }
    balances {
      currency
      available
      held
      owed
    }
    transactions(first: 200) {
      nodes {
        id
        kind
        currency
        amount
        walletDelta
        partnerId
        memberId
      }
    }
  }
`);

export const EnrollMemberFull = graphql(`
  mutation EnrollMemberFull($input: EnrollMemberInput!) {
    enrollMember(input: $input) {
      ...MemberFields
    }
  }
`);

export const MemberFull = graphql(`
  query MemberFull($ref: MemberRefInput!) {
    member(ref: $ref) {
      ...MemberFields
    }
  }
`);

export const Me = graphql(`
  query Me {
    me {
      ...MemberFields
    }
  }
`);

export const UnlinkMember = graphql(`
  mutation UnlinkMember($customerId: String!) {
    unlinkMember(customerId: $customerId)
  }
`);

export const IssueMemberToken = graphql(`
  mutation IssueMemberToken($member: MemberRefInput!) {
    issueMemberToken(member: $member) {
      accessToken
      tokenType
      expiresIn
      memberId
    }
  }
`);

export const UpdateMyProfile = graphql(`
  mutation UpdateMyProfile($input: UpdateProfileInput!) {
    updateMyProfile(input: $input) {
      displayName
      email
      phone
      birthDate
      locale
      preferences
      visibleScopes
    }
  }
`);

export const SetConsent = graphql(`
  mutation SetConsent($input: SetConsentInput!) {
    setConsent(input: $input) {
      partnerId
      scope
      granted
      at
    }
  }
`);

export const ExportMyData = graphql(`
  query ExportMyData {
    exportMyData
  }
`);

export const MemberDataExport = graphql(`
  query MemberDataExport($memberId: String!) {
    memberDataExport(memberId: $memberId)
  }
`);

export const EraseMyData = graphql(`
  mutation EraseMyData {
    eraseMyData {
      id
      erasedAt
      profile {
        displayName
        email
        phone
        birthDate
        locale
        preferences
      }
      links {
        partnerId
      }
    }
  }
`);

export const EraseMember = graphql(`
  mutation EraseMember($memberId: String!) {
    eraseMember(memberId: $memberId) {
      id
      erasedAt
    }
  }
`);

export const MergeMembers = graphql(`
  mutation MergeMembers($input: MergeMembersInput!) {
    mergeMembers(input: $input) {
      ...MemberFields
    }
  }
`);

/** Tables the member module writes, to prove a rejected request wrote nothing. */
export const MEMBER_TABLES = ['member', 'member_link', 'member_identifier', 'consent_event'] as const;

/** The first error's `extensions.field`. */
export const errorField = (res: GraphQLResponse<unknown>): unknown => res.errors?.[0]?.extensions?.field;

export function memberHelpers(app: TestApp) {
  const operatorToken = reusableToken(app, (ttl) => app.operatorToken(ttl));

  /** Enrols a customer at `partner` with the given profile; returns the member as the partner sees it. */
  async function enrollFull(partner: TestPartner, input: Partial<EnrollMemberInput> = {}) {
    const res = await app.gqlOk(EnrollMemberFull, { input: { customerId: newKey('cust'), ...input } }, partner.token);
    return res.enrollMember;
  }
  const enroll = async (partner: TestPartner, input: Partial<EnrollMemberInput> = {}) =>
    (await enrollFull(partner, input)).id;

  /** A delegated (read-only) member token minted by `partner` for `memberId`. */
  async function token(partner: TestPartner, memberId: string): Promise<string> {
    return (await app.gqlOk(IssueMemberToken, { member: { memberId } }, partner.token)).issueMemberToken.accessToken;
  }

  /** A token of the member signed in at the hub: the member's own controls. */
  const signIn = (memberId: string): Promise<string> => app.memberSessionToken(memberId);

  /** The member as `tok` (default: the operator) sees it. */
  async function view(memberId: string, tok?: string) {
    return (await app.gqlOk(MemberFull, { ref: { memberId } }, tok ?? (await operatorToken()))).member;
  }

  const me = async (memberToken: string) => (await app.gqlOk(Me, {}, memberToken)).me;

  async function consent(memberToken: string, partner: TestPartner, scope: string, granted = true) {
    return (await app.gqlOk(SetConsent, { input: { partnerId: partner.id, scope, granted } }, memberToken)).setConsent;
  }

  /** Row counts of the member tables. */
  async function memberCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const t of MEMBER_TABLES) counts[t] = await app.count(t);
    return counts;
  }

  /** Asserts a call fails with `code` and no data. */
  async function expectError(res: Promise<GraphQLResponse<unknown>>, code: string): Promise<GraphQLResponse<unknown>> {
    const r = await res;
    if (errorCodes(r)[0] !== code) throw new GraphQLRequestError(r);
    return r;
  }

  return { operatorToken, enrollFull, enroll, token, signIn, view, me, consent, memberCounts, expectError };
}

export type MemberHelpers = ReturnType<typeof memberHelpers>;
