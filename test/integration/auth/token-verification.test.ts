/**
 * Every access token is verified: signature, our key ids, ES256 only, iss,
 * aud, exp and nbf with the configured skew. Bad tokens → UNAUTHENTICATED
 * (401); good tokens without the right → FORBIDDEN.
 */
import { generatePrivateJwk } from '../../../src/platform/auth/key-store.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { errorCodes } from '../../support/graphql-client.js';
import { forgeToken, secondsFromNow, unsignedToken, type ForgeOptions } from '../../support/forge-token.js';
import { initTestApp, type TestApp } from '../../support/test-app.js';

const ListPartners = graphql(`
  query ListPartners($first: Int, $after: String) {
    partners(first: $first, after: $after) {
      nodes {
        id
        code
      }
      edges {
        cursor
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

let app: TestApp;
let forge: (over?: Partial<ForgeOptions>) => Promise<string>;
beforeAll(async () => {
  app = await initTestApp();
  forge = (over = {}) =>
    forgeToken({ key: app.signingKey, issuer: app.config.issuer, audience: app.config.audience, ...over });
});
afterAll(() => app?.close());

async function expectUnauthenticated(token: string) {
  const res = await app.gql(ListPartners, {}, token);
  expect(res.status).toBe(401);
  expect(res.data ?? null).toBeNull();
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED' });
}

describe('a well-formed token', () => {
  it('is accepted (the control for every rejection below)', async () => {
    const res = await app.gql(ListPartners, {}, await forge());
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
  });

  it('is accepted with nbf slightly in the future, within the clock skew', async () => {
    const res = await app.gql(
      ListPartners,
      {},
      await forge({ claims: { nbf: secondsFromNow(app.config.clockSkewSeconds - 10) } }),
    );
    expect(res.errors).toBeUndefined();
  });
});

describe('rejected tokens → UNAUTHENTICATED', () => {
  it('no token at all', async () => {
    const res = await app.gql(ListPartners, {});
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('expired beyond the skew', async () => {
    await expectUnauthenticated(
      await forge({
        claims: {
          iat: secondsFromNow(-600),
          nbf: secondsFromNow(-600),
          exp: secondsFromNow(-app.config.clockSkewSeconds - 5),
        },
      }),
    );
  });

  it('not valid yet: nbf in the future beyond the skew', async () => {
    await expectUnauthenticated(await forge({ claims: { nbf: secondsFromNow(app.config.clockSkewSeconds + 60) } }));
  });

  it('without exp or nbf', async () => {
    await expectUnauthenticated(await forge({ claims: { exp: undefined } }));
    await expectUnauthenticated(await forge({ claims: { nbf: undefined } }));
  });

  it('wrong issuer', async () => {
    await expectUnauthenticated(await forge({ issuer: 'someone-else' }));
  });

  it('wrong audience', async () => {
    await expectUnauthenticated(await forge({ audience: 'another-api' }));
  });

  it('alg none', async () => {
    const t = secondsFromNow(0);
    await expectUnauthenticated(
      unsignedToken({
        iss: app.config.issuer,
        aud: app.config.audience,
        sub: 'x',
        role: 'OPERATOR',
        iat: t,
        nbf: t,
        exp: t + 300,
      }),
    );
  });

  it('an unknown kid, signed by a key the hub does not know', async () => {
    await expectUnauthenticated(await forge({ key: await generatePrivateJwk() }));
  });

  it('our kid, but signed by another key', async () => {
    await expectUnauthenticated(await forge({ key: await generatePrivateJwk(), header: { kid: app.signingKey.kid } }));
  });

  it('a tampered payload (signature no longer matches)', async () => {
    const [header, , signature] = (await app.financeToken()).split('.');
    const payload = Buffer.from(
      JSON.stringify({
        iss: app.config.issuer,
        aud: app.config.audience,
        sub: 'x',
        role: 'OPERATOR',
        nbf: secondsFromNow(0),
        exp: secondsFromNow(300),
      }),
    ).toString('base64url');
    await expectUnauthenticated(`${header}.${payload}.${signature}`);
  });

  it('a tampered signature', async () => {
    const token = await app.operatorToken();
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    await expectUnauthenticated(`${token.slice(0, -2)}${last}${token.at(-1)}`);
  });

  it('an unknown role, or a partner token without its partner', async () => {
    await expectUnauthenticated(await forge({ claims: { role: 'ROOT' } }));
    await expectUnauthenticated(await forge({ claims: { role: 'PARTNER' } }));
  });

  it('garbage and a non-Bearer Authorization header', async () => {
    await expectUnauthenticated('not-a-jwt');
    const res = await app.postJson({ query: '{ viewer { role } }' }, { headers: { authorization: 'Token abc' } });
    expect(res.status).toBe(401);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('valid tokens without the right → FORBIDDEN', () => {
  it('a partner listing partners', async () => {
    const partner = await app.createPartner();
    const res = await app.gql(ListPartners, {}, partner.token);
    expect(res.status).toBe(200);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });

  it('a partner-scoped finance token listing partners', async () => {
    const partner = await app.createPartner();
    expect(errorCodes(await app.gql(ListPartners, {}, await app.financeToken(partner.id)))).toEqual(['FORBIDDEN']);
  });

  it('hub-wide finance may list partners', async () => {
    const res = await app.gql(ListPartners, {}, await app.financeToken());
    expect(res.errors).toBeUndefined();
  });
});
