/**
 * Delivery of the outbox's events to partners' endpoints (README.md). Three steps, each safe to run in several
 * hub processes at once, on PostgreSQL and on PGlite alike (the same SQL over the same tables):
 *
 * 1. **Fan-out.** Events not yet dispatched become one delivery per matching enabled endpoint of their partner,
 *    in `seq` order, under a transaction-level advisory lock (one process at a time: deliveries of a member are
 *    then created in the order of its events).
 * 2. **Claim.** Due deliveries are leased with `FOR UPDATE SKIP LOCKED`: each is the oldest delivery still waiting
 *    for its (endpoint, member), so a member's events go out one after the other, in order; a lease (attempt
 *    timeout + margin) keeps it from every other process while it is in flight, and lets another process take it
 *    over if this one dies. Each endpoint gets at most `perEndpoint` deliveries in flight per process.
 * 3. **Record.** The attempt is logged; the delivery succeeds (2xx), is retried later (backoff.ts), or is
 *    dead-lettered once its retry window is over.
 *
 * Why not graphile-worker or pg-boss: the order "oldest waiting delivery of this endpoint and member first" is a
 * condition across rows that neither queue expresses (a queue name per member would be a queue per member);
 * they read `now()`, which the hub's test clock cannot move; and neither runs on PGlite, where the same claim
 * over the same table does. What a queue would add (leases, skip-locked claims, retries) is the 40 lines below.
 */
import { clock } from '../../platform/clock.js';
import type { Sql } from '../../platform/db/sql.js';
import type { Logger } from '../../platform/logger.js';
import type { AddressPolicy } from './address-policy.js';
import { retryDelayMs } from './backoff.js';
import { attempt, type AttemptResult } from './sender.js';
import { signedHeaders } from './signing.js';

/** The member key of events about no member: they are ordered among themselves, per endpoint. */
export const NO_MEMBER = '00000000-0000-0000-0000-000000000000';
/** Any constant: the fan-out's transaction-level advisory lock. */
const FAN_OUT_LOCK = 1_904_190_419;
const FAN_OUT_BATCH = 1_000;

export interface DeliverySettings {
  concurrency: number;
  perEndpoint: number;
  timeoutMs: number;
  maxAgeSeconds: number;
}

interface Claimed {
  id: string;
  attempts: number;
  endpoint_id: string;
  url: string;
  secrets: string[];
  event_id: string;
  body: string;
}

const FAN_OUT_SQL = `
with ev as (
  select seq, partner_id, member_id, type, occurred_at from outbox_event where not dispatched order by seq limit $1
), ins as (
  -- An endpoint gets the events that occurred once it existed (not what happened before it was made).
  insert into webhook_delivery (endpoint_id, partner_id, event_seq, member_key)
  select e.id, ev.partner_id, ev.seq, coalesce(ev.member_id, '${NO_MEMBER}'::uuid)
    from ev join webhook_endpoint e on e.partner_id = ev.partner_id and e.enabled and e.created_at <= ev.occurred_at
     and (cardinality(e.event_types) = 0 or ev.type = any(e.event_types))
   order by ev.seq, e.id
  on conflict (endpoint_id, event_seq) do nothing
), upd as (
  update outbox_event o set dispatched = true from ev where o.seq = ev.seq
)
select count(*)::int as n from ev`;

/**
 * $1 how many, $2/$3 endpoints with deliveries in flight here and how many, $4 per-endpoint cap, $5 lease (ms),
 * $6 the deliveries in flight here (never claimed again by this process, even when hub time jumps past their lease).
 * The candidates are picked without locks (a window function cannot sit under FOR UPDATE), then locked with SKIP
 * LOCKED and checked again, so two processes never lease the same delivery.
 */
const CLAIM_SQL = `
with cand as (
  select id from (
    select d.id, d.next_attempt_at, d.event_seq,
           row_number() over (partition by d.endpoint_id order by d.next_attempt_at, d.event_seq) + coalesce(f.busy, 0) as rank
      from webhook_delivery d
      join webhook_endpoint e on e.id = d.endpoint_id and e.enabled
      left join unnest($2::uuid[], $3::int[]) f(endpoint_id, busy) on f.endpoint_id = d.endpoint_id
     where d.status = 'PENDING' and d.next_attempt_at <= hub_now() and (d.lease_until is null or d.lease_until <= hub_now())
       and d.id <> all($6::bigint[])
       and not exists (select 1 from webhook_delivery p where p.endpoint_id = d.endpoint_id and p.member_key = d.member_key
                          and p.status = 'PENDING' and p.event_seq < d.event_seq)
  ) x where rank <= $4 order by next_attempt_at, event_seq limit $1
), c as (
  select d.id from webhook_delivery d where d.id in (select id from cand)
     and d.status = 'PENDING' and (d.lease_until is null or d.lease_until <= hub_now())
   for update skip locked
)
update webhook_delivery d set lease_until = hub_now() + $5 * interval '1 millisecond', attempts = d.attempts + 1
  from c, outbox_event o, webhook_endpoint e
 where d.id = c.id and o.seq = d.event_seq and e.id = d.endpoint_id
returning d.id::text as id, d.attempts, d.endpoint_id, e.url,
          array_remove(array[e.secret, case when e.previous_secret_until > hub_now() then e.previous_secret end], null) as secrets,
          o.id as event_id,
          json_build_object('id', o.id, 'type', o.type, 'version', o.version,
                            'timestamp', to_char(o.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                            'partnerId', o.partner_id, 'memberId', o.member_id, 'data', o.payload)::text as body`;

/** $1 delivery, $2 status code, $3 latency, $4 error, $5 excerpt, $6 succeeded, $7 retry delay (ms), $8 window (s). */
const RECORD_SQL = `
with a as (
  insert into webhook_attempt (delivery_id, status_code, latency_ms, error, response_excerpt) values ($1, $2, $3, $4, $5)
), verdict as (
  select case when $6::boolean then 'SUCCEEDED'
              when hub_now() + $7 * interval '1 millisecond' > retry_from + $8 * interval '1 second' then 'DEAD'
              else 'PENDING' end as status
    from webhook_delivery where id = $1
)
update webhook_delivery d set status = v.status, lease_until = null, last_status_code = $2, last_error = $4,
       next_attempt_at = case when v.status = 'PENDING' then hub_now() + $7 * interval '1 millisecond' else d.next_attempt_at end,
       finished_at = case when v.status = 'PENDING' then null else hub_now() end
  from verdict v where d.id = $1`;

export class Dispatcher {
  /** In flight in this process, per endpoint. */
  private readonly busy = new Map<string, number>();
  private inFlight = 0;
  private readonly running = new Set<Promise<void>>();
  private readonly inFlightIds = new Set<string>();
  /** Called after each attempt is recorded (the delivery loop claims again at once: a member's next event). */
  onRecorded?: () => void;

  constructor(
    private readonly sql: Sql,
    private readonly policy: AddressPolicy,
    private readonly settings: DeliverySettings,
    private readonly log: Logger,
  ) {}

  /** Turns waiting events into deliveries; returns how many events it dispatched (0 if another process holds the lock). */
  async fanOut(): Promise<number> {
    return this.sql.transaction(async (tx) => {
      const [lock] = await tx.query<{ locked: boolean }>(`select pg_try_advisory_xact_lock($1) as locked`, [
        FAN_OUT_LOCK,
      ]);
      if (!lock?.locked) return 0;
      const [row] = await tx.query<{ n: number }>(FAN_OUT_SQL, [FAN_OUT_BATCH]);
      return row?.n ?? 0;
    });
  }

  /** Claims what is due and free slots allow, and starts sending; returns how many it started. */
  async claimAndSend(): Promise<number> {
    const free = this.settings.concurrency - this.inFlight;
    if (free <= 0) return 0;
    const busy = [...this.busy].filter(([, n]) => n > 0);
    const claimed = await this.sql.query<Claimed>(CLAIM_SQL, [
      free,
      busy.map(([id]) => id),
      busy.map(([, n]) => n),
      this.settings.perEndpoint,
      this.settings.timeoutMs + 30_000,
      [...this.inFlightIds],
    ]);
    for (const d of claimed) this.start(d);
    return claimed.length;
  }

  /**
   * Runs fan-out and claims until nothing is due and nothing is in flight (tests, the CLI, the background loop's
   * tick). Hub time does not move here: retries due later wait for the clock.
   */
  async drain(): Promise<void> {
    for (;;) {
      while ((await this.fanOut()) > 0);
      const started = await this.claimAndSend();
      if (started === 0 && this.running.size === 0) return;
      if (this.running.size > 0) await Promise.race(this.running);
    }
  }

  /** Waits for every delivery in flight (on shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private start(d: Claimed): void {
    this.inFlight++;
    this.inFlightIds.add(d.id);
    this.busy.set(d.endpoint_id, (this.busy.get(d.endpoint_id) ?? 0) + 1);
    const run = this.send(d)
      .catch((error: unknown) => this.log.error('webhook delivery failed to record', { error: String(error) }))
      .finally(() => {
        this.inFlight--;
        this.inFlightIds.delete(d.id);
        this.busy.set(d.endpoint_id, (this.busy.get(d.endpoint_id) ?? 1) - 1);
        this.running.delete(run);
        this.onRecorded?.();
      });
    this.running.add(run);
  }

  private async send(d: Claimed): Promise<void> {
    let result: AttemptResult;
    try {
      const url = new URL(d.url);
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'coalition-hub-webhooks/1',
        ...signedHeaders(d.event_id, clock.now(), d.body, d.secrets),
      };
      result = await attempt(url, headers, d.body, this.policy, this.settings.timeoutMs);
    } catch {
      result = { latencyMs: 0, error: 'could not send' };
    }
    const ok = result.statusCode !== undefined && result.statusCode >= 200 && result.statusCode < 300;
    await this.sql.query(RECORD_SQL, [
      d.id,
      result.statusCode ?? null,
      result.latencyMs,
      result.error ?? (ok ? null : result.statusCode ? `HTTP ${result.statusCode}` : 'failed'),
      result.excerpt ?? null,
      ok,
      ok ? 0 : retryDelayMs(d.attempts),
      this.settings.maxAgeSeconds,
    ]);
  }
}
