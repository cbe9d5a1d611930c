/**
 * The one source of hub time, for the process and (through `hub_now()`) for SQL.
 *
 * Every "now" the hub acts on comes from here: token `iat`/`nbf`/`exp` checks, the
 * per-partner cost buckets, UUIDv7 ids, expiry and validity checks made in code.
 * Statements use `hub_now()` (and `hub_clock_timestamp()`) instead of `now()`
 * (`clock_timestamp()`), and column defaults do too (migration
 * Migration20261202000001_hub_clock). In production the offset is zero and
 * `hub_now()` is `select now()`, a SQL function PostgreSQL inlines into every
 * statement that calls it: the plans are those of `now()`.
 *
 * Tests (and only tests: a hub whose config says `NODE_ENV=test`; any other
 * hub refuses) move hub time forward instead of sleeping:
 * `await app.advanceClock('2 hours')` adds to the process offset and redefines
 * `hub_now()` in every database of this process's hubs, so code and SQL agree.
 * PostgreSQL and PGlite drop cached plans, prepared statements' included, that
 * inlined the old definition (a plan records the functions it inlined). A test
 * can also freeze time (`app.freezeClock()`), so behaviour that depends on
 * elapsed time (a token bucket's refill) does not depend on how fast requests run.
 * Time never moves backwards: advancing takes a non-negative amount, and
 * resuming a frozen clock continues from where it stood.
 *
 * The state is per process (one hub per process in production). Durations
 * measured for logs (`performance.now()` in the HTTP server) are not hub time.
 */
export interface Clock {
  /** Hub time. */
  now(): Date;
  /** Hub time in milliseconds since the epoch. */
  nowMs(): number;
}

/** How hub time differs from the system clock: an offset, or frozen at one instant. */
export interface TestTime {
  offsetMs: number;
  frozenAtMs?: number;
}

let state: TestTime = { offsetMs: 0 };

export const clock: Clock = {
  nowMs: () => state.frozenAtMs ?? Date.now() + state.offsetMs,
  now: () => new Date(clock.nowMs()),
};

/** The current test time state (offset zero and not frozen unless a test moved it). */
export const testTime = (): Readonly<TestTime> => state;

export class ClockControlRefused extends Error {
  constructor() {
    super('Hub time can only be moved when NODE_ENV=test.');
    this.name = 'ClockControlRefused';
  }
}

/** Refuses unless the hub's configured env (NODE_ENV, read once by config.ts) is `test`. */
export function assertClockControllable(env: string): void {
  if (env !== 'test') throw new ClockControlRefused();
}

/** Sets the process's test time. Callers go through the hub (`Hub.clock`), which also moves SQL time. */
export function setTestTime(env: string, next: TestTime): void {
  assertClockControllable(env);
  if (!Number.isFinite(next.offsetMs) || (next.frozenAtMs !== undefined && !Number.isFinite(next.frozenAtMs)))
    throw new RangeError('test time must be finite');
  state = { ...next };
}
