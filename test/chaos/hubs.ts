/**
 * Compiled hub processes for the chaos test: `node dist/src/main.js` as child
 * processes (as in production), each on its own loopback port, all on one
 * database. A process can be killed with SIGKILL and started again on the same
 * port; an exit nobody asked for is recorded (a hub must survive its database
 * going away).
 *
 * Compiled, not tsx: `kill -9` must hit the hub itself (tsx runs it in a child
 * of its own), startup is ~3x faster than transpiling on the fly, and what runs
 * is what ships. `ensureBuilt()` runs `npm run build` (~6 s here) only when a
 * file under src/ or migrations/ is newer than dist/, and fails when the build
 * fails: what tsc emitted despite errors, or an older dist/, is not the code
 * under test.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createWriteStream, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = path.join(ROOT, 'dist', 'src');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when it is missing or older than any source file; returns whether it built. */
export async function ensureBuilt(log: (line: string) => void): Promise<boolean> {
  const main = path.join(DIST, 'main.js');
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'migrations')));
  if (existsSync(main) && (statSync(main).mtimeMs >= sources || process.env.CHAOS_SKIP_BUILD === '1')) return false;
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  try {
    await run(npm, ['run', 'build', '--silent'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    // tsc emits despite type errors: drop that output, so the next run builds again instead of taking it as fresh.
    rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
    const output = (error as { stdout?: string; stderr?: string }).stdout || (error as { stderr?: string }).stderr;
    throw new Error(`npm run build failed; the chaos test does not run a stale or partial dist/:\n${output ?? error}`, {
      cause: error,
    });
  }
  log(`built dist/ in ${Date.now() - started} ms (sources were newer)`);
  return true;
}

const canListen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/**
 * A free port below the ephemeral range (32768-60999 on Linux), for a hub that is killed and started again
 * on the same port. An ephemeral port (what listen(0) hands out) can, while the hub is down, become the
 * local port of any outgoing connection on the machine; under the load of other test runs that happened, and
 * the restarted hub died with EADDRINUSE.
 */
export async function restartablePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port between 20000 and 32000');
}

/** `node dist/src/cli.js …` with the hub's environment (keys, tokens). */
export async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return (await run(process.execPath, [path.join(DIST, 'cli.js'), ...args], { cwd: ROOT, env })).stdout.trim();
}

export interface HubExit {
  port: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  tail: string[];
}

class StartupExit extends Error {}

export class HubProcess {
  child?: ChildProcess;
  private expectedExit = false;
  private tail: string[] = [];
  starts = 0;
  /** The hub's `unexpected error` log lines (masked as INTERNAL_SERVER_ERROR), by error name and SQLSTATE. */
  readonly unexpectedErrors: Record<string, number> = {};

  constructor(
    readonly index: number,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly onUnexpectedExit: (exit: HubExit) => void,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Recent output lines (warnings and errors at LOG_LEVEL=warn). */
  get recentOutput(): string[] {
    return [...this.tail];
  }

  /** Starts that failed because the process exited during startup (e.g. its database was down) and were tried again. */
  startupRetries = 0;

  /** Starts the process and waits until it is healthy; a process that exits during startup is started again until `timeoutMs`. */
  async start(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.startOnce(deadline);
      } catch (error) {
        if (!(error instanceof StartupExit) || Date.now() > deadline) throw error;
        this.startupRetries++;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private async startOnce(deadline: number): Promise<void> {
    this.expectedExit = false;
    this.starts++;
    const child = spawn(process.execPath, [path.join(DIST, 'main.js')], {
      cwd: ROOT,
      env: { ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (d: Buffer) => {
      for (const line of d.toString().split('\n')) {
        if (!line.trim()) continue;
        if (line.includes('"unexpected error"')) {
          try {
            const e = JSON.parse(line) as { error?: string; sqlState?: string; path?: string };
            const k = `${e.error ?? '?'}${e.sqlState ? `/${e.sqlState}` : ''}`;
            this.unexpectedErrors[k] = (this.unexpectedErrors[k] ?? 0) + 1;
          } catch {
            // not a JSON log line
          }
        }
        this.tail.push(line.slice(0, 400));
        if (this.tail.length > 40) this.tail.shift();
      }
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    // CHAOS_HUB_LOG_DIR=/some/dir keeps every hub's full output (hub-<index>.log) for diagnosis.
    if (process.env.CHAOS_HUB_LOG_DIR) {
      const file = createWriteStream(path.join(process.env.CHAOS_HUB_LOG_DIR, `hub-${this.index}.log`), { flags: 'a' });
      child.stdout!.pipe(file, { end: false });
      child.stderr!.pipe(file, { end: false });
      child.once('exit', () => file.end());
    }
    let starting = true;
    child.once('exit', (code, signal) => {
      if (!starting && !this.expectedExit && this.child === child)
        this.onUnexpectedExit({ port: this.port, code, signal, tail: [...this.tail] });
    });
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new StartupExit(
          `hub ${this.index} exited during startup (${child.exitCode ?? child.signalCode}): ${this.tail.slice(-5).join(' | ')}`,
        );
      try {
        if ((await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2_000) })).ok) {
          starting = false;
          return;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`hub ${this.index} not healthy in time: ${this.tail.slice(-5).join(' | ')}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /** kill -9: no shutdown hook runs, in-flight requests and transactions are cut. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    this.expectedExit = true;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** Graceful stop (SIGTERM), then SIGKILL after a grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    this.expectedExit = true;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}
