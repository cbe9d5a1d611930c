import { Migration } from '@mikro-orm/migrations';

/**
 * Any change to a partner, its credentials or a member link announces itself
 * on commit (NOTIFY is transactional), so every hub process drops what it
 * cached about who may authenticate and which member a reference names —
 * whoever made the change, however.
 */
export class Migration20261122000007_partner_auth_notify extends Migration {
  override name = 'Migration20261122000007_partner_auth_notify';

  override up(): void {
    this.addSql(`
      create function notify_partner_auth_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('hub_changes', 'partner-auth');
        return null;
      end $$`);
    this.addSql(
      `create trigger partner_auth_changed after update or delete on partner for each statement execute function notify_partner_auth_changed()`,
    );
    this.addSql(
      `create trigger partner_credential_auth_changed after update or delete on partner_credential for each statement execute function notify_partner_auth_changed()`,
    );
    // Links only ever change by unlinking, merging or erasure (new links are never cached as missing).
    this.addSql(`
      create function notify_member_links_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('hub_changes', 'member-links');
        return null;
      end $$`);
    this.addSql(
      `create trigger member_links_changed after update or delete on member_link for each statement execute function notify_member_links_changed()`,
    );
  }
}
