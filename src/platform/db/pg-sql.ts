import pg from 'pg';
import { preparedName, withRetry, type Sql, type SqlClient } from './sql.js';
import { withArrayLiterals } from './array-literal.js';

/** `Sql` over a node-postgres pool (production and the integration tests). */
export function createPgSql(connectionString: string, max: number): Sql {
  const pool = new pg.Pool({
    connectionString,
    max,
    // Recycle connections so no backend keeps a plan cached while tables were tiny (TOOLCHAIN: cached FK plans).
    maxLifetimeSeconds: 600,
  });
  // An idle client losing its server (restart, pg_terminate_backend) must not crash the process.
  pool.on('error', () => undefined);
  // Nor may a checked-out one (inside a transaction): the pool listens only to idle clients, and
  // pg emits 'error' on the client when its connection ends; the failed query rejects as well,
  // the transaction then fails its ROLLBACK and the client is discarded on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  let statements = 0;
  const run = async <T>(client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]): Promise<T[]> => {
    statements++;
    const name = preparedName(text);
    const values = params && withArrayLiterals(params);
    const result = await client.query(name ? { name, text, values } : { text, values });
    return result.rows as T[];
  };
  return {
    get statementCount() {
      return statements;
    },
    query: (text, params) => run(pool, text, params),
    transaction: (fn) =>
      withRetry(async () => {
        const client = await pool.connect();
        let broken = false;
        try {
          await run(client, 'BEGIN');
          const tx: SqlClient = { query: (text, params) => run(client, text, params) };
          const result = await fn(tx);
          await run(client, 'COMMIT');
          return result;
        } catch (error) {
          try {
            await client.query('ROLLBACK');
          } catch {
            broken = true;
          }
          throw error;
        } finally {
          client.release(broken);
        }
      }),
    close: () => pool.end(),
  };
}
