/**
 * Hub processes remember which partner tokens may act (so a request does not
 * re-read the partner), and forget it when a partner or its credentials change
 * anywhere: the database announces the change on commit. A second hub on the
 * same database must refuse a token the moment another hub suspended its
 * partner, or revoked its credentials, or an operator changed the row by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../../../src/app.js';
import { errorCodes, createGraphQLClient } from '../../support/graphql-client.js';
import { initTestApp, type TestApp } from '../../support/test-app.js';

let app: TestApp;
let second: Hub;
let operator: string;
const viewer = { query: '{ viewer { partner { id status } } }' };

beforeAll(async () => {
  app = await initTestApp();
  operator = await app.operatorToken();
  second = await startHub({ ...app.config, port: 0 }, { logSink: () => undefined });
});
afterAll(async () => {
  await second?.close();
  await app?.close();
});

/**
 * Polls until the answer matches (the announcement crosses a connection). The bound only turns a lost
 * announcement into a clear failure before the test's own timeout; a slow machine does not come near it.
 */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached within 15 s');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('partner authentication cache across hub processes', () => {
  it('a suspension made on one hub stops the token on the other', async () => {
    const partner = await app.createPartner();
    const other = createGraphQLClient(second.url);
    // The second hub has seen (and remembered) the partner as active.
    expect((await other.postJson(viewer, { token: partner.token })).errors).toBeUndefined();
    await app.postJson(
      { query: `mutation { updatePartner(input: { id: "${partner.id}", status: SUSPENDED }) { status } }` },
      { token: operator },
    );
    await eventually(
      async () => errorCodes(await other.postJson(viewer, { token: partner.token }))[0] === 'UNAUTHENTICATED',
    );
  });

  it('credentials revoked on one hub stop their token on the other', async () => {
    const partner = await app.createPartner();
    const other = createGraphQLClient(second.url);
    expect((await other.postJson(viewer, { token: partner.token })).errors).toBeUndefined();
    await app.postJson(
      { query: `mutation { revokePartnerCredentials(clientId: "${partner.clientId}") }` },
      { token: operator },
    );
    await eventually(
      async () => errorCodes(await other.postJson(viewer, { token: partner.token }))[0] === 'UNAUTHENTICATED',
    );
  });

  it('a change written straight to the database is heard too', async () => {
    const partner = await app.createPartner();
    const other = createGraphQLClient(second.url);
    expect((await other.postJson(viewer, { token: partner.token })).errors).toBeUndefined();
    await app.hub.db.sql.query(`update partner set status = 'SUSPENDED' where id = $1`, [partner.id]);
    await eventually(
      async () => errorCodes(await other.postJson(viewer, { token: partner.token }))[0] === 'UNAUTHENTICATED',
    );
    await app.hub.db.sql.query(`update partner set status = 'ACTIVE' where id = $1`, [partner.id]);
    await eventually(async () => (await other.postJson(viewer, { token: partner.token })).errors === undefined);
  });
});
