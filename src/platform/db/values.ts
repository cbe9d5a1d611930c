/**
 * Reading database values the same way on both drivers: node-postgres gives
 * timestamptz as Date and int8 as string; PGlite (as MikroORM configures it)
 * gives timestamps as text.
 */
export const toDate = (v: unknown): Date =>
  v instanceof Date
    ? v
    : new Date(
        String(v)
          .replace(' ', 'T')
          .replace(/([+-]\d\d)$/, '$1:00'),
      );
export const toBig = (v: unknown): bigint => BigInt(v as string | number | bigint);
