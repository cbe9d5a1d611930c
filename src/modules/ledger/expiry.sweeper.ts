/** Runs the ledger's expiry sweep in-process on an interval; one sweep at a time. */
import type { Logger } from '../../platform/logger.js';
import type { Job } from '../../platform/module.js';
import { startIntervalJob } from '../../platform/interval-job.js';
import type { LedgerService } from './ledger.service.js';

export function startExpirySweeper(ledger: LedgerService, everySeconds: number, log: Logger): Job {
  return startIntervalJob(everySeconds, 'expiry sweep', log, async () => {
    const r = await ledger.expiry.sweep();
    if (r.holdsExpired || r.walletsExpired)
      log.info('expiry sweep', {
        holdsExpired: r.holdsExpired,
        walletsExpired: r.walletsExpired,
        pointsExpired: r.pointsExpired,
      });
  });
}
