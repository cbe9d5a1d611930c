/** /health, /ready, the JWKS, request ids on every response and in the logs. */
import { importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTestApp, type TestApp } from '../../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await initTestApp();
});
afterAll(() => app?.close());

describe('health and readiness', () => {
  it('/health says the process is alive', async () => {
    const res = await fetch(`${app.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/ready says the database is reachable and every migration applied', async () => {
    const res = await fetch(`${app.url}/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', pendingMigrations: 0 });
  });

  it('answers 404 on an unknown path', async () => {
    const res = await fetch(`${app.url}/admin`);
    expect(res.status).toBe(404);
  });
});

describe('/.well-known/jwks.json', () => {
  it('publishes the public signing key (no private part), which verifies the tokens the hub issues', async () => {
    const res = await fetch(`${app.url}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const jwks = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kid: app.signingKey.kid, kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');

    const token = await app.operatorToken();
    const key = await importJWK(jwks.keys[0]!, 'ES256');
    const { payload } = await jwtVerify(token, key, { issuer: app.config.issuer, audience: app.config.audience });
    expect(payload.role).toBe('OPERATOR');
  });
});

describe('request ids', () => {
  it('are on every response, whatever the route or outcome', async () => {
    const responses = await Promise.all([
      fetch(`${app.url}/health`),
      fetch(`${app.url}/ready`),
      fetch(`${app.url}/.well-known/jwks.json`),
      fetch(`${app.url}/nowhere`),
      fetch(`${app.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      }),
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ viewer { role } }"}',
      }),
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{not json',
      }),
    ]);
    const ids = responses.map((r) => r.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("echo a caller's well-formed request id, and replace a malformed one", async () => {
    const given = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'pos-7.batch_42' } });
    expect(given.headers.get('x-request-id')).toBe('pos-7.batch_42');
    const bad = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'has spaces and "quotes"' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('appear in the structured JSON log line of the request, with no token in the logs', async () => {
    const token = await app.operatorToken();
    const res = await app.postJson(
      { query: '{ viewer { role } }' },
      { token, headers: { 'x-request-id': 'trace-me-123' } },
    );
    expect(res.status).toBe(200);
    const line = app.logEntries().find((e) => e.requestId === 'trace-me-123' && e.msg === 'request');
    expect(line).toMatchObject({ level: 'info', method: 'POST', path: '/graphql', status: 200 });
    expect(typeof line!.ms).toBe('number');
    expect(Date.parse(String(line!.time))).not.toBeNaN();
    expect(app.logs.join('\n')).not.toContain(token);
  });
});
