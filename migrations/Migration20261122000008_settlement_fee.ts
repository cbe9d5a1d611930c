import { Migration } from '@mikro-orm/migrations';

/**
 * Settlement fees: amounts an operator records against a partner outside the
 * ledger (positive: the partner owes the hub, e.g. a service fee; negative:
 * the hub owes the partner, e.g. a co-funded campaign credit). A fee belongs
 * to the first statement closed after it was recorded, which claims it by
 * setting statement_id.
 */
export class Migration20261122000008_settlement_fee extends Migration {
  override name = 'Migration20261122000008_settlement_fee';

  override up(): void {
    this.addSql(`
      create table settlement_fee (
        id uuid primary key,
        partner_id uuid not null references partner (id),
        amount numeric(30, 4) not null check (amount <> 0),
        description text not null check (length(description) between 1 and 200),
        created_at timestamptz not null default now(),
        statement_id uuid references settlement_statement (id)
      )`);
    this.addSql(
      `create index settlement_fee_unassigned_idx on settlement_fee (partner_id, created_at) where statement_id is null`,
    );
  }
}
