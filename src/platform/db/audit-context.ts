/**
 * Who is acting, for the audit trail: an administrative mutation runs inside an audit context
 * (AsyncLocalStorage), and every transaction the SQL layer or the ORM opens inside it first sets the
 * transaction-local `hub.audit` to this context. The `hub_audit_row` triggers on administrative tables read
 * it and append to `audit_record` in the same transaction (migrations/Migration20261202200001_audit.ts).
 * Outside a context nothing is set and the triggers skip the row, so postings pay nothing for the trail.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/sql';
import type { SqlClient } from './sql.js';

export interface AuditContext {
  /** The GraphQL field (e.g. `setPartnerContract`) or CLI command that made the change. */
  operation: string;
  role: string;
  subject: string;
  partnerId?: string;
  requestId?: string;
}

const storage = new AsyncLocalStorage<string>();

/** Runs `fn` with every transaction it opens recording its administrative changes as `ctx`. */
export function runAudited<T>(ctx: AuditContext, fn: () => T): T {
  return storage.run(JSON.stringify(ctx), fn);
}

/** The setting for the current context (JSON), or undefined outside one. */
export const currentAuditSetting = (): string | undefined => storage.getStore();

/** The statement that hands the context to the triggers; local to the transaction it runs in. */
const SET_AUDIT_CONTEXT = `select set_config('hub.audit', $1, true)`;
const SETS_TRANSACTION = /^\s*set\s+transaction\b/i;

/**
 * The transaction's client as the body sees it: inside an audit context, the setting goes out (without waiting
 * for it) right before the body's first statement — after a leading `SET TRANSACTION`, which must come first.
 * Outside one, the client itself.
 */
export function withAuditContext(tx: SqlClient): SqlClient {
  const setting = currentAuditSetting();
  if (!setting) return tx;
  let pending = true;
  const before = (text: string) => {
    if (pending && !SETS_TRANSACTION.test(text)) {
      pending = false;
      tx.send(SET_AUDIT_CONTEXT, [setting]);
    }
  };
  return {
    query: (text, params) => {
      before(text);
      return tx.query(text, params);
    },
    send: (text, params) => {
      before(text);
      tx.send(text, params);
    },
  };
}

/** For the ORM's own transactions (MikroORM writes, e.g. partners): hands the context over the same way. */
export const auditSubscriber: EventSubscriber = {
  async afterTransactionStart({ em, transaction }: TransactionEventArgs) {
    const setting = currentAuditSetting();
    if (setting)
      await (em.getConnection() as unknown as { execute: AbstractSqlConnection['execute'] }).execute(
        `select set_config('hub.audit', ?, true)`,
        [setting],
        'run',
        transaction as never,
      );
  },
};
