import { Migration } from '@mikro-orm/migrations';

/**
 * The rewards catalog (issue 20): rewards a partner publishes, their price versions (never edited: a
 * redemption keeps the version it was made at), counted stock (its own row, so taking a unit is one
 * conditional update that never oversells), voucher codes (each handed out once), their upload batches,
 * and redemptions (each one a ledger redemption or hold: `transfer_id`, `hold_id`).
 */
export class Migration20261204300001_rewards extends Migration {
  override name = 'Migration20261204300001_rewards';

  override up(): void {
    this.addSql(`
      create table reward (
        id uuid primary key,
        partner_id uuid not null references partner (id),
        kind text not null check (kind in ('VOUCHER', 'PRODUCT', 'DISCOUNT', 'EXPERIENCE', 'DONATION')),
        title text not null check (length(title) between 1 and 200),
        description text check (length(description) <= 4000),
        image_url text check (length(image_url) <= 2000),
        currency text not null references currency (code),
        fiat_value bigint check (fiat_value > 0),
        fiat_currency text,
        min_tier text,
        audience text not null check (audience in ('LINKED', 'COALITION')),
        valid_from timestamptz,
        valid_until timestamptz,
        per_member_limit int check (per_member_limit > 0),
        fulfilment_seconds int not null check (fulfilment_seconds > 0),
        status text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'PAUSED', 'RETIRED')),
        created_at timestamptz not null default hub_now(),
        check ((fiat_value is null) = (fiat_currency is null)),
        check (valid_until is null or valid_from is null or valid_until > valid_from)
      )`);
    this.addSql(`create index reward_partner_idx on reward (partner_id, id desc)`);
    this.addSql(`create index reward_published_idx on reward (id desc) where status = 'PUBLISHED'`);
    this.addSql(`
      create table reward_price (
        reward_id uuid not null references reward (id),
        version int not null check (version > 0),
        price bigint not null check (price > 0),
        created_at timestamptz not null default hub_now(),
        primary key (reward_id, version)
      )`);
    // A row only for counted stock: unlimited rewards have none, and a redemption of one locks no shared row.
    this.addSql(`
      create table reward_stock (
        reward_id uuid primary key references reward (id),
        remaining bigint not null check (remaining >= 0)
      )`);
    this.addSql(`
      create table reward_code_batch (
        id uuid primary key,
        reward_id uuid not null references reward (id),
        partner_id uuid not null references partner (id),
        source text not null check (source in ('UPLOADED', 'GENERATED')),
        count int not null check (count > 0),
        created_at timestamptz not null default hub_now()
      )`);
    this.addSql(`
      create table reward_code (
        id bigserial primary key,
        reward_id uuid not null references reward (id),
        batch_id uuid not null references reward_code_batch (id),
        code text not null,
        redemption_id uuid unique,
        unique (reward_id, code)
      )`);
    // The free codes of a reward, in order: a redemption takes the first one nobody else has locked.
    this.addSql(`create index reward_code_free_idx on reward_code (reward_id, id) where redemption_id is null`);
    this.addSql(`
      create table reward_redemption (
        id uuid primary key,
        reward_id uuid not null references reward (id),
        partner_id uuid not null references partner (id),
        member_id uuid not null references member (id),
        operation_id uuid not null unique,
        transfer_id uuid not null,
        hold_id uuid unique,
        price_version int not null,
        price bigint not null check (price > 0),
        currency text not null,
        code_id bigint unique references reward_code (id),
        took_stock boolean not null,
        status text not null check (status in ('PENDING', 'FULFILLED', 'CANCELLED', 'EXPIRED')),
        created_at timestamptz not null default hub_now(),
        resolved_at timestamptz
      )`);
    this.addSql(`create index reward_redemption_member_idx on reward_redemption (member_id, id desc)`);
    this.addSql(`create index reward_redemption_partner_idx on reward_redemption (partner_id, status, id desc)`);
    this.addSql(`create index reward_redemption_limit_idx on reward_redemption (reward_id, member_id)`);
    this.addSql(`
      create table reward_wish (
        member_id uuid not null references member (id),
        reward_id uuid not null references reward (id),
        created_at timestamptz not null default hub_now(),
        primary key (member_id, reward_id)
      )`);
    // Administrative tables in the audit trail; codes never (they are secrets: only their batches, by count).
    this.addSql(`select hub_audit_attach('reward', 'partner_id', 'id', 'except', array[]::text[])`);
    this.addSql(`select hub_audit_attach('reward_price', '', 'reward_id', 'except', array[]::text[])`);
    this.addSql(`select hub_audit_attach('reward_stock', '', 'reward_id', 'except', array[]::text[])`);
    this.addSql(`select hub_audit_attach('reward_code_batch', 'partner_id', 'id', 'except', array[]::text[])`);
  }
}
