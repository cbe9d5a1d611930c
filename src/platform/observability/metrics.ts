/**
 * Prometheus metrics (`prom-client`), one registry per hub (tests run several hubs in one process). What is
 * measured, named per Prometheus conventions (`_total`, `_seconds`, base units):
 * - HTTP requests by route, method and status, with latency (`hub_http_request_duration_seconds`);
 * - GraphQL operations by type and root field, with latency, and errors by code;
 * - the database pool (connections in use, idle, callers waiting), transaction retries by SQLSTATE;
 * - idempotent replays, partner cost-budget throttles;
 * - what modules add (`HubModule.metrics`: holds pending, expiry sweep lag, …);
 * - the process: CPU, memory, event-loop delay, GC (prom-client's default metrics).
 * Labels are bounded: routes the hub serves, root fields of the schema, error codes of the closed catalogue;
 * never a member, partner, key or request id (test/integration/observability/metrics.test.ts scans for them).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { HubContext } from '../graphql/context.js';
import { hubCounters } from './counters.js';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface HubMetrics {
  readonly registry: Registry;
  /** One HTTP request, labelled by the route that served it (`route` is bounded by the caller). */
  observeHttp(route: string, method: string, status: number, seconds: number): void;
  /** Counts operations, latency and errors per root field. */
  readonly graphqlPlugin: ApolloServerPlugin<HubContext>;
  render(): Promise<string>;
  readonly contentType: string;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** The operation's label: its type and first root field, e.g. `mutation` `earnPoints` (bounded by the schema). */
function rootField(operation: OperationDefinitionNode | undefined | null): { type: string; field: string } {
  if (!operation) return { type: 'unknown', field: 'unknown' };
  const first = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  return { type: operation.operation, field: first?.kind === Kind.FIELD ? first.name.value : 'fragment' };
}

export function createMetrics(options: { pool?: () => PoolStats | undefined } = {}): HubMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hub_process_' });

  const http = new Histogram({
    name: 'hub_http_request_duration_seconds',
    help: 'HTTP requests by route, method and status code, with their latency.',
    labelNames: ['route', 'method', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const operations = new Histogram({
    name: 'hub_graphql_operation_duration_seconds',
    help: 'GraphQL operations by type and first root field, with their latency (parse to response).',
    labelNames: ['type', 'field'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'hub_graphql_errors_total',
    help: 'GraphQL errors by type, first root field and extensions.code.',
    labelNames: ['type', 'field', 'code'],
    registers: [registry],
  });
  const throttles = new Counter({
    name: 'hub_partner_throttles_total',
    help: "Requests refused because the partner's query cost budget was spent (THROTTLED).",
    registers: [registry],
  });
  new Gauge({
    name: 'hub_db_pool_connections',
    help: 'Database pool connections by state (in_use, idle) and callers waiting for one (waiting).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = options.pool?.();
      if (!stats) return;
      this.set({ state: 'in_use' }, stats.total - stats.idle);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
  new Counter({
    name: 'hub_db_transaction_retries_total',
    help: 'Transactions tried again after a serialization failure (40001) or deadlock (40P01), by SQLSTATE.',
    labelNames: ['sqlstate'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [state, n] of hubCounters.transactionRetries) this.inc({ sqlstate: state }, n);
    },
  });
  new Counter({
    name: 'hub_idempotent_replays_total',
    help: 'Points operations answered from an earlier request with the same idempotency key.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(hubCounters.idempotentReplays);
    },
  });

  const graphqlPlugin: ApolloServerPlugin<HubContext> = {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, response }) {
          const label = rootField(operation);
          operations.observe(label, (performance.now() - started) / 1000);
          // The errors as the client sees them (after formatError): their codes come from the closed catalogue.
          const failures = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const error of failures ?? []) {
            const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN';
            errors.inc({ ...label, code });
            if (code === 'THROTTLED') throttles.inc();
          }
        },
      };
    },
  };

  return {
    registry,
    contentType: registry.contentType,
    observeHttp: (route, method, status, seconds) =>
      http.observe({ route, method: METHODS.has(method) ? method : 'OTHER', status: String(status) }, seconds),
    graphqlPlugin,
    render: () => registry.metrics(),
  };
}
