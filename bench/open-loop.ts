/**
 * The open loop's load generator, on a thread of its own. It fires requests on a fixed schedule and times
 * them from when each was due, so anything that delays its event loop is counted as the system's latency.
 * On the bench's main thread it shared the loop and the heap with the samplers, the logging and every
 * seeded member and result (the baseline's worst slice had the driver's loop 29.6 ms late behind a 14.9 ms
 * GC pause). Here it has only the coalition's links and the two operations, and reports its own lateness
 * with each slice.
 */
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { baselineEarn, earnOnce, hubAddress, issuanceIds, pgSql, pick, type PartnerInfo } from './workload.js';

export type OpenLoopRole = 'hub' | 'bench_base';

/** One slice of an open loop: what its measured part saw. */
export interface OpenLoopSlice {
  lat: number[];
  /** [due time, latency] per measured request; due time in epoch ms. */
  trace: [number, number][];
  errors: number;
  total: number;
  maxInflight: number;
  seconds: number;
  /** The load generator's own lateness over the slice (ms): its event-loop delay (p99, max) and longest GC pause. */
  driver: { eldP99: number; eldMax: number; gcMax: number };
}

interface WorkerData {
  hubUrl: string;
  dbUrl: string;
  partners: PartnerInfo[];
  issuance: string[];
}
type Command =
  { kind: 'slice'; role: OpenLoopRole; rate: number; leadInS: number; seconds: number } | { kind: 'close' };
type Report = { kind: 'measuring' } | { kind: 'fired' } | { kind: 'done'; slice: OpenLoopSlice } | { kind: 'closed' };

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Watches this thread: a late load generator delays firing and reading answers alike. */
function lateness(): () => OpenLoopSlice['driver'] {
  const eld = monitorEventLoopDelay({ resolution: 1 });
  eld.enable();
  let gcMax = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMax = Math.max(gcMax, e.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  return () => {
    eld.disable();
    gc.disconnect();
    return { eldP99: round1(eld.percentile(99) / 1e6), eldMax: round1(eld.max / 1e6), gcMax: round1(gcMax) };
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Requests fired at `rate` per second on a fixed schedule, whatever the responses do; latency is measured
 * from the time each was due (no coordinated omission). The first `leadInS` seconds are not recorded.
 */
async function openLoopSlice(
  rate: number,
  op: () => Promise<void>,
  leadInS: number,
  seconds: number,
  report: (r: Report) => void,
): Promise<OpenLoopSlice> {
  const slice: OpenLoopSlice = {
    lat: [],
    trace: [],
    errors: 0,
    total: 0,
    maxInflight: 0,
    seconds,
    driver: { eldP99: NaN, eldMax: NaN, gcMax: NaN },
  };
  let inflight = 0;
  const interval = 1000 / rate;
  const t0 = performance.now();
  const measureStart = t0 + leadInS * 1000;
  const end = measureStart + seconds * 1000;
  const epochOffset = Date.now() - performance.now();
  const pending: Promise<void>[] = [];
  let watch: (() => OpenLoopSlice['driver']) | undefined;
  const fire = (scheduled: number) => {
    inflight++;
    slice.maxInflight = Math.max(slice.maxInflight, inflight);
    pending.push(
      op().then(
        () => {
          inflight--;
          slice.total++;
          if (scheduled >= measureStart) {
            const ms = performance.now() - scheduled;
            slice.lat.push(ms);
            slice.trace.push([epochOffset + scheduled, ms]);
          }
        },
        () => {
          inflight--;
          slice.total++;
          slice.errors++;
        },
      ),
    );
  };
  let next = t0;
  while (next < end) {
    const now = performance.now();
    if (!watch && now >= measureStart) {
      report({ kind: 'measuring' });
      watch = lateness();
    }
    while (next <= now && next < end) {
      fire(next);
      next += interval;
    }
    await sleep(Math.max(0, Math.min(next - performance.now(), 5)));
  }
  report({ kind: 'fired' });
  await Promise.all(pending);
  if (watch) slice.driver = watch();
  return slice;
}

/** The main thread's handle on the load-generator thread. */
export class OpenLoopDriver {
  private constructor(private readonly worker: Worker) {}

  /** Starts the thread with what it needs to send both sides' requests (its own HTTP agent and pg pool of 10). */
  static start(data: WorkerData): OpenLoopDriver {
    // The main thread runs under tsx; the thread inherits its loader flags (process.execArgv).
    return new OpenLoopDriver(new Worker(new URL(import.meta.url), { workerData: data }));
  }

  /** One slice at `rate`; `onMeasuring` / `onFired` mark when its measured part starts and when its last request is sent. */
  slice(
    role: OpenLoopRole,
    rate: number,
    leadInS: number,
    seconds: number,
    on: { measuring: () => void; fired: () => void },
  ): Promise<OpenLoopSlice> {
    return new Promise((resolve, reject) => {
      const listen = (r: Report) => {
        if (r.kind === 'measuring') on.measuring();
        else if (r.kind === 'fired') on.fired();
        else if (r.kind === 'done') {
          this.worker.off('message', listen).off('error', reject);
          resolve(r.slice);
        }
      };
      this.worker.on('message', listen).once('error', reject);
      this.worker.postMessage({ kind: 'slice', role, rate, leadInS, seconds } satisfies Command);
    });
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) =>
      this.worker.on('message', (r: Report) => r.kind === 'closed' && resolve()),
    );
    this.worker.postMessage({ kind: 'close' } satisfies Command);
    await closed;
    await this.worker.terminate();
  }
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const data = workerData as WorkerData;
  hubAddress.url = data.hubUrl;
  for (const id of data.issuance) issuanceIds.add(id);
  const baseSql = pgSql.createPgSql(data.dbUrl, 10);
  const ops: Record<OpenLoopRole, () => Promise<void>> = {
    hub: () => {
      const p = pick(data.partners);
      return earnOnce(p, pick(p.links));
    },
    bench_base: baselineEarn(baseSql, data.partners),
  };
  const report = (r: Report) => port.postMessage(r);
  port.on('message', async (c: Command) => {
    if (c.kind === 'close') {
      await baseSql.close();
      report({ kind: 'closed' });
      return;
    }
    report({ kind: 'done', slice: await openLoopSlice(c.rate, ops[c.role], c.leadInS, c.seconds, report) });
  });
}
