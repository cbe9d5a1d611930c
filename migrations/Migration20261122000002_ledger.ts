import { Migration } from '@mikro-orm/migrations';

/**
 * The points ledger. Transfers and entries are append-only. Member-scoped
 * accounts keep their balance on the account row (locked per member); house
 * accounts (issuance, redemption, holds, breakage, liquidity) keep it spread
 * over shard rows so no request waits on one hot row.
 */
export class Migration20261122000002_ledger extends Migration {
  override name = 'Migration20261122000002_ledger';

  override up(): void {
    this.addSql(`
      create table currency (
        code text primary key check (code ~ '^[A-Z][A-Z0-9]{1,11}$'),
        name text not null check (length(name) between 1 and 100),
        kind text not null check (kind in ('COALITION', 'BRANDED')),
        scale smallint not null default 0 check (scale between 0 and 6),
        issuer_partner_id uuid references partner (id),
        expiry_policy text not null default 'NONE' check (expiry_policy in ('NONE', 'FIXED', 'INACTIVITY')),
        expiry_period interval,
        created_at timestamptz not null default now(),
        check ((expiry_policy = 'NONE') = (expiry_period is null)),
        check ((kind = 'BRANDED') = (issuer_partner_id is not null))
      )`);
    this.addSql(
      `insert into currency (code, name, kind, scale, expiry_policy, expiry_period) values ('PTS', 'Coalition points', 'COALITION', 0, 'FIXED', interval '24 months')`,
    );

    this.addSql(`
      create table account (
        id bigint generated always as identity primary key,
        currency text not null references currency (code),
        kind text not null check (kind in ('MEMBER_WALLET', 'MEMBER_RECEIVABLE', 'PARTNER_ISSUANCE', 'PARTNER_REDEMPTION', 'HOLDS', 'BREAKAGE', 'EXCHANGE_LIQUIDITY')),
        partner_id uuid references partner (id),
        member_id uuid references member (id),
        balance bigint not null default 0,
        last_activity_at timestamptz,
        created_at timestamptz not null default now(),
        constraint wallet_never_negative check (kind <> 'MEMBER_WALLET' or balance >= 0),
        constraint receivable_debit_only check (kind <> 'MEMBER_RECEIVABLE' or balance <= 0),
        check ((kind in ('MEMBER_WALLET', 'MEMBER_RECEIVABLE')) = (member_id is not null)),
        check ((kind in ('PARTNER_ISSUANCE', 'PARTNER_REDEMPTION')) = (partner_id is not null))
      )`);
    this.addSql(
      `create unique index account_identity_idx on account (currency, kind, coalesce(partner_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(member_id, '00000000-0000-0000-0000-000000000000'::uuid))`,
    );
    this.addSql(`create index account_member_idx on account (member_id) where member_id is not null`);
    this.addSql(`
      create table account_shard (
        account_id bigint not null references account (id),
        shard smallint not null,
        balance bigint not null default 0,
        primary key (account_id, shard)
      )`);

    this.addSql(`
      create table operation (
        id uuid primary key,
        scope text not null,
        idempotency_key text not null,
        kind text not null,
        request_hash text not null,
        status text not null default 'SUCCEEDED' check (status in ('SUCCEEDED', 'REJECTED')),
        error_code text,
        error_message text,
        result jsonb,
        created_at timestamptz not null default now(),
        unique (scope, idempotency_key)
      )`);

    this.addSql(`
      create table transfer (
        id uuid primary key,
        operation_id uuid not null references operation (id),
        kind text not null,
        currency text not null references currency (code),
        amount bigint not null check (amount > 0),
        debit_account_id bigint not null references account (id),
        credit_account_id bigint not null references account (id),
        partner_id uuid references partner (id),
        member_id uuid references member (id),
        reverses_transfer_id uuid references transfer (id),
        hold_id uuid,
        order_ref text,
        created_at timestamptz not null default now(),
        check (debit_account_id <> credit_account_id)
      )`);
    this.addSql(`create index transfer_member_time_idx on transfer (member_id, created_at desc, id desc)`);
    this.addSql(`create index transfer_partner_time_idx on transfer (partner_id, created_at desc, id desc)`);
    this.addSql(
      `create index transfer_reverses_idx on transfer (reverses_transfer_id) where reverses_transfer_id is not null`,
    );
    this.addSql(`create index transfer_operation_idx on transfer (operation_id)`);

    this.addSql(`
      create table entry (
        transfer_id uuid not null references transfer (id),
        account_id bigint not null references account (id),
        amount bigint not null check (amount <> 0),
        primary key (transfer_id, account_id)
      )`);

    this.addSql(`
      create table lot (
        id uuid primary key,
        wallet_account_id bigint not null references account (id),
        currency text not null references currency (code),
        issuer_partner_id uuid references partner (id),
        source_transfer_id uuid not null references transfer (id),
        amount bigint not null check (amount > 0),
        remaining bigint not null check (remaining >= 0),
        held bigint not null default 0 check (held >= 0),
        expires_at timestamptz,
        created_at timestamptz not null default now(),
        check (remaining + held <= amount)
      )`);
    this.addSql(
      `create index lot_wallet_fifo_idx on lot (wallet_account_id, expires_at, created_at, id) where remaining > 0 or held > 0`,
    );
    this.addSql(`create index lot_expiry_idx on lot (expires_at) where remaining > 0 and expires_at is not null`);

    this.addSql(`
      create table lot_movement (
        lot_id uuid not null references lot (id),
        transfer_id uuid not null references transfer (id),
        amount bigint not null check (amount <> 0),
        primary key (lot_id, transfer_id)
      )`);
    this.addSql(`create index lot_movement_transfer_idx on lot_movement (transfer_id)`);

    this.addSql(`
      create table hold (
        id uuid primary key,
        operation_id uuid not null references operation (id),
        partner_id uuid not null references partner (id),
        member_id uuid not null references member (id),
        currency text not null references currency (code),
        amount bigint not null check (amount > 0),
        captured_amount bigint not null default 0 check (captured_amount >= 0),
        status text not null default 'ACTIVE' check (status in ('ACTIVE', 'CAPTURED', 'VOIDED', 'EXPIRED')),
        order_ref text,
        expires_at timestamptz not null,
        created_at timestamptz not null default now(),
        resolved_at timestamptz,
        check (captured_amount <= amount),
        check ((status = 'ACTIVE') = (resolved_at is null))
      )`);
    this.addSql(`create index hold_member_active_idx on hold (member_id, currency) where status = 'ACTIVE'`);
    this.addSql(`create index hold_expiry_idx on hold (expires_at) where status = 'ACTIVE'`);
    this.addSql(`
      create table hold_allocation (
        hold_id uuid not null references hold (id),
        lot_id uuid not null references lot (id),
        amount bigint not null check (amount > 0),
        primary key (hold_id, lot_id)
      )`);
  }
}
