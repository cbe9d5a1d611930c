/**
 * When a failed delivery is tried again: exponential backoff with jitter. The n-th failure waits between half
 * and all of 5 s × 2^(n−1), at most 6 hours, so a receiver that comes back is not hit by every hub at once; after
 * the retry window (3 days by default, from the delivery's creation or its last manual replay) it is
 * dead-lettered instead.
 */
const FIRST_MS = 5_000;
const LONGEST_MS = 6 * 3_600_000;

/** The wait after the `failures`-th failed attempt (1-based); `random` in [0, 1). */
export function retryDelayMs(failures: number, random: number = Math.random()): number {
  const ceiling = Math.min(FIRST_MS * 2 ** Math.min(failures - 1, 30), LONGEST_MS);
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
