import { Migration } from '@mikro-orm/migrations';

/**
 * Webhooks (issue 19): a partner's endpoints, one delivery per (endpoint, event), and every attempt of it.
 * Deliveries are claimed with `FOR UPDATE SKIP LOCKED` and a lease (src/modules/webhooks/README.md), so several
 * hub processes share them; `member_key` is the member (or the nil uuid for events about no member): a delivery is
 * only sent once every earlier delivery of the same endpoint and member has succeeded or been dead-lettered.
 * Endpoint secrets are needed in clear to sign, so they are stored as given (see the README on what that means);
 * the audit trail records endpoints without them.
 */
export class Migration20261204200002_webhooks extends Migration {
  override name = 'Migration20261204200002_webhooks';

  override up(): void {
    this.addSql(`
      create table webhook_endpoint (
        id uuid primary key,
        partner_id uuid not null references partner (id),
        url text not null,
        description text,
        event_types text[] not null default '{}',
        enabled boolean not null default true,
        secret text not null,
        previous_secret text,
        previous_secret_until timestamptz,
        created_at timestamptz not null default hub_now(),
        updated_at timestamptz not null default hub_now()
      )`);
    this.addSql(`create index webhook_endpoint_partner on webhook_endpoint (partner_id, id)`);
    this.addSql(`
      create table webhook_delivery (
        id bigint generated always as identity primary key,
        endpoint_id uuid not null references webhook_endpoint (id) on delete cascade,
        partner_id uuid not null,
        event_seq bigint not null references outbox_event (seq) on delete cascade,
        member_key uuid not null,
        status text not null default 'PENDING' check (status in ('PENDING', 'SUCCEEDED', 'DEAD')),
        attempts int not null default 0,
        next_attempt_at timestamptz not null default hub_now(),
        -- start of the retry window (3 days by default): its creation, or its last manual replay
        retry_from timestamptz not null default hub_now(),
        lease_until timestamptz,
        last_status_code int,
        last_error text,
        created_at timestamptz not null default hub_now(),
        finished_at timestamptz,
        unique (endpoint_id, event_seq)
      )`);
    // What may be sent next: the oldest waiting delivery of each (endpoint, member).
    this.addSql(
      `create index webhook_delivery_waiting on webhook_delivery (endpoint_id, member_key, event_seq) where status = 'PENDING'`,
    );
    this.addSql(`create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING'`);
    this.addSql(`create index webhook_delivery_event on webhook_delivery (event_seq)`);
    this.addSql(`
      create table webhook_attempt (
        id bigint generated always as identity primary key,
        delivery_id bigint not null references webhook_delivery (id) on delete cascade,
        attempted_at timestamptz not null default hub_now(),
        status_code int,
        latency_ms int not null,
        error text,
        response_excerpt text
      )`);
    this.addSql(`create index webhook_attempt_delivery on webhook_attempt (delivery_id, id)`);
    this.addSql(
      `select hub_audit_attach('webhook_endpoint', 'partner_id', 'id', 'except', array['secret', 'previous_secret']::text[])`,
    );
  }
}
