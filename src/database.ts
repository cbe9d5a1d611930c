/** Opens the hub's database with every module's entities and migrations (applied in name order). */
import type { Config } from './config.js';
import { openDatabase, type Database } from './platform/db/orm.js';
import type { Logger } from './platform/logger.js';
import { hubModuleList } from './modules/index.js';
import { Migration20261202000001_hub_clock } from '../migrations/Migration20261202000001_hub_clock.js';

/** The platform's own migrations, which no module owns: the SQL clock every module's statements read. */
export const platformMigrations = [Migration20261202000001_hub_clock];

export const hubMigrations = () => [...platformMigrations, ...hubModuleList.flatMap((m) => m.migrations)];

export function openHubDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbPoolSize'> & Partial<Pick<Config, 'replicas'>>,
  options: { log?: Logger } = {},
): Promise<Database> {
  return openDatabase(
    config,
    {
      entities: hubModuleList.flatMap((m) => m.entities ?? []),
      migrations: hubMigrations(),
    },
    options,
  );
}
