/** POST /oauth/token: the OAuth2 client-credentials grant (RFC 6749 §4.4). */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { errorCodes } from '../../support/graphql-client.js';
import { EnrollMember } from '../../support/operations.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

const WhoAmI = graphql(`
  query WhoAmI {
    viewer {
      role
      scopes
      partner {
        id
      }
    }
  }
`);

const RevokeCredentials = graphql(`
  mutation RevokeCredentials($clientId: String!) {
    revokePartnerCredentials(clientId: $clientId)
  }
`);

let app: TestApp;
let partner: TestPartner;
beforeAll(async () => {
  app = await initTestApp();
  partner = await app.createPartner();
});
afterAll(() => app?.close());

const grant = (id: string, secret: string) => ({
  grant_type: 'client_credentials',
  client_id: id,
  client_secret: secret,
});

describe('client authentication', () => {
  it('issues a short-lived partner JWT for a form body', async () => {
    const res = await app.requestToken(grant(partner.clientId, partner.clientSecret));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: app.config.accessTokenTtlSeconds,
      scope: 'members:read members:write points:read points:write apps:write',
    });

    const token = res.body.access_token!;
    const header = decodeProtectedHeader(token);
    expect(header).toMatchObject({ alg: 'ES256', kid: app.signingKey.kid });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: app.config.issuer,
      aud: app.config.audience,
      role: 'PARTNER',
      pid: partner.id,
      cid: partner.clientId,
    });
    expect(claims.exp! - claims.iat!).toBe(app.config.accessTokenTtlSeconds);

    const { viewer } = await app.gqlOk(WhoAmI, {}, token);
    expect(viewer).toEqual({
      role: 'PARTNER',
      scopes: ['apps:write', 'members:read', 'members:write', 'points:read', 'points:write'],
      partner: { id: partner.id },
    });
  });

  it('accepts a JSON body', async () => {
    const res = await app.requestToken(grant(partner.clientId, partner.clientSecret), { as: 'json' });
    expect(res.status).toBe(200);
    expect((await app.gqlOk(WhoAmI, {}, res.body.access_token)).viewer.partner?.id).toBe(partner.id);
  });

  it('accepts HTTP Basic client authentication', async () => {
    const res = await app.requestToken(
      { grant_type: 'client_credentials' },
      { basic: { id: partner.clientId, secret: partner.clientSecret } },
    );
    expect(res.status).toBe(200);
    expect((await app.gqlOk(WhoAmI, {}, res.body.access_token)).viewer.partner?.id).toBe(partner.id);
  });

  it('gives a wrong secret and an unknown client id the very same invalid_client answer', async () => {
    const wrongSecret = await app.requestToken(grant(partner.clientId, `${partner.clientSecret}x`));
    const unknownId = await app.requestToken(grant('cid_doesnotexist000', partner.clientSecret));
    for (const res of [wrongSecret, unknownId]) {
      expect(res.status).toBe(401);
      expect(res.body.access_token).toBeUndefined();
    }
    expect(wrongSecret.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed.' });
    expect(unknownId.body).toEqual(wrongSecret.body);
  });

  it('answers a wrong Basic secret with 401 and a WWW-Authenticate challenge', async () => {
    const res = await app.requestToken(
      { grant_type: 'client_credentials' },
      { basic: { id: partner.clientId, secret: 'nope' } },
    );
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
  });

  it('answers a malformed Basic header with invalid_client, not a server error', async () => {
    const res = await app.requestToken(
      { grant_type: 'client_credentials' },
      { headers: { authorization: `Basic ${Buffer.from('%zz:%zz').toString('base64')}` } },
    );
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
  });

  it('rejects a missing secret, another grant type, and a GET', async () => {
    expect((await app.requestToken({ grant_type: 'client_credentials', client_id: partner.clientId })).body.error).toBe(
      'invalid_client',
    );
    const password = await app.requestToken({ grant_type: 'password', username: 'a', password: 'b' });
    expect(password.status).toBe(400);
    expect(password.body.error).toBe('unsupported_grant_type');
    const noGrant = await app.requestToken({ client_id: partner.clientId, client_secret: partner.clientSecret });
    expect(noGrant.body.error).toBe('invalid_request');
    const get = await fetch(`${app.url}/oauth/token`);
    expect(get.status).toBe(405);
  });

  it('rejects a body that is neither form nor JSON', async () => {
    const res = await fetch(`${app.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'grant_type=client_credentials',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('scopes', () => {
  it('grants a requested subset of the credential scopes, and the token can do only that', async () => {
    const res = await app.requestToken({ ...grant(partner.clientId, partner.clientSecret), scope: 'members:read' });
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('members:read');
    const token = res.body.access_token!;
    expect((await app.gqlOk(WhoAmI, {}, token)).viewer.scopes).toEqual(['members:read']);

    const before = await app.count('member');
    const enrol = await app.gql(EnrollMember, { input: { customerId: 'SCOPE-1' } }, token);
    expect(errorCodes(enrol)).toEqual(['FORBIDDEN']);
    expect(await app.count('member')).toBe(before);
  });

  it('refuses a scope the credentials were not granted with invalid_scope', async () => {
    const narrow = await app.createPartner({ scopes: ['members:read'] });
    const res = await app.requestToken({
      ...grant(narrow.clientId, narrow.clientSecret),
      scope: 'members:read members:write',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_scope' });
    expect(res.body.access_token).toBeUndefined();
  });
});

describe('revocation', () => {
  it('stops issuing tokens for revoked credentials and stops the tokens already issued, at once', async () => {
    const other = await app.createPartner();
    expect((await app.gqlOk(WhoAmI, {}, other.token)).viewer.partner?.id).toBe(other.id);

    const { revokePartnerCredentials } = await app.gqlOk(
      RevokeCredentials,
      { clientId: other.clientId },
      await app.operatorToken(),
    );
    expect(revokePartnerCredentials).toBe(true);

    const denied = await app.requestToken(grant(other.clientId, other.clientSecret));
    expect(denied.status).toBe(401);
    expect(denied.body.error).toBe('invalid_client');

    const stale = await app.gql(WhoAmI, {}, other.token);
    expect(stale.status).toBe(401);
    expect(errorCodes(stale)).toEqual(['UNAUTHENTICATED']);
  });

  it('does not let a partner revoke credentials', async () => {
    const victim = await app.createPartner();
    const res = await app.gql(RevokeCredentials, { clientId: victim.clientId }, partner.token);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect((await app.gqlOk(WhoAmI, {}, victim.token)).viewer.partner?.id).toBe(victim.id);
  });
});
