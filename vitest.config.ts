/**
 * One suite, `npm test`. Integration tests run over HTTP against a throwaway
 * PostgreSQL 15 cluster that test/support/postgres.global-setup.ts starts
 * (and stops); files under test/pglite run the core flows on embedded PGlite.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // TOOLCHAIN trap: without this vitest loads graphql twice (ESM for us, CJS for
    // @apollo/subgraph) and schema building fails with "another module or realm".
    alias: [
      { find: /^graphql$/, replacement: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/postgres.global-setup.ts'],
    pool: 'forks',
    // Each file gets its own database and hub; two cores, so two files at a time.
    maxWorkers: 2,
    // A timeout only catches a hang, and no assertion depends on speed (hub time is moved, never waited for):
    // at load 12 on 2 cores (four sessions sharing the machine) a 40-earn race and an ESLint run took over 20 s.
    testTimeout: 60_000,
    // Hooks start hubs and databases (a process start, not hub time): on a shared 2-core machine under load a
    // file's beforeAll with several hubs took over 60 s; the suite must not fail for a busy neighbour.
    hookTimeout: 120_000,
    teardownTimeout: 20_000,
    // The hub reads no process.env, but keep stray variables from leaking into a test's config.
    env: { NODE_ENV: 'test' },
  },
});
