/**
 * The hub's signing keys: a set of asymmetric keys (ES256) with `kid`s. The
 * first signs new tokens; all verify, so a rotated-out key keeps its tokens
 * valid until they expire. Taken from configuration (HUB_SIGNING_KEYS, a JSON
 * array of private JWKs), or for the embedded default generated on first start
 * and kept in the data directory.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { randomToken } from '../ids.js';
import { clock } from '../clock.js';

export const SIGNING_ALG = 'ES256';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface KeyStore {
  current: SigningKey;
  /** Public keys of every key (current first), as published at /.well-known/jwks.json. */
  jwks: { keys: JWK[] };
  /** The private keys as given (current first), for the OpenID Connect provider, which signs with the same keys. */
  privateJwks: JWK[];
}

export async function generatePrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: `k-${clock.now().toISOString().slice(0, 10)}-${randomToken(6)}`, alg: SIGNING_ALG, use: 'sig' };
}

export async function keyStoreFromJwks(privateJwks: JWK[]): Promise<KeyStore> {
  if (privateJwks.length === 0) throw new Error('signing key set is empty');
  const keys: SigningKey[] = [];
  for (const jwk of privateJwks) {
    if (!jwk.kid || !jwk.d) throw new Error('every signing key needs a kid and its private part');
    const privateKey = (await importJWK({ ...jwk, alg: SIGNING_ALG }, SIGNING_ALG)) as CryptoKey;
    const { d: _private, ...publicJwk } = jwk;
    keys.push({ kid: jwk.kid, privateKey, publicJwk: { ...publicJwk, alg: SIGNING_ALG, use: 'sig' } });
  }
  return {
    current: keys[0]!,
    jwks: { keys: keys.map((k) => k.publicJwk) },
    privateJwks: privateJwks.map((jwk) => ({ ...jwk, alg: SIGNING_ALG, use: 'sig' })),
  };
}

/** Loads the configured keys, or the data directory's key file (created on first use). */
export async function loadKeyStore(config: { signingKeys?: string; dataDir: string }): Promise<KeyStore> {
  if (config.signingKeys) return keyStoreFromJwks(JSON.parse(config.signingKeys) as JWK[]);
  const file = path.join(config.dataDir, 'signing-keys.json');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify([await generatePrivateJwk()], null, 2), { mode: 0o600 });
  }
  return keyStoreFromJwks(JSON.parse(readFileSync(file, 'utf8')) as JWK[]);
}
