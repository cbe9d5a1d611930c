/**
 * A probe preloaded into the bench's hub: every second, one JSON line on stdout with the wall-clock time
 * (and monotonic µs, as in --cpu-prof timestamps),
 * the event-loop delay (p50/p99/max ms), the process's CPU ms and its GC pauses (count, total ms, longest,
 * and the longest one's kind: 1 scavenge, 2 mark-compact, 4 incremental marking, 8 weak callbacks) in that
 * second, and the p99 and longest of its requests' time inside the hub (headers parsed to response finished):
 * is the hub's thread itself late when its requests are slow, and is the time spent inside it?
 *
 *   BENCH_HUB_NODE_ARGS=--import=./bench/hub-probe.mjs BENCH_HUB_STDOUT=/tmp/hub.out npm run bench
 */
import diagnostics from 'node:diagnostics_channel';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
const h = monitorEventLoopDelay({ resolution: 1 });
h.enable();
let gc = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gc.push([e.detail?.kind ?? e.kind, e.duration]);
}).observe({ entryTypes: ['gc'] });
// Each request's time inside the hub: from its headers being parsed to its response being finished.
const started = new WeakMap();
let inHub = [];
diagnostics.subscribe('http.server.request.start', ({ request }) => started.set(request, performance.now()));
diagnostics.subscribe('http.server.response.finish', ({ request }) => {
  const t = started.get(request);
  if (t !== undefined) inHub.push(performance.now() - t);
});
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
  inHub.sort((a, b) => a - b);
  line.requests = inHub.length;
  line.inHubP99 = inHub.length ? +inHub[Math.floor(inHub.length * 0.99)].toFixed(2) : null;
  line.inHubMax = inHub.length ? +inHub[inHub.length - 1].toFixed(2) : null;
  inHub = [];
  h.reset();
  gc = [];
  process.stdout.write(JSON.stringify(line) + '\n');
}, 1000).unref();
