/**
 * A probe preloaded into the bench's hub: every second, one JSON line on stdout with the wall-clock time
 * (and monotonic µs, as in --cpu-prof timestamps),
 * the event-loop delay (p50/p99/max ms), the process's CPU ms and its GC pauses (count, total ms, longest,
 * and the longest one's kind: 1 scavenge, 2 mark-compact, 4 incremental marking, 8 weak callbacks) in that
 * second: is the hub's thread itself late when its requests are slow?
 *
 *   BENCH_HUB_NODE_ARGS=--import=./bench/hub-probe.mjs BENCH_HUB_STDOUT=/tmp/hub.out npm run bench
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
const h = monitorEventLoopDelay({ resolution: 1 });
h.enable();
let gc = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gc.push([e.detail?.kind ?? e.kind, e.duration]);
}).observe({ entryTypes: ['gc'] });
let lastCpu = process.cpuUsage();
setInterval(() => {
  const cpu = process.cpuUsage(lastCpu);
  lastCpu = process.cpuUsage();
  const line = {
    t: Date.now(),
    hrUs: Number(process.hrtime.bigint() / 1000n),
    eldP50: +(h.percentile(50) / 1e6).toFixed(2),
    eldP99: +(h.percentile(99) / 1e6).toFixed(2),
    eldMax: +(h.max / 1e6).toFixed(2),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    gcN: gc.length,
    gcMs: +gc.reduce((a, [, d]) => a + d, 0).toFixed(1),
    gcMax: +Math.max(0, ...gc.map(([, d]) => d)).toFixed(1),
    gcMaxKind: gc.length ? gc.reduce((a, b) => (b[1] > a[1] ? b : a))[0] : null,
  };
  h.reset();
  gc = [];
  process.stdout.write(JSON.stringify(line) + '\n');
}, 1000).unref();
