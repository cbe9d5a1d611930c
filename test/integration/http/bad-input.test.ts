/**
 * Bad HTTP input gets a clear error with a stable code, writes nothing, and
 * the process keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { initTestApp, uniqueCode, type TestApp } from '../../support/test-app.js';

const BODY_LIMIT = 4096;
let app: TestApp;
let operator: string;
beforeAll(async () => {
  app = await initTestApp({ config: { bodyLimitBytes: BODY_LIMIT } });
  operator = await app.operatorToken();
});
afterAll(() => app?.close());

const createPartnerQuery = 'mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id } }';
const raw = (body: string, headers: Record<string, string>) =>
  fetch(`${app.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${operator}`, ...headers }, body });

describe('bad input', () => {
  it('oversize body: 413 PAYLOAD_TOO_LARGE, nothing written', async () => {
    const before = await app.count('partner');
    const body = JSON.stringify({
      query: createPartnerQuery,
      variables: { input: { code: uniqueCode(), name: 'x'.repeat(BODY_LIMIT), settlementCurrency: 'USD' } },
    });
    const res = await raw(body, { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expect(await app.count('partner')).toBe(before);
  });

  it('oversize body on the token endpoint: 413', async () => {
    const res = await fetch(`${app.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${'x'.repeat(20_000)}`,
    });
    expect(res.status).toBe(413);
  });

  it('malformed JSON: 400 BAD_REQUEST, nothing written', async () => {
    const before = await app.count('partner');
    const res = await raw('{"query": "mutation { createPartner(', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(await app.count('partner')).toBe(before);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])(
    'wrong content type (%s): refused with 4xx and the mutation is not executed',
    async (contentType) => {
      const before = await app.count('partner');
      const body = JSON.stringify({
        query: createPartnerQuery,
        variables: { input: { code: uniqueCode(), name: 'CSRF', settlementCurrency: 'USD' } },
      });
      const res = await raw(body, { 'content-type': contentType });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const answer = (await res.json()) as { errors?: { extensions?: { code?: string } }[]; data?: unknown };
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(await app.count('partner')).toBe(before);
    },
  );

  it('a mutation over GET is refused and not executed', async () => {
    const before = await app.count('partner');
    const query = encodeURIComponent(
      `mutation { createPartner(input: {code: "${uniqueCode()}", name: "Get", settlementCurrency: "USD"}) { id } }`,
    );
    const res = await fetch(`${app.url}/graphql?query=${query}`, {
      headers: { authorization: `Bearer ${operator}`, 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(405);
    expect(await app.count('partner')).toBe(before);
  });

  it('unknown fields: GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await app.postJson({ query: '{ viewer { role secretAdminFlag } }' }, { token: operator });
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors![0]!.message).toContain('secretAdminFlag');
  });

  it('unknown input fields in variables: BAD_USER_INPUT, nothing written', async () => {
    const before = await app.count('partner');
    const res = await app.postJson(
      {
        query: createPartnerQuery,
        variables: { input: { code: uniqueCode(), name: 'x', settlementCurrency: 'USD', isAdmin: true } },
      },
      { token: operator },
    );
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(await app.count('partner')).toBe(before);
  });

  it('a syntax error: GRAPHQL_PARSE_FAILED', async () => {
    const res = await app.postJson({ query: '{ viewer { role ' }, { token: operator });
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('a body without a query: 400', async () => {
    const res = await app.postJson({ variables: {} }, { token: operator });
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['BAD_REQUEST']);
  });

  it('keeps serving after all of the above', async () => {
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    const res = await app.postJson({ query: '{ viewer { role } }' }, { token: operator });
    expect(res.data).toEqual({ viewer: { role: 'OPERATOR' } });
  });
});
