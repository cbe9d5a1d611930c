/**
 * Read replicas: `sql.reads` sends the reads a service marks as display reads (may be stale, must be
 * consistent) to PostgreSQL streaming replicas, and everything else — writes, transactions, and every read a
 * decision depends on (`sql.query`) — to the primary.
 *
 * - Only requests read from replicas (the HTTP server runs each in a scope, read-scope.ts); start-up, seeding,
 *   jobs and the CLI read from the primary.
 * - Choice: the least busy replica that is up (fewest statements in flight, ties in turn), once per request;
 *   all reads of that request stay on it, so a request never sees a newer state and then an older one.
 * - Read-your-writes: the request's caller may have written recently (this process remembers the primary's WAL
 *   position after each caller's last write; a client can bring one from another process in `x-hub-lsn`).
 *   Then the replica must have replayed that position: it is asked (`pg_last_wal_replay_lsn()`), again with
 *   short backoffs, for at most `waitMs`; after that the request reads from the primary.
 * - A request that wrote reads the rest from the primary.
 * - A replica that fails is never the request's failure: the read runs on the primary instead, and a replica
 *   that is unreachable is left alone for `retryMs`.
 */
// Replica waits and retries run on the machine's monotonic time, not hub time: they are about real lag.
import { performance } from 'node:perf_hooks';
import { isDatabaseUnavailable, sqlState, type Queryable, type Sql } from './sql.js';
import { parseLsn } from './lsn.js';
import { currentScope, LastWrites, noteWrite, type ReadScope } from './read-scope.js';

export interface ReplicaOptions {
  /** Longest wait for a replica to replay the caller's last write before reading from the primary. */
  waitMs: number;
  /** How long an unreachable replica is skipped before it is tried again. */
  retryMs?: number;
  /** How long a caller's last write position is remembered. */
  rememberMs?: number;
  /**
   * For the log: a replica went down or came back, or failed one read that the primary then answered (a
   * recovery conflict; or a write sent to `reads` by mistake, which the replica refuses as read-only).
   */
  onEvent?: (replica: string, event: 'down' | 'up' | 'read failed', code?: string) => void;
}

interface Replica {
  /** host:port/database, for logs (never the password). */
  name: string;
  sql: Sql;
  inFlight: number;
  /** Reads it answered. */
  served: number;
  /** Skipped until this time (ms) after failing. */
  downUntil: number;
  /** Highest replay position seen; it only grows while the replica lives, so it is reset when it fails. */
  replayed: bigint;
  /** The replay position query in flight, shared by every request waiting on this replica. */
  asking?: Promise<bigint | undefined>;
}

const PRIMARY = 'primary' as const;
type Target = Replica | typeof PRIMARY;

/** Statements that certainly only read; anything else on `sql.query` may write and is followed by its LSN. */
const READ_ONLY = /^\s*(select|with|values|show|table)\b/i;
const WRITES = /\b(insert|update|delete|merge)\b/i;
export const mayWrite = (text: string) => !READ_ONLY.test(text) || WRITES.test(text);

const CURRENT_LSN_SQL = 'select pg_current_wal_insert_lsn()::text as lsn';
const REPLAY_LSN_SQL = 'select pg_last_wal_replay_lsn()::text as lsn';

export function replicaName(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'replica';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ReplicatedSql extends Sql {
  /** For the ORM's writes (they do not go through this client): note the primary's position now. */
  noteWrite(): Promise<void>;
  /** The pg-sql commit hook: a recorder while a request is in scope, so the commit's LSN is fetched with it. */
  commitLsn(): ((lsn: string | undefined) => void) | undefined;
  readonly replicaStates: readonly { name: string; up: boolean; replayed: bigint; inFlight: number; served: number }[];
}

/**
 * `primary` with `sql.reads` routed over `replicas`. `primary` must have been created with this object's
 * `commitLsn` as its commit hook (see orm.ts), so transactions note their commit position for free.
 */
export function withReplicas(
  primary: Sql,
  replicaSqls: readonly { name: string; sql: Sql }[],
  options: ReplicaOptions,
): ReplicatedSql {
  const retryMs = options.retryMs ?? 5_000;
  const writes = new LastWrites(options.rememberMs ?? 60_000);
  const replicas: Replica[] = replicaSqls.map((r) => ({ ...r, inFlight: 0, served: 0, downUntil: 0, replayed: 0n }));
  let turn = 0;

  const failed = (replica: Replica, error: unknown) => {
    replica.replayed = 0n;
    const code = sqlState(error) ?? (error as Error | undefined)?.name;
    // A query the replica could not answer (a recovery conflict, a bad cast) says nothing about the replica.
    if (!isDatabaseUnavailable(error)) return options.onEvent?.(replica.name, 'read failed', code);
    const wasUp = replica.downUntil <= performance.now();
    replica.downUntil = performance.now() + retryMs;
    if (wasUp) options.onEvent?.(replica.name, 'down', code);
  };

  const replayLsn = (replica: Replica): Promise<bigint | undefined> =>
    (replica.asking ??= replica.sql
      .query<{ lsn: string | null }>(REPLAY_LSN_SQL)
      .then((rows) => {
        // NULL: not a standby (a primary listed as a replica); its position says nothing about ours.
        const lsn = parseLsn(rows[0]?.lsn);
        if (lsn !== undefined && lsn > replica.replayed) replica.replayed = lsn;
        return lsn;
      })
      .finally(() => (replica.asking = undefined)));

  /** Whether `replica` replays `lsn` before `deadline`; asks with backoffs of 1, 2, 4 … 16 ms. */
  async function caughtUp(replica: Replica, lsn: bigint, deadline: number): Promise<boolean> {
    for (let pause = 1; ; pause = Math.min(pause * 2, 16)) {
      if (replica.replayed >= lsn) return true;
      const seen = await replayLsn(replica);
      if (seen === undefined) return false;
      if (seen >= lsn) return true;
      const left = deadline - performance.now();
      if (left <= 0) return false;
      await sleep(Math.min(pause, left));
    }
  }

  async function choose(scope: ReadScope): Promise<Target> {
    const now = performance.now();
    const up = replicas.filter((r) => r.downUntil <= now);
    if (!up.length) return PRIMARY;
    // Least busy first; among equals, take turns.
    const start = turn++ % up.length;
    const ordered = up.map((_, i) => up[(start + i) % up.length]!).sort((a, b) => a.inFlight - b.inFlight);
    const required = max(writes.required(scope.keys, now), scope.clientLsn);
    if (required === 0n) return ordered[0]!;
    const deadline = now + options.waitMs;
    for (const replica of ordered) {
      try {
        if (await caughtUp(replica, required, deadline)) return replica;
      } catch (error) {
        failed(replica, error);
        continue;
      }
      // Out of time: another replica would need the same wait.
      break;
    }
    return PRIMARY;
  }

  const reads: Queryable = {
    async query<T>(text: string, params?: readonly unknown[]): Promise<T[]> {
      const scope = currentScope();
      // Outside a request (start-up, seeding, jobs, the CLI) no scope remembers a write the next read must see.
      if (!scope || scope.wrote) return primary.query<T>(text, params);
      const target = (await (scope.choice ??= choose(scope))) as Target;
      if (target === PRIMARY) return primary.query<T>(text, params);
      target.inFlight++;
      try {
        const rows = await target.sql.query<T>(text, params);
        target.served++;
        if (target.downUntil > 0) {
          target.downUntil = 0;
          options.onEvent?.(target.name, 'up');
        }
        return rows;
      } catch (error) {
        failed(target, error);
        // The rest of the request reads from the primary too: never back to an older state.
        scope.choice = Promise.resolve(PRIMARY);
        return primary.query<T>(text, params);
      } finally {
        target.inFlight--;
      }
    },
  };

  async function noteCurrentLsn(): Promise<void> {
    if (!currentScope()) return;
    let lsn: bigint | undefined;
    try {
      lsn = parseLsn((await primary.query<{ lsn: string }>(CURRENT_LSN_SQL))[0]?.lsn);
    } catch {
      // The write itself succeeded; without its position only this request is sure to read it.
    }
    noteWrite(writes, lsn);
  }

  return {
    reads,
    async query<T>(text: string, params?: readonly unknown[]): Promise<T[]> {
      const rows = await primary.query<T>(text, params);
      // An autocommit write: its position is one more statement (autocommit writes are not the hot path).
      if (mayWrite(text)) await noteCurrentLsn();
      return rows;
    },
    transaction: (fn) => primary.transaction(fn),
    noteWrite: noteCurrentLsn,
    commitLsn() {
      if (!currentScope()) return undefined;
      return (text) => noteWrite(writes, parseLsn(text));
    },
    get statementCount() {
      return primary.statementCount;
    },
    get roundTripCount() {
      return primary.roundTripCount;
    },
    poolStats: () => primary.poolStats?.(),
    get replicaStates() {
      const now = performance.now();
      return replicas.map((r) => ({
        name: r.name,
        up: r.downUntil <= now,
        replayed: r.replayed,
        inFlight: r.inFlight,
        served: r.served,
      }));
    },
    async close() {
      await Promise.allSettled(replicas.map((r) => r.sql.close()));
      await primary.close();
    },
  };
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);
