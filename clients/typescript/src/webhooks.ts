/**
 * Verifying the hub's webhooks (Standard Webhooks, https://www.standardwebhooks.com): the signature is
 * `v1,` + base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>` under the endpoint's secret
 * (`whsec_` + base64). The header may carry several signatures, space-separated (two during a secret rotation);
 * one valid `v1` signature is enough. The timestamp must be within `toleranceSeconds` of now (5 minutes), so an
 * old request cannot be replayed. Verify the raw body exactly as received, before parsing it.
 *
 * After verifying, drop duplicates: the hub delivers at least once, and `webhook-id` (the event's `id`) is the
 * same on every attempt and every replay.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** The body of a hub webhook (src/modules/outbox/README.md). */
export interface HubEvent<Data = Record<string, unknown>> {
  id: string;
  type: string;
  version: number;
  timestamp: string;
  partnerId: string;
  memberId: string | null;
  data: Data;
}

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** The endpoint's secret (`whsec_…`), or several (old and new, while you switch after a rotation). */
  secret: string | readonly string[];
  /** Seconds the timestamp may differ from now (default 300). */
  toleranceSeconds?: number;
  /** Now (default: the system clock). */
  now?: Date;
}

const PREFIX = 'whsec_';

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  return Array.isArray(found) ? found[0] : found;
}

function keyOf(secret: string): Buffer {
  const raw = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  const key = Buffer.from(raw, 'base64');
  if (raw.length === 0 || key.length === 0) throw new WebhookVerificationError('the secret is empty');
  return key;
}

/** The `v1,<base64>` signature of a message (what the hub sends; exported for tests and your own tooling). */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/**
 * Checks a delivery's signature and timestamp and returns the parsed event (undefined for an empty body).
 * Throws `WebhookVerificationError` when anything is missing, old, or not signed by the secret.
 */
export function verifyWebhook<Data = Record<string, unknown>>(
  body: string,
  headers: WebhookHeaders,
  options: VerifyOptions,
): HubEvent<Data> | undefined {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('missing webhook headers');
  if (!/^\d+$/.test(timestamp)) throw new WebhookVerificationError('invalid webhook-timestamp');
  const seconds = Number(timestamp);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (seconds < now - tolerance) throw new WebhookVerificationError('message timestamp too old');
  if (seconds > now + tolerance) throw new WebhookVerificationError('message timestamp too new');
  const secrets = typeof options.secret === 'string' ? [options.secret] : options.secret;
  const expected = secrets.map((s) => Buffer.from(signWebhook(s, id, seconds, body).slice(3), 'base64'));
  for (const candidate of signatures.split(' ')) {
    const [version, value] = candidate.split(',', 2);
    if (version !== 'v1' || !value) continue;
    const got = Buffer.from(value, 'base64');
    if (expected.some((e) => e.length === got.length && timingSafeEqual(e, got)))
      return body === '' ? undefined : (JSON.parse(body) as HubEvent<Data>);
  }
  throw new WebhookVerificationError('no matching signature found');
}
