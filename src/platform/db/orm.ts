/**
 * One place that opens the database: MikroORM on PostgreSQL (`pg`) when a URL
 * is configured, on embedded PGlite under the data directory otherwise; plus
 * the raw `Sql` client for hot paths, sharing the same database.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MikroORM as PgMikroORM } from '@mikro-orm/postgresql';
import { MikroORM as PgliteMikroORM, type PgliteConnection } from '@mikro-orm/pglite';
import { Migrator } from '@mikro-orm/migrations';
import type { MikroORM, Options } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Config } from '../../config.js';
import type { MigrationClass } from '../module.js';
import { createPgSql } from './pg-sql.js';
import { createPgliteSql } from './pglite-sql.js';
import type { Sql } from './sql.js';
import { pgliteChangeFeed, postgresChangeFeed, type ChangeFeed } from './change-feed.js';
import { replicaName, withReplicas, type ReplicatedSql } from './replicas.js';
import type { Logger } from '../logger.js';
import { auditSubscriber } from './audit-context.js';

export interface Database {
  orm: MikroORM;
  /** A fresh EntityManager fork; one per request or job, never shared. */
  em(): SqlEntityManager;
  /** The primary; `sql.reads` for display reads that a replica may serve. */
  sql: Sql;
  /** Cross-process change notifications, for caches that must never be stale. */
  changes: ChangeFeed;
  driver: 'postgresql' | 'pglite';
  migrate(): Promise<string[]>;
  pendingMigrations(): Promise<number>;
  /** Refresh planner statistics (after migrating or seeding; see docs/toolchain.md: cached foreign-key check plans). */
  analyze(): Promise<void>;
  close(): Promise<void>;
}

/** What the modules bring to the database: their MikroORM entities and their migrations (any order). */
export interface DatabaseSchema {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: readonly Function[];
  migrations: readonly MigrationClass[];
}

export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbPoolSize'> & Partial<Pick<Config, 'replicas'>>,
  schema: DatabaseSchema,
  options: { log?: Logger } = {},
): Promise<Database> {
  // Applied in name order: migration names are globally time-ordered, whichever module owns them.
  const migrationsList = [...schema.migrations]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((m) => ({ name: m.name, class: m }));
  const common: Partial<Options> = {
    entities: [...schema.entities],
    extensions: [Migrator],
    migrations: {
      migrationsList: migrationsList as never,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    allowGlobalContext: false,
    debug: false,
    ensureDatabase: false,
    discovery: { warnWhenNoEntities: false },
  };
  let orm: MikroORM;
  let sql: Sql;
  let driver: Database['driver'];
  let changes: ChangeFeed;
  if (config.databaseUrl) {
    driver = 'postgresql';
    const replicated = config.replicas?.urls.length
      ? replicatedSql(config.databaseUrl, config.dbPoolSize, config.replicas, options.log)
      : undefined;
    orm = await PgMikroORM.init({
      ...common,
      clientUrl: config.databaseUrl,
      pool: { min: 0, max: 4 },
      subscribers: [
        auditSubscriber,
        // The ORM writes on its own connections (partners): their positions count for read-your-writes too.
        ...(replicated ? [{ afterTransactionCommit: () => replicated.noteWrite() }] : []),
      ],
    } as never);
    sql = replicated ?? createPgSql(config.databaseUrl, config.dbPoolSize);
    changes = postgresChangeFeed(config.databaseUrl);
  } else {
    driver = 'pglite';
    const dir = config.dataDir === 'memory://' ? 'memory://' : path.join(config.dataDir, 'pglite');
    if (dir !== 'memory://') mkdirSync(dir, { recursive: true });
    orm = await PgliteMikroORM.init({ ...common, dbName: dir, subscribers: [auditSubscriber] } as never);
    const native = await (orm.em.getConnection() as unknown as PgliteConnection).getNativeClient();
    sql = createPgliteSql(native);
    changes = await pgliteChangeFeed(native);
  }
  const migrator = () => orm.migrator;
  return {
    orm,
    em: () => orm.em.fork() as SqlEntityManager,
    sql,
    changes,
    driver,
    async migrate() {
      const done = await migrator().up();
      return done.map((m) => m.name);
    },
    async pendingMigrations() {
      return (await migrator().getPending()).length;
    },
    async analyze() {
      await sql.query('ANALYZE');
    },
    async close() {
      await changes.close();
      await sql.close();
      await orm.close(true);
    },
  };
}

/** The primary's client with `reads` over the configured replicas (replicas.ts). */
function replicatedSql(
  primaryUrl: string,
  primaryPoolSize: number,
  { urls, waitMs, poolSize, retryMs }: Config['replicas'],
  log: Logger | undefined,
): ReplicatedSql {
  // The primary's commit hook asks the router (created right after it) whether a request wants the position.
  const primary = createPgSql(primaryUrl, primaryPoolSize, { commitLsn: () => replicated.commitLsn() });
  const replicated = withReplicas(
    primary,
    urls.map((url) => ({ name: replicaName(url), sql: createPgSql(url, poolSize, { connectTimeoutMs: 2_000 }) })),
    {
      waitMs,
      retryMs,
      onEvent: (replica, event, code) => {
        if (event === 'up') log?.info('read replica back', { replica });
        else if (event === 'down') log?.warn('read replica unreachable; reading from the primary', { replica, code });
        else log?.warn('read replica failed a read; the primary answered it', { replica, sqlState: code });
      },
    },
  );
  return replicated;
}
