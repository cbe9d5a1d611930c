/**
 * Backups as an operator takes them (README "Backups and restore"): a PostgreSQL cluster that archives its WAL
 * (`archive_command`), `pg_basebackup` of it while it runs, and a restore of that backup into a fresh cluster —
 * to the end of the backup, or with `restore_command` to the end of the archived WAL (point-in-time recovery).
 * As root, every server command runs as the `postgres` user. Everything is deleted by `cleanup()`.
 */
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_PG_BIN, freePort, sqlOnce, startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';

const run = promisify(execFile);
const bin = process.env.PG_BIN || DEFAULT_PG_BIN;
const runAs = process.getuid?.() === 0 ? 'postgres' : undefined;
const exec = (cmd: string, args: string[]) =>
  runAs ? run('runuser', ['-u', runAs, '--', path.join(bin, cmd), ...args]) : run(path.join(bin, cmd), args);

export interface RestoredCluster {
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface BackupLab {
  primary: PostgresCluster;
  /** Takes a base backup of the running primary (WAL streamed alongside, so it is consistent on its own). */
  baseBackup(): Promise<string>;
  /** Switches to a new WAL segment and waits until the finished one is archived. */
  archiveCurrentWal(): Promise<void>;
  /** Starts a fresh cluster from a copy of `backup`; `pointInTime`: replays the archived WAL after it. */
  restore(backup: string, options?: { pointInTime?: boolean }): Promise<RestoredCluster>;
  cleanup(): Promise<void>;
}

export async function startBackupLab(): Promise<BackupLab> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-backup-'));
  const archive = path.join(dir, 'archive');
  mkdirSync(archive);
  if (runAs) await run('chown', ['-R', `${runAs}:${runAs}`, dir]);
  // Durable, as in production: the archive is only as good as what was flushed.
  const primary = await startPostgresCluster({
    settings: [
      'fsync=on',
      'synchronous_commit=on',
      'wal_level=replica',
      'max_wal_senders=4',
      'archive_mode=on',
      `archive_command='cp %p ${archive}/%f'`,
    ],
  });
  const restored: RestoredCluster[] = [];
  let backups = 0;
  return {
    primary,
    async baseBackup() {
      const target = path.join(dir, `base-${++backups}`);
      await exec('pg_basebackup', [
        ...['-h', primary.host, '-p', String(primary.port), '-U', primary.user],
        ...['-D', target, '-X', 'stream', '-c', 'fast'],
      ]);
      return target;
    },
    async archiveCurrentWal() {
      const [{ wal }] = await sqlOnce<{ wal: string }>(
        primary.adminUrl,
        `select pg_walfile_name(pg_switch_wal()) as wal`,
      );
      for (let i = 0; i < 600; i++) {
        const [{ done }] = await sqlOnce<{ done: boolean }>(
          primary.adminUrl,
          `select coalesce(last_archived_wal >= $1, false) as done from pg_stat_archiver`,
          [wal],
        );
        if (done) return;
        await new Promise((r) => setTimeout(r, 50)); // waiting for the archiver process, not for hub time
      }
      throw new Error(`WAL ${wal} was not archived within 30 s`);
    },
    async restore(backup, { pointInTime = false } = {}) {
      const data = path.join(dir, `restore-${restored.length + 1}`);
      cpSync(backup, data, { recursive: true });
      if (pointInTime) {
        writeFileSync(path.join(data, 'recovery.signal'), '');
        writeFileSync(path.join(data, 'postgresql.auto.conf'), `restore_command = 'cp ${archive}/%f %p'\n`, {
          flag: 'a',
        });
      }
      if (runAs) await run('chown', ['-R', `${runAs}:${runAs}`, data]);
      chmodSync(data, 0o700);
      const port = await freePort();
      // At least the primary's max_connections: recovery refuses to run with fewer.
      const options = [
        `-p ${port}`,
        'listen_addresses=127.0.0.1',
        `unix_socket_directories=${dir}`,
        'archive_mode=off',
        'max_connections=300',
      ]
        .map((s, i) => (i === 0 ? s : `-c ${s}`))
        .join(' ');
      try {
        await exec('pg_ctl', ['start', '-w', '-t', '120', '-D', data, '-l', `${data}.log`, '-o', options]);
      } catch (error) {
        throw new Error(`restored cluster did not start:\n${readFileSync(`${data}.log`, 'utf8').slice(-2000)}`, {
          cause: error,
        });
      }
      // Recovery to the end of the archive ends with a promotion; wait until the server accepts writes.
      const urlFor = (database: string) => `postgresql://${primary.user}@127.0.0.1:${port}/${database}`;
      for (let i = 0; i < 600; i++) {
        const [{ recovering }] = await sqlOnce<{ recovering: boolean }>(
          urlFor('postgres'),
          'select pg_is_in_recovery() as recovering',
        );
        if (!recovering) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const cluster = {
        urlFor,
        stop: async () => {
          await exec('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30']).catch(() => undefined);
        },
      };
      restored.push(cluster);
      return cluster;
    },
    async cleanup() {
      for (const r of restored) await r.stop();
      await primary.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
