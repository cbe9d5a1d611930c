import { Migration } from '@mikro-orm/migrations';

/**
 * The full invariant check as a paged operator job (issue 24, step 3; src/modules/ledger/invariants.job.ts):
 * the job row (its cursor, progress and the violations found, at most 500 kept, all counted) and the
 * per-account sums of the legs below its horizon, deleted when it finishes. Starting a job is an administrative change: its row joins the audit trail (who
 * started which job, with what page size); its progress is written outside any audit context.
 */
export class Migration20261204100002_invariant_check_job extends Migration {
  override name = 'Migration20261204100002_invariant_check_job';

  override up(): void {
    this.addSql(`
      create table invariant_check_job (
        id uuid primary key,
        state text not null default 'RUNNING' check (state in ('RUNNING', 'DONE')),
        step text not null default 'TRANSFERS' check (step in ('TRANSFERS', 'ACCOUNTS', 'WHOLE', 'FINISHED')),
        page_size int not null check (page_size between 1 and 100000),
        horizon bigint not null,
        cursor text,
        processed bigint not null default 0,
        total bigint not null,
        violations jsonb not null default '[]',
        violation_count int not null default 0,
        started_by text not null,
        created_at timestamptz not null default hub_now(),
        updated_at timestamptz not null default hub_now(),
        finished_at timestamptz,
        check ((state = 'DONE') = (finished_at is not null))
      )`);
    this.addSql(`
      create table invariant_job_balance (
        job_id uuid not null,
        account_id bigint not null,
        balance bigint not null,
        primary key (job_id, account_id)
      )`);
    this.addSql(
      `select hub_audit_attach('invariant_check_job', '', 'id', 'only', array['id', 'page_size', 'started_by', 'created_at'])`,
    );
  }
}
