/**
 * The OpenID Connect provider's guarantees, over HTTP: PKCE required and checked, exact redirect URIs, a
 * code used once (a replay revokes what it issued), token audience and expiry, refresh tokens rotated with
 * reuse detection, revocation, and a fresh session id at sign-in (no session fixation).
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { forgeToken, secondsFromNow } from '../../support/forge-token.js';
import { memberHelpers } from '../../support/members.js';
import { CookieJar, newPkce, oidcHelpers } from '../../support/oidc.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';
import { loadConfig } from '../../../src/config.js';

let app: TestApp;
let a: TestPartner;
let members: ReturnType<typeof memberHelpers>;
let oidc: ReturnType<typeof oidcHelpers>;
let clientId = '';
const REDIRECT = 'https://app.example/callback';
let n = 0;
const email = () => `proto-${process.pid}-${++n}@example.com`;

beforeAll(async () => {
  app = await initTestApp({
    config: { signIn: { ...loadConfig({ NODE_ENV: 'test' }).signIn, maxCodesPerWindow: 50 } },
  });
  a = await app.createPartner();
  members = memberHelpers(app);
  oidc = oidcHelpers(app);
  clientId = (await oidc.registerApp(a, [REDIRECT])).clientId;
});
afterAll(() => app?.close());

async function member() {
  const address = email();
  const id = await members.enroll(a, { email: address, emailVerified: true });
  return { id, address };
}

const ME = `{ me { id balances { currency } } }`;
const meStatus = async (token: string | undefined) =>
  errorCodes(await app.postJson({ query: ME }, { token }))[0] ?? 'ok';
const grants = () => app.count('oidc_payload');

describe('PKCE', () => {
  it('is required: an authorization request without a code challenge is refused, before any sign-in', async () => {
    const url = oidc.authorizeUrl({
      client_id: clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid balances:read',
      state: 's1',
    });
    const res = await oidc.get(url, new CookieJar());
    const back = new URL(res.location!);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('accepts S256 only (plain is refused)', async () => {
    const url = oidc.authorizeUrl({
      client_id: clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid',
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'plain',
      state: 's2',
    });
    const res = await oidc.get(url, new CookieJar());
    expect(new URL(res.location!).searchParams.get('error')).toBe('invalid_request');
  });

  it('is checked: the code does not exchange without its verifier, or with another one', async () => {
    const { address } = await member();
    const { code, pkce } = await oidc.authorize({ clientId, redirectUri: REDIRECT, identifier: address });
    const base = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: clientId };
    expect((await oidc.token(base)).body.error).toBe('invalid_grant');
    const wrong = await oidc.token({ ...base, code_verifier: newPkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: 'invalid_grant' });
    expect(wrong.body.access_token).toBeUndefined();
    // Only the holder of the verifier exchanges the code.
    expect((await oidc.token({ ...base, code_verifier: pkce.verifier })).status).toBe(200);
  });
});

describe('redirect URIs', () => {
  it('must match a registered one exactly: no other path, query, trailing slash, scheme or host', async () => {
    for (const redirect of [
      `${REDIRECT}/`,
      `${REDIRECT}?x=1`,
      `${REDIRECT}x`,
      'http://app.example/callback',
      'https://evil.example/callback',
      'https://app.example/CALLBACK',
    ]) {
      const pkce = newPkce();
      const res = await oidc.get(
        oidc.authorizeUrl({
          client_id: clientId,
          redirect_uri: redirect,
          response_type: 'code',
          scope: 'openid',
          code_challenge: pkce.challenge,
          code_challenge_method: 'S256',
          state: 's',
        }),
        new CookieJar(),
      );
      // Never a redirect to an unregistered URI: an error page at the hub.
      expect(res.location, redirect).toBeNull();
      expect(res.status, redirect).toBe(400);
      expect(res.body).toContain('redirect_uri');
    }
  });

  it('the code exchange must name the same redirect URI', async () => {
    const { address } = await member();
    const { code, pkce } = await oidc.authorize({ clientId, redirectUri: REDIRECT, identifier: address });
    const res = await oidc.token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${REDIRECT}?other`,
      client_id: clientId,
      code_verifier: pkce.verifier,
    });
    expect(res.body.error).toBe('invalid_grant');
  });
});

describe('authorization codes', () => {
  it('are used once; a replay revokes the tokens the first use issued', async () => {
    const { address } = await member();
    const { code, pkce } = await oidc.authorize({
      clientId,
      redirectUri: REDIRECT,
      identifier: address,
      scope: ['balances:read'],
    });
    const params = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: clientId,
      code_verifier: pkce.verifier,
    };
    const first = await oidc.token(params);
    expect(first.status).toBe(200);
    expect(await meStatus(first.body.access_token)).toBe('ok');
    const replay = await oidc.token(params);
    expect(replay.body.error).toBe('invalid_grant');
    // The grant is gone: the access token stops at its next request, the refresh token is dead.
    expect(await meStatus(first.body.access_token)).toBe('UNAUTHENTICATED');
    const refreshed = await oidc.token({
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token!,
      client_id: clientId,
    });
    expect(refreshed.body.error).toBe('invalid_grant');
  });
});

describe('access tokens', () => {
  it('are for the hub API only (audience), expire after MEMBER_TOKEN_TTL_SECONDS, and are refused when expired or for another audience', async () => {
    const { id, address } = await member();
    const tokens = await oidc.signIn({
      clientId,
      redirectUri: REDIRECT,
      identifier: address,
      scope: ['balances:read'],
    });
    const claims = decodeJwt(tokens.access_token!);
    expect(claims.aud).toBe(app.config.audience);
    expect(claims.exp! - claims.iat!).toBe(app.config.memberTokenTtlSeconds);
    expect(tokens.expires_in).toBe(app.config.memberTokenTtlSeconds);

    // The same claims, signed with the hub's key: only the audience or the expiry differ.
    const { aud: _aud, iss: _iss, ...base } = claims;
    const forged = (extra: Record<string, unknown>, audience = app.config.audience) =>
      forgeToken({ key: app.signingKey, issuer: oidc.issuer(), audience, claims: { ...base, ...extra } });
    expect(await meStatus(await forged({}))).toBe('ok'); // the control: a faithful copy passes
    expect(await meStatus(await forged({}, 'another-api'))).toBe('UNAUTHENTICATED');
    expect(
      await meStatus(
        await forged({ iat: secondsFromNow(-1000), exp: secondsFromNow(-app.config.clockSkewSeconds - 5) }),
      ),
    ).toBe('UNAUTHENTICATED');
    // The provider issues member tokens only: an operator claim under its issuer is refused.
    expect(
      errorCodes(await app.postJson({ query: `{ viewer { role } }` }, { token: await forged({ role: 'OPERATOR' }) })),
    ).toEqual(['UNAUTHENTICATED']);
    expect(id).toBe(claims.sub);
  });
});

describe('refresh tokens', () => {
  it('rotate on every use; reusing a spent one revokes the whole grant', async () => {
    const { address } = await member();
    const tokens = await oidc.signIn({
      clientId,
      redirectUri: REDIRECT,
      identifier: address,
      scope: ['balances:read'],
    });
    const refresh = (refresh_token: string) =>
      oidc.token({ grant_type: 'refresh_token', refresh_token, client_id: clientId });
    const second = await refresh(tokens.refresh_token!);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).toBeTruthy();
    expect(second.body.refresh_token).not.toBe(tokens.refresh_token);
    expect(decodeJwt(second.body.access_token!).scope).toBe('balances:read');
    expect(await meStatus(second.body.access_token)).toBe('ok');

    // Someone replays the first refresh token: refused, and everything of the grant ends.
    const reuse = await refresh(tokens.refresh_token!);
    expect(reuse.body.error).toBe('invalid_grant');
    expect((await refresh(second.body.refresh_token!)).body.error).toBe('invalid_grant');
    expect(await meStatus(second.body.access_token)).toBe('UNAUTHENTICATED');
    expect(await meStatus(tokens.access_token)).toBe('UNAUTHENTICATED');
  });
});

describe('revocation', () => {
  it('of a refresh token ends the grant: its access tokens stop at the next request', async () => {
    const { address } = await member();
    const tokens = await oidc.signIn({
      clientId,
      redirectUri: REDIRECT,
      identifier: address,
      scope: ['balances:read'],
    });
    expect(await meStatus(tokens.access_token)).toBe('ok');
    const res = await fetch(`${oidc.issuer()}/token/revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.refresh_token!, client_id: clientId }).toString(),
    });
    expect(res.status).toBe(200);
    expect(await meStatus(tokens.access_token)).toBe('UNAUTHENTICATED');
    const again = await oidc.token({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      client_id: clientId,
    });
    expect(again.body.error).toBe('invalid_grant');
  });

  it('by the member (revokeMyAppGrant): the app is listed with its scopes, then its tokens stop', async () => {
    const { id, address } = await member();
    const tokens = await oidc.signIn({
      clientId,
      redirectUri: REDIRECT,
      identifier: address,
      scope: ['balances:read', 'points:convert'],
    });
    const self = await members.signIn(id);
    const list = await app.postJson<{ myAppGrants: { grantId: string; clientId: string; scopes: string[] }[] }>(
      { query: `{ myAppGrants { grantId clientId clientName partnerId scopes } }` },
      { token: self },
    );
    expect(list.data!.myAppGrants).toEqual([
      expect.objectContaining({ clientId, partnerId: a.id, scopes: ['balances:read', 'points:convert'] }),
    ]);
    const grantId = list.data!.myAppGrants[0]!.grantId;
    // The app itself cannot revoke (or list) the member's grants.
    const byApp = await app.postJson(
      { query: `mutation($id: ID!) { revokeMyAppGrant(grantId: $id) }`, variables: { id: grantId } },
      { token: tokens.access_token },
    );
    expect(errorCodes(byApp)).toEqual(['FORBIDDEN']);
    const revoked = await app.postJson(
      { query: `mutation($id: ID!) { revokeMyAppGrant(grantId: $id) }`, variables: { id: grantId } },
      { token: self },
    );
    expect(revoked.data).toEqual({ revokeMyAppGrant: true });
    expect(await meStatus(tokens.access_token)).toBe('UNAUTHENTICATED');
    expect(
      (await oidc.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: clientId }))
        .body.error,
    ).toBe('invalid_grant');
    // Again: NOT_FOUND, nothing written.
    const before = await grants();
    const twice = await app.postJson(
      { query: `mutation($id: ID!) { revokeMyAppGrant(grantId: $id) }`, variables: { id: grantId } },
      { token: self },
    );
    expect(errorCodes(twice)).toEqual(['NOT_FOUND']);
    expect(await grants()).toBe(before);
  });
});

describe('sessions', () => {
  it('get a new id at sign-in: a session cookie planted before sign-in never becomes the member’s (no fixation)', async () => {
    const attacker = await member();
    const victim = await member();
    // The attacker signs in with its own account and plants its session cookie in the victim's browser.
    const attackerJar = (await oidc.signIn({ clientId, redirectUri: REDIRECT, identifier: attacker.address })).jar;
    const planted = attackerJar.cookies.get('_session');
    expect(planted).toBeTruthy();
    const victimJar = attackerJar.clone();
    const victimTokens = await oidc.signIn({
      clientId,
      redirectUri: REDIRECT,
      identifier: victim.address,
      jar: victimJar,
      prompt: 'login',
    });
    expect(decodeJwt(victimTokens.access_token!).sub).toBe(victim.id);
    expect(victimJar.cookies.get('_session')).not.toBe(planted);
    // The attacker's browser, asking silently, gets its own account back, never the victim's.
    const pkce = newPkce();
    const silent = await oidc.follow(
      await oidc.get(
        oidc.authorizeUrl({
          client_id: clientId,
          redirect_uri: REDIRECT,
          response_type: 'code',
          scope: 'openid',
          code_challenge: pkce.challenge,
          code_challenge_method: 'S256',
          prompt: 'none',
          state: 'x',
        }),
        attackerJar,
      ),
      attackerJar,
    );
    const back = new URL(silent.location!);
    if (back.searchParams.get('code')) {
      const t = await oidc.token({
        grant_type: 'authorization_code',
        code: back.searchParams.get('code')!,
        redirect_uri: REDIRECT,
        client_id: clientId,
        code_verifier: pkce.verifier,
      });
      expect(decodeJwt(t.body.access_token!).sub).toBe(attacker.id);
    } else {
      expect(back.searchParams.get('error')).toMatch(/login_required|consent_required|interaction_required/);
    }
  });
});

describe('hostile input at the provider and the grant operations', () => {
  it('gets RFC 6749 errors (or NOT_FOUND) and writes nothing', async () => {
    const { id, address } = await member();
    const { code, pkce } = await oidc.authorize({ clientId, redirectUri: REDIRECT, identifier: address });
    const before = await grants();
    const post = (body: string, type = 'application/x-www-form-urlencoded') =>
      fetch(`${oidc.issuer()}/token`, { method: 'POST', headers: { 'content-type': type }, body });
    const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
    const valid = {
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT,
      client_id: clientId,
      code_verifier: pkce.verifier,
    };
    const cases: [string, Promise<Response>][] = [
      ['an oversized code', post(form({ ...valid, code: 'c'.repeat(10_000) }))],
      ['a code given twice', post(`${form({ ...valid, code })}&code=${code}`)],
      ['an oversized verifier', post(form({ ...valid, code, code_verifier: 'v'.repeat(200) }))],
      ['JSON instead of a form', post(JSON.stringify({ ...valid, code }), 'application/json')],
      ['an unknown grant type', post(form({ ...valid, code, grant_type: 'password' }))],
      [
        'no client',
        post(form({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: pkce.verifier })),
      ],
      ['an unknown client', post(form({ ...valid, code, client_id: 'app_nope' }))],
      [
        'a refresh token that is not one',
        post(form({ grant_type: 'refresh_token', refresh_token: 'x'.repeat(5000), client_id: clientId })),
      ],
    ];
    for (const [what, pending] of cases) {
      const res = await pending;
      expect(res.status, what).toBeGreaterThanOrEqual(400);
      expect(res.status, what).toBeLessThan(500);
      const body = (await res.json()) as { error?: string; access_token?: string };
      expect(body.error, what).toMatch(/^(invalid_request|invalid_grant|invalid_client|unsupported_grant_type)$/);
      expect(body.access_token, what).toBeUndefined();
    }
    expect(await grants()).toBe(before);
    // The code survived all of it: nothing above consumed it.
    expect((await oidc.token({ ...valid, code })).status).toBe(200);

    const self = await members.signIn(id);
    for (const grantId of ['x'.repeat(64), 'y'.repeat(65), '../../etc', '']) {
      const res = await app.postJson(
        { query: `mutation($id: ID!) { revokeMyAppGrant(grantId: $id) }`, variables: { id: grantId } },
        { token: self },
      );
      expect(errorCodes(res), grantId).toEqual(['NOT_FOUND']);
    }
    const wrongType = await app.postJson(
      { query: `mutation($id: ID!) { revokeMyAppGrant(grantId: $id) }`, variables: { id: { a: 1 } } },
      { token: self },
    );
    expect(errorCodes(wrongType)[0]).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });
});

describe('discovery', () => {
  it('advertises the code flow with S256 only, on the hub’s keys', async () => {
    const meta = (await (await fetch(`${oidc.issuer()}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(meta).toMatchObject({
      issuer: oidc.issuer(),
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
    });
    expect(meta.grant_types_supported).not.toContain('implicit');
    const jwks = (await (await fetch(meta.jwks_uri as string)).json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual(app.hub.tokens.jwks.keys.map((k) => k.kid));
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
  });
});
