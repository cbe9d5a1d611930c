/**
 * Moves hub time for the process and for SQL together (tests only; see
 * `platform/clock.ts`). SQL reads the time through `hub_now()` and
 * `hub_clock_timestamp()`; moving time redefines both in every database a hub of
 * this process has open, so every connection, and every cached plan, sees the
 * new time from its next statement on.
 */
import { assertClockControllable, clock, setTestTime, testTime, type TestTime } from '../clock.js';
import type { Queryable } from './sql.js';

export interface ClockControl {
  /** Hub time. */
  now(): Date;
  /** Moves hub time forward by `ms` (refused outside NODE_ENV=test). */
  advance(ms: number): Promise<void>;
  /** Stops hub time where it is, until `resume` (refused outside NODE_ENV=test). */
  freeze(): Promise<void>;
  /** Lets a frozen clock run again from where it stood. */
  resume(): Promise<void>;
}

/** The definitions of the SQL clock functions for a test time (offset zero: the migration's own). */
export function clockFunctions(t: Readonly<TestTime>): string[] {
  const frozen = t.frozenAtMs === undefined ? undefined : `timestamptz '${new Date(t.frozenAtMs).toISOString()}'`;
  const shift = t.offsetMs ? ` + interval '${Math.round(t.offsetMs)} milliseconds'` : '';
  return [
    `create or replace function hub_now() returns timestamptz language sql stable parallel safe as $$ select ${frozen ?? `now()${shift}`} $$`,
    `create or replace function hub_clock_timestamp() returns timestamptz language sql volatile parallel safe as $$ select ${frozen ?? `clock_timestamp()${shift}`} $$`,
  ];
}

const isSystemTime = (t: Readonly<TestTime>) => t.offsetMs === 0 && t.frozenAtMs === undefined;

/** Every database a hub of this process has open; moving time redefines the clock in each. */
const databases = new Set<Queryable>();
/** Time moves one step at a time (two redefinitions of one function at once would conflict). */
let moving: Promise<unknown> = Promise.resolve();

async function apply(db: Queryable, t: Readonly<TestTime>): Promise<void> {
  for (const statement of clockFunctions(t)) await db.query(statement);
}

/**
 * Attaches a hub's database to the process clock: if a test already moved time, the database follows at
 * once. Returns the hub's control and a detach for when the hub closes.
 */
export async function attachClock(env: string, db: Queryable): Promise<ClockControl & { detach(): void }> {
  if (!isSystemTime(testTime())) await apply(db, testTime());
  databases.add(db);
  const move = async (next: (t: Readonly<TestTime>) => TestTime) => {
    assertClockControllable(env);
    const step = moving.then(async () => {
      setTestTime(env, next(testTime()));
      for (const each of databases) await apply(each, testTime());
    });
    moving = step.catch(() => undefined);
    await step;
  };
  return {
    now: () => clock.now(),
    advance: async (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('time only moves forward');
      ms = Math.round(ms);
      await move((t) =>
        t.frozenAtMs === undefined
          ? { offsetMs: t.offsetMs + ms }
          : { offsetMs: t.offsetMs, frozenAtMs: t.frozenAtMs + ms },
      );
    },
    freeze: () => move((t) => ({ offsetMs: t.offsetMs, frozenAtMs: t.frozenAtMs ?? clock.nowMs() })),
    resume: () => move((t) => (t.frozenAtMs === undefined ? t : { offsetMs: t.frozenAtMs - Date.now() })),
    detach: () => void databases.delete(db),
  };
}
