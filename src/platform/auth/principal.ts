/** Who is calling, as established from a verified access token. */
export enum Role {
  OPERATOR = 'OPERATOR',
  FINANCE = 'FINANCE',
  PARTNER = 'PARTNER',
  MEMBER = 'MEMBER',
}

/** What a partner token may do; a credential grants a subset, a token may ask for less. */
export const PARTNER_SCOPES = ['members:read', 'members:write', 'points:read', 'points:write'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

export interface Principal {
  role: Role;
  subject: string;
  /** PARTNER and MEMBER tokens, and FINANCE scoped to one partner. */
  partnerId?: string;
  memberId?: string;
  /** The client id a PARTNER token was issued to (so revoking it stops the token). */
  clientId?: string;
  scopes: ReadonlySet<string>;
}
