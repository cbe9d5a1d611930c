import { Migration } from '@mikro-orm/migrations';

/**
 * Settlement: partner contracts as effective-dated versions; the fiat
 * valuation every settled transfer gets at posting (part of the ledger's
 * record, written by the posting statement, never updated); partner billing
 * budgets (prepaid funds or postpaid credit); closed statements, immutable,
 * with the transfers they cover.
 */
export class Migration20261122000005_settlement extends Migration {
  override name = 'Migration20261122000005_settlement';

  override up(): void {
    this.addSql(`
      create table partner_contract (
        id uuid primary key,
        partner_id uuid not null references partner (id),
        version int not null,
        effective_from timestamptz not null,
        settlement_currency char(3) not null check (settlement_currency ~ '^[A-Z]{3}$'),
        fiat_scale smallint not null check (fiat_scale between 0 and 4),
        issue_price numeric(30, 12) not null check (issue_price >= 0),
        redemption_price numeric(30, 12) not null check (redemption_price >= 0),
        billing_mode text not null check (billing_mode in ('PREPAID', 'POSTPAID')),
        credit_limit numeric(30, 4) check (credit_limit >= 0),
        period text not null check (period in ('DAILY', 'WEEKLY', 'MONTHLY', 'CUSTOM')),
        period_seconds int check (period_seconds > 0),
        created_at timestamptz not null default now(),
        unique (partner_id, effective_from),
        unique (partner_id, version),
        check ((period = 'CUSTOM') = (period_seconds is not null)),
        check (billing_mode = 'POSTPAID' or credit_limit is null)
      )`);
    this.addSql(`create index partner_contract_lookup_idx on partner_contract (partner_id, effective_from desc)`);

    this.addSql(`
      create table transfer_valuation (
        transfer_id uuid primary key references transfer (id),
        partner_id uuid not null references partner (id),
        contract_id uuid not null references partner_contract (id),
        kind text not null check (kind in ('ISSUANCE', 'ISSUANCE_REVERSAL', 'REDEMPTION', 'REDEMPTION_REVERSAL', 'CONVERSION_IN', 'CONVERSION_OUT')),
        points bigint not null check (points > 0),
        unit_price numeric(30, 12) not null,
        amount numeric(42, 12) not null,
        fiat_currency char(3) not null,
        created_at timestamptz not null default now()
      )`);
    this.addSql(`create index transfer_valuation_partner_idx on transfer_valuation (partner_id, created_at)`);

    this.addSql(`
      create table partner_budget (
        partner_id uuid primary key references partner (id),
        remaining numeric(42, 12) not null check (remaining >= 0),
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table prepaid_topup (
        id uuid primary key,
        partner_id uuid not null references partner (id),
        amount numeric(30, 4) not null check (amount > 0),
        reference text,
        created_at timestamptz not null default now()
      )`);

    this.addSql(`
      create table settlement_statement (
        id uuid primary key,
        partner_id uuid not null references partner (id),
        period_start timestamptz not null,
        period_end timestamptz not null,
        fiat_currency char(3) not null,
        fiat_scale smallint not null,
        lines jsonb not null,
        due_to_hub numeric(42, 12) not null,
        due_to_partner numeric(42, 12) not null,
        net_exact numeric(42, 12) not null,
        net_rounded numeric(42, 4) not null,
        transfer_count int not null,
        digest text not null,
        closed_at timestamptz not null default now(),
        paid_at timestamptz,
        payment_reference text,
        unique (partner_id, period_start),
        check (period_end > period_start),
        check ((paid_at is null) = (payment_reference is null))
      )`);
    this.addSql(`
      create table statement_transfer (
        statement_id uuid not null references settlement_statement (id),
        transfer_id uuid not null unique references transfer_valuation (transfer_id),
        primary key (statement_id, transfer_id)
      )`);
  }
}
