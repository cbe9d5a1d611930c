import { Migration } from '@mikro-orm/migrations';

/**
 * Member sign-in at the hub (issue 25): the OpenID Connect provider's own records (sessions, interactions,
 * codes, refresh tokens, grants: one table, keyed by model and id, as its Adapter contract asks), the partner
 * apps registered as clients, and the one-time sign-in codes (stored as hashes, never in clear).
 */
export class Migration20261202000002_member_sign_in extends Migration {
  override name = 'Migration20261202000002_member_sign_in';

  override up(): void {
    this.addSql(`
      create table oidc_payload (
        model text not null,
        id text not null,
        payload jsonb not null,
        grant_id text,
        uid text,
        account_id text,
        expires_at timestamptz,
        consumed_at timestamptz,
        primary key (model, id)
      )`);
    this.addSql(`create index oidc_payload_grant_idx on oidc_payload (grant_id) where grant_id is not null`);
    this.addSql(`create index oidc_payload_uid_idx on oidc_payload (uid) where uid is not null`);
    this.addSql(
      `create index oidc_payload_account_grant_idx on oidc_payload (account_id) where model = 'Grant' and account_id is not null`,
    );
    this.addSql(`create index oidc_payload_expires_idx on oidc_payload (expires_at) where expires_at is not null`);
    this.addSql(`
      create table member_app_client (
        client_id text primary key,
        partner_id uuid not null references partner (id),
        name text not null,
        redirect_uris text[] not null,
        created_at timestamptz not null default hub_now(),
        revoked_at timestamptz
      )`);
    this.addSql(`create index member_app_client_partner_idx on member_app_client (partner_id)`);
    this.addSql(`
      create table member_sign_in_challenge (
        id uuid primary key,
        interaction_uid text not null,
        identifier_hash text not null,
        member_id uuid references member (id),
        code_hash text not null,
        attempts int not null default 0,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        consumed_at timestamptz
      )`);
    this.addSql(
      `create index member_sign_in_challenge_identifier_idx on member_sign_in_challenge (identifier_hash, created_at)`,
    );
    this.addSql(
      `create index member_sign_in_challenge_uid_idx on member_sign_in_challenge (interaction_uid, created_at)`,
    );
  }
}
