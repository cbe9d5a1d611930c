/**
 * The rolling reconciliation: every `everySeconds`, the last `periods` closed statements of every partner are
 * reconciled and their results stored (settlement_reconciliation); a difference is logged as a warning. One
 * run at a time; 0 turns it off (as in tests, unless a test turns it on).
 */
import type { Job } from '../../platform/module.js';
import type { Logger } from '../../platform/logger.js';
import { startIntervalJob } from '../../platform/interval-job.js';
import type { ReconciliationService } from './reconciliation.service.js';

export function startRollingReconciliation(
  reconciliation: ReconciliationService,
  everySeconds: number,
  periods: number,
  log: Logger,
): Job {
  return startIntervalJob(everySeconds, 'settlement reconciliation', log, async () => {
    for (const r of (await reconciliation.rolling(periods)).filter((x) => !x.ok))
      log.warn('settlement reconciliation found differences', {
        partnerId: r.partnerId,
        periodStart: r.periodStart.toISOString(),
        differences: r.differences.length,
      });
  });
}
