/**
 * PostgreSQL array literals for flat arrays of strings, numbers, bigints and
 * booleans, written in one pass. The ledger sends its batches as arrays
 * (a posting of 100 transfers is some 25 arrays of 100–200 elements); node-
 * postgres's own conversion runs two regular-expression replacements per
 * element and builds the literal by repeated concatenation, which was ~6% of
 * the hub's CPU and a good part of its garbage in earnPointsBatch. Every
 * element is quoted, as node-postgres does, so the server parses the same
 * text either way.
 */
const SPECIAL = /["\\]/;

/** The literal, or undefined for anything else (nested arrays, buffers, dates, objects): node-postgres converts those. */
export function arrayLiteral(values: readonly unknown[]): string | undefined {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v == null) parts[i] = 'NULL';
    else if (typeof v === 'string')
      parts[i] = SPECIAL.test(v) ? `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `"${v}"`;
    else if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') parts[i] = `"${v}"`;
    else return undefined;
  }
  return `{${parts.join(',')}}`;
}

/** Query parameters with flat arrays turned into literals (the rest untouched). */
export function withArrayLiterals(params: readonly unknown[]): unknown[] {
  return params.map((p) => (Array.isArray(p) ? (arrayLiteral(p) ?? p) : p));
}
