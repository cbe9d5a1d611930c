/**
 * Traces (OpenTelemetry, off unless OTEL_* says otherwise): the compiled hub started as in production with
 * an OTLP/HTTP exporter pointed at a collector in this test sends, for one earn, the HTTP server span (with
 * the request's `hub.request_id`), the GraphQL operation's spans and the PostgreSQL statements' spans, all in
 * one trace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureBuilt } from '../../chaos/hubs.js';
import { freePort, sqlOnce } from '../../support/postgres-cluster.js';
import { tracingEnabled } from '../../../src/platform/observability/tracing.js';
import type { DemoSeed } from '../../../src/seed/demo-coalition.js';

interface Span {
  traceId: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: string } }[];
}

const ROOT = path.resolve(import.meta.dirname, '../../..');
const spans: Span[] = [];
let collector: Server;
let hub: ChildProcess;
let hubUrl = '';
let dataDir = '';
let database = '';
const pgInfo = inject('postgres');

const admin = (sql: string) => sqlOnce(pgInfo.adminUrl, sql);

beforeAll(async () => {
  await ensureBuilt(() => undefined);
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { resourceSpans?: { scopeSpans?: { spans?: Span[] }[] }[] };
      for (const r of parsed.resourceSpans ?? []) for (const s of r.scopeSpans ?? []) spans.push(...(s.spans ?? []));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const collectorPort = await freePort();
  await new Promise<void>((resolve) => collector.listen(collectorPort, '127.0.0.1', resolve));

  database = `hub_tracing_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${database} template ${pgInfo.template}`);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-tracing-'));
  const port = await freePort();
  hubUrl = `http://127.0.0.1:${port}`;
  hub = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js')], {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: `${pgInfo.urlPrefix}${database}`,
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      EXPIRY_SWEEP_SECONDS: '0',
      SETTLEMENT_RECONCILE_SECONDS: '0',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${collectorPort}/v1/traces`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_METRICS_EXPORTER: 'none',
      OTEL_LOGS_EXPORTER: 'none',
      OTEL_SERVICE_NAME: 'coalition-hub-test',
    },
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${hubUrl}/health`)).ok) break;
    } catch {
      // not listening yet: waiting for a process to start
    }
    if (i > 600 || hub.exitCode !== null) throw new Error('the traced hub did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}, 180_000);

afterAll(async () => {
  hub?.kill('SIGKILL');
  await new Promise<void>((resolve) => collector?.close(() => resolve()));
  if (database) await admin(`drop database if exists ${database} with (force)`);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('tracing', () => {
  it('is off unless OTEL_* asks for it', () => {
    expect(tracingEnabled({})).toBe(false);
    expect(tracingEnabled({ OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
    expect(tracingEnabled({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(
      false,
    );
  });

  it('one earn: HTTP, GraphQL and PostgreSQL spans in one trace, the HTTP span carrying the request id', async () => {
    const seed = JSON.parse(readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8')) as DemoSeed;
    const kopi = seed.partners.find((p) => p.code === 'kopi-kita')!;
    const tokenRes = await fetch(`${hubUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: kopi.clientId,
        client_secret: kopi.clientSecret,
      }),
    });
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };
    const requestId = `trace-${randomBytes(6).toString('hex')}`;
    const res = await fetch(`${hubUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
      body: JSON.stringify({
        query: `mutation($input: EarnPointsInput!) { earnPoints(input: $input) { transfer { id } } }`,
        variables: { input: { member: { customerId: 'KK-1001' }, amount: '5', idempotencyKey: requestId } },
      }),
    });
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();

    const attr = (s: Span, key: string) => s.attributes.find((a) => a.key === key)?.value.stringValue;
    let server: Span | undefined;
    for (let i = 0; i < 200 && !server; i++) {
      server = spans.find((s) => attr(s, 'hub.request_id') === requestId);
      if (!server) await new Promise((r) => setTimeout(r, 50)); // the exporter sends in batches
    }
    expect(server, 'an HTTP server span with hub.request_id').toBeDefined();
    for (let i = 0; i < 200; i++) {
      const trace = spans.filter((s) => s.traceId === server!.traceId);
      if (
        trace.some((s) => attr(s, 'db.system') === 'postgresql' || attr(s, 'db.system.name') === 'postgresql') &&
        trace.some((s) => s.name.startsWith('graphql'))
      )
        break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const trace = spans.filter((s) => s.traceId === server!.traceId);
    expect(trace.some((s) => s.name.startsWith('graphql.execute') || s.name.startsWith('graphql'))).toBe(true);
    expect(trace.some((s) => attr(s, 'db.system') === 'postgresql' || attr(s, 'db.system.name') === 'postgresql')).toBe(
      true,
    );
    // Statement text only, never the values: no idempotency key or customer id in any span.
    expect(JSON.stringify(trace)).not.toContain('KK-1001');
  }, 60_000);
});
