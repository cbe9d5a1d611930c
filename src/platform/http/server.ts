/**
 * The HTTP surface: /graphql (Apollo Server), /health, /ready, the JWKS and
 * the token endpoint, on plain node:http. Every response carries a request id
 * that is also on the request's log line.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { trace } from '@opentelemetry/api';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { BodyTooLargeError, mediaType, readBody, sendGraphQLError, sendJson } from './body.js';
import { randomToken } from '../ids.js';
import type { Logger } from '../logger.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<void> | void;

export interface HttpOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /** Builds the GraphQL context; throwing a GraphQLError rejects the request. */
  context: (req: IncomingMessage, requestId: string) => Promise<C>;
  routes: Record<string, RouteHandler>;
  /** Handlers for every path under a prefix (e.g. `/oidc` for `/oidc` and `/oidc/...`). */
  prefixRoutes?: Record<string, RouteHandler>;
  bodyLimit: number;
  /** Operations allowed in one batched (array) request. */
  maxBatch: number;
  log: Logger;
  /** Runs each request's handler (e.g. inside a per-request async context). */
  around?: (req: IncomingMessage, res: ServerResponse, handler: () => Promise<void>) => Promise<void>;
  /** Told of every finished request: the route that served it (a served path or prefix, or `unmatched`). */
  observe?: (route: string, method: string, status: number, seconds: number) => void;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface HttpServer {
  server: Server;
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting connections, lets in-flight requests finish. */
  close(): Promise<void>;
}

export function createHttpServer<C extends BaseContext>(options: HttpOptions<C>): HttpServer {
  const { apollo, log } = options;
  let inFlight = 0;
  let drained: (() => void) | undefined;

  async function graphql(req: IncomingMessage, res: ServerResponse, requestId: string) {
    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req, options.bodyLimit);
      if (mediaType(req) === 'application/json') {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendGraphQLError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
        }
        if (Array.isArray(body) && (body.length === 0 || body.length > options.maxBatch)) {
          return sendGraphQLError(
            res,
            400,
            'BATCH_TOO_LARGE',
            `A batched request holds 1 to ${options.maxBatch} operations.`,
          );
        }
      } else {
        body = raw;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: query < 0 ? '' : url.slice(query), body },
      context: () => options.context(req, requestId),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  const prefixes = Object.entries(options.prefixRoutes ?? {});
  const prefixOf = (path: string) => prefixes.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  // A bounded name for metrics: never the raw path, which the client chooses.
  const routeName = (path: string): string =>
    path === '/graphql' || Object.hasOwn(options.routes, path) ? path : (prefixOf(path)?.[0] ?? 'unmatched');

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomToken(12);
    res.setHeader('x-request-id', requestId);
    // With tracing on, the request's span carries the id of its log lines (a no-op without an SDK).
    trace.getActiveSpan()?.setAttribute('hub.request_id', requestId);
    inFlight++;
    const path = (req.url ?? '/').split('?')[0]!;
    try {
      const route = path === '/graphql' ? graphql : (options.routes[path] ?? prefixOf(path)?.[1]);
      if (!route) sendJson(res, 404, { error: 'not_found' });
      else if (options.around) await options.around(req, res, async () => route(req, res, requestId));
      else await route(req, res, requestId);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.setHeader('connection', 'close');
        sendGraphQLError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body exceeds ${options.bodyLimit} bytes.`);
      } else {
        log.error('request failed', { requestId, error: error instanceof Error ? error.name : 'unknown' });
        if (!res.headersSent) sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
        else res.end();
      }
    } finally {
      const ms = performance.now() - started;
      log.info('request', { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(ms) });
      options.observe?.(routeName(path), req.method ?? 'GET', res.statusCode, ms / 1000);
      if (--inFlight === 0) drained?.();
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  // Idle keep-alive connections stay open 65 s, longer than the usual load balancer's idle timeout (60 s):
  // a server that closes first races the balancer reusing the connection (a 502 for that request). Node's
  // default is 5 s; the bench saw the hub drop its load generator's connections after 5 s lulls.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const { port: bound } = server.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${bound}`);
        });
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      server.closeAllConnections();
      await closed;
    },
  };
}
