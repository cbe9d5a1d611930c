/**
 * Where `/metrics` is served: on the hub's port to operator tokens only (a scrape config can carry a bearer
 * token), and, when METRICS_PORT is set, on a listener of its own without a token (bind it to a private
 * address: METRICS_HOST, loopback by default).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Principal } from '../auth/principal.js';
import { Role } from '../auth/principal.js';
import { sendJson } from '../http/body.js';
import type { RouteHandler } from '../http/server.js';
import type { Job } from '../module.js';
import type { Logger } from '../logger.js';
import type { HubMetrics } from './metrics.js';

async function send(metrics: HubMetrics, res: ServerResponse): Promise<void> {
  const body = await metrics.render();
  res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
  res.end(body);
}

export function metricsRoute(
  metrics: HubMetrics,
  authenticate: (req: IncomingMessage) => Promise<Principal | undefined>,
): RouteHandler {
  return async (req, res) => {
    let principal: Principal | undefined;
    try {
      principal = await authenticate(req);
    } catch {
      principal = undefined;
    }
    if (!principal) return sendJson(res, 401, { error: 'unauthenticated', message: 'An operator token is required.' });
    if (principal.role !== Role.OPERATOR)
      return sendJson(res, 403, { error: 'forbidden', message: 'Metrics are for operators.' });
    await send(metrics, res);
  };
}

/** The unauthenticated listener of METRICS_PORT: `/metrics` and nothing else. */
export async function startMetricsListener(
  metrics: HubMetrics,
  host: string,
  port: number,
  log: Logger,
): Promise<Job & { url: string }> {
  const server = createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] !== '/metrics' || req.method !== 'GET')
      return sendJson(res, 404, { error: 'not_found' });
    send(metrics, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}/metrics`;
  log.info('metrics listening', { url });
  return {
    url,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
