import { Migration } from '@mikro-orm/migrations';

/**
 * Exchange: dated rates of branded currencies against PTS (never edited; a
 * new version supersedes), and quotes that lock a rate for a short time and
 * are used at most once.
 */
export class Migration20261122000004_exchange extends Migration {
  override name = 'Migration20261122000004_exchange';

  override up(): void {
    this.addSql(`
      create table exchange_rate (
        id uuid primary key,
        currency text not null references currency (code),
        direction text not null check (direction in ('TO_PTS', 'FROM_PTS')),
        rate numeric(30, 12) not null check (rate > 0),
        spread numeric(13, 12) not null check (spread >= 0 and spread < 1),
        minimum_amount bigint not null check (minimum_amount > 0),
        increment bigint not null check (increment > 0),
        effective_from timestamptz not null,
        created_at timestamptz not null default now(),
        unique (currency, direction, effective_from)
      )`);
    this.addSql(`
      create table exchange_quote (
        id uuid primary key,
        member_id uuid not null references member (id),
        requested_by_partner_id uuid references partner (id),
        from_currency text not null references currency (code),
        to_currency text not null references currency (code),
        amount_in bigint not null check (amount_in > 0),
        amount_out bigint not null check (amount_out >= 0),
        pts_amount bigint not null check (pts_amount >= 0),
        rate text not null,
        exact_out text not null,
        out_rate_id uuid references exchange_rate (id),
        in_rate_id uuid references exchange_rate (id),
        expires_at timestamptz not null,
        used_at timestamptz,
        used_by_operation_id uuid references operation (id),
        created_at timestamptz not null default now(),
        check (from_currency <> to_currency),
        check ((used_at is null) = (used_by_operation_id is null))
      )`);
    this.addSql(`create index exchange_quote_member_idx on exchange_quote (member_id, created_at desc)`);
  }
}
