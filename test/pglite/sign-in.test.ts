/**
 * Member sign-in on embedded PGlite: the provider's adapter, the sign-in codes and the grants work through
 * the same `db.sql` as on PostgreSQL (code, token, refresh rotation, the member revoking the grant).
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorCodes } from '../support/graphql-client.js';
import { memberHelpers } from '../support/members.js';
import { oidcHelpers } from '../support/oidc.js';
import { initTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
// PGlite starts and migrates in-process: minutes, not seconds, when the machine is loaded (the full suite once
// took 70 s here), so this file allows more than the default hook timeout.
beforeAll(async () => {
  app = await initTestApp({ driver: 'pglite' });
}, 240_000);
afterAll(() => app?.close());

it(
  'signs a member in to a partner app, refreshes, and stops when the member revokes',
  { timeout: 120_000 },
  async () => {
    const partner = await app.createPartner();
    const members = memberHelpers(app);
    const oidc = oidcHelpers(app);
    const address = `pglite-${process.pid}@example.com`;
    const id = await members.enroll(partner, { email: address, emailVerified: true });
    const { clientId } = await oidc.registerApp(partner, ['https://app.example/cb']);
    const tokens = await oidc.signIn({
      clientId,
      redirectUri: 'https://app.example/cb',
      identifier: address,
      scope: ['balances:read'],
    });
    expect(decodeJwt(tokens.access_token!)).toMatchObject({ sub: id, mac: 'APP', scope: 'balances:read' });
    const me = `{ me { id balances { currency } } }`;
    expect((await app.postJson({ query: me }, { token: tokens.access_token })).errors).toBeUndefined();
    const refreshed = await oidc.token({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      client_id: clientId,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(tokens.refresh_token);

    const self = await members.signIn(id);
    const grants = await app.postJson<{ myAppGrants: { grantId: string }[] }>(
      { query: `{ myAppGrants { grantId } }` },
      { token: self },
    );
    await app.postJson(
      {
        query: `mutation($id: ID!) { revokeMyAppGrant(grantId: $id) }`,
        variables: { id: grants.data!.myAppGrants[0]!.grantId },
      },
      { token: self },
    );
    expect(errorCodes(await app.postJson({ query: me }, { token: refreshed.body.access_token }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  },
);
