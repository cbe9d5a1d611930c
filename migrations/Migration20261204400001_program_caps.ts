import { Migration } from '@mikro-orm/migrations';

/**
 * Per-member earn caps (issue 17): what a partner's rules awarded each member per day / month window
 * (`D:2026-12-02`, `M:2026-12`, in the rule set's time zone), added to in the purchase's transaction.
 */
export class Migration20261204400001_program_caps extends Migration {
  override name = 'Migration20261204400001_program_caps';

  override up(): void {
    this.addSql(`
      create table program_cap_usage (
        partner_id uuid not null references partner (id),
        member_id uuid not null references member (id),
        window_key text not null,
        points bigint not null check (points >= 0),
        primary key (partner_id, member_id, window_key)
      )`);
  }

  override down(): void {
    this.addSql(`drop table program_cap_usage`);
  }
}
