import { Migration } from '@mikro-orm/migrations';

/**
 * Loyalty programs (issue 17): earn-rule versions per partner (effective-dated, never edited), campaigns
 * with their status changes and budgets, purchases with their breakdown and ledger legs, refunds and
 * campaign awards. The rule versions, campaigns and status changes are cached by every hub process, so any
 * change to them announces itself on commit ('programs' on the change feed).
 */
export class Migration20261203200001_programs extends Migration {
  override name = 'Migration20261203200001_programs';

  override up(): void {
    this.addSql(`
      create table program_rule_set (
        id uuid primary key,
        partner_id uuid not null references partner (id),
        version int not null,
        effective_from timestamptz not null,
        rules jsonb not null,
        created_at timestamptz not null default hub_now(),
        unique (partner_id, version),
        unique (partner_id, effective_from)
      )`);
    this.addSql(`
      create table program_campaign (
        id uuid primary key,
        partner_id uuid not null references partner (id),
        name text not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        stacking text not null check (stacking in ('STACK', 'BEST_OF', 'EXCLUSIVE')),
        definition jsonb not null,
        funders jsonb not null,
        budget bigint check (budget > 0),
        created_at timestamptz not null default hub_now(),
        check (ends_at > starts_at)
      )`);
    // What is left of a campaign's budget: its own row, so a purchase's draw (under the row's lock) does not
    // touch the cached campaign row and announce a change to every process.
    this.addSql(`
      create table program_campaign_budget (
        campaign_id uuid primary key references program_campaign (id),
        remaining bigint not null check (remaining >= 0)
      )`);
    this.addSql(`create index program_campaign_partner_idx on program_campaign (partner_id)`);
    this.addSql(`
      create table program_campaign_status (
        id bigserial primary key,
        campaign_id uuid not null references program_campaign (id),
        at timestamptz not null default hub_now(),
        status text not null check (status in ('ACTIVE', 'PAUSED', 'ENDED'))
      )`);
    this.addSql(`create index program_campaign_status_idx on program_campaign_status (campaign_id, at)`);
    this.addSql(`
      create table program_purchase (
        id uuid primary key,
        partner_id uuid not null references partner (id),
        member_id uuid not null references member (id),
        operation_id uuid not null unique,
        order_ref text,
        currency text not null,
        total bigint not null check (total >= 0),
        occurred_at timestamptz not null,
        breakdown jsonb not null,
        legs jsonb not null,
        created_at timestamptz not null default hub_now()
      )`);
    this.addSql(
      `create index program_purchase_order_idx on program_purchase (partner_id, order_ref) where order_ref is not null`,
    );
    this.addSql(`create index program_purchase_member_idx on program_purchase (member_id, partner_id)`);
    this.addSql(`
      create table program_campaign_award (
        campaign_id uuid not null references program_campaign (id),
        purchase_id uuid not null references program_purchase (id),
        points bigint not null check (points > 0),
        shares jsonb not null,
        primary key (campaign_id, purchase_id)
      )`);
    this.addSql(`
      create table program_refund (
        id uuid primary key,
        partner_id uuid not null references partner (id),
        purchase_id uuid not null references program_purchase (id),
        idempotency_key text not null,
        request_hash text not null,
        amount bigint not null check (amount > 0),
        legs jsonb not null,
        created_at timestamptz not null default hub_now(),
        unique (partner_id, idempotency_key)
      )`);
    this.addSql(`
      create function notify_programs_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('hub_changes', 'programs');
        return null;
      end $$`);
    for (const table of ['program_rule_set', 'program_campaign', 'program_campaign_status'])
      this.addSql(
        `create trigger ${table}_changed after insert or update or delete on ${table} for each statement execute function notify_programs_changed()`,
      );
  }
}
