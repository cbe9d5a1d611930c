/**
 * Partner apps as OpenID Connect clients, managed over GraphQL: the operator and the partner (apps:write)
 * register them with exact redirect URIs; bad input is refused with nothing written; revoking an app, or
 * suspending its partner, stops its members' tokens at their next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { memberHelpers } from '../../support/members.js';
import { CookieJar, newPkce, oidcHelpers } from '../../support/oidc.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let a: TestPartner;
let b: TestPartner;
let members: ReturnType<typeof memberHelpers>;
let oidc: ReturnType<typeof oidcHelpers>;
let n = 0;
const email = () => `apps-${process.pid}-${++n}@example.com`;

beforeAll(async () => {
  app = await initTestApp();
  [a, b] = [await app.createPartner(), await app.createPartner()];
  members = memberHelpers(app);
  oidc = oidcHelpers(app);
});
afterAll(() => app?.close());

const REGISTER = `mutation($input: RegisterMemberAppInput!) { registerMemberApp(input: $input) { clientId partnerId name redirectUris } }`;
const register = (input: Record<string, unknown>, token: string) =>
  app.postJson({ query: REGISTER, variables: { input } }, { token });
const ME = `{ me { id balances { currency } } }`;
const meStatus = async (token: string | undefined) =>
  errorCodes(await app.postJson({ query: ME }, { token }))[0] ?? 'ok';

describe('registering an app', () => {
  it('refuses bad input with BAD_USER_INPUT and writes nothing', async () => {
    const before = await app.count('member_app_client');
    const cases: [string, Record<string, unknown>][] = [
      ['no redirect URI', { name: 'x', redirectUris: [] }],
      [
        'eleven redirect URIs',
        { name: 'x', redirectUris: Array.from({ length: 11 }, (_, i) => `https://a.example/${i}`) },
      ],
      ['plain http off the loopback', { name: 'x', redirectUris: ['http://a.example/cb'] }],
      ['a fragment', { name: 'x', redirectUris: ['https://a.example/cb#frag'] }],
      ['a relative URI', { name: 'x', redirectUris: ['/cb'] }],
      ['a custom scheme with credentials', { name: 'x', redirectUris: ['https://user:pw@a.example/cb'] }],
      ['javascript:', { name: 'x', redirectUris: ['javascript:alert(1)'] }],
      ['an oversized URI', { name: 'x', redirectUris: [`https://a.example/${'a'.repeat(3000)}`] }],
      ['an empty name', { name: '  ', redirectUris: ['https://a.example/cb'] }],
      ['an oversized name', { name: 'n'.repeat(101), redirectUris: ['https://a.example/cb'] }],
      ['a control character in the name', { name: 'a\u0000b', redirectUris: ['https://a.example/cb'] }],
    ];
    for (const [what, input] of cases) {
      const res = await register(input, a.token);
      expect(errorCodes(res), what).toEqual(['BAD_USER_INPUT']);
      expect(res.data, what).toBeNull();
    }
    // Wrong types never reach the resolver.
    const typed = await register({ name: 5, redirectUris: 'https://a.example/cb' }, a.token);
    expect(errorCodes(typed)[0]).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    // The operator must name the partner; a partner may not name another.
    const operator = await app.operatorToken();
    expect(errorCodes(await register({ name: 'x', redirectUris: ['https://a.example/cb'] }, operator))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      errorCodes(await register({ partnerId: b.id, name: 'x', redirectUris: ['https://a.example/cb'] }, a.token)),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await register({ partnerId: 'nope', name: 'x', redirectUris: ['https://a.example/cb'] }, operator)),
    ).toEqual(['NOT_FOUND']);
    const noApps = await app.partnerToken(a.clientId, a.clientSecret, 'members:read members:write');
    expect(errorCodes(await register({ name: 'x', redirectUris: ['https://a.example/cb'] }, noApps))).toEqual([
      'FORBIDDEN',
    ]);
    expect(await app.count('member_app_client')).toBe(before);
  });

  it('keeps exact redirect URIs, which the partner can replace (the old one stops working)', async () => {
    const res = await register(
      { name: 'Loop app', redirectUris: ['http://127.0.0.1:9/cb', 'https://a.example/cb'] },
      a.token,
    );
    expect(res.errors).toBeUndefined();
    const { clientId } = (res.data as { registerMemberApp: { clientId: string } }).registerMemberApp;
    const changed = await app.postJson(
      {
        query: `mutation($id: ID!, $uris: [String!]!) { setMemberAppRedirectUris(clientId: $id, redirectUris: $uris) { redirectUris } }`,
        variables: { id: clientId, uris: ['https://a.example/new'] },
      },
      { token: a.token },
    );
    expect(changed.data).toEqual({ setMemberAppRedirectUris: { redirectUris: ['https://a.example/new'] } });
    const pkce = newPkce();
    const old = await oidc.get(
      oidc.authorizeUrl({
        client_id: clientId,
        redirect_uri: 'https://a.example/cb',
        response_type: 'code',
        scope: 'openid',
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
      }),
      new CookieJar(),
    );
    expect(old.status).toBe(400);
    expect(old.location).toBeNull();
  });
});

describe('an app’s member tokens stop at their next request', () => {
  async function signedIn(partner: TestPartner) {
    const address = email();
    await members.enroll(partner, { email: address, emailVerified: true });
    const { clientId } = await oidc.registerApp(partner, ['https://a.example/cb']);
    const tokens = await oidc.signIn({
      clientId,
      redirectUri: 'https://a.example/cb',
      identifier: address,
      scope: ['balances:read'],
    });
    expect(await meStatus(tokens.access_token)).toBe('ok');
    return { clientId, tokens };
  }

  it('when the app is revoked (by its partner); another partner cannot revoke it', async () => {
    const { clientId, tokens } = await signedIn(a);
    const REVOKE = `mutation($id: ID!) { revokeMemberApp(clientId: $id) { revokedAt } }`;
    expect(errorCodes(await app.postJson({ query: REVOKE, variables: { id: clientId } }, { token: b.token }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(await meStatus(tokens.access_token)).toBe('ok');
    const revoked = await app.postJson({ query: REVOKE, variables: { id: clientId } }, { token: a.token });
    expect(revoked.errors).toBeUndefined();
    expect(await meStatus(tokens.access_token)).toBe('UNAUTHENTICATED');
    const refreshed = await oidc.token({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      client_id: clientId,
    });
    expect(refreshed.status).toBeGreaterThanOrEqual(400);
    expect(refreshed.body.access_token).toBeUndefined();
  });

  it('when the app’s partner is suspended', async () => {
    const c = await app.createPartner();
    const { tokens } = await signedIn(c);
    const suspended = await app.postJson(
      {
        query: `mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) { status } }`,
        variables: { input: { id: c.id, status: 'SUSPENDED' } },
      },
      { token: await app.operatorToken() },
    );
    expect(suspended.errors).toBeUndefined();
    expect(await meStatus(tokens.access_token)).toBe('UNAUTHENTICATED');
  });
});
