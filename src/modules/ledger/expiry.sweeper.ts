/** Runs the ledger's expiry sweep in-process on an interval; one sweep at a time. */
import type { Logger } from '../../platform/logger.js';
import type { LedgerService } from './ledger.service.js';

export function startExpirySweeper(
  ledger: LedgerService,
  everySeconds: number,
  log: Logger,
): { stop(): Promise<void> } {
  if (everySeconds <= 0) return { stop: async () => undefined };
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = ledger.expiry
      .sweep()
      .then((r) => {
        if (r.holdsExpired || r.walletsExpired)
          log.info('expiry sweep', {
            holdsExpired: r.holdsExpired,
            walletsExpired: r.walletsExpired,
            pointsExpired: r.pointsExpired,
          });
      })
      .catch((error: unknown) =>
        log.warn('expiry sweep failed', { error: error instanceof Error ? error.name : 'unknown' }),
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
