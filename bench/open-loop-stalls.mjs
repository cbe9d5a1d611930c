#!/usr/bin/env node
/**
 * Where an open loop's slow requests came from: groups the requests slower than a threshold
 * (BENCH_TRACE=<prefix> file) into episodes and lists what the server's processes were waiting on during each
 * (BENCH_WAITS=<file>, sampled every 20 ms over both sides' interleaved slices), then the same over the side's
 * measured time.
 *
 *   node bench/open-loop-stalls.mjs <trace prefix> <waits file> [hub|bench_base] [slow ms, default 40]
 */
import { readFileSync } from 'node:fs';

const [tracePrefix, waitsFile, role = 'hub', slowArg = '40'] = process.argv.slice(2);
if (!tracePrefix || !waitsFile) {
  console.error('usage: node bench/open-loop-stalls.mjs <trace prefix> <waits file> [hub|bench_base] [slow ms]');
  process.exit(2);
}
const slowMs = Number(slowArg);
const { startEpochMs, trace } = JSON.parse(readFileSync(`${tracePrefix}-${role}.json`, 'utf8'));
/** @type {[number, string[]][]} */
const samples = JSON.parse(readFileSync(waitsFile, 'utf8'));

const tally = (from, to) => {
  const counts = new Map();
  let n = 0;
  for (const [t, events] of samples) {
    if (t < from || t > to) continue;
    n++;
    for (const e of events) counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  const top = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([e, c]) => `${e} ${(c / Math.max(1, n)).toFixed(1)}`);
  return `${n} samples; per sample: ${top.join(', ') || 'nothing busy'}`;
};

// Due times (epoch) of the slow requests, grouped when less than 300 ms apart.
const slow = trace
  .filter(([, ms]) => ms > slowMs)
  .map(([due, ms]) => [startEpochMs + due, ms])
  .sort((a, b) => a[0] - b[0]);
const episodes = [];
for (const [at, ms] of slow) {
  const last = episodes[episodes.length - 1];
  if (last && at - last.to < 300) {
    last.to = at;
    last.worst = Math.max(last.worst, ms);
    last.count++;
  } else episodes.push({ from: at, to: at, worst: ms, count: 1 });
}
console.log(
  `${role}: ${slow.length} of ${trace.length} requests slower than ${slowMs} ms, in ${episodes.length} episodes`,
);
for (const e of episodes) {
  console.log(
    `  at ${((e.from - startEpochMs) / 1000).toFixed(2)} s: ${e.count} requests, worst ${e.worst.toFixed(0)} ms — ${tally(e.from, e.to + e.worst)}`,
  );
}
// The side's own measured time only (the other side's slices are in between).
const mine = new Set(trace.map(([due]) => Math.floor((startEpochMs + due) / 1000)));
const own = samples.filter(([t]) => mine.has(Math.floor(t / 1000)));
const counts = new Map();
for (const [, events] of own) for (const e of events) counts.set(e, (counts.get(e) ?? 0) + 1);
const top = [...counts]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 6)
  .map(([e, c]) => `${e} ${(c / Math.max(1, own.length)).toFixed(2)}`);
console.log(`${role}'s measured time: ${own.length} samples; per sample: ${top.join(', ')}`);
