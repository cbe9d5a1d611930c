/**
 * Signs and verifies the hub's access tokens (JWT, ES256, `kid` in the header).
 * Verification accepts only our algorithm and our key ids, and checks `iss`,
 * `aud`, `exp` and `nbf` with a small clock skew.
 */
import { SignJWT, createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { SIGNING_ALG, type KeyStore } from './key-store.js';
import { MemberAccess, Role, type Principal } from './principal.js';
import { clock } from '../clock.js';

export interface TokenSettings {
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  clockSkewSeconds: number;
}

export interface TokenClaims {
  role: Role;
  subject: string;
  partnerId?: string;
  memberId?: string;
  clientId?: string;
  scopes?: readonly string[];
  memberAccess?: MemberAccess;
  grantId?: string;
}

interface HubClaims extends JWTPayload {
  role?: unknown;
  pid?: unknown;
  mid?: unknown;
  cid?: unknown;
  scope?: unknown;
  mac?: unknown;
  gid?: unknown;
}

export class InvalidTokenError extends Error {}

/** Verified tokens remembered at most (oldest forgotten first). */
const MAX_REMEMBERED = 10_000;

export class TokenService {
  private readonly keySet: ReturnType<typeof createLocalJWKSet>;

  constructor(
    private readonly keys: KeyStore,
    private readonly settings: TokenSettings,
  ) {
    this.keySet = createLocalJWKSet(keys.jwks);
  }

  get jwks() {
    return this.keys.jwks;
  }

  async sign(
    claims: TokenClaims,
    ttlSeconds = this.settings.accessTokenTtlSeconds,
  ): Promise<{ token: string; expiresIn: number }> {
    const payload: HubClaims = { role: claims.role };
    if (claims.partnerId) payload.pid = claims.partnerId;
    if (claims.memberId) payload.mid = claims.memberId;
    if (claims.clientId) payload.cid = claims.clientId;
    if (claims.scopes?.length) payload.scope = claims.scopes.join(' ');
    if (claims.memberAccess) payload.mac = claims.memberAccess;
    if (claims.grantId) payload.gid = claims.grantId;
    // Hub time, not jose's own Date.now(): a test that moves the clock moves issued tokens with it.
    const now = Math.floor(clock.nowMs() / 1000);
    const token = await new SignJWT(payload)
      .setProtectedHeader({ alg: SIGNING_ALG, kid: this.keys.current.kid, typ: 'at+jwt' })
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setSubject(claims.subject)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(this.keys.current.privateKey);
    return { token, expiresIn: ttlSeconds };
  }

  /**
   * Verifies a token. A token that verified once is remembered until it
   * expires (it cannot change; signature checks are the costliest part of a
   * request), so only the first request with it pays for the check.
   * Suspension and revocation are checked per request elsewhere.
   */
  async verify(token: string): Promise<Principal> {
    const hit = this.verified.get(token);
    if (hit && hit.expiresAt > clock.nowMs()) return hit.principal;
    const principal = await this.verifySignature(token);
    if (this.verified.size >= MAX_REMEMBERED) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, expiresAt: this.expiresAt.get(principal)! });
    return principal;
  }

  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();
  private readonly expiresAt = new WeakMap<Principal, number>();

  /** Issuers whose tokens (signed with these same keys) are accepted too: the hub's OpenID Connect provider. */
  private readonly otherIssuers: string[] = [];

  acceptIssuer(issuer: string): void {
    if (!this.otherIssuers.includes(issuer)) this.otherIssuers.push(issuer);
  }

  private async verifySignature(token: string): Promise<Principal> {
    let payload: HubClaims;
    try {
      ({ payload } = await jwtVerify<HubClaims>(token, this.keySet, {
        algorithms: [SIGNING_ALG],
        issuer: [this.settings.issuer, ...this.otherIssuers],
        audience: this.settings.audience,
        clockTolerance: this.settings.clockSkewSeconds,
        currentDate: clock.now(),
        requiredClaims: ['exp', 'sub'],
      }));
      // The hub's own tokens always carry nbf; the provider's access tokens (RFC 9068) start at iat.
      if (payload.iss === this.settings.issuer && payload.nbf === undefined) throw new InvalidTokenError('no nbf');
      if (payload.iss !== this.settings.issuer && payload.role !== Role.MEMBER)
        throw new InvalidTokenError('the provider issues member tokens only');
    } catch {
      throw new InvalidTokenError('invalid token');
    }
    const role = payload.role;
    if (typeof role !== 'string' || !(role in Role)) throw new InvalidTokenError('invalid token');
    const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
    const principal: Principal = {
      role: role as Role,
      subject: payload.sub!,
      partnerId: str(payload.pid),
      memberId: str(payload.mid),
      clientId: str(payload.cid),
      scopes: new Set(str(payload.scope)?.split(' ') ?? []),
    };
    if (principal.role === Role.MEMBER) {
      // No claim (or an unknown one) reads as the least authority: a partner-minted token.
      const mac = str(payload.mac);
      principal.memberAccess = mac && mac in MemberAccess ? (mac as MemberAccess) : MemberAccess.DELEGATED;
      principal.grantId = str(payload.gid);
      if (!principal.memberId) throw new InvalidTokenError('invalid token');
      // A member signed in at the hub acts for no partner; every other member token acts within one.
      if (principal.memberAccess === MemberAccess.SELF) principal.partnerId = undefined;
      else if (!principal.partnerId) throw new InvalidTokenError('invalid token');
      if (principal.memberAccess === MemberAccess.APP && !principal.grantId)
        throw new InvalidTokenError('invalid token');
    } else if (principal.role === Role.PARTNER && !principal.partnerId) throw new InvalidTokenError('invalid token');
    // Remembered only while `exp` (without the skew allowance) has not passed.
    this.expiresAt.set(principal, payload.exp! * 1000);
    return principal;
  }
}
