/**
 * The rolling reconciliation: every `everySeconds`, the last `periods` closed statements of every partner are
 * reconciled and their results stored (settlement_reconciliation); a difference is logged as a warning. One
 * run at a time; 0 turns it off (as in tests, unless a test turns it on).
 */
import type { Job } from '../../platform/module.js';
import type { Logger } from '../../platform/logger.js';
import type { ReconciliationService } from './reconciliation.service.js';

export function startRollingReconciliation(
  reconciliation: ReconciliationService,
  everySeconds: number,
  periods: number,
  log: Logger,
): Job {
  if (everySeconds <= 0) return { stop: async () => undefined };
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = reconciliation
      .rolling(periods)
      .then((results) => {
        for (const r of results.filter((x) => !x.ok))
          log.warn('settlement reconciliation found differences', {
            partnerId: r.partnerId,
            periodStart: r.periodStart.toISOString(),
            differences: r.differences.length,
          });
      })
      .catch((error: unknown) =>
        log.warn('settlement reconciliation failed', { error: error instanceof Error ? error.name : 'unknown' }),
      )
      .finally(() => (running = undefined));
  }, everySeconds * 1000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
