/** Operators create partners and their client credentials; nobody else can. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { errorCodes } from '../../support/graphql-client.js';
import { CreatePartner, CreatePartnerCredentials } from '../../support/operations.js';
import { initTestApp, uniqueCode, type TestApp } from '../../support/test-app.js';

const PartnerById = graphql(`
  query PartnerById($id: ID!) {
    partner(id: $id) {
      id
      code
      name
      status
      settlementCurrency
      createdAt
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

describe('createPartner', () => {
  it('creates an active partner the operator can read back', async () => {
    const code = uniqueCode('coffee');
    const { createPartner } = await app.gqlOk(
      CreatePartner,
      { input: { code, name: '  Kopi Kita  ', settlementCurrency: 'IDR' } },
      operator,
    );
    expect(createPartner).toMatchObject({ code, name: 'Kopi Kita', status: 'ACTIVE', settlementCurrency: 'IDR' });

    const { partner } = await app.gqlOk(PartnerById, { id: createPartner.id }, operator);
    expect(partner).toMatchObject({ id: createPartner.id, code, name: 'Kopi Kita' });
    expect(Date.parse(partner.createdAt)).not.toBeNaN();
  });

  it('rejects a duplicate code with PARTNER_CODE_TAKEN and writes nothing', async () => {
    const code = uniqueCode();
    await app.gqlOk(CreatePartner, { input: { code, name: 'First', settlementCurrency: 'USD' } }, operator);
    const before = await app.count('partner');
    const res = await app.gql(CreatePartner, { input: { code, name: 'Second', settlementCurrency: 'USD' } }, operator);
    expect(errorCodes(res)).toEqual(['PARTNER_CODE_TAKEN']);
    expect(res.data).toBeNull();
    expect(await app.count('partner')).toBe(before);
  });

  it.each([
    ['a code with capitals', { code: 'Bad-Code', name: 'x', settlementCurrency: 'USD' }, 'code', 'BAD_USER_INPUT'],
    [
      'an unknown currency',
      { code: uniqueCode(), name: 'x', settlementCurrency: 'XYZ' },
      'settlementCurrency',
      'UNKNOWN_FIAT_CURRENCY',
    ],
    ['an empty name', { code: uniqueCode(), name: '   ', settlementCurrency: 'USD' }, 'name', 'BAD_USER_INPUT'],
  ])('rejects %s with %s naming the field, writing nothing', async (_what, input, field, code) => {
    const before = await app.count('partner');
    const res = await app.gql(CreatePartner, { input }, operator);
    expect(errorCodes(res)).toEqual([code]);
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect(await app.count('partner')).toBe(before);
  });

  it('is for operators only: partner and finance tokens get FORBIDDEN, no token UNAUTHENTICATED; nothing written', async () => {
    const partner = await app.createPartner();
    const before = await app.count('partner');
    const input = { code: uniqueCode(), name: 'Sneaky', settlementCurrency: 'USD' };
    expect(errorCodes(await app.gql(CreatePartner, { input }, partner.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.gql(CreatePartner, { input }, await app.financeToken()))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.gql(CreatePartner, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(await app.count('partner')).toBe(before);
  });
});

describe('createPartnerCredentials', () => {
  it('issues a client id and a secret shown once, stored only as a slow hash', async () => {
    const { createPartner } = await app.gqlOk(
      CreatePartner,
      { input: { code: uniqueCode(), name: 'Creds', settlementCurrency: 'MYR' } },
      operator,
    );
    const { createPartnerCredentials: creds } = await app.gqlOk(
      CreatePartnerCredentials,
      { input: { partnerId: createPartner.id, scopes: ['members:read'], label: 'POS' } },
      operator,
    );
    expect(creds).toMatchObject({
      partnerId: createPartner.id,
      scopes: ['members:read'],
      tokenEndpoint: '/oauth/token',
    });
    expect(creds.clientId).toMatch(/^cid_/);
    expect(creds.clientSecret).toMatch(/^cs_.{40,}/);

    const [row] = await app.hub.db.sql.query<{ secret_hash: string }>(
      'select secret_hash from partner_credential where client_id = $1',
      [creds.clientId],
    );
    expect(row!.secret_hash).toMatch(/^scrypt\$/);
    expect(row!.secret_hash).not.toContain(creds.clientSecret);
    expect(app.logs.join('\n')).not.toContain(creds.clientSecret);
  });

  it('rejects an unknown scope and an unknown partner, writing nothing', async () => {
    const { createPartner } = await app.gqlOk(
      CreatePartner,
      { input: { code: uniqueCode(), name: 'Scopes', settlementCurrency: 'USD' } },
      operator,
    );
    const before = await app.count('partner_credential');
    const badScope = await app.gql(
      CreatePartnerCredentials,
      { input: { partnerId: createPartner.id, scopes: ['points:steal'] } },
      operator,
    );
    expect(errorCodes(badScope)).toEqual(['UNKNOWN_SCOPE']);
    const unknown = await app.gql(
      CreatePartnerCredentials,
      { input: { partnerId: '00000000-0000-7000-8000-000000000000' } },
      operator,
    );
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(await app.count('partner_credential')).toBe(before);
  });

  it('cannot be issued by a partner for itself', async () => {
    const partner = await app.createPartner();
    const before = await app.count('partner_credential');
    const res = await app.gql(CreatePartnerCredentials, { input: { partnerId: partner.id } }, partner.token);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(await app.count('partner_credential')).toBe(before);
  });
});
