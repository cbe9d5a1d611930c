import type { PGlite, Transaction } from '@electric-sql/pglite';
import { withRetry, type Sql } from './sql.js';

/**
 * `Sql` over the embedded PGlite instance the ORM already opened. PGlite has
 * one connection, so transactions run one at a time (its own queue).
 */
export function createPgliteSql(db: PGlite): Sql {
  let statements = 0;
  const run = async <T>(client: PGlite | Transaction, text: string, params?: readonly unknown[]): Promise<T[]> => {
    statements++;
    const result = await client.query<T>(text, params as unknown[]);
    return result.rows;
  };
  return {
    get statementCount() {
      return statements;
    },
    query: (text, params) => run(db, text, params),
    transaction: (fn) => withRetry(() => db.transaction((tx) => fn({ query: (text, params) => run(tx, text, params) }))),
    // The ORM owns the instance and closes it.
    close: async () => undefined,
  };
}
