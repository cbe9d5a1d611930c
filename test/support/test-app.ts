/**
 * initTestApp(): a real hub for one test file, on its own fresh database.
 *
 * PostgreSQL (default): a copy of the migrated template database in the
 * cluster the globalSetup started. PGlite: an in-memory database
 * (`dataDir: 'memory://'`). Either way the hub listens on a random port and the
 * test talks to it over HTTP with real tokens; logs are captured, not printed.
 *
 *   const app = await initTestApp();
 *   afterAll(() => app.close());
 *
 * Hub time is the test's to move (src/platform/clock.ts): `await
 * app.advanceClock('2 hours')` moves the process clock and `hub_now()` in SQL
 * together, instead of sleeping; `app.freezeClock()` stops it, so nothing the
 * hub measures depends on how fast the test runs; `app.now()` is hub time.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sqlOnce } from './postgres-cluster.js';
import type { JWK } from 'jose';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { startHub, type Hub } from '../../src/app.js';
import { generatePrivateJwk } from '../../src/platform/auth/key-store.js';
import { MemberAccess, Role } from '../../src/platform/auth/principal.js';
import { createGraphQLClient } from './graphql-client.js';
import { CreatePartner, CreatePartnerCredentials } from './operations.js';
import { durationMs, type Duration } from './duration.js';

export type TestDriver = 'postgresql' | 'pglite';

export interface TestAppOptions {
  driver?: TestDriver;
  config?: Partial<Config>;
}

export interface TestPartner {
  id: string;
  code: string;
  clientId: string;
  clientSecret: string;
  /** A partner access token with every scope its credentials hold. */
  token: string;
}

export interface TokenResponse {
  status: number;
  headers: Headers;
  body: {
    access_token?: string;
    token_type?: string;
    expires_in?: number;
    scope?: string;
    error?: string;
    error_description?: string;
  };
}

/**
 * Token lifetimes for a file that moves hub time by more than 15 minutes: tokens live in hub time too, so
 * without this the tokens minted at the start expire when the test advances the clock.
 */
export const LONG_LIVED_TOKENS = { accessTokenTtlSeconds: 400 * 86_400, memberTokenTtlSeconds: 400 * 86_400 };

/**
 * A token minted once and reused until hub time nears its expiry, then minted again: helpers that cache an
 * operator or finance token keep working in files that move the clock.
 */
export function reusableToken(app: { now(): Date }, mint: (ttlSeconds: number) => Promise<string>, ttlSeconds = 3600) {
  let held: { token: string; until: number } | undefined;
  return async (): Promise<string> => {
    const now = app.now().getTime();
    if (!held || held.until <= now) held = { token: await mint(ttlSeconds), until: now + (ttlSeconds - 60) * 1000 };
    return held.token;
  };
}

let partnerCounter = 0;
/** A partner code unique across files and runs: lower-case letters, digits, dashes. */
export const uniqueCode = (prefix = 'p') =>
  `${prefix}-${process.pid}-${++partnerCounter}-${randomBytes(3).toString('hex')}`;

export async function initTestApp(options: TestAppOptions = {}) {
  const driver = options.driver ?? 'postgresql';
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-test-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (driver === 'postgresql') {
    const pgInfo = inject('postgres');
    const name = `hub_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await sqlOnce(pgInfo.adminUrl, `create database ${name} template ${pgInfo.template}`);
    databaseUrl = `${pgInfo.urlPrefix}${name}`;
    dropDatabase = async () => void (await sqlOnce(pgInfo.adminUrl, `drop database if exists ${name} with (force)`));
  }

  // The test holds the signing key, so it can also forge tokens the hub must reject.
  const signingKey: JWK = await generatePrivateJwk();
  const base = loadConfig({ NODE_ENV: 'test' });
  const config: Config = {
    ...base,
    host: '127.0.0.1',
    port: 0,
    databaseUrl,
    dataDir: driver === 'pglite' ? 'memory://' : dataDir,
    signingKeys: JSON.stringify([signingKey]),
    logLevel: 'info',
    seedDemo: false,
    dbPoolSize: 4,
    expirySweepSeconds: 0,
    reconcileSeconds: 0,
    // No background webhook delivery (its statements would count in the round-trip tests): tests that deliver
    // call the dispatcher (test/support/webhooks.ts `deliver`) or turn the loop on.
    events: { ...base.events, deliveryPollMs: 0 },
    ...options.config,
  };

  const logs: string[] = [];
  let hub: Hub;
  try {
    hub = await startHub(config, { logSink: (line) => logs.push(line) });
  } catch (error) {
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const client = createGraphQLClient(hub.url);

  const operatorToken = async (ttlSeconds?: number) =>
    (await hub.tokens.sign({ role: Role.OPERATOR, subject: 'operator:test' }, ttlSeconds)).token;
  const financeToken = async (partnerId?: string, ttlSeconds?: number) =>
    (
      await hub.tokens.sign(
        {
          role: Role.FINANCE,
          subject: partnerId ? `finance:${partnerId}` : 'finance:hub',
          partnerId,
        },
        ttlSeconds,
      )
    ).token;

  /**
   * A token of the member signed in at the hub (first-party, every member control), signed with the hub's
   * keys: what the hub's own sign-in issues. test/integration/identity drives the real sign-in flow.
   */
  const memberSessionToken = async (memberId: string, ttlSeconds?: number) =>
    (
      await hub.tokens.sign(
        { role: Role.MEMBER, subject: `member:${memberId}`, memberId, memberAccess: MemberAccess.SELF },
        ttlSeconds,
      )
    ).token;

  /** POST /oauth/token with a form body (or JSON, or HTTP Basic). */
  async function requestToken(
    params: Record<string, string>,
    how: { as?: 'form' | 'json'; basic?: { id: string; secret: string }; headers?: Record<string, string> } = {},
  ): Promise<TokenResponse> {
    const headers: Record<string, string> = {
      'content-type': how.as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
      ...(how.basic
        ? {
            authorization: `Basic ${Buffer.from(`${encodeURIComponent(how.basic.id)}:${encodeURIComponent(how.basic.secret)}`).toString('base64')}`,
          }
        : {}),
      ...how.headers,
    };
    const res = await fetch(`${hub.url}/oauth/token`, {
      method: 'POST',
      headers,
      body: how.as === 'json' ? JSON.stringify(params) : new URLSearchParams(params).toString(),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as TokenResponse['body'] };
  }

  async function partnerToken(clientId: string, clientSecret: string, scope?: string): Promise<string> {
    const res = await requestToken({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      ...(scope ? { scope } : {}),
    });
    if (res.status !== 200 || !res.body.access_token)
      throw new Error(`token endpoint answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.access_token;
  }

  /** A partner, its client credentials and a partner token, all through the public API. */
  async function createPartner(
    input: { code?: string; name?: string; settlementCurrency?: string; scopes?: string[] } = {},
  ): Promise<TestPartner> {
    const operator = await operatorToken();
    const code = input.code ?? uniqueCode();
    const { createPartner: partner } = await client.gqlOk(
      CreatePartner,
      { input: { code, name: input.name ?? `Partner ${code}`, settlementCurrency: input.settlementCurrency ?? 'USD' } },
      operator,
    );
    const { createPartnerCredentials: creds } = await client.gqlOk(
      CreatePartnerCredentials,
      { input: { partnerId: partner.id, scopes: input.scopes ?? null, label: 'test' } },
      operator,
    );
    return {
      id: partner.id,
      code,
      clientId: creds.clientId,
      clientSecret: creds.clientSecret,
      token: await partnerToken(creds.clientId, creds.clientSecret),
    };
  }

  /** Rows in a table, to check that a rejected request wrote nothing. */
  async function count(
    table: 'partner' | 'partner_credential' | 'member' | 'member_link' | (string & {}),
  ): Promise<number> {
    if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table name ${table}`);
    const [row] = await hub.db.sql.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    return row!.n;
  }

  let closed = false;
  return {
    ...client,
    hub,
    url: hub.url,
    driver,
    config,
    logs,
    signingKey,
    operatorToken,
    financeToken,
    memberSessionToken,
    requestToken,
    partnerToken,
    createPartner,
    count,
    /** Hub time (the process's; SQL's `hub_now()` agrees). */
    now: () => hub.clock.now(),
    /** Moves hub time forward, in code and SQL: a number of ms or text such as '2 hours', '1500 ms'. */
    advanceClock: (by: Duration) => hub.clock.advance(durationMs(by)),
    /** Stops hub time until `resumeClock()` (or the end of the file); `advanceClock` still moves it. */
    freezeClock: () => hub.clock.freeze(),
    resumeClock: () => hub.clock.resume(),
    /** Parsed JSON log lines. */
    logEntries: () => logs.map((l) => JSON.parse(l) as Record<string, unknown>),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await hub.close();
      } finally {
        await dropDatabase();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof initTestApp>>;
