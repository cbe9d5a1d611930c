/**
 * An unexpected failure (here: the database loses a table under the hub) is
 * masked for the client — no stack, no SQL, no driver message — and logged
 * with the request id for the operator. The hub keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { initTestApp, type TestApp } from '../../support/test-app.js';

const PartnerCodes = graphql(`
  query PartnerCodes {
    partners(first: 5) {
      nodes {
        code
      }
    }
  }
`);

let app: TestApp;
beforeAll(async () => {
  app = await initTestApp();
  await app.createPartner();
});
afterAll(() => app?.close());

describe('internal errors', () => {
  it('are masked as INTERNAL_SERVER_ERROR and logged with the request id', async () => {
    const operator = await app.operatorToken();
    await app.hub.db.sql.query('alter table partner rename to partner_gone');
    let res;
    try {
      res = await app.gql(PartnerCodes, {}, { token: operator, headers: { 'x-request-id': 'boom-1' } });
    } finally {
      await app.hub.db.sql.query('alter table partner_gone rename to partner');
    }
    expect(res.errors).toEqual([
      {
        message: 'Internal server error.',
        path: ['partners'],
        locations: [{ line: 2, column: 3 }],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    const body = JSON.stringify(res);
    for (const leak of ['partner_gone', 'relation', 'select', 'stacktrace', 'at ', '.ts'])
      expect(body).not.toContain(leak);

    const logged = app.logEntries().find((e) => e.requestId === 'boom-1' && e.level === 'error');
    expect(logged).toMatchObject({ msg: 'unexpected error', sqlState: '42P01', path: 'partners' });
    expect(JSON.stringify(logged)).not.toContain('partner_gone');
  });

  it('leave the hub serving', async () => {
    const { partners } = await app.gqlOk(PartnerCodes, {}, await app.operatorToken());
    expect(partners.nodes).toHaveLength(1);
  });
});
