/**
 * Read-your-writes bookkeeping for replica reads: which caller a request runs for (its consistency keys), the
 * WAL position of each caller's last write (in this process, for a while), and the position a client brings
 * from another process in the `x-hub-lsn` header. A request runs inside a scope (AsyncLocalStorage), so the
 * SQL layer finds it without every service passing it along.
 */
import { performance } from 'node:perf_hooks';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServerResponse } from 'node:http';
import { Role, type Principal } from '../auth/principal.js';
import { formatLsn, parseLsn } from './lsn.js';

/** Request and response header: the primary's WAL position after the caller's last write. */
export const LSN_HEADER = 'x-hub-lsn';

/**
 * Whose writes a caller must see: a partner token sees its partner's writes (every credential of that
 * partner), a member token the member's own, operator and finance tokens their subject's. Another caller's
 * write is seen once a replica has replayed it (or at once, by sending that write's `x-hub-lsn`).
 */
export function consistencyKeys(principal: Principal): string[] {
  switch (principal.role) {
    case Role.PARTNER:
      return [`partner:${principal.partnerId}`];
    case Role.MEMBER:
      return [`member:${principal.memberId}`];
    default:
      return [`${principal.role.toLowerCase()}:${principal.subject}`];
  }
}

/** One request's routing state. */
export interface ReadScope {
  keys: readonly string[];
  /** The position the client asked to read at least (its `x-hub-lsn` header), 0 when none. */
  clientLsn: bigint;
  /** This request wrote: the rest of its reads go to the primary, which has the write for sure. */
  wrote: boolean;
  /** The replica (or the primary) chosen at the request's first read; every read of the request stays there. */
  choice?: Promise<unknown>;
  response?: ServerResponse;
  lastLsn: bigint;
}

const storage = new AsyncLocalStorage<ReadScope>();

export const currentScope = (): ReadScope | undefined => storage.getStore();

export function runInScope<T>(clientHeader: unknown, response: ServerResponse | undefined, fn: () => T): T {
  const clientLsn = parseLsn(Array.isArray(clientHeader) ? clientHeader[0] : clientHeader) ?? 0n;
  return storage.run({ keys: [], clientLsn, wrote: false, response, lastLsn: 0n }, fn);
}

/**
 * The last write position per consistency key, forgotten after `ttlMs` (by then every replica is expected to
 * have replayed it) or, past `max` keys, oldest first. Entries are kept in write order (a Map keeps insertion
 * order; an updated key is moved to the end), so forgetting is taking from the front.
 */
export class LastWrites {
  private readonly entries = new Map<string, { lsn: bigint; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 100_000,
  ) {}

  record(keys: readonly string[], lsn: bigint, now = performance.now()): void {
    for (const key of keys) {
      const old = this.entries.get(key);
      this.entries.delete(key);
      this.entries.set(key, { lsn: old && old.lsn > lsn ? old.lsn : lsn, at: now });
    }
    this.prune(now);
  }

  /** The highest position any of `keys` wrote at within the TTL, 0 when none. */
  required(keys: readonly string[], now = performance.now()): bigint {
    let lsn = 0n;
    for (const key of keys) {
      const e = this.entries.get(key);
      if (e && now - e.at < this.ttlMs && e.lsn > lsn) lsn = e.lsn;
    }
    return lsn;
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(now: number): void {
    for (const [key, e] of this.entries) {
      if (this.entries.size <= this.max && now - e.at < this.ttlMs) break;
      this.entries.delete(key);
    }
  }
}

/**
 * Notes a write of the current request at `lsn` (undefined: its position is unknown, so only the request
 * itself reads from the primary from now on): remembered for its caller and returned in `x-hub-lsn`.
 */
export function noteWrite(writes: LastWrites, lsn: bigint | undefined): void {
  const scope = storage.getStore();
  if (!scope) return;
  scope.wrote = true;
  if (lsn === undefined || lsn <= scope.lastLsn) return;
  scope.lastLsn = lsn;
  if (scope.keys.length) writes.record(scope.keys, lsn);
  if (scope.response && !scope.response.headersSent) scope.response.setHeader(LSN_HEADER, formatLsn(lsn));
}
