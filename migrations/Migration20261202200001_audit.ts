import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail (issue 27): one append-only row per row that an administrative mutation inserted, changed or
 * deleted, written by a trigger in the same transaction as the change. Who, which operation and which request
 * come from the transaction-local setting `hub.audit`, which the hub sets at the start of every transaction run
 * inside an administrative mutation (src/platform/db/audit-context.ts); writes outside one (postings,
 * enrolments, jobs) set nothing and the trigger's WHEN clause skips them without calling the function.
 *
 * `hub_audit_attach(table, partner column, target column, mode, columns)` puts the trigger on a table:
 * `partner column` names whose record it is (a partner reads its own), `target column` the changed row's id,
 * and `mode` 'except' records every column but `columns` (secrets), 'only' records just `columns` (tables with
 * personal data: nothing personal reaches the trail, so an erasure never has to rewrite it). A module that adds
 * an administrative table calls it from its own migration (named after this one).
 */
export class Migration20261202200001_audit extends Migration {
  override name = 'Migration20261202200001_audit';

  override up(): void {
    this.addSql(`
      create table audit_record (
        id bigint generated always as identity primary key,
        at timestamptz not null default hub_now(),
        request_id text,
        operation text not null,
        actor_role text not null,
        actor_subject text not null,
        actor_partner_id uuid,
        partner_id uuid,
        target_table text not null,
        target_id text not null,
        action text not null check (action in ('INSERT', 'UPDATE', 'DELETE')),
        before jsonb,
        after jsonb
      )`);
    this.addSql(`create index audit_record_partner_idx on audit_record (partner_id, id)`);
    this.addSql(`create index audit_record_request_idx on audit_record (request_id)`);
    this.addSql(`create index audit_record_target_idx on audit_record (target_table, target_id, id)`);
    this.addSql(`
      create function audit_record_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_record is append-only' using errcode = '42501';
      end $$`);
    this.addSql(`
      create trigger audit_record_append_only before update or delete or truncate on audit_record
        for each statement execute function audit_record_append_only()`);
    this.addSql(`
      create function hub_audit_row() returns trigger language plpgsql as $$
      declare
        ctx jsonb := current_setting('hub.audit')::jsonb;
        partner_col text := tg_argv[0];
        target_col text := tg_argv[1];
        mode text := tg_argv[2];
        cols text[] := tg_argv[3:];
        old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
        new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
        subject jsonb := coalesce(new_row, old_row);
        k text;
      begin
        if mode = 'only' then
          old_row := (select jsonb_object_agg(key, value) from jsonb_each(old_row) where key = any(cols));
          new_row := (select jsonb_object_agg(key, value) from jsonb_each(new_row) where key = any(cols));
        else
          foreach k in array cols loop
            old_row := old_row - k;
            new_row := new_row - k;
          end loop;
        end if;
        if tg_op = 'UPDATE' and old_row is not distinct from new_row then
          return null;
        end if;
        insert into audit_record (request_id, operation, actor_role, actor_subject, actor_partner_id, partner_id,
                                  target_table, target_id, action, before, after)
        values (ctx->>'requestId', ctx->>'operation', ctx->>'role', ctx->>'subject', (ctx->>'partnerId')::uuid,
                case when partner_col <> '' then (subject->>partner_col)::uuid end,
                tg_table_name, subject->>target_col, tg_op, old_row, new_row);
        return null;
      end $$`);
    this.addSql(`
      create function hub_audit_attach(tbl regclass, partner_col text, target_col text, mode text, cols text[])
        returns void language plpgsql as $$
      begin
        if mode not in ('only', 'except') then
          raise exception 'hub_audit_attach: mode must be only or except';
        end if;
        execute format(
          'create trigger %I after insert or update or delete on %s for each row
             when (coalesce(current_setting(''hub.audit'', true), '''') <> '''')
             execute function hub_audit_row(%L, %L, %L%s)',
          'audit_' || tbl::text, tbl, partner_col, target_col, mode,
          coalesce((select string_agg(format(', %L', c), '') from unnest(cols) c), ''));
      end $$`);
    const attach = (table: string, partner: string, target: string, mode: 'only' | 'except', cols: string[] = []) =>
      this.addSql(
        `select hub_audit_attach('${table}', '${partner}', '${target}', '${mode}', array[${cols.map((c) => `'${c}'`).join(', ')}]::text[])`,
      );
    attach('partner', 'id', 'id', 'except');
    attach('partner_credential', 'partner_id', 'client_id', 'except', ['secret_hash']);
    attach('partner_contract', 'partner_id', 'id', 'except');
    attach('currency', 'issuer_partner_id', 'code', 'except');
    attach('exchange_rate', '', 'id', 'except');
    attach('prepaid_topup', 'partner_id', 'id', 'except');
    attach('settlement_fee', 'partner_id', 'id', 'except');
    attach('settlement_statement', 'partner_id', 'id', 'except');
    attach('settlement_reconciliation', 'partner_id', 'statement_id', 'except');
    attach('member_app_client', 'partner_id', 'client_id', 'except');
    // Personal data never enters the trail: only ids, states and times.
    attach('member', '', 'id', 'only', ['id', 'merged_into', 'merged_at', 'erased_at', 'created_at']);
    attach('member_link', 'partner_id', 'member_id', 'only', ['partner_id', 'member_id', 'created_at']);
    attach('member_identifier', '', 'member_id', 'only', ['kind', 'member_id', 'verified_by_partner_id']);
  }
}
