/**
 * close() (what SIGINT/SIGTERM call) stops taking new connections, lets the
 * request in flight finish with its answer, then closes the database.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { initTestApp, type TestApp } from '../../support/test-app.js';

let app: TestApp | undefined;
afterEach(() => app?.close());

/** Starts a POST whose body arrives in two halves; resolves with the answer. */
function slowPost(url: string, token: string, body: string) {
  const half = Math.floor(body.length / 2);
  let sendRest!: () => void;
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        authorization: `Bearer ${token}`,
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.write(body.slice(0, half));
    sendRest = () => req.end(body.slice(half));
  });
  return { answer, sendRest: () => sendRest() };
}

describe('graceful shutdown', () => {
  it('finishes the in-flight request before close() resolves, and refuses new connections', async () => {
    app = await initTestApp();
    const token = await app.operatorToken();
    const inFlight = slowPost(
      app.url,
      token,
      JSON.stringify({ query: '{ viewer { role } partners(first: 1) { nodes { id } } }' }),
    );
    // The hub has the request's headers and is waiting for the rest of its body.
    await new Promise((r) => setTimeout(r, 150));

    let closed = false;
    const closing = app.hub.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 150));
    expect(closed).toBe(false);
    await expect(fetch(`${app.url}/health`)).rejects.toThrow();

    inFlight.sendRest();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: { viewer: { role: 'OPERATOR' }, partners: { nodes: [] } } });
    await closing;
    expect(closed).toBe(true);
  });

  it('closes an idle hub promptly', async () => {
    app = await initTestApp();
    await fetch(`${app.url}/health`);
    const started = Date.now();
    await app.hub.close();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
