/**
 * Durations for `app.advanceClock(…)`: a number of milliseconds, or text such as
 * '2 hours', '90 seconds', '1500 ms', '1 day 2 hours', '12 months' (30-day months).
 */
const UNIT_MS: Record<string, number> = {
  ms: 1,
  millisecond: 1,
  s: 1_000,
  sec: 1_000,
  second: 1_000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
};

export type Duration = number | string;

export function durationMs(d: Duration): number {
  if (typeof d === 'number') return d;
  const parts = [...d.trim().matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)/gi)];
  const total = parts.reduce((sum, [, n, unit]) => {
    const name = unit!.toLowerCase();
    const ms = UNIT_MS[name] ?? UNIT_MS[name.replace(/s$/, '')];
    if (ms === undefined) throw new Error(`unknown unit "${unit}" in duration "${d}"`);
    return sum + Number(n) * ms;
  }, 0);
  if (
    !parts.length ||
    parts
      .map((p) => p[0])
      .join('')
      .replace(/\s/g, '') !== d.replace(/\s/g, '')
  )
    throw new Error(`cannot read duration "${d}"`);
  return total;
}
