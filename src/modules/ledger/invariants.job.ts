/**
 * The full invariant check as a paged operator job (issue 24, step 3): started by `startInvariantCheckJob`,
 * followed with `invariantCheckJob(id) { processed total state violations }`, resumed where it stopped when
 * the hub restarts. README.md, "The full check as a paged job".
 *
 * It checks what the incremental check checks, page by page, each page one short repeatable-read transaction
 * that also moves the job's cursor (so a page is done exactly once, whoever runs it and however often it is
 * retried): first the transfers by id range (each page is the "changed" set of the incremental checks:
 * double entry, references, reversals, holds, lot movements, valuations), summing per account the legs of
 * the transfers below the job's horizon (`invariant_job_balance`; transactions below it have all ended, so
 * that set is the same whichever snapshot a page reads); then the accounts by id range: stored balance =
 * those sums + the legs of the transfers at or above the horizon visible in the page's snapshot, wallets
 * against their lots and holds, holds accounts against active holds; last, the checks that have no paged
 * form (ZERO_SUM_PER_CURRENCY, settlement's statement totals), once each. A clean job leaves its balances as
 * the incremental check's checkpoint when that is older.
 */
import type { Sql, SqlClient } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import type { Logger } from '../../platform/logger.js';
import type { Job } from '../../platform/module.js';
import { CHECKS, runChecks, type InvariantCheck, type Violation } from './invariants.js';
import { analyzeChangedSets, createChangedSets, installCheckpoint, legs } from './invariants.incremental.js';

export const INVARIANT_PAGE_SIZE = { default: 20_000, max: 100_000 } as const;
/** Violations kept on the job row (all are counted). */
const KEPT_VIOLATIONS = 500;

export type InvariantJobState = 'RUNNING' | 'DONE';
type Step = 'TRANSFERS' | 'ACCOUNTS' | 'WHOLE' | 'FINISHED';

export interface InvariantJobRow {
  id: string;
  state: InvariantJobState;
  step: Step;
  pageSize: number;
  processed: bigint;
  total: bigint;
  violations: Violation[];
  violationCount: number;
  startedBy: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = `id, state, step, page_size as "pageSize", processed::text as processed, total::text as total,
  violations, violation_count as "violationCount", started_by as "startedBy", created_at as "createdAt",
  updated_at as "updatedAt", finished_at as "finishedAt", horizon::text as horizon, cursor`;

type DbRow = Omit<InvariantJobRow, 'processed' | 'total'> & {
  processed: string;
  total: string;
  horizon: string;
  cursor: string | null;
};

// Times as Dates whichever driver read them (PGlite gives timestamps as text).
const toJob = ({ horizon: _h, cursor: _c, ...r }: DbRow): InvariantJobRow => ({
  ...r,
  processed: BigInt(r.processed),
  total: BigInt(r.total),
  createdAt: new Date(r.createdAt),
  updatedAt: new Date(r.updatedAt),
  finishedAt: r.finishedAt === null ? null : new Date(r.finishedAt),
});

/** One page of a table by its key: the keys `(lo, hi]`, `hi` the page's last (null: nothing left). */
async function nextPage(
  tx: SqlClient,
  table: 'transfer' | 'account',
  type: 'uuid' | 'bigint',
  lo: string | null,
  size: number,
) {
  const after = lo === null ? 'true' : `id > $1::${type}`;
  const params = lo === null ? [size] : [lo, size];
  const n = params.length;
  const [row] = await tx.query<{ hi: string }>(
    `select id::text as hi from (select id from ${table} where ${after} order by id limit $${n}) p order by id desc limit 1`,
    params,
  );
  return row?.hi ?? null;
}

export class InvariantJobs {
  private wake?: () => void;

  /** `checks` is the ledger's list of other modules' checks (filled while the hub is composed). */
  constructor(
    private readonly sql: Sql,
    private readonly more: readonly InvariantCheck[],
  ) {}

  /** Creates a job and wakes the runner (which runs the jobs one after another). */
  async start(pageSize: number, startedBy: string): Promise<InvariantJobRow> {
    const job = await this.create(pageSize, startedBy);
    this.wake?.();
    return job;
  }

  /** Creates a job without waking the runner (tests drive its pages). */
  async create(pageSize: number, startedBy: string): Promise<InvariantJobRow> {
    const [row] = (await this.sql.query<DbRow>(
      `insert into invariant_check_job (id, page_size, horizon, total, started_by)
       select $1, $2, pg_snapshot_xmin(pg_current_snapshot())::text::bigint,
              (select count(*) from transfer) + (select count(*) from account), $3
       returning ${COLUMNS}`,
      [newId(), pageSize, startedBy],
    )) as [DbRow];
    return toJob(row);
  }

  async get(id: string): Promise<InvariantJobRow | undefined> {
    const [row] = await this.sql.query<DbRow>(`select ${COLUMNS} from invariant_check_job where id = $1`, [id]);
    return row && toJob(row);
  }

  /** Runs the next page of a job; false once the job is done (or does not exist). */
  runPage(id: string): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      await tx.query('set transaction isolation level repeatable read');
      // Locked first: a page another runner finished after this snapshot makes this a serialization failure,
      // retried on a fresh snapshot that sees its cursor.
      const [job] = await tx.query<DbRow>(`select ${COLUMNS} from invariant_check_job where id = $1 for update`, [id]);
      if (!job || job.state !== 'RUNNING') return false;
      if (job.step === 'WHOLE') {
        await this.record(
          tx,
          job,
          await runChecks(
            tx,
            [...CHECKS, ...this.more].filter((c) => !c.changed),
          ),
          0,
          {
            step: 'FINISHED',
            cursor: null,
          },
        );
        await this.finish(tx, id);
        return false;
      }
      const transfers = job.step === 'TRANSFERS';
      const hi = await nextPage(
        tx,
        transfers ? 'transfer' : 'account',
        transfers ? 'uuid' : 'bigint',
        job.cursor,
        job.pageSize,
      );
      if (hi === null) {
        await this.record(tx, job, [], 0, { step: transfers ? 'ACCOUNTS' : 'WHOLE', cursor: null });
        return true;
      }
      const range = (column: string, type: string) =>
        `${job.cursor === null ? 'true' : `${column} > '${job.cursor}'::${type}`} and ${column} <= '${hi}'::${type}`;
      await createChangedSets(tx);
      let rows: number;
      if (transfers) {
        await tx.query(`insert into changed_transfer select * from transfer where ${range('id', 'uuid')}`);
        await tx.query(
          `insert into invariant_job_balance (job_id, account_id, balance)
           select $1, account_id, sum(delta) from ${legs('changed_transfer')} x where tx < $2::bigint group by account_id
           on conflict (job_id, account_id) do update set balance = invariant_job_balance.balance + excluded.balance`,
          [id, job.horizon],
        );
        rows = await count(tx, 'changed_transfer');
      } else {
        const recent = `(select * from transfer where tx >= $2::bigint) r`;
        await tx.query(
          `insert into changed_account (account_id, expected)
           select a.id, coalesce(b.balance, 0) + coalesce(n.delta, 0)
             from account a
             left join invariant_job_balance b on b.job_id = $1 and b.account_id = a.id
             left join (select account_id, sum(delta) as delta from ${legs(recent)} x
                         where ${range('account_id', 'bigint')} group by account_id) n on n.account_id = a.id
            where ${range('a.id', 'bigint')}`,
          [id, job.horizon],
        );
        rows = await count(tx, 'changed_account');
      }
      await analyzeChangedSets(tx);
      await this.record(tx, job, await runChecks(tx, [...CHECKS, ...this.more], 'changed'), rows, {
        step: job.step,
        cursor: hi,
      });
      return true;
    });
  }

  /** Runs a job's pages until it is done. */
  async runToEnd(id: string): Promise<void> {
    while (await this.runPage(id));
  }

  /**
   * The background runner (a module job): resumes the running job at start, then waits to be woken by
   * `start`. It runs in its own asynchronous context, never inside the audit context of the mutation that
   * woke it (its page updates are not administrative changes).
   */
  runner(log: Logger): Job {
    let stopped = false;
    let signal = Promise.resolve();
    const loop = (async () => {
      while (!stopped) {
        await signal;
        // Armed before the scan, so a job started during it is not missed.
        const sleeping = new Promise<void>((resolve) => (this.wake = resolve));
        try {
          for (const { id } of await this.sql.query<{ id: string }>(
            `select id from invariant_check_job where state = 'RUNNING' order by created_at, id`,
          )) {
            while (!stopped && (await this.runPage(id)));
          }
        } catch (error) {
          // The job stays RUNNING at its last page: the next wake or start resumes it.
          log.warn('invariant check job failed', { error: error instanceof Error ? error.name : 'unknown' });
        }
        signal = sleeping;
      }
    })();
    return {
      stop: async () => {
        stopped = true;
        this.wake?.();
        await loop;
      },
    };
  }

  /** Adds a page's violations and rows to the job and moves its cursor. */
  private async record(
    tx: SqlClient,
    job: DbRow,
    violations: Violation[],
    rows: number,
    next: { step: Step; cursor: string | null },
  ): Promise<void> {
    await tx.query(
      `update invariant_check_job
          set step = $2, cursor = $3, processed = processed + $4, total = greatest(total, processed + $4),
              violations = case when jsonb_array_length(violations) < ${KEPT_VIOLATIONS} then violations || $5::jsonb else violations end,
              violation_count = violation_count + $6, updated_at = hub_now()
        where id = $1`,
      [job.id, next.step, next.cursor, rows, JSON.stringify(violations), violations.length],
    );
  }

  /** Done: the per-account sums become the incremental checkpoint if the job found nothing and is newer. */
  private async finish(tx: SqlClient, id: string): Promise<void> {
    const [job] = (await tx.query<{ clean: boolean; horizon: string }>(
      `update invariant_check_job set state = 'DONE', finished_at = hub_now() where id = $1
       returning violation_count = 0 as clean, horizon::text as horizon`,
      [id],
    )) as [{ clean: boolean; horizon: string }];
    if (job.clean)
      await installCheckpoint(
        tx,
        job.horizon,
        `select account_id, balance from invariant_job_balance where job_id = $1`,
        [id],
      );
    await tx.query(`delete from invariant_job_balance where job_id = $1`, [id]);
  }
}

async function count(tx: SqlClient, table: string): Promise<number> {
  const [row] = (await tx.query<{ n: number }>(`select count(*)::int as n from ${table}`)) as [{ n: number }];
  return row.n;
}
