/** Suspending a partner stops its tokens at once, not at their expiry; reactivating lets it in again. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { errorCodes } from '../../support/graphql-client.js';
import { initTestApp, type TestApp } from '../../support/test-app.js';

const UpdatePartner = graphql(`
  mutation UpdatePartner($input: UpdatePartnerInput!) {
    updatePartner(input: $input) {
      id
      name
      status
    }
  }
`);

const ViewerPartner = graphql(`
  query ViewerPartner {
    viewer {
      partner {
        id
        status
      }
    }
  }
`);

let app: TestApp;
let operator: string;
beforeAll(async () => {
  app = await initTestApp();
  operator = await app.operatorToken();
});
afterAll(() => app?.close());

describe('suspension', () => {
  it("stops the partner's existing token on the very next request and refuses new ones", async () => {
    const partner = await app.createPartner();
    expect((await app.gqlOk(ViewerPartner, {}, partner.token)).viewer.partner).toEqual({
      id: partner.id,
      status: 'ACTIVE',
    });

    const { updatePartner } = await app.gqlOk(
      UpdatePartner,
      { input: { id: partner.id, status: 'SUSPENDED' } },
      operator,
    );
    expect(updatePartner.status).toBe('SUSPENDED');

    const stale = await app.gql(ViewerPartner, {}, partner.token);
    expect(stale.status).toBe(401);
    expect(errorCodes(stale)).toEqual(['UNAUTHENTICATED']);

    const fresh = await app.requestToken({
      grant_type: 'client_credentials',
      client_id: partner.clientId,
      client_secret: partner.clientSecret,
    });
    expect(fresh.status).toBe(401);
    expect(fresh.body.error).toBe('invalid_client');
  });

  it('also stops a partner-scoped finance token', async () => {
    const partner = await app.createPartner();
    const finance = await app.financeToken(partner.id);
    await app.gqlOk(UpdatePartner, { input: { id: partner.id, status: 'SUSPENDED' } }, operator);
    expect(errorCodes(await app.gql(ViewerPartner, {}, finance))).toEqual(['UNAUTHENTICATED']);
  });

  it('does not touch other partners', async () => {
    const [a, b] = [await app.createPartner(), await app.createPartner()];
    await app.gqlOk(UpdatePartner, { input: { id: a.id, status: 'SUSPENDED' } }, operator);
    expect((await app.gqlOk(ViewerPartner, {}, b.token)).viewer.partner?.id).toBe(b.id);
  });

  it('is reversible: a reactivated partner can use its token again', async () => {
    const partner = await app.createPartner();
    await app.gqlOk(UpdatePartner, { input: { id: partner.id, status: 'SUSPENDED' } }, operator);
    await app.gqlOk(UpdatePartner, { input: { id: partner.id, status: 'ACTIVE', name: 'Back again' } }, operator);
    expect((await app.gqlOk(ViewerPartner, {}, partner.token)).viewer.partner?.status).toBe('ACTIVE');
  });

  it('cannot be done by the partner itself', async () => {
    const partner = await app.createPartner();
    const res = await app.gql(
      UpdatePartner,
      { input: { id: partner.id, status: 'ACTIVE', name: 'Renamed by me' } },
      partner.token,
    );
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    const [row] = await app.hub.db.sql.query<{ name: string }>('select name from partner where id = $1', [partner.id]);
    expect(row!.name).toBe(`Partner ${partner.code}`);
  });

  it('answers NOT_FOUND for an unknown partner id', async () => {
    const res = await app.gql(
      UpdatePartner,
      { input: { id: '00000000-0000-7000-8000-000000000001', status: 'SUSPENDED' } },
      operator,
    );
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });
});
