/**
 * Traces with OpenTelemetry, off by default and configured only by the standard environment variables: set
 * `OTEL_TRACES_EXPORTER` (e.g. `otlp`, `console`) or an OTLP endpoint (`OTEL_EXPORTER_OTLP_ENDPOINT`,
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`), plus `OTEL_SERVICE_NAME`, `OTEL_TRACES_SAMPLER`, … as the
 * OpenTelemetry SDK reads them. Spans: each HTTP request, each GraphQL operation (parse, validate, execute,
 * resolvers), each PostgreSQL statement; every HTTP span carries `hub.request_id`, the id of the request's log
 * lines. `OTEL_SDK_DISABLED=true` turns it off again.
 */
import { register } from 'node:module';

type Env = Record<string, string | undefined>;

export function tracingEnabled(env: Env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (exporters.length) return exporters.some((e) => e !== 'none');
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

let sdk: { shutdown(): Promise<void> } | undefined;

/** Starts the SDK when configured; call before importing anything that uses http, pg or graphql. */
export async function startTracing(env: Env): Promise<void> {
  if (!tracingEnabled(env)) return;
  // ES modules are hooked through a loader (import-in-the-middle); CommonJS ones (pg) through require.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const [{ NodeSDK }, { HttpInstrumentation }, { PgInstrumentation }, { GraphQLInstrumentation }] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-graphql'),
  ]);
  const node = new NodeSDK({
    instrumentations: [
      new HttpInstrumentation(),
      new PgInstrumentation(),
      // Trivial field resolvers (property reads) would be most of the spans and tell nothing.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
    ],
  });
  node.start();
  sdk = node;
}

/** Sends the spans still buffered (at shutdown). */
export async function stopTracing(): Promise<void> {
  await sdk?.shutdown();
}
