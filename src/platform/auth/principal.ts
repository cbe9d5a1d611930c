/** Who is calling, as established from a verified access token. */
export enum Role {
  OPERATOR = 'OPERATOR',
  FINANCE = 'FINANCE',
  PARTNER = 'PARTNER',
  MEMBER = 'MEMBER',
}

/** What a partner token may do; a credential grants a subset, a token may ask for less. */
export const PARTNER_SCOPES = ['members:read', 'members:write', 'points:read', 'points:write', 'apps:write'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

/**
 * How a MEMBER token holds the member's authority. Only SELF may change consents, export, erase or grant:
 * a partner can never obtain a SELF token without the member signing in at the hub.
 */
export enum MemberAccess {
  /** The member signed in at the hub (its own first-party client): every member control. */
  SELF = 'SELF',
  /** A partner app acting with the scopes the member granted it on the hub's consent screen. */
  APP = 'APP',
  /** Minted by a partner on its own (`issueMemberToken`): read-only, no more than that partner sees of the member. */
  DELEGATED = 'DELEGATED',
}

/** What a member can grant a partner app, beyond what the partner already sees of its own member. */
export const MEMBER_APP_SCOPES = ['balances:read', 'history:read', 'points:convert', 'points:redeem'] as const;
export type MemberAppScope = (typeof MEMBER_APP_SCOPES)[number];

export interface Principal {
  role: Role;
  subject: string;
  /** PARTNER and MEMBER tokens, and FINANCE scoped to one partner. */
  partnerId?: string;
  memberId?: string;
  /** The client id a PARTNER token was issued to (so revoking it stops the token). */
  clientId?: string;
  scopes: ReadonlySet<string>;
  /** MEMBER tokens only; a member token without the claim is a partner-minted one (DELEGATED). */
  memberAccess?: MemberAccess;
  /** APP member tokens: the member's grant, so revoking it stops the token on the next request. */
  grantId?: string;
}
