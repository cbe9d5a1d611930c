/**
 * The hub's entry point. Tracing comes first, when OTEL_* asks for it: OpenTelemetry's instrumentation must
 * hook `http`, `pg` and `graphql` before anything imports them, so the hub itself (`serve.ts`) is imported
 * only afterwards. Without OTEL_* settings no OpenTelemetry code is loaded at all.
 */
import { startTracing } from './platform/observability/tracing.js';

await startTracing(process.env);
await import('./serve.js');
