/**
 * The read-replica settings (validated once, at start) and the bookkeeping behind read-your-writes: WAL
 * positions as numbers, and how long a caller's last write is remembered.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { formatLsn, parseLsn } from '../../../src/platform/db/lsn.js';
import { LastWrites } from '../../../src/platform/db/read-scope.js';
import { mayWrite } from '../../../src/platform/db/replicas.js';
import { createPgSql } from '../../../src/platform/db/pg-sql.js';
import { createPgliteSql } from '../../../src/platform/db/pglite-sql.js';
import type { PGlite } from '@electric-sql/pglite';

const PRIMARY = 'postgresql://hub@db-primary:5432/hub';

describe('DATABASE_REPLICA_URLS and friends', () => {
  it('none by default: every read goes to the primary', () => {
    expect(loadConfig({ DATABASE_URL: PRIMARY }).replicas).toEqual({
      urls: [],
      waitMs: 100,
      poolSize: 4,
      retryMs: 5_000,
    });
  });

  it('a comma-separated list of PostgreSQL URLs, blanks ignored; the wait and the pool size are bounded', () => {
    const config = loadConfig({
      DATABASE_URL: PRIMARY,
      DATABASE_REPLICA_URLS: ' postgres://hub:s3cret@db-r1/hub, ,postgresql://hub@db-r2:6432/hub ',
      DATABASE_REPLICA_WAIT_MS: '50',
      DB_REPLICA_POOL_SIZE: '2',
      DATABASE_REPLICA_RETRY_MS: '1000',
    });
    expect(config.replicas).toEqual({
      urls: ['postgres://hub:s3cret@db-r1/hub', 'postgresql://hub@db-r2:6432/hub'],
      waitMs: 50,
      poolSize: 2,
      retryMs: 1_000,
    });
    expect(() => loadConfig({ DATABASE_URL: PRIMARY, DATABASE_REPLICA_WAIT_MS: '10001' })).toThrow(
      /DATABASE_REPLICA_WAIT_MS/,
    );
    expect(() => loadConfig({ DATABASE_URL: PRIMARY, DB_REPLICA_POOL_SIZE: '0' })).toThrow(/DB_REPLICA_POOL_SIZE/);
    expect(() => loadConfig({ DATABASE_URL: PRIMARY, DATABASE_REPLICA_RETRY_MS: '99' })).toThrow(
      /DATABASE_REPLICA_RETRY_MS/,
    );
  });

  it('refuses what is not a PostgreSQL URL, without echoing it (it may hold a password)', () => {
    for (const bad of ['mysql://hub:s3cret@db/hub', 'db-r1:5432/hub s3cret', 'postgres://a/b,http://x:s3cret@y/z']) {
      let message = '';
      try {
        loadConfig({ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URLS: bad });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^DATABASE_REPLICA_URLS: item \d/);
      expect(message).not.toContain('s3cret');
    }
  });

  it('without replicas, and on PGlite, sql.reads is the client itself', async () => {
    const pgSql = createPgSql('postgresql://hub@127.0.0.1:1/none', 1);
    expect(pgSql.reads).toBe(pgSql);
    await pgSql.close();
    const pgliteSql = createPgliteSql({} as PGlite);
    expect(pgliteSql.reads).toBe(pgliteSql);
  });

  it('refuses replicas without DATABASE_URL: the embedded database has none', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://db-r1/hub' })).toThrow(/needs DATABASE_URL/);
  });
});

describe('read-your-writes bookkeeping', () => {
  it('WAL positions read and print as PostgreSQL does, and compare as numbers', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('1F/0')).toBe(0x1fn << 32n);
    expect(formatLsn(parseLsn('1F/A0B0C0D')!)).toBe('1F/A0B0C0D');
    expect(parseLsn('0/FFFFFFFF')! < parseLsn('1/0')!).toBe(true);
    for (const bad of [null, undefined, '', '16B3748', '0/16B3748/1', '0/1G', '123456789/0', ' 0 / 1'])
      expect(parseLsn(bad)).toBeUndefined();
  });

  it("remembers each caller's highest write position for the TTL, forgetting the oldest past the cap", () => {
    const writes = new LastWrites(1_000, 2);
    writes.record(['partner:a'], 10n, 0);
    writes.record(['partner:a'], 5n, 100);
    expect(writes.required(['partner:a'], 200)).toBe(10n);
    expect(writes.required(['partner:a', 'member:m'], 200)).toBe(10n);
    expect(writes.required(['member:m'], 200)).toBe(0n);
    // Past the TTL (counted from the last write), nothing is waited for.
    expect(writes.required(['partner:a'], 1_100)).toBe(0n);
    writes.record(['member:m'], 20n, 300);
    writes.record(['member:n'], 30n, 400);
    expect(writes.size).toBe(2);
    expect(writes.required(['partner:a'], 400)).toBe(0n);
    expect(writes.required(['member:m', 'member:n'], 400)).toBe(30n);
  });

  it('treats every statement on the primary client as a possible write unless it only reads', () => {
    expect(mayWrite(`select id from member where id = $1`)).toBe(false);
    expect(mayWrite(`  WITH x as (select 1) select * from x`)).toBe(false);
    expect(mayWrite(`insert into consent_event values ($1)`)).toBe(true);
    expect(mayWrite(`update member set display_name = $2 where id = $1`)).toBe(true);
    expect(mayWrite(`with gone as (delete from member_link where x = $1 returning *) select count(*) from gone`)).toBe(
      true,
    );
    expect(mayWrite(`ANALYZE`)).toBe(true);
    // A column named like a verb is not one.
    expect(mayWrite(`select updated_at, deleted_at from member`)).toBe(false);
  });
});
