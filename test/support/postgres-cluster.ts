/**
 * A throwaway PostgreSQL 15 cluster for the test run: initdb into a temp dir,
 * start on a random free port (TCP on 127.0.0.1, unix socket in the temp dir),
 * stop and delete afterwards. PostgreSQL refuses to run as root, so when we are
 * root every server command runs as the `postgres` user (runuser) and the temp
 * dir is chowned to it.
 *
 * Durability is switched off (fsync, synchronous_commit, full_page_writes):
 * the cluster lives for one test run and is deleted after it, so crash safety
 * buys nothing and costs seconds. Row locking, constraints and isolation, what
 * the tests are about, behave exactly as in production.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export const DEFAULT_PG_BIN = '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  host: string;
  port: number;
  user: string;
  /** URL of the `postgres` maintenance database, as the superuser. */
  adminUrl: string;
  urlFor(database: string): string;
  /**
   * Stops the server (`immediate`: like a crash, `fast`: clients disconnected),
   * keeps it down for `downMs`, then starts it again on the same port and data
   * directory. For the fault-injection tests.
   */
  restart(options?: { mode?: 'immediate' | 'fast'; downMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

export interface PostgresClusterOptions {
  bin?: string;
  /** Extra `-c name=value` settings; they override the defaults below (e.g. `synchronous_commit=on`). */
  settings?: string[];
  /** A fixed port (the chaos test restarts the server and wants one no other socket can take meanwhile). */
  port?: number;
}

export class PostgresMissingError extends Error {}

/** One statement on its own connection (as whoever the URL names), e.g. `create database …` on the admin URL. */
export async function sqlOnce<T = Record<string, unknown>>(
  url: string,
  text: string,
  params?: unknown[],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function requireBinaries(bin: string): void {
  const missing = ['initdb', 'pg_ctl', 'postgres'].filter((b) => !existsSync(path.join(bin, b)));
  if (missing.length) {
    throw new PostgresMissingError(
      `PostgreSQL 15 server binaries not found in ${bin} (missing: ${missing.join(', ')}).\n` +
        `The integration tests need a real PostgreSQL server. Install it with:\n` +
        `    sudo apt-get update && sudo apt-get install -y postgresql\n` +
        `(or set PG_BIN to the directory holding initdb, pg_ctl and postgres).`,
    );
  }
}

async function lookupUid(user: string): Promise<{ uid: number; gid: number }> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new PostgresMissingError(
      `We are root and PostgreSQL refuses to run as root, but there is no "${user}" user to run it as. ` +
        `Installing the server package creates it: apt-get install -y postgresql`,
    );
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startPostgresCluster(
  binOrOptions: string | PostgresClusterOptions = {},
): Promise<PostgresCluster> {
  const opts = typeof binOrOptions === 'string' ? { bin: binOrOptions } : binOrOptions;
  const bin = opts.bin || process.env.PG_BIN || DEFAULT_PG_BIN;
  requireBinaries(bin);
  const asRoot = process.getuid?.() === 0;
  const runAs = asRoot ? 'postgres' : undefined;
  const owner = runAs ? await lookupUid(runAs) : undefined;
  // Short path: the unix socket path must stay under ~100 bytes.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, 'data');
  const exec = (cmd: string, args: string[]) =>
    runAs ? run('runuser', ['-u', runAs, '--', path.join(bin, cmd), ...args]) : run(path.join(bin, cmd), args);

  const superuser = 'postgres';
  try {
    await exec('initdb', [
      '-D',
      data,
      '-U',
      superuser,
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
      '--no-instructions',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(error as { stderr?: string }).stderr ?? String(error)}`, { cause: error });
  }

  const settings = [
    'listen_addresses=127.0.0.1',
    `unix_socket_directories=${dir}`,
    'fsync=off',
    'synchronous_commit=off',
    'full_page_writes=off',
    'max_connections=300',
    'shared_buffers=128MB',
    ...(opts.settings ?? []),
  ];
  let lastError: unknown;
  // A port found free can be taken before postgres binds it: try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = opts.port ?? (await freePort());
    const options = [`-p ${port}`, ...settings.map((s) => `-c ${s}`)].join(' ');
    const start = () =>
      exec('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', path.join(dir, 'postgres.log'), '-o', options]);
    try {
      await start();
      const host = '127.0.0.1';
      const urlFor = (database: string) => `postgresql://${superuser}@${host}:${port}/${database}`;
      let stopped = false;
      return {
        host,
        port,
        user: superuser,
        adminUrl: urlFor('postgres'),
        urlFor,
        async restart({ mode = 'immediate', downMs = 0 } = {}) {
          await exec('pg_ctl', ['stop', '-D', data, '-m', mode, '-w', '-t', '30']);
          if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
          await start();
        },
        async stop() {
          if (stopped) return;
          stopped = true;
          try {
            await exec('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30']);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      };
    } catch (error) {
      lastError = error;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`could not start PostgreSQL: ${(lastError as { stderr?: string }).stderr ?? String(lastError)}`);
}
