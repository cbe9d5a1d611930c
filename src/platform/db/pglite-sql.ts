import type { PGlite, Transaction } from '@electric-sql/pglite';
import { currentAuditSetting, withAuditContext } from './audit-context.js';
import { SentStatements, withRetry, type Sql, type SqlClient } from './sql.js';

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
  const self: Sql = {
    // One embedded database: nothing to replicate.
    get reads() {
      return self;
    },
    get statementCount() {
      return statements;
    },
    // In-process: every statement is its own call.
    get roundTripCount() {
      return statements;
    },
    // Inside an administrative mutation, in a transaction of its own so the audit triggers see who made it.
    query: (text, params) =>
      currentAuditSetting() ? self.transaction((tx) => tx.query(text, params)) : run(db, text, params),
    transaction: (fn) =>
      withRetry(() =>
        db.transaction(async (tx) => {
          // One connection, nothing to pipeline: a sent statement runs before anything sent or queried after it.
          const sent = new SentStatements();
          let tail: Promise<unknown> = Promise.resolve();
          const inOrder = <T>(statement: () => Promise<T>): Promise<T> => {
            const next = tail.then(statement);
            tail = next.catch(() => undefined);
            return next;
          };
          const client: SqlClient = {
            query: (text, params) => inOrder(() => run(tx, text, params)),
            send: (text, params) => sent.track(inOrder(() => run(tx, text, params))),
          };
          let result: Awaited<ReturnType<typeof fn>>;
          try {
            // Inside an administrative mutation, the audit triggers record its changes as its caller's.
            result = await fn(withAuditContext(client));
          } catch (error) {
            throw await sent.cause(error);
          }
          // Throwing here makes PGlite roll the transaction back.
          await sent.settle();
          return result;
        }),
      ),
    // The ORM owns the instance and closes it.
    close: async () => undefined,
  };
  return self;
}
