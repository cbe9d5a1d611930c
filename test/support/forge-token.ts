/**
 * Hand-made JWTs for the verification tests: signed with the hub's real key
 * (the test app holds it) or another one, with any claim or header changed.
 */
import { SignJWT, importJWK, type JWK, type JWTPayload } from 'jose';

export interface ForgeOptions {
  key: JWK;
  /** Claims merged over a valid operator token's; `undefined` removes a claim. */
  claims?: Record<string, unknown>;
  header?: { kid?: string; alg?: string };
  issuer: string;
  audience: string;
}

const now = () => Math.floor(Date.now() / 1000);

export async function forgeToken(options: ForgeOptions): Promise<string> {
  const t = now();
  const payload: JWTPayload & Record<string, unknown> = {
    iss: options.issuer,
    aud: options.audience,
    sub: 'operator:forged',
    role: 'OPERATOR',
    iat: t,
    nbf: t,
    exp: t + 300,
    ...options.claims,
  };
  for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
  const key = await importJWK({ ...options.key, alg: 'ES256' }, 'ES256');
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: options.header?.kid ?? options.key.kid })
    .sign(key);
}

/** An unsigned token (`alg: none`) carrying the given claims. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
}

export const secondsFromNow = (s: number) => now() + s;
