/**
 * Webhook test helpers: a real local receiver (an HTTP server on 127.0.0.1, which the tests' operator allow-list
 * admits), the webhook operations as typed documents, and `deliver()`, which runs the hub's dispatcher until
 * nothing is due (hub time does not move: retries due later wait for `app.advanceClock`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { HubEvent } from '@coalition-hub/client';
import { graphql } from '../generated/index.js';
import type { TestApp } from './test-app.js';

/** Test hubs admit the local receiver; everything else private stays refused. */
export const WEBHOOK_TEST_CONFIG = {
  events: {
    outboxEnabled: true,
    deliveryPollMs: 0,
    deliveryConcurrency: 16,
    deliveryPerEndpoint: 2,
    deliveryTimeoutMs: 1_000,
    deliveryMaxAgeSeconds: 259_200,
    allowedPrivateNetworks: ['127.0.0.1/32'],
    retentionDays: 30,
  },
};

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body as the SDK types it. */
  event: HubEvent;
}

/** What the receiver answers on a path: a status, after a delay, with a body of some size, or a redirect. */
export interface Behaviour {
  status?: number;
  delayMs?: number;
  bodyBytes?: number;
  location?: string;
}

export async function startReceiver() {
  const received: Received[] = [];
  const behaviours = new Map<string, Behaviour>();
  const server = http.createServer((req, res) => {
    // The hub hangs up on slow and huge answers: writing to a closed response is expected here.
    res.on('error', () => undefined);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const b = behaviours.get(path) ?? {};
      const answer = () => {
        if (res.destroyed) return;
        if ((b.status ?? 200) < 300) received.push({ path, headers: req.headers, body, event: JSON.parse(body) });
        res.writeHead(b.status ?? 200, b.location ? { location: b.location } : {});
        if (b.bodyBytes) {
          // A huge answer, written as fast as the hub reads it (it stops at its cap and hangs up).
          const chunk = Buffer.alloc(64 * 1024, 'x');
          let left = b.bodyBytes;
          const pump = () => {
            while (left > 0 && !res.destroyed) {
              left -= chunk.length;
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
            res.end();
          };
          pump();
        } else res.end('ok');
      };
      if (b.delayMs) setTimeout(answer, b.delayMs);
      else answer();
    });
  });
  server.on('clientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    url: (path: string) => `${base}${path}`,
    behave: (path: string, b: Behaviour) => behaviours.set(path, b),
    on: (path: string) => received.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** Runs fan-out and deliveries until nothing is due now. */
export const deliver = (app: TestApp) => app.hub.services.webhooks.dispatcher.drain();

/** Whether `received` carries a valid Standard Webhooks signature under `secret` (at its own timestamp). */
export function signedWith(r: Received, secret: string): boolean {
  const id = r.headers['webhook-id'] as string;
  const ts = Number(r.headers['webhook-timestamp']);
  const expected = new Webhook(secret).sign(id, new Date(ts * 1000), r.body);
  return String(r.headers['webhook-signature']).split(' ').includes(expected);
}

export const CreateWebhookEndpoint = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
        partnerId
        url
        description
        eventTypes
        enabled
        previousSecretUntil
      }
    }
  }
`);

export const UpdateWebhookEndpoint = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      id
      url
      eventTypes
      enabled
      description
    }
  }
`);

export const RotateWebhookSecret = graphql(`
  mutation RotateWebhookSecret($id: ID!, $overlapSeconds: Int) {
    rotateWebhookSecret(id: $id, overlapSeconds: $overlapSeconds) {
      secret
      endpoint {
        id
        previousSecretUntil
      }
    }
  }
`);

export const DeleteWebhookEndpoint = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

export const WebhookEndpoints = graphql(`
  query WebhookEndpoints($partnerId: ID) {
    webhookEndpoints(partnerId: $partnerId) {
      id
      partnerId
      url
      eventTypes
      enabled
    }
  }
`);

export const WebhookEventTypes = graphql(`
  query WebhookEventTypes {
    webhookEventTypes {
      type
      version
      description
    }
  }
`);

export const WebhookDeliveries = graphql(`
  query WebhookDeliveries($endpointId: ID!, $status: WebhookDeliveryStatus, $first: Int, $after: String) {
    webhookDeliveries(endpointId: $endpointId, status: $status, first: $first, after: $after) {
      nodes {
        id
        eventId
        eventType
        memberId
        status
        attempts
        nextAttemptAt
        lastStatusCode
        lastError
        attemptLog {
          statusCode
          latencyMs
          error
          responseExcerpt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ReplayWebhookDelivery = graphql(`
  mutation ReplayWebhookDelivery($id: ID!) {
    replayWebhookDelivery(id: $id) {
      id
      status
    }
  }
`);

/** Creates an endpoint for a partner (its own token); returns its id and secret. */
export async function createEndpoint(
  app: TestApp,
  token: string,
  url: string,
  extra: { eventTypes?: string[]; partnerId?: string } = {},
): Promise<{ id: string; secret: string }> {
  const { createWebhookEndpoint: r } = await app.gqlOk(
    CreateWebhookEndpoint,
    { input: { url, eventTypes: extra.eventTypes, partnerId: extra.partnerId } },
    token,
  );
  return { id: r.endpoint.id, secret: r.secret };
}
