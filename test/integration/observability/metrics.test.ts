/**
 * /metrics: Prometheus text for operators only (or on a listener of its own), with the figures an operator
 * alerts on — request and operation rates and latency, errors by code, replays, holds pending, how far the
 * expiry sweep is behind, the pool — and labels that stay bounded whatever the clients send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRetry } from '../../../src/platform/db/sql.js';
import { ledgerHelpers, newKey, type LedgerHelpers } from '../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let shop: TestPartner;
beforeAll(async () => {
  app = await initTestApp({ config: { metrics: { enabled: true, port: 0, host: '127.0.0.1' } } });
  ledger = ledgerHelpers(app);
  shop = await app.createPartner();
});
afterAll(() => app?.close());

async function scrape(token?: string): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(`${app.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

/** The value of one sample (`name{labels} value`), labels given in any order; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe('/metrics', () => {
  it('is refused without a token (401) and to partners, finance and members (403); operators read Prometheus text', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('not-a-token')).status).toBe(401);
    expect((await scrape(shop.token)).status).toBe(403);
    expect((await scrape(await app.financeToken())).status).toBe(403);
    const member = await ledger.enroll(shop);
    expect((await scrape(await app.memberSessionToken(member))).status).toBe(403);
    const ok = await scrape(await app.operatorToken());
    expect(ok.status).toBe(200);
    expect(ok.type).toContain('text/plain');
    for (const name of [
      'hub_http_request_duration_seconds',
      'hub_graphql_operation_duration_seconds',
      'hub_db_pool_connections',
      'hub_db_transaction_retries_total',
      'hub_idempotent_replays_total',
      'hub_holds_active',
      'hub_expiry_sweep_lag_seconds',
      'hub_process_nodejs_eventloop_lag_seconds',
      'hub_process_nodejs_gc_duration_seconds',
    ])
      expect(ok.text, name).toContain(`# TYPE ${name}`);
  });

  it('the listener of METRICS_PORT serves /metrics without a token, and nothing else', async () => {
    const url = app.hub.metricsUrl!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('hub_graphql_operation_duration_seconds');
    expect((await fetch(url.replace('/metrics', '/graphql'))).status).toBe(404);
  });

  it('counts operations by root field, errors by code, replays, and HTTP requests by route', async () => {
    const before = (await scrape(await app.operatorToken())).text;
    const member = await ledger.enroll(shop);
    const key = newKey('m');
    await ledger.earnOk(shop, member, 10, { idempotencyKey: key });
    await ledger.earnOk(shop, member, 10, { idempotencyKey: key }); // a replay
    expect((await ledger.redeem(shop, member, 1_000)).errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_POINTS');
    await fetch(`${app.url}/no/such/path/${member}`);
    const after = (await scrape(await app.operatorToken())).text;

    const delta = (name: string, labels: Record<string, string>) =>
      (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    expect(delta('hub_graphql_operation_duration_seconds_count', { type: 'mutation', field: 'earnPoints' })).toBe(2);
    expect(delta('hub_idempotent_replays_total', {})).toBe(1);
    expect(
      delta('hub_graphql_errors_total', { type: 'mutation', field: 'redeemPoints', code: 'INSUFFICIENT_POINTS' }),
    ).toBe(1);
    expect(
      delta('hub_http_request_duration_seconds_count', { route: '/graphql', method: 'POST', status: '200' }),
    ).toBeGreaterThanOrEqual(4);
    expect(delta('hub_http_request_duration_seconds_count', { route: 'unmatched', method: 'GET', status: '404' })).toBe(
      1,
    );
    // Labels are bounded: the client's path, its operation name and the member's id never become label values.
    expect(after).not.toContain(member);
    expect(after).not.toContain('/no/such/path');
    expect(sample(after, 'hub_db_pool_connections', { state: 'in_use' })).toBeGreaterThanOrEqual(0);
  });

  it('shows holds pending and how long an expired hold waits for the sweep, back to 0 once swept', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 100);
    await ledger.authorize(shop, member, 40, { expiresInSeconds: 60 });
    const [active] = await app.hub.db.sql.query<{ n: number }>(
      `select count(*)::int as n from hold where status = 'ACTIVE'`,
    );
    let text = (await scrape(await app.operatorToken())).text;
    expect(sample(text, 'hub_holds_active')).toBe(active!.n);

    await app.advanceClock('90 seconds'); // 30 s past the hold's expiry, and no sweep has run
    text = (await scrape(await app.operatorToken())).text;
    expect(sample(text, 'hub_expiry_sweep_lag_seconds')).toBeGreaterThanOrEqual(29);
    await ledger.runExpiry();
    text = (await scrape(await app.operatorToken())).text;
    expect(sample(text, 'hub_expiry_sweep_lag_seconds')).toBe(0);
    expect(sample(text, 'hub_holds_active')).toBe(active!.n - 1);
  });

  it('counts transactions retried after a serialization failure or deadlock, by SQLSTATE', async () => {
    const read = async () =>
      sample((await scrape(await app.operatorToken())).text, 'hub_db_transaction_retries_total', {
        sqlstate: '40P01',
      }) ?? 0;
    const before = await read();
    let attempts = 0;
    await withRetry(async () => {
      if (++attempts === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    });
    expect(await read()).toBe(before + 1);
  });
});

describe('METRICS_ENABLED=false', () => {
  it('serves no /metrics at all', async () => {
    const off = await initTestApp({ config: { metrics: { enabled: false, host: '127.0.0.1' } } });
    try {
      const res = await fetch(`${off.url}/metrics`, {
        headers: { authorization: `Bearer ${await off.operatorToken()}` },
      });
      expect(res.status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
