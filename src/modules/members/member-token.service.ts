/** Member tokens: minted by a partner for one of its linked members, so the partner's app can call the hub as that member. */
import { Role } from '../../platform/auth/principal.js';
import type { TokenService } from '../../platform/auth/token-service.js';

export class MemberTokenService {
  constructor(
    private readonly tokens: TokenService,
    private readonly ttlSeconds: number,
  ) {}

  async issue(partnerId: string, memberId: string) {
    const { token, expiresIn } = await this.tokens.sign(
      { role: Role.MEMBER, subject: `member:${memberId}`, partnerId, memberId },
      this.ttlSeconds,
    );
    return { accessToken: token, tokenType: 'Bearer', expiresIn, memberId };
  }
}
