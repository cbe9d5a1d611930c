import { Migration } from '@mikro-orm/migrations';

/** Member search by e-mail (issue 18, partner staff): profile e-mails are stored normalised (trimmed, lower case). */
export class Migration20261204400002_member_email extends Migration {
  override name = 'Migration20261204400002_member_email';

  override up(): void {
    this.addSql(`create index member_email_idx on member (email) where email is not null`);
  }

  override down(): void {
    this.addSql(`drop index member_email_idx`);
  }
}
