/**
 * All settings, read from the environment once and validated. Nothing else in
 * the code reads `process.env`; tests build a Config directly.
 */
// The members module's public API carries GraphQL types (decorators), which need the metadata polyfill loaded first.
import 'reflect-metadata';
import path from 'node:path';
import { parseTiers } from './modules/members/index.js';

export type HubEnv = 'development' | 'production' | 'test';

export interface Config {
  env: HubEnv;
  host: string;
  port: number;
  /** PostgreSQL URL; when absent the hub runs on embedded PGlite under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL streaming replicas for display reads (`sql.reads`); none: every read goes to `databaseUrl`. */
  replicas: {
    urls: string[];
    /** Longest wait for a replica to replay the caller's last write before reading from the primary. */
    waitMs: number;
    /** Connections per replica. */
    poolSize: number;
    /** How long a replica that could not be reached is left alone before it is tried again. */
    retryMs: number;
  };
  /** JSON array of private JWKs (first one signs); when absent, keys live in `dataDir`. */
  signingKeys?: string;
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  clockSkewSeconds: number;
  bodyLimitBytes: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  seedDemo: boolean;
  dbPoolSize: number;
  hold: { defaultTtlSeconds: number; maxTtlSeconds: number };
  /** Largest amount (minor units) a single operation may move. */
  maxPointsPerOperation: bigint;
  /** How often the in-process expiry sweep runs; 0 disables it. */
  expirySweepSeconds: number;
  /** How often the rolling settlement reconciliation runs (0 disables it), and how many recent periods it covers. */
  reconcileSeconds: number;
  reconcilePeriods: number;
  memberTokenTtlSeconds: number;
  /** How long an exchange quote locks its rate. */
  quoteTtlSeconds: number;
  graphql: {
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
    /** Operations allowed in one batched HTTP request. */
    maxBatch: number;
    /** Per-partner query cost budget: burst capacity and refill per second. */
    partnerCostBurst: number;
    partnerCostPerSecond: number;
  };
  /** Coalition tiers as NAME:POINTS pairs, ascending from 0. */
  tiers: string;
  /**
   * Prometheus metrics: served at `/metrics` to operator tokens; with `port`, also on a listener of their own
   * (`host`, loopback by default) without a token, for a scraper on a private network. Off: not collected.
   */
  metrics: { enabled: boolean; port?: number; host: string };
  /** Member sign-in at the hub (OpenID Connect provider, one-time codes). */
  signIn: {
    /** The provider's issuer URL, path `/oidc`; when absent, the hub's own URL + `/oidc` (fine without a proxy). */
    issuer?: string;
    /** Redirect URIs of the hub's own first-party client (the console); none: no first-party client. */
    consoleRedirectUris: string[];
    refreshTokenTtlSeconds: number;
    codeTtlSeconds: number;
    maxAttempts: number;
    maxCodesPerWindow: number;
    rateWindowSeconds: number;
    /** SMTP URL for sending codes by e-mail (required in production); without it, an in-memory sink. */
    smtpUrl?: string;
    mailFrom: string;
  };
  /** Events out (the outbox module and webhooks; src/modules/outbox/README.md). */
  events: {
    /** Write events with every change (off only to measure the hub without them: nothing is delivered then). */
    outboxEnabled: boolean;
    /** How often a hub process looks for events to deliver; 0: this process delivers nothing. */
    deliveryPollMs: number;
    /** Deliveries one process runs at once, and at most per endpoint (a slow endpoint never takes every slot). */
    deliveryConcurrency: number;
    deliveryPerEndpoint: number;
    /** One attempt's limit: connect, send and the response's headers and first bytes. */
    deliveryTimeoutMs: number;
    /** After this long since the event, a delivery still failing is dead-lettered (3 days). */
    deliveryMaxAgeSeconds: number;
    /** CIDR ranges of private/loopback addresses webhooks may still reach (an operator's allow-list). */
    allowedPrivateNetworks: string[];
    /** Dispatched events older than this are deleted with their deliveries (delivery logs go with them). */
    retentionDays: number;
  };
}

class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}`);
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}`);
  return raw as T;
}

/** Comma-separated PostgreSQL URLs (empty items ignored). */
function postgresUrls(env: NodeJS.ProcessEnv, name: string): string[] {
  const urls = (env[name] ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  for (const [i, url] of urls.entries()) {
    let protocol: string;
    try {
      protocol = new URL(url).protocol;
    } catch {
      throw new ConfigError(`${name}: item ${i + 1} is not a URL`);
    }
    if (protocol !== 'postgres:' && protocol !== 'postgresql:')
      throw new ConfigError(`${name}: item ${i + 1} must be a postgres:// or postgresql:// URL`);
  }
  return urls;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!['true', 'false', '1', '0'].includes(raw)) throw new ConfigError(`${name} must be true or false`);
  return raw === 'true' || raw === '1';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const hubEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const config: Config = {
    env: hubEnv,
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 4000, 0, 65535),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    replicas: {
      urls: postgresUrls(env, 'DATABASE_REPLICA_URLS'),
      waitMs: int(env, 'DATABASE_REPLICA_WAIT_MS', 100, 0, 10_000),
      poolSize: int(env, 'DB_REPLICA_POOL_SIZE', 4, 1, 200),
      retryMs: int(env, 'DATABASE_REPLICA_RETRY_MS', 5_000, 100, 600_000),
    },
    signingKeys: env.HUB_SIGNING_KEYS || undefined,
    issuer: env.HUB_ISSUER || 'coalition-hub',
    audience: env.HUB_AUDIENCE || 'coalition-hub-api',
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    clockSkewSeconds: int(env, 'CLOCK_SKEW_SECONDS', 30, 0, 300),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 50 * 1_048_576),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
    seedDemo: bool(env, 'SEED_DEMO', hubEnv !== 'production'),
    dbPoolSize: int(env, 'DB_POOL_SIZE', 10, 1, 200),
    hold: {
      defaultTtlSeconds: int(env, 'HOLD_TTL_SECONDS', 900, 1, 604_800),
      maxTtlSeconds: int(env, 'HOLD_MAX_TTL_SECONDS', 86_400, 1, 604_800),
    },
    maxPointsPerOperation: BigInt(int(env, 'MAX_POINTS_PER_OPERATION', 100_000_000, 1)),
    expirySweepSeconds: int(env, 'EXPIRY_SWEEP_SECONDS', 60, 0, 86_400),
    reconcileSeconds: int(env, 'SETTLEMENT_RECONCILE_SECONDS', 3_600, 0, 604_800),
    reconcilePeriods: int(env, 'SETTLEMENT_RECONCILE_PERIODS', 3, 1, 120),
    memberTokenTtlSeconds: int(env, 'MEMBER_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    quoteTtlSeconds: int(env, 'QUOTE_TTL_SECONDS', 60, 1, 3_600),
    graphql: {
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 30, 0, 1_000),
      maxCost: int(env, 'GRAPHQL_MAX_COST', 20_000, 10, 10_000_000),
      maxBatch: int(env, 'GRAPHQL_MAX_BATCH', 10, 1, 100),
      partnerCostBurst: int(env, 'PARTNER_COST_BURST', 200_000, 10, 100_000_000),
      partnerCostPerSecond: int(env, 'PARTNER_COST_PER_SECOND', 50_000, 1, 100_000_000),
    },
    tiers: env.TIERS || 'BRONZE:0,SILVER:5000,GOLD:20000',
    metrics: {
      enabled: bool(env, 'METRICS_ENABLED', true),
      port: env.METRICS_PORT ? int(env, 'METRICS_PORT', 0, 0, 65535) : undefined,
      host: env.METRICS_HOST || '127.0.0.1',
    },
    signIn: {
      issuer: env.OIDC_ISSUER || undefined,
      // Development's default is the console's local address; production has none unless configured.
      consoleRedirectUris: (
        env.HUB_CONSOLE_REDIRECT_URIS ?? (hubEnv === 'production' ? '' : 'http://127.0.0.1:4000/console/callback')
      )
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
      refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL_SECONDS', 2_592_000, 300, 31_536_000),
      codeTtlSeconds: int(env, 'SIGN_IN_CODE_TTL_SECONDS', 300, 30, 3_600),
      maxAttempts: int(env, 'SIGN_IN_MAX_ATTEMPTS', 5, 1, 20),
      maxCodesPerWindow: int(env, 'SIGN_IN_MAX_CODES', 5, 1, 100),
      rateWindowSeconds: int(env, 'SIGN_IN_RATE_WINDOW_SECONDS', 900, 60, 86_400),
      smtpUrl: env.SMTP_URL || undefined,
      mailFrom: env.SIGN_IN_MAIL_FROM || 'Coalition hub <no-reply@localhost>',
    },
    events: {
      outboxEnabled: bool(env, 'OUTBOX_ENABLED', true),
      deliveryPollMs: int(env, 'WEBHOOK_POLL_MS', 500, 0, 600_000),
      deliveryConcurrency: int(env, 'WEBHOOK_CONCURRENCY', 32, 1, 1_000),
      deliveryPerEndpoint: int(env, 'WEBHOOK_PER_ENDPOINT', 4, 1, 100),
      deliveryTimeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
      deliveryMaxAgeSeconds: int(env, 'WEBHOOK_MAX_AGE_SECONDS', 259_200, 60, 2_592_000),
      allowedPrivateNetworks: (env.WEBHOOK_ALLOW_PRIVATE ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      retentionDays: int(env, 'OUTBOX_RETENTION_DAYS', 30, 1, 3_650),
    },
  };
  try {
    parseTiers(config.tiers);
  } catch (error) {
    throw new ConfigError(`TIERS: ${(error as Error).message}`);
  }
  if (config.replicas.urls.length && !config.databaseUrl) {
    throw new ConfigError('DATABASE_REPLICA_URLS needs DATABASE_URL (the embedded database has no replicas)');
  }
  if (config.hold.defaultTtlSeconds > config.hold.maxTtlSeconds) {
    throw new ConfigError('HOLD_TTL_SECONDS must not exceed HOLD_MAX_TTL_SECONDS');
  }
  if (config.signIn.issuer !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(config.signIn.issuer);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.pathname !== '/oidc' || url.search || url.hash)
      throw new ConfigError(
        'OIDC_ISSUER must be an http(s) URL whose path is /oidc, e.g. https://hub.example.com/oidc',
      );
  }
  for (const uri of config.signIn.consoleRedirectUris) {
    try {
      new URL(uri);
    } catch {
      throw new ConfigError(`HUB_CONSOLE_REDIRECT_URIS: "${uri}" is not an absolute URL`);
    }
  }
  if (config.env === 'production' && !config.signIn.smtpUrl) {
    throw new ConfigError('SMTP_URL is required in production (sign-in codes are sent by e-mail)');
  }
  if (config.env === 'production' && !config.signingKeys) {
    throw new ConfigError('HUB_SIGNING_KEYS is required in production (generate with `npm run hub -- keys`)');
  }
  return config;
}
