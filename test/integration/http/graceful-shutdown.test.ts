/**
 * close() (what SIGINT/SIGTERM call) stops taking new connections, lets the
 * request in flight finish with its answer, then closes the database. The test
 * waits on the server's events, never on a timer.
 */
import { once } from 'node:events';
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
    const received = once(app.hub.server, 'request');
    const inFlight = slowPost(
      app.url,
      token,
      JSON.stringify({ query: '{ viewer { role } partners(first: 1) { nodes { id } } }' }),
    );
    await received; // the hub has the request's headers and is waiting for the rest of its body

    let closed = false;
    const closing = app.hub.close().then(() => (closed = true));
    while (app.hub.server.listening) await new Promise((r) => setImmediate(r));
    await expect(fetch(`${app.url}/health`)).rejects.toThrow();
    // Listening has stopped and a refused connection has come and gone; close() still waits for the request.
    expect(closed).toBe(false);

    inFlight.sendRest();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: { viewer: { role: 'OPERATOR' }, partners: { nodes: [] } } });
    await closing;
    expect(closed).toBe(true);
  });

  it('closes an idle hub promptly: idle keep-alive connections do not hold it open', async () => {
    app = await initTestApp();
    // fetch keeps its connection alive; the hub keeps idle ones 65 s, longer than the test's timeout, so a
    // close() that waited for them would fail the test (no wall-clock bound needed).
    const res = await fetch(`${app.url}/health`);
    expect(res.headers.get('connection')).not.toBe('close');
    await res.text();
    expect(app.hub.server.keepAliveTimeout).toBeGreaterThan(20_000);
    await app.hub.close();
    expect(app.hub.server.listening).toBe(false);
  });
});
