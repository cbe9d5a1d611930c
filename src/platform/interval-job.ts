/**
 * A background job on an interval, for module manifests' `jobs`: one run at a time (a tick while a run is
 * still going is skipped), the timer never keeps the process alive, and `stop` waits for a run in progress.
 * `everySeconds <= 0` turns it off. `run` handles its own outcome; a failure is logged by name only.
 */
import type { Job } from './module.js';
import type { Logger } from './logger.js';

export function startIntervalJob(everySeconds: number, name: string, log: Logger, run: () => Promise<void>): Job {
  if (everySeconds <= 0) return { stop: async () => undefined };
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = run()
      .catch((error: unknown) => log.warn(`${name} failed`, { error: error instanceof Error ? error.name : 'unknown' }))
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
