/**
 * Composition root: opens the database (and migrates it), loads the signing
 * keys, builds services, schema and HTTP server. `main.ts` and the tests both
 * start the hub through `startHub`.
 */
import 'reflect-metadata';
import type { IncomingMessage, Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { sqlState } from './platform/db/sql.js';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Config } from './config.js';
import type { Database } from './platform/db/orm.js';
import { openHubDatabase } from './database.js';
import { consistencyKeys, currentScope, LSN_HEADER, runInScope } from './platform/db/read-scope.js';
import { createLogger, type Logger, type LogSink } from './platform/logger.js';
import { loadKeyStore } from './platform/auth/key-store.js';
import { TokenService, InvalidTokenError } from './platform/auth/token-service.js';
import { Role, type Principal } from './platform/auth/principal.js';
import { AppError, formatError } from './platform/graphql/errors.js';
import type { HubContext } from './platform/graphql/context.js';
import { createHttpServer, type HttpServer } from './platform/http/server.js';
import { limitsPlugin } from './platform/graphql/limits/limits.plugin.js';
import { sendJson } from './platform/http/body.js';
import { createLoaders, createServices, hubModuleList, type Services } from './modules/index.js';
import { mergeNamed, type Job, type RouteContext } from './platform/module.js';
import type { RouteHandler } from './platform/http/server.js';
import { buildHubSchema } from './schema.js';
import { seedDemoCoalition, type DemoSeed } from './seed/demo-coalition.js';
import { attachClock, type ClockControl } from './platform/db/hub-clock.js';
import { createMetrics } from './platform/observability/metrics.js';
import { metricsRoute, startMetricsListener } from './platform/observability/metrics-http.js';

export interface Hub {
  url: string;
  config: Config;
  db: Database;
  tokens: TokenService;
  services: Services;
  /** Member sign-in (OpenID Connect provider); `identity.sink` holds the codes sent when there is no SMTP. */
  identity: Services['identity'];
  log: Logger;
  /** The node:http server (tests observe its events instead of sleeping). */
  server: Server;
  /** Hub time (src/platform/clock.ts); moving it is refused unless `config.env` is `test`. */
  clock: ClockControl;
  /** The unauthenticated metrics listener's URL (METRICS_PORT), if any. */
  metricsUrl?: string;
  /** What the first start seeded (undefined when the database already had data or seeding is off). */
  seeded?: DemoSeed;
  close(): Promise<void>;
}

// An AppError, so formatError passes its code through instead of masking it as INTERNAL_SERVER_ERROR.
const unauthenticated = (message: string) => new AppError('UNAUTHENTICATED', message, { http: { status: 401 } });

async function principalFrom(
  req: IncomingMessage,
  tokens: TokenService,
  services: Services,
): Promise<Principal | undefined> {
  const header = req.headers.authorization;
  let principal: Principal;
  if (!header) {
    // The console: a staff session cookie acts as its role's principal (src/modules/staff), checked alike below.
    const staff = await services.staff.authenticate(req);
    if (!staff) return undefined;
    principal = staff;
  } else {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    try {
      principal = await tokens.verify(match[1]!);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthenticated('The access token is invalid or expired.');
      throw error;
    }
  }
  // Suspension and credential revocation take effect at once, not at token expiry.
  if (
    principal.partnerId &&
    principal.role !== Role.OPERATOR &&
    !(await services.partners.isActive(principal.partnerId, principal.clientId))
  ) {
    throw unauthenticated('The partner is suspended or these credentials were revoked.');
  }
  // A member token stops working when the member is erased, merged away or unlinked from its partner,
  // and a signed-in one when the member revokes its grant.
  if (
    principal.role === Role.MEMBER &&
    (!(await services.members.canAct(principal.memberId!, principal.partnerId)) ||
      (principal.grantId !== undefined &&
        !(await services.memberGrants.isActive(principal.grantId, principal.memberId!))))
  ) {
    throw unauthenticated('This member token is no longer valid.');
  }
  // Replica reads of this request must show this caller's own recent writes.
  const scope = currentScope();
  if (scope) scope.keys = consistencyKeys(principal);
  return principal;
}

/**
 * Errors the client sees masked as INTERNAL_SERVER_ERROR are logged with the
 * request id, by error name and SQLSTATE only (a driver message can carry data).
 */
function logUnexpectedErrors(log: Logger): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (original instanceof AppError || !(original instanceof Error) || original instanceof GraphQLError)
              continue;
            log.error('unexpected error', {
              requestId: contextValue.requestId,
              error: original.name,
              sqlState: sqlState(original),
              path: error.path?.join('.'),
            });
            // Messages can carry values, so they are logged only when debugging.
            log.debug('unexpected error detail', {
              requestId: contextValue.requestId,
              message: original.message,
              stack: original.stack,
            });
          }
        },
      };
    },
  };
}

export async function startHub(config: Config, options: { logSink?: LogSink } = {}): Promise<Hub> {
  const log = createLogger(config.logLevel, options.logSink);
  const db = await openHubDatabase(config, { log });
  const jobs: Job[] = [];
  let clock: Awaited<ReturnType<typeof attachClock>> | undefined;
  try {
    const applied = await db.migrate();
    if (applied.length) log.info('migrations applied', { migrations: applied });
    const hubClock = (clock = await attachClock(config.env, db.sql));
    const keys = await loadKeyStore(config);
    const tokens = new TokenService(keys, config);
    const services = createServices(db, config, tokens, keys, log);
    const seeded = config.seedDemo ? await seedDemoCoalition(db, services) : undefined;
    if (applied.length || seeded) await db.analyze();
    const metrics = config.metrics.enabled ? createMetrics({ pool: () => db.sql.poolStats?.() }) : undefined;
    if (metrics) for (const m of hubModuleList) m.metrics?.(metrics.registry, services);

    const apollo = new ApolloServer<HubContext>({
      schema: await buildHubSchema(),
      formatError,
      includeStacktraceInErrorResponses: false,
      // In production the limits plugin admits introspection for authenticated partners and operators only.
      introspection: true,
      allowBatchedHttpRequests: true,
      csrfPrevention: true,
      // main.ts handles SIGINT/SIGTERM and closes in order (HTTP drains, then Apollo, then the database).
      // Apollo's own handler (on outside NODE_ENV=test) stopped it at once, so requests still draining
      // failed with INTERNAL_SERVER_ERROR ("Cannot execute GraphQL operations after the server has stopped").
      stopOnTerminationSignals: false,
      plugins: [
        ApolloServerPluginInlineTraceDisabled(),
        // Responses are per-principal and never cached by HTTP caches; the plugin's per-field hooks cost CPU on every request.
        ApolloServerPluginCacheControlDisabled(),
        config.env === 'development'
          ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
          : ApolloServerPluginLandingPageDisabled(),
        logUnexpectedErrors(log),
        ...(metrics ? [metrics.graphqlPlugin] : []),
        limitsPlugin({
          maxDepth: config.graphql.maxDepth,
          maxAliases: config.graphql.maxAliases,
          maxCost: config.graphql.maxCost,
          partnerBudget: {
            capacity: config.graphql.partnerCostBurst,
            refillPerSecond: config.graphql.partnerCostPerSecond,
          },
          restrictIntrospection: config.env === 'production',
        }),
      ],
    });
    await apollo.start();

    const routeContext: RouteContext<Services> = {
      services,
      tokens,
      config,
      authenticate: (req) => principalFrom(req, tokens, services),
    };
    const routes: Record<string, RouteHandler> = {
      '/health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
      '/ready': async (_req, res) => {
        try {
          await db.sql.query('select 1');
          const pending = await db.pendingMigrations();
          sendJson(res, pending === 0 ? 200 : 503, {
            status: pending === 0 ? 'ready' : 'migrations pending',
            pendingMigrations: pending,
          });
        } catch {
          sendJson(res, 503, { status: 'database unreachable' });
        }
      },
      '/.well-known/jwks.json': (_req, res) =>
        sendJson(res, 200, tokens.jwks, { 'cache-control': 'public, max-age=300' }),
      ...(metrics ? { '/metrics': metricsRoute(metrics, routeContext.authenticate) } : {}),
    };
    const prefixRoutes: Record<string, RouteHandler> = {};
    for (const m of hubModuleList) {
      if (m.routes) mergeNamed(routes, m.routes(routeContext), 'route', m.name);
      if (m.prefixRoutes) mergeNamed(prefixRoutes, m.prefixRoutes(routeContext), 'route prefix', m.name);
    }
    const http: HttpServer = createHttpServer<HubContext>({
      apollo,
      bodyLimit: config.bodyLimitBytes,
      maxBatch: config.graphql.maxBatch,
      log,
      // Only with replicas: a request's scope remembers its caller, its writes and the replica it reads from.
      around: config.replicas.urls.length
        ? (req, res, handler) => runInScope(req.headers[LSN_HEADER], res, handler)
        : undefined,
      context: async (req, requestId) => ({
        requestId,
        principal: await principalFrom(req, tokens, services),
        services,
        loaders: createLoaders(services),
        log: log.child({ requestId }),
      }),
      routes,
      prefixRoutes,
      observe: metrics?.observeHttp,
    });
    const metricsListener =
      metrics && config.metrics.port !== undefined
        ? await startMetricsListener(metrics, config.metrics.host, config.metrics.port, log)
        : undefined;
    if (metricsListener) jobs.push(metricsListener);
    for (const m of hubModuleList) if (m.jobs) jobs.push(...m.jobs({ services, config, log }));
    const url = await http.listen(config.port, config.host);
    for (const m of hubModuleList) m.listening?.(services, url);
    log.info('hub listening', { url: `${url}/graphql`, database: db.driver });

    let closing: Promise<void> | undefined;
    return {
      url,
      config,
      db,
      tokens,
      services,
      identity: services.identity,
      log,
      server: http.server,
      clock: hubClock,
      metricsUrl: metricsListener?.url,
      seeded,
      close: () =>
        (closing ??= (async () => {
          for (const job of jobs) await job.stop();
          await http.close();
          await apollo.stop();
          hubClock.detach();
          await db.close();
        })()),
    };
  } catch (error) {
    for (const job of jobs) await job.stop();
    clock?.detach();
    await db.close();
    throw error;
  }
}
