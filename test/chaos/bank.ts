/**
 * The bank test under faults (issue 8): 4 compiled hub processes on one real
 * PostgreSQL, 32 clients doing random points operations at random processes,
 * while processes are killed with SIGKILL and restarted, database backends are
 * terminated and PostgreSQL itself is restarted. Every client retries timeouts,
 * connection errors and 5xx answers with the same idempotency key (and the same
 * request), often on another process. Afterwards the ledger must be whole:
 *
 *   - ledgerInvariants ok (docs/design.md invariants 1-3, 5 and lots);
 *   - every acknowledged operation is in the ledger exactly once: its operation
 *     row under its key, and exactly the transfers the client was told about;
 *   - no key produced two postings (one operation per key; one operation per
 *     order reference, which every posting carries as its key);
 *   - every rejection the client saw is recorded as REJECTED and posted nothing;
 *   - expired holds are resolved after runLedgerExpiry;
 *   - each partner's settlement draft equals the sum of its transfer
 *     valuations; reconcileSettlements ok, no unpriced transfer;
 *   - no hub died unless we killed it, and every hub serves writes afterwards.
 *
 * Faults: kill -9 of a hub (restarted after a pause), a graceful SIGTERM
 * restart, pg_terminate_backend of random backends every few seconds, one
 * PostgreSQL restart (immediate stop, like a crash), and COMMIT answers lost
 * between PostgreSQL and the hub (pg-proxy.ts: the transaction committed, the
 * hub sees a failure, the client's retry must replay). Database outages must
 * answer SERVICE_UNAVAILABLE: any INTERNAL_SERVER_ERROR is a violation.
 *
 * Everything listens on 127.0.0.1 only; the cluster and every process are
 * stopped at the end, also on failure or SIGINT/SIGTERM. `runBankChaos` never
 * throws for a violation: it returns them (the callers fail on any).
 *
 * Knobs (environment): CHAOS_HUB_LOG_DIR (keep each hub's output as
 * hub-<n>.log), CHAOS_HUB_LOG_LEVEL (default warn), CHAOS_SKIP_BUILD=1 (run
 * dist/ as it is).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { cli, ensureBuilt, HubProcess, restartablePort, type HubExit } from './hubs.js';
import { startPgProxy, type PgProxy } from './pg-proxy.js';
import { startReceiver, type Receiver } from '../support/webhooks.js';

export interface ChaosOptions {
  hubs: number;
  clients: number;
  membersPerPartner: number;
  /** Traffic window; faults are scheduled inside it. */
  durationMs: number;
  /** Upper bound on operations per client (the run ends at whichever comes first). */
  maxOpsPerClient: number;
  /** A client gives up on one operation after this long (recorded as unknown, checked to be at most once). */
  operationDeadlineMs: number;
  requestTimeoutMs: number;
  /** Times (ms into the run) at which a random hub is killed with SIGKILL; it is restarted after `hubDownMs`. */
  killAtMs: number[];
  hubDownMs: number;
  /** Times at which a random hub is stopped gracefully (SIGTERM, as in a rolling deploy) and started again at once. */
  sigtermAtMs: number[];
  /** Every this many ms, terminate up to `terminateCount` random client backends of the hub database. */
  terminateEveryMs: number;
  terminateCount: number;
  /** When (ms into the run) PostgreSQL is restarted (immediate stop, like a crash), and how long it stays down. */
  pgRestartAtMs: number;
  pgDownMs: number;
  /** Chance that a COMMIT's answer is lost on its way back to the hub (the transaction committed; see pg-proxy.ts). */
  commitCutProbability: number;
  /** Hold lifetimes (expiresInSeconds) are drawn from this range. */
  holdTtlSeconds: [number, number];
  log: (line: string) => void;
}

export const SHORT: Omit<ChaosOptions, 'log'> = {
  hubs: 4,
  clients: 32,
  membersPerPartner: 12,
  durationMs: 24_000,
  maxOpsPerClient: 400,
  operationDeadlineMs: 45_000,
  requestTimeoutMs: 8_000,
  killAtMs: [4_000],
  hubDownMs: 1_500,
  sigtermAtMs: [17_000],
  terminateEveryMs: 3_000,
  terminateCount: 3,
  pgRestartAtMs: 11_000,
  pgDownMs: 1_500,
  commitCutProbability: 0.01,
  holdTtlSeconds: [2, 12],
};

export const LONG: Omit<ChaosOptions, 'log'> = {
  ...SHORT,
  membersPerPartner: 40,
  durationMs: 180_000,
  maxOpsPerClient: 100_000,
  operationDeadlineMs: 90_000,
  killAtMs: [10_000, 40_000, 70_000, 110_000, 150_000],
  hubDownMs: 3_000,
  sigtermAtMs: [25_000, 130_000],
  terminateEveryMs: 2_000,
  terminateCount: 4,
  pgRestartAtMs: 90_000,
  pgDownMs: 5_000,
  commitCutProbability: 0.005,
  holdTtlSeconds: [2, 30],
};

type Kind =
  | 'earn'
  | 'earnBatch'
  | 'redeem'
  | 'authorize'
  | 'capture'
  | 'void'
  | 'reverse'
  | 'exchange'
  | 'purchase'
  | 'refund'
  | 'reward';
const KINDS: Kind[] = [
  'earn',
  'earnBatch',
  'redeem',
  'authorize',
  'capture',
  'void',
  'reverse',
  'exchange',
  'purchase',
  'refund',
  'reward',
];
const WEIGHTS: Record<Kind, number> = {
  earn: 24,
  earnBatch: 8,
  redeem: 14,
  authorize: 14,
  capture: 9,
  void: 6,
  reverse: 9,
  exchange: 10,
  purchase: 10,
  refund: 4,
  reward: 12,
};

interface Ack {
  kind: Kind;
  key: string;
  partnerId: string;
  operationId: string;
  transferIds: string[];
  replayed: boolean;
  attempts: number;
}

interface Stats {
  acknowledged: number;
  rejected: number;
  /** Operations that needed more than one attempt. */
  retried: number;
  /** Operations whose retry was answered `replayed: true` (the first attempt had committed but its answer was lost). */
  replayedAfterRetry: number;
  gaveUp: number;
  rejections: Record<string, number>;
}

export interface ChaosReport {
  seconds: number;
  operations: Record<Kind, Stats>;
  /** Failed attempts by cause (each retried with the same key). */
  retries: Record<string, number>;
  faults: {
    hubKill9: number;
    hubRestart: number;
    backendsTerminated: number;
    terminateRounds: number;
    postgresRestart: number;
    postgresDownMs: number;
    commitAnswersLost: number;
    hubSigterm: number;
  };
  checks: Record<string, string>;
  violations: string[];
  built: boolean;
}

const rnd = (n: number) => Math.floor(Math.random() * n);
const between = (a: number, b: number) => a + rnd(b - a + 1);
const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- GraphQL documents (plain strings: no vitest, no codegen)

const RESULT = `operationId replayed transfer { id } transfers { id } hold { id expiresAt }`;
const Q = {
  earn: `mutation($input: EarnPointsInput!) { earnPoints(input: $input) { ${RESULT} } }`,
  earnBatch: `mutation($input: EarnPointsBatchInput!) { earnPointsBatch(input: $input) { succeeded failed items { index idempotencyKey result { ${RESULT} } error { code message } } } }`,
  redeem: `mutation($input: RedeemPointsInput!) { redeemPoints(input: $input) { ${RESULT} } }`,
  authorize: `mutation($input: AuthorizeRedemptionInput!) { authorizeRedemption(input: $input) { ${RESULT} } }`,
  capture: `mutation($input: CaptureRedemptionInput!) { captureRedemption(input: $input) { ${RESULT} } }`,
  void: `mutation($input: VoidRedemptionInput!) { voidRedemption(input: $input) { ${RESULT} } }`,
  reverse: `mutation($input: ReverseTransferInput!) { reverseTransfer(input: $input) { ${RESULT} } }`,
  exchange: `mutation($input: ExchangePointsInput!) { exchangePoints(input: $input) { ${RESULT} } }`,
  quote: `mutation($input: QuoteExchangeInput!) { quoteExchange(input: $input) { id amountIn amountOut } }`,
  purchase: `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { replayed purchase { id operationId transferIds legs { transferId points } } } }`,
  refund: `mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) { id replayed reversals { operationId points } } }`,
  reward: `mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { replayed redemption { id operationId transferId code } } }`,
};

/**
 * Each partner's voucher (issue 20): a few units of counted stock and a few more codes, so even the short run
 * sells out and the rest of its reward redemptions are OUT_OF_STOCK (recorded, nothing posted).
 */
const REWARD_STOCK = 3;
const REWARD_CODES = 5;

interface OpResult {
  operationId: string;
  replayed: boolean;
  transfer: { id: string };
  transfers: { id: string }[];
  hold?: { id: string; expiresAt: string } | null;
}

type Answer = { ok: true; data: Record<string, unknown> } | { ok: false; code: string; message: string; path?: string };

/** Decimal string → bigint scaled to 10^-12 (valuations are numeric(42, 12)). */
function scaled12(text: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`not a decimal: ${text}`);
  const frac = (m[3] ?? '').padEnd(12, '0');
  if (frac.length > 12 && /[1-9]/.test(frac.slice(12))) throw new Error(`more than 12 decimals: ${text}`);
  const v = BigInt(m[2]! + frac.slice(0, 12));
  return m[1] ? -v : v;
}

export async function runBankChaos(options: ChaosOptions): Promise<ChaosReport> {
  const o = options;
  const t0 = Date.now();
  const violations: string[] = [];
  const violation = (text: string) => {
    violations.push(text);
    o.log(`VIOLATION: ${text}`);
  };
  const retries: Record<string, number> = {};
  const faults = {
    hubKill9: 0,
    hubRestart: 0,
    backendsTerminated: 0,
    terminateRounds: 0,
    postgresRestart: 0,
    postgresDownMs: 0,
    commitAnswersLost: 0,
    hubSigterm: 0,
  };
  const operations = Object.fromEntries(
    KINDS.map((k) => [
      k,
      { acknowledged: 0, rejected: 0, retried: 0, replayedAfterRetry: 0, gaveUp: 0, rejections: {} } satisfies Stats,
    ]),
  ) as Record<Kind, Stats>;
  const checks: Record<string, string> = {};

  const built = await ensureBuilt(o.log);
  let cluster: PostgresCluster | undefined;
  let proxy: PgProxy | undefined;
  const hubs: HubProcess[] = [];
  // Every partner's webhook endpoint (issue 19): hubs are killed mid-delivery like mid-request.
  let receiver: Receiver | undefined;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-chaos-'));
  let cleaned: Promise<void> | undefined;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await Promise.allSettled(hubs.map((h) => h.stop()));
      await proxy?.close();
      await receiver?.close();
      await cluster?.stop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    })());
  // Interrupted (Ctrl-C, a CI timeout): stop the hubs and the cluster before going.
  const onSignal = (signal: NodeJS.Signals) => {
    o.log(`${signal}: stopping hubs and PostgreSQL`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    // synchronous_commit back on: with it off, an immediate stop can lose commits
    // the client was already told about, which is PostgreSQL's documented trade, not a hub bug.
    cluster = await startPostgresCluster({ settings: ['synchronous_commit=on'], port: await restartablePort() });
    const pgc = cluster;
    const database = 'hub_chaos';
    await withClient(pgc.adminUrl, (c) => c.query(`create database ${database}`));
    const dbUrl = pgc.urlFor(database);
    // The hubs reach the database through a proxy that can lose COMMIT answers; checks and faults go direct.
    proxy = await startPgProxy({ host: '127.0.0.1', port: pgc.port });
    const hubDbUrl = `postgresql://${pgc.user}@127.0.0.1:${proxy.port}/${database}`;
    o.log(`PostgreSQL on 127.0.0.1:${pgc.port}, hubs through the proxy on 127.0.0.1:${proxy.port}`);

    const baseEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development' };
    const keys = `[${await cli(['keys'], baseEnv)}]`;
    const hubEnv: NodeJS.ProcessEnv = {
      ...baseEnv,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      DATABASE_URL: hubDbUrl,
      DATA_DIR: dataDir,
      HUB_SIGNING_KEYS: keys,
      LOG_LEVEL: process.env.CHAOS_HUB_LOG_LEVEL || 'warn',
      SEED_DEMO: 'false',
      // Required in production; no member signs in during the chaos run, so nothing is ever sent.
      SMTP_URL: 'smtp://127.0.0.1:2525',
      DB_POOL_SIZE: '6',
      EXPIRY_SWEEP_SECONDS: '2',
      HOLD_TTL_SECONDS: '30',
      QUOTE_TTL_SECONDS: '600',
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      PARTNER_COST_BURST: '100000000',
      PARTNER_COST_PER_SECOND: '100000000',
      // The test's receiver on loopback, admitted by the operator allow-list; deliveries run in every hub.
      WEBHOOK_ALLOW_PRIVATE: '127.0.0.1/32',
      WEBHOOK_POLL_MS: '200',
      WEBHOOK_TIMEOUT_MS: '5000',
    };
    receiver = await startReceiver();
    const unexpectedExits: HubExit[] = [];
    for (let i = 0; i < o.hubs; i++) {
      hubs.push(
        new HubProcess(i, await restartablePort(), hubEnv, (exit) => {
          unexpectedExits.push(exit);
          o.log(`hub ${i} exited (${exit.code ?? exit.signal}); its last output:\n    ${exit.tail.join('\n    ')}`);
          violation(
            `hub ${i} (port ${exit.port}) died on its own: ${exit.code ?? exit.signal}; first error line: ${exit.tail.find((l) => /Error|error/.test(l)) ?? exit.tail.at(-1)}`,
          );
        }),
      );
    }
    // The first start migrates; the others then start together.
    await hubs[0]!.start();
    await Promise.all(hubs.slice(1).map((h) => h.start()));
    o.log(`${o.hubs} hubs up in ${Date.now() - t0} ms (ports ${hubs.map((h) => h.port).join(', ')})`);

    const operator = await cli(['token', 'operator', '--ttl', '86400'], hubEnv);
    const finance = await cli(['token', 'finance', '--ttl', '86400'], hubEnv);

    /** One POST to one hub; throws on transport failure, non-JSON or 5xx. */
    async function post(
      hub: HubProcess,
      query: string,
      variables: unknown,
      token: string,
      timeoutMs = o.requestTimeoutMs,
    ): Promise<Answer> {
      const res = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let body: {
        data?: Record<string, unknown> | null;
        errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
      };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        throw Object.assign(new Error(`HTTP ${res.status}, not JSON`), { cause: 'http-' + res.status });
      }
      if (body.errors?.length) {
        const e = body.errors[0]!;
        return { ok: false, code: e.extensions?.code ?? 'NO_CODE', message: e.message, path: e.path?.join('.') };
      }
      if (res.status >= 500 || !body.data)
        throw Object.assign(new Error(`HTTP ${res.status}`), { cause: 'http-' + res.status });
      return { ok: true, data: body.data };
    }

    let internalErrors = 0;
    const RETRYABLE_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);
    const causeOf = (error: unknown): string => {
      const e = error as { name?: string; cause?: unknown; message?: string };
      if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
      if (typeof e.cause === 'string') return e.cause;
      const code = (e.cause as { code?: string } | undefined)?.code;
      return code ? `connection (${code})` : 'connection';
    };

    /**
     * One operation with retries: the same body (same idempotency key) until an
     * answer that is not an infrastructure failure, each attempt at a random hub.
     */
    async function call(
      query: string,
      variables: unknown,
      token: string,
      deadlineMs = o.operationDeadlineMs,
    ): Promise<{ answer?: Answer; attempts: number }> {
      const deadline = Date.now() + deadlineMs;
      for (let attempt = 1; ; attempt++) {
        const hub = pick(hubs);
        try {
          const answer = await post(hub, query, variables, token);
          if (answer.ok || !RETRYABLE_CODES.has(answer.code)) return { answer, attempts: attempt };
          retries[answer.code] = (retries[answer.code] ?? 0) + 1;
          // A client cannot tell a bug from an outage behind INTERNAL_SERVER_ERROR: database outages must say SERVICE_UNAVAILABLE.
          if (answer.code === 'INTERNAL_SERVER_ERROR' && internalErrors++ < 5)
            violation(
              `INTERNAL_SERVER_ERROR from hub ${hub.index} (${answer.message}); an outage must answer SERVICE_UNAVAILABLE`,
            );
        } catch (error) {
          const cause = causeOf(error);
          retries[cause] = (retries[cause] ?? 0) + 1;
        }
        if (Date.now() > deadline) return { attempts: attempt };
        await sleep(Math.min(2_000, 50 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()));
      }
    }

    async function setup(query: string, variables: unknown, token = operator): Promise<Record<string, unknown>> {
      const { answer } = await call(query, variables, token, 60_000);
      if (!answer?.ok)
        throw new Error(
          `setup failed: ${query.slice(0, 60)}: ${answer ? `${answer.code} ${answer.message}` : 'no answer'}`,
        );
      return answer.data;
    }

    // ------------------------------------------------------------ the coalition
    const runId = randomBytes(3).toString('hex');
    const partners: { id: string; token: string }[] = [];
    const rewardIds: string[] = [];
    for (let p = 0; p < 3; p++) {
      const code = `chaos-${runId}-${p}`;
      const partner = (
        await setup(`mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id } }`, {
          input: { code, name: `Chaos ${p}`, settlementCurrency: 'USD' },
        })
      ).createPartner as { id: string };
      const creds = (
        await setup(
          `mutation($input: CreatePartnerCredentialsInput!) { createPartnerCredentials(input: $input) { clientId clientSecret } }`,
          { input: { partnerId: partner.id, label: 'chaos' } },
        )
      ).createPartnerCredentials as { clientId: string; clientSecret: string };
      // Client credentials at the token endpoint.
      const res = await fetch(`${hubs[p % hubs.length]!.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: creds.clientId,
          client_secret: creds.clientSecret,
        }).toString(),
      });
      const body = (await res.json()) as { access_token?: string };
      if (!body.access_token) throw new Error(`token endpoint answered ${res.status}`);
      partners.push({ id: partner.id, token: body.access_token });
      await setup(
        `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`,
        { input: { url: receiver.url(`/chaos-${p}`) } },
        body.access_token,
      );
      await setup(`mutation($input: SetPartnerContractInput!) { setPartnerContract(input: $input) { id } }`, {
        input: {
          partnerId: partner.id,
          settlementCurrency: 'USD',
          issuePrice: ['0.0125', '0.01', '0.011'][p],
          redemptionPrice: ['0.008', '0.0075', '0.009'][p],
          billingMode: 'POSTPAID',
          period: 'MONTHLY',
        },
      });
      // Its program (issue 17): 1 point per 100 of spend, +5 online; purchases move points too.
      await setup(
        `mutation($input: SetEarnRulesInput!) { setEarnRules(input: $input) { id } }`,
        {
          input: {
            rules: JSON.stringify({
              rules: [
                { id: 'base', kind: 'BASE', points: 1, per: 100 },
                { id: 'online', kind: 'BONUS', points: 5, when: { '==': [{ var: 'purchase.channel' }, 'ONLINE'] } },
              ],
            }),
          },
        },
        body.access_token,
      );
      // Its voucher (issue 20): redeemed among the operations, with stock and codes.
      const reward = (
        await setup(
          `mutation($input: CreateRewardInput!) { createReward(input: $input) { id } }`,
          { input: { kind: 'VOUCHER', title: `Chaos voucher ${p}`, price: '20', stock: String(REWARD_STOCK) } },
          body.access_token,
        )
      ).createReward as { id: string };
      await setup(
        `mutation($input: GenerateRewardCodesInput!) { generateRewardCodes(input: $input) { count } }`,
        { input: { rewardId: reward.id, count: REWARD_CODES, length: 16 } },
        body.access_token,
      );
      await setup(`mutation($id: ID!) { publishReward(id: $id) { id } }`, { id: reward.id }, body.access_token);
      rewardIds.push(reward.id);
    }
    const brand = `CH${runId.toUpperCase()}`;
    await setup(`mutation($input: CreateCurrencyInput!) { createCurrency(input: $input) { code } }`, {
      input: { code: brand, name: 'Chaos miles', issuerPartnerId: partners[0]!.id, expiryPolicy: 'NONE' },
    });
    await setup(`mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) { id } }`, {
      input: { currency: brand, direction: 'TO_PTS', rate: '2', spread: '0.01', minimumAmount: '1', increment: '1' },
    });
    await setup(`mutation($input: SetExchangeRateInput!) { setExchangeRate(input: $input) { id } }`, {
      input: {
        currency: brand,
        direction: 'FROM_PTS',
        rate: '0.5',
        spread: '0.01',
        minimumAmount: '1',
        increment: '1',
      },
    });

    // Members: one member known to every partner (verified email links them); 8 enrolments at a time.
    const members: { id: string; customer: string[] }[] = [];
    const enrol = async (m: number) => {
      const email = `m${m}.${runId}@chaos.example`;
      const ids = new Set<string>();
      const customer: string[] = [];
      for (let p = 0; p < 3; p++) {
        const customerId = `c${m}-${p}-${runId}`;
        const d = await setup(
          `mutation($input: EnrollMemberInput!) { enrollMember(input: $input) { id } }`,
          { input: { customerId, email, emailVerified: true } },
          partners[p]!.token,
        );
        ids.add((d.enrollMember as { id: string }).id);
        customer.push(customerId);
      }
      if (ids.size !== 1) throw new Error(`member ${m}: verified enrolment at three partners made ${ids.size} members`);
      members.push({ id: [...ids][0]!, customer });
    };
    const total = o.membersPerPartner * 3;
    for (let m = 0; m < total; m += 8)
      await Promise.all(Array.from({ length: Math.min(8, total - m) }, (_, i) => enrol(m + i)));
    await withClient(dbUrl, (c) => c.query('analyze'));
    o.log(`coalition ready: 3 partners, ${members.length} members, currency ${brand} (${Date.now() - t0} ms)`);

    // ------------------------------------------------------------ traffic
    const acks: Ack[] = [];
    const rejected: { kind: Kind; key: string; partnerId: string; code: string }[] = [];
    const unknown: { kind: Kind; key: string; partnerId: string }[] = [];
    const holds: { id: string; partner: number; expiresAt: number }[] = [];
    let latestHoldExpiry = 0;
    const reversible: { id: string; partner: number; amount: number }[] = [];
    const purchases: { id: string; partner: number; total: number }[] = [];
    /** Refunds acknowledged: their key, and the reversal operations they answered with. */
    const refunds: { key: string; partnerId: string; id: string; operations: string[] }[] = [];
    let stopTraffic = false;
    const trafficStart = Date.now();
    proxy.cutCommitProbability = o.commitCutProbability;
    const trafficEnd = trafficStart + o.durationMs;

    const keyOf = (kind: string) => `${kind}-${runId}-${randomUUID()}`;
    const memberRef = (m: (typeof members)[number], p: number) =>
      Math.random() < 0.5 ? { memberId: m.id } : { customerId: m.customer[p]! };

    // What this workload can expect to be refused; anything else is shown (first few) for a look.
    const EXPECTED = new Set(['INSUFFICIENT_POINTS', 'HOLD_NOT_ACTIVE', 'OUT_OF_STOCK']);
    const oddRejections: string[] = [];
    const odd = (kind: Kind, a: { code: string; message: string; path?: string }) => {
      if (!EXPECTED.has(a.code) && oddRejections.length < 5)
        oddRejections.push(`${kind}: ${a.code} "${a.message}"${a.path ? ` at ${a.path}` : ''}`);
    };

    function record(
      kind: Kind,
      key: string,
      partner: number,
      res: { answer?: Answer; attempts: number },
      field: string,
    ): OpResult | undefined {
      const s = operations[kind];
      if (res.attempts > 1) s.retried++;
      if (!res.answer) {
        s.gaveUp++;
        unknown.push({ kind, key, partnerId: partners[partner]!.id });
        return undefined;
      }
      if (!res.answer.ok) {
        s.rejected++;
        s.rejections[res.answer.code] = (s.rejections[res.answer.code] ?? 0) + 1;
        odd(kind, res.answer);
        rejected.push({ kind, key, partnerId: partners[partner]!.id, code: res.answer.code });
        return undefined;
      }
      const r = res.answer.data[field] as OpResult;
      s.acknowledged++;
      if (r.replayed && res.attempts > 1) s.replayedAfterRetry++;
      if (r.replayed && res.attempts === 1) violation(`${kind} ${key}: first attempt answered replayed`);
      acks.push({
        kind,
        key,
        partnerId: partners[partner]!.id,
        operationId: r.operationId,
        transferIds: r.transfers.map((t) => t.id),
        replayed: r.replayed,
        attempts: res.attempts,
      });
      if (!r.transfers.some((t) => t.id === r.transfer.id))
        violation(`${kind} ${key}: transfer ${r.transfer.id} not among transfers`);
      return r;
    }

    async function one(kind: Kind): Promise<void> {
      const p = kind === 'exchange' ? 0 : rnd(partners.length);
      const partner = partners[p]!;
      const m = pick(members);
      const key = keyOf(kind);
      switch (kind) {
        case 'earn': {
          const currency = p === 0 && Math.random() < 0.25 ? brand : 'PTS';
          const amount = between(50, 500);
          const r = record(
            kind,
            key,
            p,
            await call(
              Q.earn,
              {
                input: {
                  member: memberRef(m, p),
                  amount: String(amount),
                  currency,
                  orderRef: key,
                  idempotencyKey: key,
                },
              },
              partner.token,
            ),
            'earnPoints',
          );
          if (r && currency === 'PTS') reversible.push({ id: r.transfer.id, partner: p, amount });
          return;
        }
        case 'earnBatch': {
          const items = Array.from({ length: between(2, 6) }, () => {
            const k = keyOf('batch');
            return {
              member: memberRef(pick(members), p),
              amount: String(between(20, 300)),
              orderRef: k,
              idempotencyKey: k,
            };
          });
          const res = await call(Q.earnBatch, { input: { items } }, partner.token);
          const s = operations.earnBatch;
          if (res.attempts > 1) s.retried++;
          if (!res.answer) {
            s.gaveUp += items.length;
            for (const it of items) unknown.push({ kind, key: it.idempotencyKey, partnerId: partner.id });
            return;
          }
          if (!res.answer.ok) {
            s.rejected += items.length;
            s.rejections[res.answer.code] = (s.rejections[res.answer.code] ?? 0) + items.length;
            odd(kind, res.answer);
            for (const it of items)
              rejected.push({ kind, key: it.idempotencyKey, partnerId: partner.id, code: res.answer.code });
            return;
          }
          const out = res.answer.data.earnPointsBatch as {
            items: {
              index: number;
              idempotencyKey: string;
              result: OpResult | null;
              error: { code: string; message: string } | null;
            }[];
          };
          for (const it of out.items) {
            const key_ = items[it.index]!.idempotencyKey;
            if (it.idempotencyKey !== key_) violation(`batch item ${it.index}: key ${it.idempotencyKey}, sent ${key_}`);
            if (it.result) {
              record(kind, key_, p, { answer: { ok: true, data: { r: it.result } }, attempts: res.attempts }, 'r');
            } else {
              const ref = JSON.stringify(items[it.index]!.member);
              record(
                kind,
                key_,
                p,
                {
                  answer: {
                    ok: false,
                    code: it.error?.code ?? 'NO_CODE',
                    message: `${it.error?.message ?? ''} (item ${it.index} of ${items.length}, member ${ref}, attempt ${res.attempts})`,
                  },
                  attempts: res.attempts,
                },
                'r',
              );
            }
          }
          return;
        }
        case 'redeem': {
          const amount = between(10, 200);
          const r = record(
            kind,
            key,
            p,
            await call(
              Q.redeem,
              { input: { member: memberRef(m, p), amount: String(amount), orderRef: key, idempotencyKey: key } },
              partner.token,
            ),
            'redeemPoints',
          );
          if (r) reversible.push({ id: r.transfer.id, partner: p, amount });
          return;
        }
        case 'authorize': {
          const ttl = between(o.holdTtlSeconds[0], o.holdTtlSeconds[1]);
          const r = record(
            kind,
            key,
            p,
            await call(
              Q.authorize,
              {
                input: {
                  member: memberRef(m, p),
                  amount: String(between(10, 150)),
                  orderRef: key,
                  idempotencyKey: key,
                  expiresInSeconds: ttl,
                },
              },
              partner.token,
            ),
            'authorizeRedemption',
          );
          if (r?.hold) {
            const expiresAt = Date.parse(r.hold.expiresAt);
            latestHoldExpiry = Math.max(latestHoldExpiry, expiresAt);
            if (Math.random() < 0.75) holds.push({ id: r.hold.id, partner: p, expiresAt });
          }
          return;
        }
        case 'capture':
        case 'void': {
          const i = holds.findIndex((h) => h.partner === p);
          if (i < 0) return one('authorize');
          const [h] = holds.splice(i, 1);
          const input =
            kind === 'capture'
              ? {
                  holdId: h!.id,
                  idempotencyKey: key,
                  ...(Math.random() < 0.4 ? { amount: String(between(1, 10)) } : {}),
                }
              : { holdId: h!.id, idempotencyKey: key };
          record(
            kind,
            key,
            p,
            await call(kind === 'capture' ? Q.capture : Q.void, { input }, partner.token),
            kind === 'capture' ? 'captureRedemption' : 'voidRedemption',
          );
          return;
        }
        case 'reverse': {
          const i = reversible.findIndex((t) => t.partner === p);
          if (i < 0) return one('earn');
          const [t] = reversible.splice(i, 1);
          const partial = Math.random() < 0.5 && t!.amount > 1;
          record(
            kind,
            key,
            p,
            await call(
              Q.reverse,
              {
                input: {
                  transferId: t!.id,
                  orderRef: key,
                  idempotencyKey: key,
                  ...(partial ? { amount: String(between(1, t!.amount - 1)) } : {}),
                },
              },
              partner.token,
            ),
            'reverseTransfer',
          );
          return;
        }
        case 'purchase': {
          const total = between(100, 50_000);
          const res = await call(
            Q.purchase,
            {
              input: {
                member: memberRef(m, p),
                total: String(total),
                currency: 'USD',
                channel: pick(['STORE', 'ONLINE']),
                orderRef: key,
                idempotencyKey: key,
              },
            },
            partner.token,
          );
          // Recorded like every points operation: its operation under its key, exactly its legs' transfers.
          if (res.answer?.ok) {
            const r = res.answer.data.recordPurchase as {
              replayed: boolean;
              purchase: { id: string; operationId: string; transferIds: string[]; legs: { transferId: string }[] };
            };
            // Its legs, and a settlement of points the member owed (after a refund clawed back spent points).
            const transfers = r.purchase.transferIds.map((id) => ({ id }));
            if (!r.purchase.legs.every((l) => r.purchase.transferIds.includes(l.transferId)))
              violation(`purchase ${key}: a leg's transfer is not among the operation's transfers`);
            res.answer.data.recordPurchase = {
              operationId: r.purchase.operationId,
              replayed: r.replayed,
              transfer: transfers[0],
              transfers,
            };
            purchases.push({ id: r.purchase.id, partner: p, total });
          }
          record(kind, key, p, res, 'recordPurchase');
          return;
        }
        case 'reward': {
          // A voucher of the partner for its member: the points, a code and a stock unit in one operation.
          const res = await call(
            Q.reward,
            { input: { rewardId: rewardIds[p], member: memberRef(m, p), idempotencyKey: key } },
            partner.token,
          );
          if (res.answer?.ok) {
            const r = res.answer.data.redeemReward as {
              replayed: boolean;
              redemption: { operationId: string; transferId: string; code: string | null };
            };
            if (!r.redemption.code) violation(`reward ${key}: a voucher redemption without a code`);
            res.answer.data.redeemReward = {
              operationId: r.redemption.operationId,
              replayed: r.replayed,
              transfer: { id: r.redemption.transferId },
              transfers: [{ id: r.redemption.transferId }],
            };
          }
          record(kind, key, p, res, 'redeemReward');
          return;
        }
        case 'refund': {
          // One refund per purchase (full or partial): its reversals carry the purchase's order reference.
          const i = purchases.findIndex((x) => x.partner === p);
          if (i < 0) return one('purchase');
          const [x] = purchases.splice(i, 1);
          const partial = Math.random() < 0.5 && x!.total > 1;
          const res = await call(
            Q.refund,
            {
              input: {
                purchaseId: x!.id,
                idempotencyKey: key,
                ...(partial ? { amount: String(between(1, x!.total - 1)) } : {}),
              },
            },
            partner.token,
          );
          const s = operations.refund;
          if (res.attempts > 1) s.retried++;
          if (!res.answer) {
            s.gaveUp++;
            unknown.push({ kind, key, partnerId: partner.id });
          } else if (!res.answer.ok) {
            s.rejected++;
            s.rejections[res.answer.code] = (s.rejections[res.answer.code] ?? 0) + 1;
            odd(kind, res.answer);
          } else {
            s.acknowledged++;
            const r = res.answer.data.refundPurchase as {
              id: string;
              replayed: boolean;
              reversals: { operationId: string }[];
            };
            if (r.replayed && res.attempts > 1) s.replayedAfterRetry++;
            refunds.push({ key, partnerId: partner.id, id: r.id, operations: r.reversals.map((v) => v.operationId) });
          }
          return;
        }
        case 'exchange': {
          const toBrand = Math.random() < 0.5;
          const q = await call(
            Q.quote,
            {
              input: {
                member: { memberId: m.id },
                from: toBrand ? 'PTS' : brand,
                to: toBrand ? brand : 'PTS',
                amount: String(between(20, 200)),
              },
            },
            partner.token,
          );
          if (!q.answer?.ok) {
            // No quote, no conversion: counted as a rejected (or abandoned) exchange; nothing was keyed yet.
            const s = operations.exchange;
            if (q.answer) s.rejections[`quote:${q.answer.code}`] = (s.rejections[`quote:${q.answer.code}`] ?? 0) + 1;
            return;
          }
          const quoteId = (q.answer.data.quoteExchange as { id: string }).id;
          record(
            kind,
            key,
            p,
            await call(Q.exchange, { input: { quoteId, idempotencyKey: key } }, partner.token),
            'exchangePoints',
          );
          return;
        }
      }
    }

    const totalWeight = KINDS.reduce((s, k) => s + WEIGHTS[k], 0);
    const drawKind = (): Kind => {
      let x = Math.random() * totalWeight;
      for (const k of KINDS) if ((x -= WEIGHTS[k]) < 0) return k;
      return 'earn';
    };
    const clients = Array.from({ length: o.clients }, async () => {
      for (let n = 0; n < o.maxOpsPerClient && !stopTraffic && Date.now() < trafficEnd; n++) {
        try {
          await one(drawKind());
        } catch (error) {
          violation(`client error: ${(error as Error).stack ?? String(error)}`);
        }
      }
    });

    // ------------------------------------------------------------ faults
    const faultTasks: Promise<void>[] = [];
    const at = (ms: number, fn: () => Promise<void>) =>
      faultTasks.push(
        (async () => {
          await sleep(Math.max(0, trafficStart + ms - Date.now()));
          if (stopTraffic) return;
          await fn();
        })().catch((error: unknown) => violation(`fault injection failed: ${(error as Error).message}`)),
      );
    // A hub between a fault and the end of its restart is not picked again: a restarting process is already
    // "alive" (spawned), and a second fault on it started the same hub twice on one port.
    const inFault = new Set<(typeof hubs)[number]>();
    for (const ms of o.killAtMs) {
      at(ms, async () => {
        const hub = pick(hubs.filter((h) => h.alive && !inFault.has(h)));
        if (!hub) return;
        inFault.add(hub);
        await hub.kill9();
        faults.hubKill9++;
        o.log(`  t+${((Date.now() - trafficStart) / 1000).toFixed(1)}s kill -9 hub ${hub.index}`);
        await sleep(o.hubDownMs);
        await hub.start();
        inFault.delete(hub);
        faults.hubRestart++;
        o.log(`  t+${((Date.now() - trafficStart) / 1000).toFixed(1)}s hub ${hub.index} restarted`);
      });
    }
    for (const ms of o.sigtermAtMs) {
      at(ms, async () => {
        const hub = pick(hubs.filter((h) => h.alive && !inFault.has(h)));
        if (!hub) return;
        inFault.add(hub);
        await hub.stop(20_000);
        faults.hubSigterm++;
        o.log(`  t+${((Date.now() - trafficStart) / 1000).toFixed(1)}s hub ${hub.index} stopped gracefully (SIGTERM)`);
        await hub.start();
        inFault.delete(hub);
        faults.hubRestart++;
        o.log(`  t+${((Date.now() - trafficStart) / 1000).toFixed(1)}s hub ${hub.index} restarted`);
      });
    }
    at(o.pgRestartAtMs, async () => {
      const started = Date.now();
      o.log(
        `  t+${((started - trafficStart) / 1000).toFixed(1)}s PostgreSQL restart (immediate stop, down ${o.pgDownMs} ms)`,
      );
      await pgc.restart({ mode: 'immediate', downMs: o.pgDownMs });
      faults.postgresRestart++;
      faults.postgresDownMs += Date.now() - started;
      o.log(`  t+${((Date.now() - trafficStart) / 1000).toFixed(1)}s PostgreSQL back`);
    });
    const terminator = (async () => {
      while (!stopTraffic && Date.now() < trafficEnd) {
        await sleep(o.terminateEveryMs * (0.5 + Math.random()));
        if (stopTraffic || Date.now() >= trafficEnd) break;
        try {
          const killed = await withClient(
            pgc.adminUrl,
            (c) =>
              c.query(
                `select pg_terminate_backend(pid) as ok from pg_stat_activity
                  where datname = $1 and backend_type = 'client backend' and pid <> pg_backend_pid()
                  order by random() limit $2`,
                [database, between(1, o.terminateCount)],
              ),
            2_000,
          );
          faults.terminateRounds++;
          faults.backendsTerminated += killed.rows.filter((r: { ok: boolean }) => r.ok).length;
        } catch {
          // PostgreSQL is restarting: nothing to terminate this round.
        }
      }
    })();

    await Promise.all(clients);
    stopTraffic = true;
    proxy.cutCommitProbability = 0;
    faults.commitAnswersLost = proxy.commitsCut;
    await Promise.all([...faultTasks, terminator]);
    o.log(
      `traffic done in ${((Date.now() - trafficStart) / 1000).toFixed(1)} s: ${acks.length} acknowledged, ${rejected.length} rejected, ${unknown.length} unknown`,
    );

    // ------------------------------------------------------------ after the storm
    for (const hub of hubs) {
      if (!hub.alive) {
        await hub.start();
        faults.hubRestart++;
      }
    }
    // Every process must serve writes again (its pools recovered), each within 30 s.
    await Promise.all(
      hubs.map(async (hub) => {
        const key = keyOf('probe');
        const deadline = Date.now() + 30_000;
        for (;;) {
          let answer: Answer | undefined;
          try {
            answer = await post(
              hub,
              Q.earn,
              { input: { member: { memberId: members[0]!.id }, amount: '1', orderRef: key, idempotencyKey: key } },
              partners[1]!.token,
            );
          } catch {
            answer = undefined;
          }
          if (answer?.ok) {
            const r = answer.data.earnPoints as OpResult;
            acks.push({
              kind: 'earn',
              key,
              partnerId: partners[1]!.id,
              operationId: r.operationId,
              transferIds: r.transfers.map((t) => t.id),
              replayed: r.replayed,
              attempts: 1,
            });
            return;
          }
          if (Date.now() > deadline) {
            violation(
              `hub ${hub.index} does not serve writes 30 s after the faults: ${answer ? `${answer.code} ${answer.message}` : 'no answer'}`,
            );
            return;
          }
          await sleep(500);
        }
      }),
    );
    checks['hubs serve writes after faults'] = `${hubs.length}/${hubs.length} probed`;

    // Holds: wait until the last one has expired, sweep, none may stay active past its expiry.
    const wait = latestHoldExpiry + 1_000 - Date.now();
    if (wait > 0) await sleep(wait);
    // The in-process sweepers (every 2 s) must have kept expiring holds through the outages.
    const [late] = (
      await withClient(dbUrl, (c) =>
        c.query(
          `select count(*)::int as n from hold where status = 'ACTIVE' and expires_at < now() - interval '15 seconds'`,
        ),
      )
    ).rows as { n: number }[];
    checks['holds the sweepers left active over 15 s past expiry'] = String(late!.n);
    if (late!.n)
      violation(`${late!.n} holds still ACTIVE more than 15 s after their expiry: the expiry sweepers stopped`);
    const sweep = await setup(`mutation { runLedgerExpiry { holdsExpired walletsExpired pointsExpired } }`, {});
    checks['runLedgerExpiry'] = JSON.stringify(sweep.runLedgerExpiry);

    await withClient(dbUrl, async (db) => {
      const [holdStates] = (
        await db.query(`select count(*) filter (where status = 'ACTIVE' and expires_at <= now())::int as overdue, jsonb_object_agg(status, n) as by_status
                          from (select status, expires_at, count(*) over (partition by status) as n from hold) h`)
      ).rows as { overdue: number; by_status: Record<string, number> }[];
      checks['holds'] = `${JSON.stringify(holdStates!.by_status)}; active past expiry: ${holdStates!.overdue}`;
      if (holdStates!.overdue)
        violation(`${holdStates!.overdue} holds still ACTIVE past their expiry after runLedgerExpiry`);

      // Every acknowledged operation: its row under its key, exactly its transfers.
      const rows = (
        await db.query(
          `select o.id, o.scope, o.idempotency_key, o.status, coalesce(array_agg(t.id::text order by t.id) filter (where t.id is not null), '{}') as transfers
             from operation o left join transfer t on t.operation_id = o.id
            where o.id = any($1::uuid[]) group by o.id`,
          [acks.map((a) => a.operationId)],
        )
      ).rows as { id: string; scope: string; idempotency_key: string; status: string; transfers: string[] }[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      const seenOps = new Set<string>();
      let ackOk = 0;
      for (const a of acks) {
        const row = byId.get(a.operationId);
        if (seenOps.has(a.operationId)) {
          violation(`operation ${a.operationId} acknowledged for two keys (${a.key})`);
          continue;
        }
        seenOps.add(a.operationId);
        if (!row) {
          violation(`${a.kind} ${a.key}: acknowledged operation ${a.operationId} is not in the ledger`);
          continue;
        }
        const want = [...a.transferIds].sort();
        if (row.idempotency_key !== a.key || row.scope !== `partner:${a.partnerId}` || row.status !== 'SUCCEEDED') {
          violation(`${a.kind} ${a.key}: operation row ${row.scope}/${row.idempotency_key}/${row.status}`);
        } else if (want.length === 0 || JSON.stringify(want) !== JSON.stringify(row.transfers)) {
          violation(
            `${a.kind} ${a.key}: acknowledged transfers ${want.join(',')}, ledger has ${row.transfers.join(',')}`,
          );
        } else ackOk++;
      }
      checks['acknowledged operations in the ledger exactly once'] = `${ackOk}/${acks.length}`;

      // Every key sent: at most one operation; acknowledged and rejected ones exactly one.
      const allKeys = [...acks.map((a) => a.key), ...rejected.map((r) => r.key), ...unknown.map((u) => u.key)];
      const keyRows = (
        await db.query(
          `select o.idempotency_key as key, o.status, count(*) over (partition by o.scope, o.idempotency_key)::int as n,
                  (select count(*) from transfer t where t.operation_id = o.id)::int as transfers
             from operation o where o.idempotency_key = any($1::text[])`,
          [allKeys],
        )
      ).rows as { key: string; status: string; n: number; transfers: number }[];
      const byKey = new Map(keyRows.map((r) => [r.key, r]));
      for (const r of keyRows) if (r.n > 1) violation(`key ${r.key}: ${r.n} operations`);
      let rejectedOk = 0;
      for (const r of rejected) {
        const row = byKey.get(r.key);
        // A batch refused as a whole, or an authorization/validation error before the claim, records nothing.
        if (!row) continue;
        if (row.status !== 'REJECTED' || row.transfers !== 0)
          violation(
            `${r.kind} ${r.key}: rejected (${r.code}) but the ledger has ${row.status} with ${row.transfers} transfers`,
          );
        else rejectedOk++;
      }
      checks['rejections recorded, nothing posted'] =
        `${rejectedOk} recorded as REJECTED with no transfer, ${rejected.length - rejectedOk} refused before the claim`;
      const unknownPosted = unknown.filter((u) => byKey.get(u.key)?.status === 'SUCCEEDED').length;
      checks['abandoned keys (outcome unknown to the client)'] =
        `${unknown.length}, of which ${unknownPosted} posted (once)`;

      // Independent of the operation table: every posting carries its key as order reference.
      const dup = (
        await db.query(
          `select order_ref, kind, count(distinct operation_id)::int as ops from transfer
            where order_ref like $1 group by order_ref, kind having count(distinct operation_id) > 1`,
          [`%-${runId}-%`],
        )
      ).rows as { order_ref: string; kind: string; ops: number }[];
      for (const d of dup) violation(`order reference ${d.order_ref} (${d.kind}) posted by ${d.ops} operations`);
      const dupOps = (
        await db.query(
          `select count(*)::int as n from (select 1 from operation group by scope, idempotency_key having count(*) > 1) x`,
        )
      ).rows[0] as { n: number };
      if (dupOps.n) violation(`${dupOps.n} (scope, key) pairs with more than one operation`);
      checks['keys with two postings'] = `${dup.length + dupOps.n}`;

      // Refunds: one claim per key, and every reversal it answered with is in the ledger, posted.
      const refundRows = (
        await db.query(
          `select r.id, r.idempotency_key as key, r.partner_id,
                  (select count(*) from program_refund x where x.partner_id = r.partner_id and x.idempotency_key = r.idempotency_key)::int as n
             from program_refund r where r.idempotency_key = any($1::text[])`,
          [[...refunds.map((r) => r.key), ...unknown.filter((u) => u.kind === 'refund').map((u) => u.key)]],
        )
      ).rows as { id: string; key: string; partner_id: string; n: number }[];
      const refundByKey = new Map(refundRows.map((r) => [r.key, r]));
      const reversalOps = new Map(
        (
          (
            await db.query(
              `select o.id, o.status, (select count(*) from transfer t where t.operation_id = o.id)::int as transfers
                 from operation o where o.id = any($1::uuid[])`,
              [refunds.flatMap((r) => r.operations)],
            )
          ).rows as { id: string; status: string; transfers: number }[]
        ).map((r) => [r.id, r]),
      );
      let refundsOk = 0;
      for (const r of refundRows) if (r.n > 1) violation(`refund key ${r.key}: ${r.n} refunds`);
      for (const r of refunds) {
        const row = refundByKey.get(r.key);
        const ops = r.operations.map((id) => reversalOps.get(id));
        if (!row || row.id !== r.id) violation(`refund ${r.key}: acknowledged refund ${r.id} is not recorded`);
        else if (ops.some((o) => !o || o.status !== 'SUCCEEDED' || o.transfers === 0))
          violation(`refund ${r.key}: a reversal it answered with is missing or posted nothing`);
        else refundsOk++;
      }
      checks['acknowledged refunds recorded once, their reversals posted'] = `${refundsOk}/${refunds.length}`;

      // Rewards: every unit taken is a redemption, every code handed out once, to a redemption of its reward.
      const rewardRows = (
        await db.query(
          `select r.id, s.remaining::int as remaining,
                  (select count(*) from reward_redemption d where d.reward_id = r.id)::int as redemptions,
                  (select count(*) from reward_code c where c.reward_id = r.id and c.redemption_id is not null)::int as codes,
                  (select count(*) from reward_code c join reward_redemption d on d.id = c.redemption_id
                    where c.reward_id = r.id and d.code_id = c.id and d.reward_id = r.id)::int as matched
             from reward r join reward_stock s on s.reward_id = r.id where r.id = any($1::uuid[])`,
          [rewardIds],
        )
      ).rows as { id: string; remaining: number; redemptions: number; codes: number; matched: number }[];
      let rewardsOk = 0;
      for (const r of rewardRows) {
        if (r.remaining + r.redemptions !== REWARD_STOCK || r.codes !== r.redemptions || r.matched !== r.codes)
          violation(
            `reward ${r.id}: ${r.remaining} left + ${r.redemptions} redeemed ≠ ${REWARD_STOCK}, or ${r.codes} codes handed out (${r.matched} to their redemption)`,
          );
        else rewardsOk++;
      }
      checks['reward stock and codes exact'] =
        `${rewardsOk}/${rewardIds.length} rewards (${rewardRows.map((r) => r.redemptions).join('+')} redeemed)`;

      // Settlement: each partner's draft equals its valuations.
      let settledOk = 0;
      for (const partner of partners) {
        const v = (
          await db.query(
            `select coalesce(sum(amount), 0)::text as total, count(*)::int as n, min(created_at) as first from transfer_valuation where partner_id = $1`,
            [partner.id],
          )
        ).rows[0] as { total: string; n: number; first: Date | null };
        const periods = new Map<
          string,
          { netExact: string; transferCount: number; periodStart: string; periodEnd: string }
        >();
        for (const when of [v.first ?? new Date(), new Date()]) {
          const d = await setup(
            `query($p: ID!, $at: DateTime) { settlementStatement(partnerId: $p, at: $at) { periodStart periodEnd netExact transferCount status } }`,
            { p: partner.id, at: when.toISOString() },
            finance,
          );
          const s = d.settlementStatement as {
            periodStart: string;
            periodEnd: string;
            netExact: string;
            transferCount: number;
          };
          periods.set(s.periodStart, s);
        }
        let net = 0n;
        let count = 0;
        for (const s of periods.values()) {
          const inPeriod = (
            await db.query(
              `select coalesce(sum(amount), 0)::text as total, count(*)::int as n from transfer_valuation where partner_id = $1 and created_at >= $2 and created_at < $3`,
              [partner.id, s.periodStart, s.periodEnd],
            )
          ).rows[0] as { total: string; n: number };
          if (scaled12(inPeriod.total) !== scaled12(s.netExact) || inPeriod.n !== s.transferCount) {
            violation(
              `partner ${partner.id} statement ${s.periodStart}: draft net ${s.netExact} over ${s.transferCount} transfers, valuations ${inPeriod.total} over ${inPeriod.n}`,
            );
          }
          net += scaled12(s.netExact);
          count += s.transferCount;
        }
        if (net !== scaled12(v.total) || count !== v.n)
          violation(`partner ${partner.id}: drafts sum to ${net}e-12 over ${count}, valuations ${v.total} over ${v.n}`);
        else settledOk++;
      }
      checks['settlement drafts equal valuations'] = `${settledOk}/${partners.length} partners`;
    });

    const rec = (
      await setup(
        `query { reconcileSettlements { ok statementsChecked valuationsChecked unpricedTransfers differences { field stored recomputed } } }`,
        {},
        finance,
      )
    ).reconcileSettlements as {
      ok: boolean;
      valuationsChecked: number;
      unpricedTransfers: number;
      differences: unknown[];
    };
    checks['reconcileSettlements'] =
      `ok=${rec.ok}, valuations checked ${rec.valuationsChecked}, unpriced ${rec.unpricedTransfers}`;
    if (!rec.ok) violation(`reconcileSettlements: ${JSON.stringify(rec.differences).slice(0, 500)}`);
    if (rec.unpricedTransfers) violation(`${rec.unpricedTransfers} settled transfers without a valuation`);

    // Events out: every acknowledged points operation's event reached its partner's endpoint at least once,
    // though hubs were killed mid-delivery. Wait (real time: delivery runs in the hubs) until nothing waits.
    const webhooksDone = async () =>
      withClient(dbUrl, async (db) => {
        const [w] = (
          await db.query(`select (select count(*) from outbox_event where not dispatched)::int as undispatched,
                                 (select count(*) from webhook_delivery where status <> 'SUCCEEDED')::int as waiting`)
        ).rows as { undispatched: number; waiting: number }[];
        return w!;
      });
    let pending = await webhooksDone();
    for (let waited = 0; (pending.undispatched || pending.waiting) && waited < 120_000; waited += 500) {
      await sleep(500);
      pending = await webhooksDone();
    }
    const delivered = new Set(receiver.received.map((r) => String(r.event.data.operationId)));
    const evented = acks.filter((a) => a.kind !== 'exchange' && a.transferIds.length > 0);
    const missing = evented.filter((a) => !delivered.has(a.operationId));
    checks['acknowledged operations delivered as webhooks'] =
      `${evented.length - missing.length}/${evented.length} (${receiver.received.length} deliveries received, ${new Set(receiver.received.map((r) => r.event.id)).size} distinct events; waiting ${pending.waiting})`;
    for (const a of missing.slice(0, 5))
      violation(`${a.kind} ${a.key}: operation ${a.operationId} acknowledged, its event never delivered`);
    if (missing.length > 5) violation(`${missing.length - 5} more acknowledged operations without a delivered event`);

    const inv = (await setup(`query { ledgerInvariants { ok violations { invariant subject detail } } }`, {}))
      .ledgerInvariants as {
      ok: boolean;
      violations: { invariant: string; subject: string; detail: string }[];
    };
    checks['ledgerInvariants'] = inv.ok ? 'ok' : `${inv.violations.length} violations`;
    for (const v of inv.violations) violation(`invariant ${v.invariant} ${v.subject}: ${v.detail}`);
    if (unexpectedExits.length) checks['unexpected hub exits'] = String(unexpectedExits.length);
    const masked: Record<string, number> = {};
    for (const h of hubs) for (const [k, n] of Object.entries(h.unexpectedErrors)) masked[k] = (masked[k] ?? 0) + n;
    checks['INTERNAL_SERVER_ERROR answers'] = String(internalErrors);
    if (oddRejections.length) checks['unexpected rejections (first 5)'] = oddRejections.join('; ');
    checks['hub starts retried (exited during startup)'] = String(hubs.reduce((n, h) => n + h.startupRetries, 0));
    if (internalErrors > 5) violation(`${internalErrors - 5} more INTERNAL_SERVER_ERROR answers`);
    checks['errors the hubs logged as unexpected (error/SQLSTATE)'] =
      Object.entries(masked)
        .map(([k, n]) => `${k}:${n}`)
        .join(', ') || 'none';
  } catch (error) {
    violation(`run aborted: ${(error as Error).stack ?? String(error)}`);
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await cleanup();
  }
  return { seconds: Math.round((Date.now() - t0) / 100) / 10, operations, retries, faults, checks, violations, built };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: 120_000,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function formatReport(r: ChaosReport): string {
  const lines: string[] = [];
  lines.push(`bank test under faults: ${r.seconds} s${r.built ? ' (dist/ rebuilt first)' : ''}`);
  lines.push('operations        acked  rejected  retried  replayed-on-retry  gave-up  rejections');
  const total = { acknowledged: 0, rejected: 0, retried: 0, replayedAfterRetry: 0, gaveUp: 0 };
  for (const [kind, s] of Object.entries(r.operations)) {
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += s[k];
    lines.push(
      `  ${kind.padEnd(14)} ${String(s.acknowledged).padStart(6)} ${String(s.rejected).padStart(9)} ${String(s.retried).padStart(8)} ${String(s.replayedAfterRetry).padStart(18)} ${String(s.gaveUp).padStart(8)}  ${Object.entries(
        s.rejections,
      )
        .map(([c, n]) => `${c}:${n}`)
        .join(' ')}`,
    );
  }
  lines.push(
    `  ${'total'.padEnd(14)} ${String(total.acknowledged).padStart(6)} ${String(total.rejected).padStart(9)} ${String(total.retried).padStart(8)} ${String(total.replayedAfterRetry).padStart(18)} ${String(total.gaveUp).padStart(8)}`,
  );
  lines.push(
    `failed attempts (retried with the same key): ${
      Object.entries(r.retries)
        .map(([c, n]) => `${c}:${n}`)
        .join(', ') || 'none'
    }`,
  );
  const f = r.faults;
  lines.push(
    `faults injected: kill -9 hub ${f.hubKill9}, SIGTERM hub ${f.hubSigterm} (restarted ${f.hubRestart}), backends terminated ${f.backendsTerminated} in ${f.terminateRounds} rounds, PostgreSQL restarts ${f.postgresRestart} (down ${f.postgresDownMs} ms incl. stop/start), COMMIT answers lost ${f.commitAnswersLost}`,
  );
  lines.push('checks:');
  for (const [name, value] of Object.entries(r.checks)) lines.push(`  ${name}: ${value}`);
  lines.push(`violations: ${r.violations.length}`);
  for (const v of r.violations.slice(0, 30)) lines.push(`  - ${v}`);
  if (r.violations.length > 30) lines.push(`  … ${r.violations.length - 30} more`);
  return lines.join('\n');
}
