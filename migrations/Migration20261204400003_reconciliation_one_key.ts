import { Migration } from '@mikro-orm/migrations';

/**
 * settlement_reconciliation keeps one key. Its results are upserted `on conflict (partner_id, period_start)`;
 * the second unique index (statement_id) was not the arbiter, so two callers storing a statement's first
 * result at once made the later insert wait on the earlier and then fail with a unique violation (an internal
 * error, seen under load in the authorization matrix). A statement is one (partner, period start), so the
 * primary key already says what the unique statement id said.
 */
export class Migration20261204400003_reconciliation_one_key extends Migration {
  override name = 'Migration20261204400003_reconciliation_one_key';

  override up(): void {
    this.addSql(`alter table settlement_reconciliation drop constraint settlement_reconciliation_statement_id_key`);
  }

  override down(): void {
    this.addSql(`alter table settlement_reconciliation add unique (statement_id)`);
  }
}
