import { Migration } from '@mikro-orm/migrations';

/** Partners, their OAuth client credentials, and members with their partner links. */
export class Migration20261122000001_foundation extends Migration {
  override name = 'Migration20261122000001_foundation';

  override up(): void {
    this.addSql(`
      create table partner (
        id uuid primary key,
        code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        name text not null check (length(name) between 1 and 200),
        status text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
        settlement_currency char(3) not null check (settlement_currency ~ '^[A-Z]{3}$'),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table partner_credential (
        client_id text primary key,
        partner_id uuid not null references partner (id),
        secret_hash text not null,
        scopes text[] not null,
        label text,
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      )`);
    this.addSql(`create index partner_credential_partner_idx on partner_credential (partner_id)`);
    this.addSql(`
      create table member (
        id uuid primary key,
        display_name text,
        email text,
        created_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table member_link (
        partner_id uuid not null references partner (id),
        customer_id text not null check (length(customer_id) between 1 and 128),
        member_id uuid not null references member (id),
        created_at timestamptz not null default now(),
        primary key (partner_id, customer_id)
      )`);
    this.addSql(`create unique index member_link_member_partner_idx on member_link (member_id, partner_id)`);
  }
}
