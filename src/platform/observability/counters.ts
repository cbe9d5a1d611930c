/**
 * Process-wide event counters that hot paths bump with a plain increment (no metrics library on the posting
 * path); `/metrics` reads them when scraped (metrics.ts). Counts since the process started, as Prometheus
 * counters expect.
 */
export const hubCounters = {
  /** Transactions tried again after a deadlock (40P01) or serialization failure (40001), by SQLSTATE. */
  transactionRetries: new Map<string, number>(),
  /** Ledger operations answered from an earlier request with the same idempotency key. */
  idempotentReplays: 0,
};

export function countRetry(sqlState: string): void {
  hubCounters.transactionRetries.set(sqlState, (hubCounters.transactionRetries.get(sqlState) ?? 0) + 1);
}
