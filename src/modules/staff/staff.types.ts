/** Staff roles and how each maps onto one of the hub's existing principals. */
import { PARTNER_SCOPES, Role, type Principal } from '../../platform/auth/principal.js';

/** The console's kinds of staff. FINANCE with a partner is finance for that partner only. */
export const STAFF_ROLES = ['OPERATOR', 'FINANCE', 'PARTNER_ADMIN', 'PARTNER_ANALYST'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffAccount {
  id: string;
  email: string;
  role: StaffRole;
  partnerId: string | null;
}

/** A partner's analyst reads; its admin does everything the partner's own credentials could. */
const ANALYST_SCOPES = ['members:read', 'points:read'];

/**
 * The principal a staff session acts as: the same one a token of that kind carries, so every guard and the
 * authorisation matrix apply to the console unchanged. No client id: a partner's staff stop when the partner
 * is suspended, not when some credential is revoked.
 */
export function principalOf(account: StaffAccount): Principal {
  const subject = `staff:${account.id}`;
  switch (account.role) {
    case 'OPERATOR':
      return { role: Role.OPERATOR, subject, scopes: new Set() };
    case 'FINANCE':
      return { role: Role.FINANCE, subject, partnerId: account.partnerId ?? undefined, scopes: new Set() };
    case 'PARTNER_ADMIN':
      return { role: Role.PARTNER, subject, partnerId: account.partnerId!, scopes: new Set(PARTNER_SCOPES) };
    case 'PARTNER_ANALYST':
      return { role: Role.PARTNER, subject, partnerId: account.partnerId!, scopes: new Set(ANALYST_SCOPES) };
  }
}
