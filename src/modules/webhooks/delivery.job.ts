/**
 * The delivery loop of one hub process: every `pollMs` (and at once after each recorded attempt, so a member's
 * next event follows its previous one without waiting for the poll) it fans out new events and claims what is
 * due. Every process runs it; they share the work through the claim (dispatcher.ts). `pollMs = 0`: this process
 * delivers nothing. A failed tick is logged by name only (no URL, no secret) and the next one tries again.
 */
import type { Job } from '../../platform/module.js';
import type { Logger } from '../../platform/logger.js';
import type { Dispatcher } from './dispatcher.js';

export function startDelivery(dispatcher: Dispatcher, pollMs: number, log: Logger): Job {
  if (pollMs <= 0) return { stop: async () => undefined };
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  function tick(): void {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      while ((await dispatcher.fanOut()) > 0);
      await dispatcher.claimAndSend();
    })()
      .catch((error: unknown) =>
        log.warn('webhook delivery tick failed', { error: error instanceof Error ? error.name : 'unknown' }),
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule(0);
        } else schedule(pollMs);
      });
  }
  dispatcher.onRecorded = () => schedule(0);
  schedule(0);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      dispatcher.onRecorded = undefined;
      await running;
      await dispatcher.settle();
    },
  };
}
