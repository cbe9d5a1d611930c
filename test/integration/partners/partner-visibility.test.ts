/** `viewer` shows the caller; a partner can read itself and nobody else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { errorCodes } from '../../support/graphql-client.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

const Viewer = graphql(`
  query Viewer {
    viewer {
      role
      scopes
      partner {
        id
        code
        name
        status
        settlementCurrency
      }
      member {
        id
      }
    }
  }
`);

const OnePartner = graphql(`
  query OnePartner($id: ID!) {
    partner(id: $id) {
      id
      code
    }
  }
`);

let app: TestApp;
let a: TestPartner;
let b: TestPartner;
beforeAll(async () => {
  app = await initTestApp();
  [a, b] = [
    await app.createPartner({ settlementCurrency: 'IDR' }),
    await app.createPartner({ settlementCurrency: 'MYR' }),
  ];
});
afterAll(() => app?.close());

describe('viewer', () => {
  it('shows a partner token its own partner', async () => {
    const { viewer } = await app.gqlOk(Viewer, {}, a.token);
    expect(viewer).toEqual({
      role: 'PARTNER',
      scopes: ['apps:write', 'members:read', 'members:write', 'points:read', 'points:write'],
      partner: { id: a.id, code: a.code, name: `Partner ${a.code}`, status: 'ACTIVE', settlementCurrency: 'IDR' },
      member: null,
    });
  });

  it('shows an operator token as OPERATOR with no partner', async () => {
    expect((await app.gqlOk(Viewer, {}, await app.operatorToken())).viewer).toEqual({
      role: 'OPERATOR',
      scopes: [],
      partner: null,
      member: null,
    });
  });

  it('shows a partner-scoped finance token its partner', async () => {
    const { viewer } = await app.gqlOk(Viewer, {}, await app.financeToken(b.id));
    expect(viewer.role).toBe('FINANCE');
    expect(viewer.partner?.id).toBe(b.id);
  });

  it('needs a token', async () => {
    expect(errorCodes(await app.gql(Viewer, {}))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('partner(id)', () => {
  it('lets a partner read itself', async () => {
    expect((await app.gqlOk(OnePartner, { id: a.id }, a.token)).partner).toEqual({ id: a.id, code: a.code });
  });

  it('answers FORBIDDEN, with no data, when a partner asks for another', async () => {
    const res = await app.gql(OnePartner, { id: b.id }, a.token);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toBeNull();
    expect(JSON.stringify(res)).not.toContain(b.code);
  });

  it('answers FORBIDDEN (not NOT_FOUND) for an id that does not exist, so ids cannot be probed', async () => {
    expect(errorCodes(await app.gql(OnePartner, { id: '00000000-0000-7000-8000-00000000abcd' }, a.token))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('lets operators and hub-wide finance read any partner; partner-scoped finance only its own', async () => {
    expect((await app.gqlOk(OnePartner, { id: b.id }, await app.operatorToken())).partner.id).toBe(b.id);
    expect((await app.gqlOk(OnePartner, { id: b.id }, await app.financeToken())).partner.id).toBe(b.id);
    expect(errorCodes(await app.gql(OnePartner, { id: b.id }, await app.financeToken(a.id)))).toEqual(['FORBIDDEN']);
  });

  it('answers NOT_FOUND to an operator for an unknown or malformed id', async () => {
    const operator = await app.operatorToken();
    expect(errorCodes(await app.gql(OnePartner, { id: '00000000-0000-7000-8000-00000000abcd' }, operator))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await app.gql(OnePartner, { id: 'nope' }, operator))).toEqual(['NOT_FOUND']);
  });
});
