/**
 * Starts the hub (imported by main.ts once tracing, if configured, is in place): embedded PGlite under .data/ unless DATABASE_URL is set.
 * Prints where it listens and how to get a token for each role; shuts down
 * cleanly on SIGINT/SIGTERM (in-flight requests finish, the database closes).
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from './config.js';
import { startHub } from './app.js';
import { startupBanner } from './banner.js';
import { stopTracing } from './platform/observability/tracing.js';

const config = loadConfig();
const hub = await startHub(config);
if (hub.seeded) {
  writeFileSync(path.join(config.dataDir, 'demo-credentials.json'), JSON.stringify(hub.seeded, null, 2), {
    mode: 0o600,
  });
}
process.stdout.write(startupBanner(hub.url, config));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    hub.log.info('shutting down', { signal });
    hub
      .close()
      .then(() => stopTracing())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  });
}
