import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail covers the programs module's administrative tables (issue 27 × issue 17): rule set versions,
 * campaigns and their dated status changes. Purchases, refunds and campaign budgets are points operations,
 * recorded by the ledger and their own rows, not here.
 */
export class Migration20261203900001_audit_programs extends Migration {
  override name = 'Migration20261203900001_audit_programs';

  override up(): void {
    this.addSql(`select hub_audit_attach('program_rule_set', 'partner_id', 'id', 'except', array[]::text[])`);
    this.addSql(`select hub_audit_attach('program_campaign', 'partner_id', 'id', 'except', array[]::text[])`);
    // A status row names its campaign, not its partner: operators and hub-wide finance see these.
    this.addSql(`select hub_audit_attach('program_campaign_status', '', 'campaign_id', 'except', array[]::text[])`);
  }
}
