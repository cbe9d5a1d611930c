/**
 * A thin SQL client for hot paths (the ledger) that bypasses the ORM's unit of
 * work: parameterised statements, explicit transactions, and automatic retry
 * of deadlocks and serialization failures. One implementation per driver.
 */
import { countRetry } from '../observability/counters.js';

export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A transaction's connection. */
export interface SqlClient extends Queryable {
  /**
   * Sends a statement whose rows are not needed without waiting for it: the transaction's COMMIT waits for
   * it, and if it fails the transaction is rolled back and fails with its error. Statements after it on the
   * transaction run after it (one connection runs them in order). The driver that pipelines (node-postgres)
   * sends COMMIT right behind it, saving a round trip; a posting is usually a transaction's last write.
   */
  send(text: string, params?: readonly unknown[]): void;
}

export interface Sql extends Queryable {
  /**
   * For reads whose answer is only shown (history, balances for display, statements, listings): they may be
   * served by a read replica — a consistent state, possibly a few milliseconds old, never older than the
   * caller's own last write (replicas.ts). This very client when no replica is configured. Every read that a
   * decision depends on (locks, balance checks, idempotency, "is this partner active") uses `query`.
   */
  readonly reads: Queryable;
  /** Runs `fn` in one transaction; retried on deadlock/serialization failure, so `fn` must be repeatable. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  /** Counts statements sent, for benchmarks and the N+1 tests. */
  readonly statementCount: number;
  /**
   * Counts the times the client waited for the database: every `query` and every COMMIT; a statement
   * `send` puts on the wire travels with the next one (pipelining drivers), so it adds none, and so does a
   * `query` made in a transaction while another is still unanswered.
   */
  readonly roundTripCount: number;
  /** The connection pool's state, for /metrics (drivers with a pool). */
  poolStats?(): { total: number; idle: number; waiting: number } | undefined;
  close(): Promise<void>;
}

/**
 * Hot statements sent as named prepared statements (drivers that support it: node-postgres): parsed and
 * planned once per connection instead of on every call. For the ledger's array-parameter statements the
 * planning cost more than the execution (EXPLAIN: 0.4–0.8 ms planning vs 0.13–1 ms executing; bench/).
 * PostgreSQL re-plans a prepared statement whenever the statistics of a table it reads change.
 */
const preparedNames = new Map<string, string>();
export function prepared(name: string, text: string): string {
  preparedNames.set(text, name);
  return text;
}
export const preparedName = (text: string): string | undefined => preparedNames.get(text);

/** SQLSTATEs that mean "try the whole transaction again". */
const RETRYABLE = new Set(['40001', '40P01']);
export const MAX_TRANSACTION_ATTEMPTS = 8;

export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** SQLSTATEs and socket errors that mean "the database is unreachable for now", not "the request is wrong". */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|not queryable|Connection ended|timeout exceeded when trying to connect|terminating connection/i;

/**
 * True when `error` (or what it wraps) is a lost or refused database connection:
 * a restart, `pg_terminate_backend`, too many connections. The operation did not
 * happen, or committed without its answer arriving; either way the same request
 * with the same idempotency key can be retried safely.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as
        | {
            code?: unknown;
            sqlState?: unknown;
            message?: unknown;
            cause?: unknown;
            originalError?: unknown;
            name?: unknown;
          }
        | null
        | undefined,
      depth = 0;
    e && depth < 5;
    depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : typeof e.sqlState === 'string' ? e.sqlState : '';
    if (code.startsWith('08') || UNAVAILABLE_STATES.has(code) || UNAVAILABLE_SOCKET.has(code)) return true;
    if (e.name === 'ConnectionException') return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}

export async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const state = sqlState(error) ?? '';
      if (n >= MAX_TRANSACTION_ATTEMPTS || !RETRYABLE.has(state)) throw error;
      countRetry(state);
      // Jittered backoff so the transactions that collided do not collide again.
      await new Promise((r) => setTimeout(r, Math.random() * 5 * n));
    }
  }
}

/** SQLSTATE of a statement refused because an earlier one failed in the same transaction. */
const IN_FAILED_TRANSACTION = '25P02';

/**
 * The statements a transaction sent without waiting (`SqlClient.send`): the first failure among them is the
 * transaction's error, since every statement after it failed only because of it (25P02).
 */
export class SentStatements {
  private readonly pending: Promise<void>[] = [];
  private failure: { error: unknown } | undefined;

  track(statement: Promise<unknown>): void {
    this.pending.push(
      statement.then(
        () => undefined,
        (error: unknown) => {
          this.failure ??= { error };
        },
      ),
    );
  }

  /** Waits for every sent statement; throws the first failure among them, if any. */
  async settle(): Promise<void> {
    await Promise.all(this.pending);
    if (this.failure) throw this.failure.error;
  }

  /**
   * The error to report for a transaction whose body failed with `error`: a sent statement's failure comes
   * first unless it was itself only a consequence of `error` (25P02).
   */
  async cause(error: unknown): Promise<unknown> {
    await Promise.all(this.pending);
    const sent = this.failure?.error;
    return sent !== undefined && sqlState(sent) !== IN_FAILED_TRANSACTION ? sent : error;
  }
}
