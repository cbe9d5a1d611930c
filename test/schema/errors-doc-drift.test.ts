/**
 * docs/errors.md is exactly what the error catalogue prints, and the catalogue is closed: every code the
 * code base throws is in it (the type ErrorCode refuses others at compile time; checked here too).
 */
import 'reflect-metadata';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRORS_FILE, printErrorsDoc } from '../../scripts/errors-doc.js';
import { errorCatalogue } from '../../src/modules/index.js';
import { AppError } from '../../src/platform/graphql/errors.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('error catalogue', () => {
  it('docs/errors.md matches what the catalogue prints (run `npm run errors` and commit when this fails)', () => {
    expect(readFileSync(ERRORS_FILE, 'utf8') === printErrorsDoc(), 'docs/errors.md is stale: run `npm run errors`').toBe(
      true,
    );
  });

  it('holds each code once, and every code literal thrown in src/', () => {
    const codes = errorCatalogue().map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const thrown = new Set<string>();
    const src = new URL('../../src', import.meta.url).pathname;
    for (const file of sources(src)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new (?:AppError|LedgerRejection)\(\s*'([A-Z_]+)'/g)) thrown.add(m[1]!);
      for (const m of text.matchAll(/sendGraphQLError\([^,]+,\s*\d+,\s*'([A-Z_]+)'/g)) thrown.add(m[1]!);
    }
    expect(thrown.size).toBeGreaterThan(30);
    expect([...thrown].filter((c) => !codes.includes(c as never))).toEqual([]);
  });

  it('ErrorCode is closed: an unknown code does not compile', () => {
    // @ts-expect-error -- 'NOT_A_CODE' is in no catalogue
    expect(new AppError('NOT_A_CODE', 'x').code).toBe('NOT_A_CODE');
  });
});
