/**
 * A real PostgreSQL primary and a hot standby streaming from it, for the read-replica tests: the primary is a
 * throwaway cluster (postgres-cluster.ts) with synchronous_commit on — a commit's WAL is flushed, and so sent
 * to the standby, when it returns, as in production — and the standby is a `pg_basebackup -R` copy of it on
 * its own port. As root, every server command runs as the `postgres` user. Both are deleted by `stop()`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  DEFAULT_PG_BIN,
  freePort,
  PostgresMissingError,
  sqlOnce,
  startPostgresCluster,
  type PostgresCluster,
} from './postgres-cluster.js';

const run = promisify(execFile);

export interface Standby {
  port: number;
  urlFor(database: string): string;
  /** One statement on the standby (as the superuser), e.g. `select pg_wal_replay_pause()`. */
  query<T = Record<string, unknown>>(database: string, sql: string, params?: unknown[]): Promise<T[]>;
  /** Stops it (`fast`: connections are closed), keeping its data. */
  stop(): Promise<void>;
  /** Starts it again on the same port; it resumes streaming from where it stopped. */
  start(): Promise<void>;
}

export interface ReplicaPair {
  primary: PostgresCluster;
  standby: Standby;
  /** Resolves once the standby has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  const bin = process.env.PG_BIN || DEFAULT_PG_BIN;
  if (!existsSync(path.join(bin, 'pg_basebackup')))
    throw new PostgresMissingError(
      `pg_basebackup not found in ${bin}: it comes with the PostgreSQL 15 packages (apt-get install -y postgresql).`,
    );
  const runAs = process.getuid?.() === 0 ? 'postgres' : undefined;
  const exec = (cmd: string, args: string[]) =>
    runAs ? run('runuser', ['-u', runAs, '--', path.join(bin, cmd), ...args]) : run(path.join(bin, cmd), args);

  const primary = await startPostgresCluster({
    settings: ['synchronous_commit=on', 'wal_level=replica', 'max_wal_senders=4'],
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-standby-'));
  const data = path.join(dir, 'data');
  let started = false;
  try {
    if (runAs) await run('chown', [`${runAs}:${runAs}`, dir]);
    // -R: standby.signal and primary_conninfo, so it starts as a standby streaming from the primary.
    await exec('pg_basebackup', [
      ...['-h', primary.host, '-p', String(primary.port), '-U', primary.user],
      ...['-D', data, '-R', '-X', 'stream', '-c', 'fast', '--no-sync'],
    ]);
    const port = await freePort();
    // The same max_connections as the primary: a hot standby refuses to start with fewer.
    const options = [
      `-p ${port}`,
      ...['listen_addresses=127.0.0.1', `unix_socket_directories=${dir}`, 'fsync=off', 'max_connections=300'].map(
        (s) => `-c ${s}`,
      ),
    ].join(' ');
    const start = async () => {
      await exec('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', path.join(dir, 'standby.log'), '-o', options]);
      started = true;
    };
    const stopStandby = async (mode: 'fast' | 'immediate') => {
      if (!started) return;
      started = false;
      await exec('pg_ctl', ['stop', '-D', data, '-m', mode, '-w', '-t', '30']);
    };
    await start();
    const urlFor = (database: string) => `postgresql://${primary.user}@127.0.0.1:${port}/${database}`;
    const standby: Standby = {
      port,
      urlFor,
      query: (database, sql, params) => sqlOnce(urlFor(database), sql, params),
      stop: () => stopStandby('fast'),
      start,
    };
    return {
      primary,
      standby,
      async caughtUp(timeoutMs = 10_000) {
        const [{ lsn }] = await sqlOnce<{ lsn: string }>(
          primary.adminUrl,
          'select pg_current_wal_insert_lsn()::text as lsn',
        );
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const [{ done }] = await standby.query<{ done: boolean }>(
            'postgres',
            'select pg_last_wal_replay_lsn() >= $1::pg_lsn as done',
            [lsn],
          );
          if (done) return;
          if (Date.now() > deadline) throw new Error(`standby did not replay ${lsn} within ${timeoutMs} ms`);
          await new Promise((r) => setTimeout(r, 10));
        }
      },
      async stop() {
        try {
          await stopStandby('immediate');
        } finally {
          rmSync(dir, { recursive: true, force: true });
          await primary.stop();
        }
      },
    };
  } catch (error) {
    if (started) await exec('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    await primary.stop();
    throw error;
  }
}
