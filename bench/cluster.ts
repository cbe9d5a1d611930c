/**
 * A throwaway PostgreSQL 15 cluster for the benchmark, started like the test
 * cluster (test/support/postgres-cluster.ts: initdb into a temp dir, runs as
 * the `postgres` user when we are root) but with PostgreSQL's DURABLE
 * defaults: fsync, synchronous_commit and full_page_writes stay on, and
 * initdb syncs. Only two things differ from a stock server:
 * `shared_preload_libraries=pg_stat_statements` (how the bench counts SQL
 * statements per operation on the server side) and `max_connections=200`.
 * The data directory is on the root disk (ext4 here), never tmpfs, so commits
 * really wait for the disk.
 */
import { execFile } from 'node:child_process';
import { chownSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_PG_BIN, freePort } from '../test/support/postgres-cluster.js';

const run = promisify(execFile);

export interface BenchCluster {
  port: number;
  urlFor(database: string, user?: string, password?: string): string;
  adminUrl: string;
  /** pid of the postmaster (its children are the backends). */
  postmasterPid(): number;
  version: string;
  stop(): Promise<void>;
}

export async function startDurableCluster(bin = process.env.PG_BIN || DEFAULT_PG_BIN): Promise<BenchCluster> {
  for (const b of ['initdb', 'pg_ctl', 'postgres']) {
    if (!existsSync(path.join(bin, b)))
      throw new Error(`PostgreSQL 15 binaries not found in ${bin} (apt-get install -y postgresql, or set PG_BIN)`);
  }
  const asRoot = process.getuid?.() === 0;
  const exec = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]) : run(path.join(bin, cmd), args);
  // Under the OS temp dir (the root disk on this machine; checked with df), short for the unix socket.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-bench-pg-'));
  if (asRoot) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-instructions']);
  const port = await freePort();
  const settings = [
    'listen_addresses=127.0.0.1',
    `unix_socket_directories=${dir}`,
    'max_connections=200',
    // The bench checkpoints before every row (run.ts); a bigger WAL allowance keeps the server from starting
    // another one inside a row (the default 1GB did, every ~27 s, and said so in its log).
    'max_wal_size=4GB',
    'shared_preload_libraries=pg_stat_statements',
    'pg_stat_statements.track=top',
    'pg_stat_statements.track_utility=on',
    // BENCH_PG_SETTINGS="name=value …": extra server settings for an experiment (recorded in the results JSON).
    ...(process.env.BENCH_PG_SETTINGS ?? '').split(' ').filter(Boolean),
  ];
  const options = [`-p ${port}`, ...settings.map((s) => `-c ${s}`)].join(' ');
  await exec('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', path.join(dir, 'postgres.log'), '-o', options]);
  const version = (await exec('postgres', ['--version'])).stdout.trim();
  // BENCH_PG_TRANSPORT=unix: every client (hub, baseline, admin) connects over the server's unix socket, as a
  // hub deployed beside its database would, instead of TCP on 127.0.0.1.
  const overUnixSocket = process.env.BENCH_PG_TRANSPORT === 'unix';
  const urlFor = (database: string, user = 'postgres', password?: string) =>
    `postgresql://${user}${password ? `:${password}` : ''}@127.0.0.1:${port}/${database}${overUnixSocket ? `?host=${encodeURIComponent(dir)}` : ''}`;
  let stopped = false;
  return {
    port,
    urlFor,
    adminUrl: urlFor('postgres'),
    version,
    postmasterPid: () => Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await exec('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '60']);
        // BENCH_PG_LOG=<file>: keep the server log (checkpoints, autovacuum) for a look afterwards.
        if (process.env.BENCH_PG_LOG) copyFileSync(path.join(dir, 'postgres.log'), process.env.BENCH_PG_LOG);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
