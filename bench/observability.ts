/**
 * Issue 27: what metrics and traces cost an earn. Three extra hub processes on the same database take turns
 * in short windows of spread-out earns (so the database's growth and the machine's drift hit each alike):
 *
 * - **metrics off**: `METRICS_ENABLED=false`;
 * - **metrics on**: the default, and scraped every second on its own port (Prometheus scrapes every 15 s by
 *   default; once a second is the harsher case);
 * - **tracing on**: the default plus OpenTelemetry with every request sampled, spans exported over OTLP/HTTP to
 *   a local sink that accepts and discards them (the exporter's batching and serialising are counted, a
 *   collector's work is not).
 *
 * Targets: earn with metrics on ≥ 95% of off; tracing's cost is stated, not judged (the issue asks for it).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Variant {
  name: string;
  env: Record<string, string>;
  /** Port of the hub's own metrics listener, scraped every second while the variant runs. */
  scrapePort?: number;
}

export interface ObservabilityDeps<H> {
  startHub(extraEnv: Record<string, string>): Promise<H>;
  stopHub(h: H): Promise<void>;
  /** One closed-loop window of spread-out earns against `h`, recorded as `scenario`; earns completed and seconds. */
  measureEarns(h: H, scenario: string): Promise<{ ops: number; seconds: number } | undefined>;
  freePort(): Promise<number>;
  rounds: number;
}

export interface ObservabilityResult {
  earnsPerS: Record<'metrics off' | 'metrics on' | 'tracing on', number>;
  spansReceivedBytes: number;
  scrapes: number;
}

/** An OTLP/HTTP receiver that answers 200 to every export and keeps nothing but a byte count. */
async function otlpSink(): Promise<{ url: string; bytes: () => number; close: () => Promise<void> }> {
  let bytes = 0;
  const server = http.createServer((req, res) => {
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytes: () => bytes,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export async function observabilityOverhead<H>(d: ObservabilityDeps<H>): Promise<ObservabilityResult> {
  const sink = await otlpSink();
  const metricsPort = await d.freePort();
  const variants: Variant[] = [
    { name: 'metrics off', env: { METRICS_ENABLED: 'false' } },
    { name: 'metrics on', env: { METRICS_PORT: String(metricsPort) }, scrapePort: metricsPort },
    {
      name: 'tracing on',
      env: {
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
        OTEL_TRACES_SAMPLER: 'always_on',
        OTEL_SERVICE_NAME: 'hub-bench',
        OTEL_METRICS_EXPORTER: 'none',
        OTEL_LOGS_EXPORTER: 'none',
      },
    },
  ];
  // One after another: three cold starts at once on a 2-core machine take longer than a start is given.
  const hubs: H[] = [];
  const totals = variants.map(() => ({ ops: 0, seconds: 0 }));
  let scrapes = 0;
  try {
    for (const v of variants) hubs.push(await d.startHub(v.env));
    for (let round = 0; round < d.rounds; round++)
      for (const [i, v] of variants.entries()) {
        const stopScraping = v.scrapePort ? scrapeEverySecond(v.scrapePort, () => scrapes++) : () => {};
        try {
          const r = await d.measureEarns(hubs[i]!, `earnPoints (spread), observability: ${v.name}`);
          if (r) {
            totals[i]!.ops += r.ops;
            totals[i]!.seconds += r.seconds;
          }
        } finally {
          stopScraping();
        }
      }
  } finally {
    await Promise.all(hubs.map((h) => d.stopHub(h)));
    await sink.close();
  }
  const rate = (i: number) => (totals[i]!.seconds ? totals[i]!.ops / totals[i]!.seconds : 0);
  return {
    earnsPerS: { 'metrics off': rate(0), 'metrics on': rate(1), 'tracing on': rate(2) },
    spansReceivedBytes: sink.bytes(),
    scrapes,
  };
}

function scrapeEverySecond(port: number, counted: () => void): () => void {
  const timer = setInterval(() => {
    http
      .get(`http://127.0.0.1:${port}/metrics`, (res) => {
        res.resume();
        res.on('end', counted);
      })
      .on('error', () => {});
  }, 1000);
  return () => clearInterval(timer);
}
