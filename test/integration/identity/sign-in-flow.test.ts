/**
 * Member sign-in at the hub, end to end over HTTP (plain fetch and a cookie jar, no browser): a partner app
 * asks, the member signs in with a one-time code and ticks scopes on the hub's consent screen, and the app's
 * token carries exactly those scopes; the hub's own client gets the member's own token.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { ledgerHelpers } from '../../support/ledger.js';
import { memberHelpers } from '../../support/members.js';
import { oidcHelpers } from '../../support/oidc.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let a: TestPartner;
let b: TestPartner;
let members: ReturnType<typeof memberHelpers>;
let ledger: ReturnType<typeof ledgerHelpers>;
let oidc: ReturnType<typeof oidcHelpers>;
const REDIRECT = 'https://app.example/callback';
const CONSOLE = 'http://127.0.0.1:4000/console/callback';
let n = 0;
const email = () => `signin-${process.pid}-${++n}@example.com`;

beforeAll(async () => {
  app = await initTestApp();
  [a, b] = [await app.createPartner(), await app.createPartner()];
  members = memberHelpers(app);
  ledger = ledgerHelpers(app);
  oidc = oidcHelpers(app);
});
afterAll(() => app?.close());

async function sharedMember() {
  const address = email();
  const id = await members.enroll(a, { email: address, emailVerified: true, displayName: 'Dewi' });
  expect(await members.enroll(b, { email: address, emailVerified: true })).toBe(id);
  await ledger.earnOk(a, id, 70);
  await ledger.earnOk(b, id, 30, { orderRef: 'B-ORDER-1' });
  return { id, address };
}

describe('a partner app signs a member in', () => {
  it('gets a JWT for the hub API with exactly the scopes the member ticked', async () => {
    const { id, address } = await sharedMember();
    const client = await oidc.registerApp(a, [REDIRECT]);
    const tokens = await oidc.signIn({
      clientId: client.clientId,
      redirectUri: REDIRECT,
      identifier: address,
      scope: ['balances:read', 'history:read', 'points:convert'],
      grant: ['balances:read', 'history:read'],
    });
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.refresh_token).toBeTruthy();
    const claims = decodeJwt(tokens.access_token!);
    expect(decodeProtectedHeader(tokens.access_token!)).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    expect(claims).toMatchObject({
      aud: app.config.audience,
      iss: oidc.issuer(),
      sub: id,
      role: 'MEMBER',
      mac: 'APP',
      pid: a.id,
      mid: id,
      scope: 'balances:read history:read',
    });
    expect(claims.exp! - claims.iat!).toBe(app.config.memberTokenTtlSeconds);

    const me = await app.postJson<{ me: any }>(
      {
        query: `{ me { id balances { currency available } transactions(first: 10) { nodes { partnerId orderRef } } } }`,
      },
      { token: tokens.access_token },
    );
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.balances).toEqual([{ currency: 'PTS', available: '100' }]);
    expect(me.data!.me.transactions.nodes.map((t: { orderRef: string }) => t.orderRef)).toContain('B-ORDER-1');
    // Not granted: conversion; never grantable: the member's own controls.
    for (const query of [
      `mutation { quoteExchange(input: { from: "PTS", to: "PTS", amount: "1" }) { id } }`,
      `query { exportMyData }`,
      `mutation { setConsent(input: { partnerId: "${a.id}", scope: "contact", granted: true }) { granted } }`,
    ]) {
      expect(errorCodes(await app.postJson({ query }, { token: tokens.access_token })), query).toEqual(['FORBIDDEN']);
    }
  });

  it("the hub's own client gets the member's own token", async () => {
    const { id, address } = await sharedMember();
    const tokens = await oidc.signIn({
      clientId: 'hub-console',
      redirectUri: CONSOLE,
      identifier: address,
      scope: ['member'],
    });
    expect(decodeJwt(tokens.access_token!)).toMatchObject({ mac: 'SELF', mid: id, scope: 'member' });
    expect(decodeJwt(tokens.access_token!).pid).toBeUndefined();
    const exported = await app.postJson({ query: `query { exportMyData }` }, { token: tokens.access_token });
    expect(exported.errors).toBeUndefined();
  });
});
