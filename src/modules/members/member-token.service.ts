/**
 * Partner-minted member tokens (`issueMemberToken`): delegated, read-only, no more than the minting partner
 * sees of that member. They carry the minting credentials' client id (revoking the credentials stops them)
 * and only the read scopes of the minting token; never the member's own controls (see MemberAccess).
 */
import { MemberAccess, Role, type Principal } from '../../platform/auth/principal.js';
import type { TokenService } from '../../platform/auth/token-service.js';

/** The partner scopes a delegated token keeps: it reads as its partner would, and writes nothing. */
const DELEGATED_SCOPES = ['members:read', 'points:read'];

export class MemberTokenService {
  constructor(
    private readonly tokens: TokenService,
    private readonly ttlSeconds: number,
  ) {}

  /** A delegated token for `memberId`, minted by the partner `partner` (already checked to be linked). */
  async issue(partner: Principal, memberId: string) {
    const { token, expiresIn } = await this.tokens.sign(
      {
        role: Role.MEMBER,
        subject: `member:${memberId}`,
        partnerId: partner.partnerId,
        memberId,
        clientId: partner.clientId,
        scopes: DELEGATED_SCOPES.filter((s) => partner.scopes.has(s)),
        memberAccess: MemberAccess.DELEGATED,
      },
      this.ttlSeconds,
    );
    return { accessToken: token, tokenType: 'Bearer', expiresIn, memberId };
  }
}
