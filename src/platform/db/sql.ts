/**
 * A thin SQL client for hot paths (the ledger) that bypasses the ORM's unit of
 * work: parameterised statements, explicit transactions, and automatic retry
 * of deadlocks and serialization failures. One implementation per driver.
 */
export interface SqlClient {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Sql extends SqlClient {
  /** Runs `fn` in one transaction; retried on deadlock/serialization failure, so `fn` must be repeatable. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  /** Counts statements sent, for benchmarks and the N+1 tests. */
  readonly statementCount: number;
  close(): Promise<void>;
}

/** SQLSTATEs that mean "try the whole transaction again". */
const RETRYABLE = new Set(['40001', '40P01']);
export const MAX_TRANSACTION_ATTEMPTS = 8;

export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= MAX_TRANSACTION_ATTEMPTS || !RETRYABLE.has(sqlState(error) ?? '')) throw error;
      // Jittered backoff so the transactions that collided do not collide again.
      await new Promise((r) => setTimeout(r, Math.random() * 5 * n));
    }
  }
}
