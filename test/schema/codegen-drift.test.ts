/** test/generated/ is exactly what codegen makes of the current operations and SDL. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';

describe('generated typed documents', () => {
  it('are current (run `npm run codegen` and commit when this fails)', async () => {
    const files = (await generate({ ...config, cwd: process.cwd(), silent: true }, false)) as { filename: string; content: string }[];
    expect(files.length).toBeGreaterThan(0);
    const stale = files.filter((f) => readFileSync(path.resolve(f.filename), 'utf8') !== f.content).map((f) => f.filename);
    expect(stale, 'test/generated is stale: run `npm run codegen` and commit the result').toEqual([]);
  }, 60_000);
});
