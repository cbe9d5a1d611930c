/**
 * Tells every hub process that something a cache depends on changed, through
 * PostgreSQL LISTEN/NOTIFY (sent by triggers, so on commit and whoever wrote).
 * A cache may be trusted only while `live` is true: the listening connection
 * is up, so no notification can have been missed. When it drops, caches are
 * cleared and bypassed until it is back.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';

export interface ChangeFeed {
  /** True while every change made anywhere is sure to reach `onChange`. */
  readonly live: boolean;
  onChange(listener: (topic: string) => void): void;
  close(): Promise<void>;
}

/** Database triggers `pg_notify` this channel on commit (see migrations). */
export const CHANGE_CHANNEL = 'hub_changes';

/** PGlite: one process, one connection; its own LISTEN delivers the triggers' notifications. */
export async function pgliteChangeFeed(db: PGlite): Promise<ChangeFeed> {
  const events = new EventEmitter();
  const unlisten = await db.listen(CHANGE_CHANNEL, (payload) => events.emit('change', payload || '*'));
  return {
    live: true,
    onChange: (listener) => void events.on('change', listener),
    close: () => unlisten(),
  };
}

export function postgresChangeFeed(connectionString: string): ChangeFeed {
  const events = new EventEmitter();
  let live = false;
  let closed = false;
  let client: pg.Client | undefined;
  const drop = () => {
    if (!live) return;
    live = false;
    // Whatever was announced while nobody listened is unknown: forget everything.
    events.emit('change', '*');
  };
  const connect = async (): Promise<void> => {
    if (closed) return;
    const c = new pg.Client({ connectionString });
    c.on('error', () => undefined);
    c.on('end', () => {
      drop();
      if (!closed) setTimeout(() => void connect(), 1000).unref();
    });
    c.on('notification', (n) => events.emit('change', n.payload ?? '*'));
    try {
      await c.connect();
      await c.query(`listen ${CHANGE_CHANNEL}`);
      client = c;
      live = true;
    } catch {
      drop();
      await c.end().catch(() => undefined);
    }
  };
  void connect();
  return {
    get live() {
      return live;
    },
    onChange: (listener) => void events.on('change', listener),
    close: async () => {
      closed = true;
      live = false;
      await client?.end().catch(() => undefined);
    },
  };
}

/**
 * A per-process cache of answers read from the database, dropped whenever the
 * change feed announces `topic` (or loses track). An answer read while a
 * change landed is not kept, so a cached answer is never older than the last
 * announced change.
 */
export class FeedCache<V> {
  private readonly entries = new Map<string, V>();
  private generation = 0;

  constructor(
    private readonly feed: ChangeFeed,
    topic: string,
    private readonly max = 100_000,
  ) {
    feed.onChange((t) => {
      if (t === topic || t === '*') this.clear();
    });
  }

  get(key: string): V | undefined {
    return this.feed.live ? this.entries.get(key) : undefined;
  }

  /** A token to pass back to `set`, taken before reading the database. */
  mark(): number {
    return this.feed.live ? this.generation : -1;
  }

  set(mark: number, key: string, value: V): void {
    if (mark < 0 || mark !== this.generation || !this.feed.live) return;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
