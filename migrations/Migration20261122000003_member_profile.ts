import { Migration } from '@mikro-orm/migrations';

/**
 * The unified member profile: profile fields, verified identifiers (the only
 * basis for linking a second partner's customer to an existing member),
 * consent history per partner and scope, merges and erasure.
 */
export class Migration20261122000003_member_profile extends Migration {
  override name = 'Migration20261122000003_member_profile';

  override up(): void {
    this.addSql(`alter table member
      add column phone text,
      add column birth_date date,
      add column locale text,
      add column preferences jsonb not null default '{}'::jsonb,
      add column merged_into uuid references member (id),
      add column merged_at timestamptz,
      add column erased_at timestamptz,
      add column updated_at timestamptz not null default now(),
      add constraint member_not_merged_into_self check (merged_into is distinct from id)`);
    this.addSql(`create index member_merged_into_idx on member (merged_into) where merged_into is not null`);
    // After a merge one member may hold two customer ids of the same partner.
    this.addSql(`drop index member_link_member_partner_idx`);
    this.addSql(`create index member_link_member_idx on member_link (member_id, partner_id)`);
    this.addSql(`
      create table member_identifier (
        kind text not null check (kind in ('EMAIL', 'PHONE')),
        value text not null,
        member_id uuid not null references member (id),
        verified_by_partner_id uuid not null references partner (id),
        verified_at timestamptz not null default now(),
        primary key (kind, value)
      )`);
    this.addSql(`create index member_identifier_member_idx on member_identifier (member_id)`);
    this.addSql(`
      create table consent_event (
        id bigint generated always as identity primary key,
        member_id uuid not null references member (id),
        partner_id uuid not null references partner (id),
        scope text not null,
        granted boolean not null,
        created_at timestamptz not null default now()
      )`);
    this.addSql(`create index consent_event_current_idx on consent_event (member_id, partner_id, scope, id desc)`);
  }
}
