import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail covers the administrative tables of the modules that came after it (issue 27): programs —
 * rule set versions, campaigns and their dated status changes (purchases, refunds and campaign budgets are
 * points operations, recorded by the ledger and their own rows) — and console staff accounts (id, role,
 * partner and lock-out only: never the e-mail or the password hash; sign-in counters change outside any
 * administrative context and are not recorded).
 */
export class Migration20261203900001_audit_programs_staff extends Migration {
  override name = 'Migration20261203900001_audit_programs_staff';

  override up(): void {
    this.addSql(`select hub_audit_attach('program_rule_set', 'partner_id', 'id', 'except', array[]::text[])`);
    this.addSql(`select hub_audit_attach('program_campaign', 'partner_id', 'id', 'except', array[]::text[])`);
    // A status row names its campaign, not its partner: operators and hub-wide finance see these.
    this.addSql(`select hub_audit_attach('program_campaign_status', '', 'campaign_id', 'except', array[]::text[])`);
    this.addSql(
      `select hub_audit_attach('staff_account', 'partner_id', 'id', 'only', array['id', 'role', 'partner_id', 'locked_until', 'created_at'])`,
    );
  }
}
