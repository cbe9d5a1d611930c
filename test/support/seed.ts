/**
 * Seeds for randomised tests. `SEED=123 npx vitest run <file>` replays a run
 * (a test-specific variable, e.g. LEDGER_MODEL_SEED, works too); otherwise the
 * seed is random, or the test's fixed default. When a test of the file fails,
 * the seed and the command that replays it are printed.
 */
import path from 'node:path';
import { afterEach, expect } from 'vitest';

export function testSeed(options: { variable?: string; fixed?: number } = {}): number {
  const raw = process.env.SEED ?? (options.variable ? process.env[options.variable] : undefined);
  let seed: number;
  if (raw !== undefined && raw !== '' && raw !== 'random') {
    seed = Number(raw);
    if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`SEED must be a non-negative integer, got "${raw}"`);
  } else if (options.fixed !== undefined && raw !== 'random') {
    seed = options.fixed;
  } else {
    seed = Math.floor(Math.random() * 2 ** 31);
  }
  afterEach((context) => {
    if (context.task.result?.state !== 'fail') return;
    const testPath = expect.getState().testPath;
    const file = testPath ? path.relative(process.cwd(), testPath) : '<this file>';
    console.error(`seed ${seed}: replay with SEED=${seed} npx vitest run ${file}`);
  });
  return seed;
}
