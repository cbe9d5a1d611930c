import { Migration } from '@mikro-orm/migrations';

/**
 * Reconciliation results (issue 24): the last reconciliation of each closed statement — when, whether it
 * matched and what differed — written by `reconcileSettlementPeriod` and the rolling reconciliation job, so
 * finance can see when each statement was last reconciled without recomputing the history.
 */
export class Migration20261202100002_settlement_reconciliation extends Migration {
  override name = 'Migration20261202100002_settlement_reconciliation';

  override up(): void {
    this.addSql(`
      create table settlement_reconciliation (
        partner_id uuid not null references partner (id),
        period_start timestamptz not null,
        statement_id uuid not null unique references settlement_statement (id),
        reconciled_at timestamptz not null,
        ok boolean not null,
        transfers_checked int not null,
        differences jsonb not null,
        primary key (partner_id, period_start)
      )`);
  }
}
