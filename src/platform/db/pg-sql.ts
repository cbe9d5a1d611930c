import pg from 'pg';
import { currentAuditSetting, withAuditContext } from './audit-context.js';
import { preparedName, SentStatements, withRetry, type Sql, type SqlClient } from './sql.js';
import { withArrayLiterals } from './array-literal.js';

export interface PgSqlOptions {
  /**
   * Called as a transaction commits; a function returned is given the primary's WAL position right after the
   * commit (or undefined if it could not be read), fetched by a statement pipelined behind COMMIT, so it costs
   * no round trip (read replicas: read-your-writes, replicas.ts).
   */
  commitLsn?: () => ((lsn: string | undefined) => void) | undefined;
  /** Give up connecting after this long (replicas: an unreachable one must not hold a request for long). */
  connectTimeoutMs?: number;
}

/** `Sql` over a node-postgres pool (production and the integration tests). */
export function createPgSql(connectionString: string, max: number, options: PgSqlOptions = {}): Sql {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 0,
    // Recycle connections so no backend keeps a plan cached while tables were tiny (docs/toolchain.md: cached foreign-key check plans).
    maxLifetimeSeconds: 600,
    // Idle connections stay open (pg-pool closes them after 10 s by default). A closed one is reopened at the
    // next burst, on the request path: a new backend, its catalog caches and its prepared statements' plans,
    // 20-40 ms for the requests that wait on it (seen in the bench's open loop, where every new connection in
    // the server log lined up with a cluster of slow earns). The pool's size caps them.
    idleTimeoutMillis: 0,
    // Pipeline mode: a statement is sent without waiting for the answer to the one before, so BEGIN travels
    // with a transaction's first statement and COMMIT with its last write (SqlClient.send): a single earn
    // takes 3 round trips instead of 5.
    pipeline: true,
  });
  // An idle client losing its server (restart, pg_terminate_backend) must not crash the process.
  pool.on('error', () => undefined);
  // Nor may a checked-out one (inside a transaction): the pool listens only to idle clients, and
  // pg emits 'error' on the client when its connection ends; the failed query rejects as well,
  // the transaction then fails its ROLLBACK and the client is discarded on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  let statements = 0;
  let roundTrips = 0;
  const run = async <T>(client: pg.PoolClient, text: string, params?: readonly unknown[]): Promise<T[]> => {
    statements++;
    coalesceWrites(client);
    const name = preparedName(text);
    const values = params && withArrayLiterals(params);
    const result = await client.query(name ? { name, text, values } : { text, values });
    return result.rows as T[];
  };
  /**
   * Statements queried outside a transaction in one tick (a GraphQL request's sibling fields: a member's
   * balances and its history page) share one connection, pipelined and written together (coalesceWrites),
   * instead of one connection and one socket write each. Each is still its own implicit transaction.
   */
  let shared: { client: Promise<pg.PoolClient>; users: number; broken: boolean } | undefined;
  const together = async <T>(text: string, params?: readonly unknown[]): Promise<T[]> => {
    if (!shared) {
      const batch = { client: pool.connect(), users: 0, broken: false };
      shared = batch;
      process.nextTick(() => {
        if (shared === batch) shared = undefined;
      });
    }
    const batch = shared;
    batch.users++;
    let client: pg.PoolClient;
    try {
      client = await batch.client;
    } catch (error) {
      batch.users--;
      throw error;
    }
    try {
      return await run<T>(client, text, params);
    } catch (error) {
      // Like pg-pool's own query: a connection that failed other than with a database error is not reused.
      if (!(error instanceof pg.DatabaseError)) batch.broken = true;
      throw error;
    } finally {
      if (--batch.users === 0) client.release(batch.broken);
    }
  };
  const self: Sql = {
    get reads() {
      return self;
    },
    get statementCount() {
      return statements;
    },
    get roundTripCount() {
      return roundTrips;
    },
    // An autocommit statement inside an administrative mutation runs in a transaction of its own, so that the
    // audit triggers see who made it.
    query: (text, params) => {
      if (currentAuditSetting()) return self.transaction((tx) => tx.query(text, params));
      roundTrips++;
      return together(text, params);
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    transaction: (fn) =>
      withRetry(async () => {
        const client = await pool.connect();
        let broken = false;
        let open = true;
        const sent = new SentStatements();
        // Statements queried while another is unanswered share its round trip (pipeline mode).
        let unanswered = 0;
        const tx: SqlClient = {
          query: async (text, params) => {
            if (unanswered++ === 0) roundTrips++;
            try {
              return await run(client, text, params);
            } finally {
              unanswered--;
            }
          },
          send: (text, params) => sent.track(run(client, text, params)),
        };
        try {
          // BEGIN goes out with the first statement (pipeline mode). It cannot fail on a healthy connection: the
          // pool hands out only connections outside any transaction (a failed ROLLBACK discards the connection),
          // and on a lost one the statement behind it fails too.
          tx.send('BEGIN');
          let result: Awaited<ReturnType<typeof fn>>;
          try {
            // Inside an administrative mutation, the audit triggers record its changes as its caller's.
            result = await fn(withAuditContext(tx));
          } catch (error) {
            throw await sent.cause(error);
          }
          // Sent right behind the statements the body did not wait for; when one of them failed, PostgreSQL
          // answers COMMIT with ROLLBACK (the transaction is over) and that statement's error is thrown.
          coalesceWrites(client);
          const commit = client.query('COMMIT');
          statements++;
          roundTrips++;
          const noteLsn = options.commitLsn?.();
          let lsn: Promise<string | undefined> | undefined;
          if (noteLsn) {
            // Right behind COMMIT on the same connection, so the position is at or past the commit record.
            statements++;
            lsn = client.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn').then(
              (r) => r.rows[0]?.lsn,
              () => undefined,
            );
          }
          const [sentDone, committed, position] = await Promise.allSettled([sent.settle(), commit, lsn]);
          if (committed.status === 'rejected') throw committed.reason;
          open = false;
          if (sentDone.status === 'rejected') throw sentDone.reason;
          if (committed.value.command !== 'COMMIT') throw new Error(`COMMIT answered ${committed.value.command}`);
          noteLsn?.(position.status === 'fulfilled' ? position.value : undefined);
          return result;
        } catch (error) {
          if (open) {
            try {
              await client.query('ROLLBACK');
            } catch {
              broken = true;
            }
          }
          throw error;
        } finally {
          client.release(broken);
        }
      }),
    close: () => pool.end(),
  };
  return self;
}

/** The socket under a client (node-postgres keeps it on `connection.stream`; not in its types). */
type Corkable = { cork(): void; uncork(): void };
const streamOf = (client: pg.PoolClient): Corkable | undefined =>
  (client as unknown as { connection?: { stream?: Partial<Corkable> } }).connection?.stream as Corkable | undefined;
const corked = new WeakSet<Corkable>();

/**
 * Statements a transaction sends in one turn of the event loop (BEGIN with the lock statement and the claim,
 * the posting with COMMIT) leave in one write: the socket is corked at the first and uncorked once the
 * current tick's work is done. Pipelining already put them in one round trip, but node-postgres wrote each
 * statement with its own system call, which the hub's profile showed as its largest single cost (a quarter of
 * its CPU per earn), and PostgreSQL's backend woke up for each of them.
 */
function coalesceWrites(client: pg.PoolClient): void {
  const stream = streamOf(client);
  if (!stream?.cork || corked.has(stream)) return;
  corked.add(stream);
  stream.cork();
  process.nextTick(() => {
    corked.delete(stream);
    stream.uncork();
  });
}
