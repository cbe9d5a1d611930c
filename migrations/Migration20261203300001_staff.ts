import { Migration } from '@mikro-orm/migrations';

/**
 * Staff accounts of the console (issue 18): people, not programs, who sign in with e-mail and password and act
 * as one of the hub's existing principals (operator, finance hub-wide or for one partner, a partner's admin or
 * analyst). Passwords are scrypt hashes; sessions are stored by the SHA-256 of their cookie value, so a
 * database read does not yield a usable session.
 */
export class Migration20261203300001_staff extends Migration {
  override name = 'Migration20261203300001_staff';

  override up(): void {
    this.addSql(`
      create table staff_account (
        id uuid primary key,
        email text not null unique,
        role text not null check (role in ('OPERATOR', 'FINANCE', 'PARTNER_ADMIN', 'PARTNER_ANALYST')),
        partner_id uuid references partner (id),
        password_hash text not null,
        failed_attempts int not null default 0,
        locked_until timestamptz,
        created_at timestamptz not null default hub_now(),
        -- operators are hub-wide; partner staff always belong to one partner; finance may be either
        check ((role = 'OPERATOR' and partner_id is null) or role = 'FINANCE' or partner_id is not null)
      )`);
    this.addSql(`
      create table staff_session (
        token_hash text primary key,
        account_id uuid not null references staff_account (id) on delete cascade,
        csrf_token text not null,
        created_at timestamptz not null default hub_now(),
        expires_at timestamptz not null
      )`);
    this.addSql(`create index staff_session_account on staff_session (account_id)`);
  }
}
