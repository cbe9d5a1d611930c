/**
 * A partner's webhook endpoints, their deliveries and attempts (README.md). Every read and write is scoped by
 * the caller (webhooks.access.ts): a partner's own rows only, so another partner's endpoint or delivery is simply
 * not found. A secret is returned once, when it is made (creation, rotation), and never again.
 */
import { isIP } from 'node:net';
import { toDate } from '../../platform/db/values.js';
import type { Sql } from '../../platform/db/sql.js';
import { badInput, notFound } from '../../platform/graphql/errors.js';
import { checkId } from '../../platform/graphql/ids.js';
import { newId } from '../../platform/ids.js';
import { hasControlCharacter } from '../../platform/text.js';
import type { Outbox } from '../outbox/index.js';
import type { AddressPolicy } from './address-policy.js';
import type { WebhookCaller } from './webhooks.access.js';
import { WebhookErrors } from './webhooks.exception.js';
import { newSecret } from './signing.js';

export interface EndpointRow {
  id: string;
  partnerId: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  previousSecretUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type DeliveryStatus = 'PENDING' | 'SUCCEEDED' | 'DEAD';

export interface DeliveryRow {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  memberId: string | null;
  occurredAt: Date;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface AttemptRow {
  deliveryId: string;
  attemptedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

export interface EndpointInput {
  url?: string | null;
  description?: string | null;
  eventTypes?: string[] | null;
  enabled?: boolean | null;
}

const MAX_URL = 2_048;

/** A delivery id (or cursor) as the client sent it: a bigint the database can hold, or nothing it names. */
export const isDeliveryId = (id: unknown): id is string =>
  typeof id === 'string' && /^\d{1,19}$/.test(id) && BigInt(id) <= 9_223_372_036_854_775_807n;

function checkDescription(text: string): string {
  if (text.length > 200 || hasControlCharacter(text))
    throw badInput('description must be at most 200 characters, without control characters.', 'description');
  return text;
}
const MAX_TYPES = 100;

const ENDPOINT_COLUMNS = `id, partner_id, url, description, event_types, enabled, previous_secret_until, created_at, updated_at`;
const endpointFrom = (r: Record<string, unknown>): EndpointRow => ({
  id: r.id as string,
  partnerId: r.partner_id as string,
  url: r.url as string,
  description: (r.description as string | null) ?? null,
  eventTypes: r.event_types as string[],
  enabled: r.enabled as boolean,
  previousSecretUntil: r.previous_secret_until ? toDate(r.previous_secret_until) : null,
  createdAt: toDate(r.created_at),
  updatedAt: toDate(r.updated_at),
});

/**
 * A delivery as the API shows it. Its member id only while the member is still linked to the partner: after an
 * unlink or an erasure the partner no longer sees that member anywhere, its delivery log included.
 */
const DELIVERY_COLUMNS = `d.id::text as id, d.endpoint_id, o.id as event_id, o.type,
  case when exists (select 1 from member_link l where l.member_id = o.member_id and l.partner_id = d.partner_id) then o.member_id end as member_id,
  o.occurred_at, d.status, d.attempts,
  case when d.status = 'PENDING' then d.next_attempt_at end as next_attempt_at, d.last_status_code, d.last_error, d.created_at, d.finished_at`;
const deliveryFrom = (r: Record<string, unknown>): DeliveryRow => ({
  id: r.id as string,
  endpointId: r.endpoint_id as string,
  eventId: r.event_id as string,
  eventType: r.type as string,
  memberId: (r.member_id as string | null) ?? null,
  occurredAt: toDate(r.occurred_at),
  status: r.status as DeliveryStatus,
  attempts: r.attempts as number,
  nextAttemptAt: r.next_attempt_at ? toDate(r.next_attempt_at) : null,
  lastStatusCode: (r.last_status_code as number | null) ?? null,
  lastError: (r.last_error as string | null) ?? null,
  createdAt: toDate(r.created_at),
  finishedAt: r.finished_at ? toDate(r.finished_at) : null,
});

export class EndpointService {
  constructor(
    private readonly sql: Sql,
    private readonly outbox: Outbox,
    private readonly policy: AddressPolicy,
    private readonly httpsOnly: boolean,
  ) {}

  async create(partnerId: string, input: EndpointInput): Promise<{ endpoint: EndpointRow; secret: string }> {
    const url = this.checkUrl(input.url ?? '');
    const eventTypes = this.checkTypes(input.eventTypes ?? []);
    const description = input.description == null ? null : checkDescription(input.description);
    const secret = newSecret();
    const [row] = await this.sql.query(
      `insert into webhook_endpoint (id, partner_id, url, description, event_types, enabled, secret)
       select $1, $2, $3, $4, $5::text[], $6, $7 where exists (select 1 from partner where id = $2)
       returning ${ENDPOINT_COLUMNS}`,
      [newId(), partnerId, url, description, eventTypes, input.enabled ?? true, secret],
    );
    if (!row) throw notFound('Partner');
    return { endpoint: endpointFrom(row), secret };
  }

  async update(caller: WebhookCaller, id: string, input: EndpointInput): Promise<EndpointRow> {
    const url = input.url == null ? null : this.checkUrl(input.url);
    const types = input.eventTypes == null ? null : this.checkTypes(input.eventTypes);
    const description = input.description == null ? null : checkDescription(input.description);
    const [row] = await this.sql.query(
      `update webhook_endpoint set url = coalesce($3, url), event_types = coalesce($4::text[], event_types),
              description = coalesce($5, description), enabled = coalesce($6, enabled), updated_at = hub_now()
        where id = $1 and ($2::uuid is null or partner_id = $2) returning ${ENDPOINT_COLUMNS}`,
      [checkId(id, 'Webhook endpoint'), caller.partnerId ?? null, url, types, description, input.enabled ?? null],
    );
    if (!row) throw notFound('Webhook endpoint');
    return endpointFrom(row);
  }

  /**
   * A new secret, returned once. The previous one keeps signing alongside it for `overlapSeconds` (two
   * signatures per delivery), so receivers can switch without losing a delivery; 0 drops it at once.
   */
  async rotateSecret(
    caller: WebhookCaller,
    id: string,
    overlapSeconds: number,
  ): Promise<{ endpoint: EndpointRow; secret: string }> {
    const secret = newSecret();
    const [row] = await this.sql.query(
      `update webhook_endpoint set previous_secret = case when $4 > 0 then secret end,
              previous_secret_until = case when $4 > 0 then hub_now() + $4 * interval '1 second' end,
              secret = $3, updated_at = hub_now()
        where id = $1 and ($2::uuid is null or partner_id = $2) returning ${ENDPOINT_COLUMNS}`,
      [checkId(id, 'Webhook endpoint'), caller.partnerId ?? null, secret, overlapSeconds],
    );
    if (!row) throw notFound('Webhook endpoint');
    return { endpoint: endpointFrom(row), secret };
  }

  /** Deletes an endpoint and its deliveries (and their log). */
  async delete(caller: WebhookCaller, id: string): Promise<boolean> {
    const rows = await this.sql.query(
      `delete from webhook_endpoint where id = $1 and ($2::uuid is null or partner_id = $2) returning id`,
      [checkId(id, 'Webhook endpoint'), caller.partnerId ?? null],
    );
    if (rows.length === 0) throw notFound('Webhook endpoint');
    return true;
  }

  async list(partnerId: string): Promise<EndpointRow[]> {
    const rows = await this.sql.query(
      `select ${ENDPOINT_COLUMNS} from webhook_endpoint where partner_id = $1 order by id`,
      [partnerId],
    );
    return rows.map(endpointFrom);
  }

  async endpoint(caller: WebhookCaller, id: string): Promise<EndpointRow> {
    const [row] = await this.sql.query(
      `select ${ENDPOINT_COLUMNS} from webhook_endpoint where id = $1 and ($2::uuid is null or partner_id = $2)`,
      [checkId(id, 'Webhook endpoint'), caller.partnerId ?? null],
    );
    if (!row) throw notFound('Webhook endpoint');
    return endpointFrom(row);
  }

  /** An endpoint's deliveries, newest first (keyset by id). */
  async deliveries(
    caller: WebhookCaller,
    endpointId: string,
    status: DeliveryStatus | null,
    limit: number,
    before?: string,
  ): Promise<DeliveryRow[]> {
    await this.endpoint(caller, endpointId);
    const rows = await this.sql.reads.query(
      `select ${DELIVERY_COLUMNS} from webhook_delivery d join outbox_event o on o.seq = d.event_seq
        where d.endpoint_id = $1 and ($2::text is null or d.status = $2) and ($3::bigint is null or d.id < $3)
        order by d.id desc limit $4`,
      [endpointId, status, before ?? null, limit],
    );
    return rows.map(deliveryFrom);
  }

  /** The attempts of many deliveries, newest first (for a DataLoader). */
  async attempts(deliveryIds: readonly string[], perDelivery: number): Promise<AttemptRow[]> {
    const rows = await this.sql.reads.query(
      `select a.delivery_id::text as delivery_id, a.attempted_at, a.status_code, a.latency_ms, a.error, a.response_excerpt
         from unnest($1::bigint[]) x(id)
         cross join lateral (select * from webhook_attempt where delivery_id = x.id order by id desc limit $2) a`,
      [deliveryIds, perDelivery],
    );
    return rows.map((r) => ({
      deliveryId: r.delivery_id as string,
      attemptedAt: toDate(r.attempted_at),
      statusCode: (r.status_code as number | null) ?? null,
      latencyMs: r.latency_ms as number,
      error: (r.error as string | null) ?? null,
      responseExcerpt: (r.response_excerpt as string | null) ?? null,
    }));
  }

  /**
   * Sends a delivery again (a dead-lettered one, or one that succeeded and the receiver lost): it waits again,
   * in its member's order, with a fresh retry window. The same `webhook-id`, so a receiver that did get it can
   * tell.
   */
  async replay(caller: WebhookCaller, deliveryId: string): Promise<DeliveryRow> {
    if (!isDeliveryId(deliveryId)) throw notFound('Webhook delivery');
    const [row] = await this.sql.query(
      `with d as (
         update webhook_delivery d set status = 'PENDING', next_attempt_at = hub_now(), retry_from = hub_now(),
                lease_until = null, finished_at = null
          where d.id = $1 and ($2::uuid is null or d.partner_id = $2) and d.status <> 'PENDING'
          returning d.*
       )
       select ${DELIVERY_COLUMNS} from d join outbox_event o on o.seq = d.event_seq`,
      [deliveryId, caller.partnerId ?? null],
    );
    if (row) return deliveryFrom(row);
    // Already waiting: nothing to do; otherwise it is not there for this caller.
    const [waiting] = await this.sql.query(
      `select ${DELIVERY_COLUMNS} from webhook_delivery d join outbox_event o on o.seq = d.event_seq
        where d.id = $1 and ($2::uuid is null or d.partner_id = $2)`,
      [deliveryId, caller.partnerId ?? null],
    );
    if (!waiting) throw notFound('Webhook delivery');
    return deliveryFrom(waiting);
  }

  private checkUrl(raw: string): string {
    if (raw.length === 0 || raw.length > MAX_URL)
      throw WebhookErrors.urlInvalid(`must have 1 to ${MAX_URL} characters`);
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw WebhookErrors.urlInvalid('is not an absolute URL');
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw WebhookErrors.urlInvalid('must use https');
    // Plain http in production only to an address the operator admitted (a receiver on its own network).
    if (url.protocol === 'http:' && this.httpsOnly && !(isIP(host) && this.policy.admits(host)))
      throw WebhookErrors.urlInvalid('must use https');
    if (url.username || url.password) throw WebhookErrors.urlInvalid('must not carry credentials');
    if (url.hash) throw WebhookErrors.urlInvalid('must not have a fragment');
    if (isIP(host) && !this.policy.permits(host)) throw WebhookErrors.urlRefused();
    if (/^localhost$|\.localhost$/i.test(host) && !this.policy.permits('127.0.0.1')) throw WebhookErrors.urlRefused();
    return url.toString();
  }

  private checkTypes(types: readonly string[]): string[] {
    if (types.length > MAX_TYPES) throw WebhookErrors.unknownEventType(`(${types.length} types)`);
    for (const t of types) if (!this.outbox.isDeclared(t)) throw WebhookErrors.unknownEventType(t.slice(0, 100));
    return [...new Set(types)].sort();
  }
}
