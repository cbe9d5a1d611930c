/**
 * The hub's modules, in order: the one list that adding a module touches. A module comes after the modules
 * whose services it uses (`dependsOn`, checked at startup). The order is also the order of the resolvers
 * in the schema, so it shapes the printed SDL: viewer first, as before the modules had manifests.
 *
 * Everything central loops over this list: the services and DataLoaders (below), the schema
 * (`src/schema.ts`), HTTP routes and background jobs (`src/app.ts`), migrations and entities
 * (`src/database.ts`).
 */
import type { Config } from '../config.js';
import type { Database } from '../platform/db/orm.js';
import type { TokenService } from '../platform/auth/token-service.js';
import type { KeyStore } from '../platform/auth/key-store.js';
import type { Logger } from '../platform/logger.js';
import {
  checkModules,
  mergeNamed,
  type ErrorCodesOf,
  type HubModule,
  type LoadersOf,
  type ServicesOf,
  type UnionToIntersection,
} from '../platform/module.js';
import { PLATFORM_ERRORS, type ErrorInfo, type PlatformErrorCode } from '../platform/graphql/error-catalogue.js';
import { viewerModule } from './viewer/viewer.module.js';
import { partnersModule } from './partners/partners.module.js';
import { membersModule } from './members/members.module.js';
import { ledgerModule } from './ledger/ledger.module.js';
import { exchangeModule } from './exchange/exchange.module.js';
import { settlementModule } from './settlement/settlement.module.js';
import { identityModule } from './identity/identity.module.js';
import { staffModule } from './staff/staff.module.js';
import { consoleModule } from './console/console.module.js';

export const hubModules = [
  viewerModule,
  partnersModule,
  membersModule,
  ledgerModule,
  exchangeModule,
  settlementModule,
  identityModule,
  staffModule,
  consoleModule,
] as const;

type AnyModule = (typeof hubModules)[number];
/** Every module's services in one record: `ctx.services.<name>`. */
export type Services = UnionToIntersection<ServicesOf<AnyModule>>;
/** Every module's per-request DataLoaders in one record: `ctx.loaders.<name>`. */
export type Loaders = UnionToIntersection<LoadersOf<AnyModule>>;

/** Every code a client can receive: the platform's and each module's (a closed list; docs/errors.md). */
export type ErrorCode = PlatformErrorCode | ErrorCodesOf<AnyModule>;

// The list's own type keeps each module's types; loops see them as the general shape.
const modules = hubModules as unknown as readonly HubModule<object, object, object, string>[];
checkModules(modules);

/** The domain services, built once per process over one database, in list order. */
export function createServices(
  db: Database,
  config: Config,
  tokens: TokenService,
  keys: KeyStore,
  log: Logger,
): Services {
  const services: Record<string, unknown> = {};
  for (const m of modules) {
    // `deps` is everything built so far; checkModules made sure the dependencies are among it.
    const ctx = { db, config, tokens, keys, log };
    if (m.services) mergeNamed(services, m.services(ctx, services) as never, 'service', m.name);
  }
  for (const m of modules) m.ready?.(services);
  return services as unknown as Services;
}

/** Per-request DataLoaders: every list and nested field resolves its rows in one batched query per level. */
export function createLoaders(services: Services): Loaders {
  const loaders: Record<string, unknown> = {};
  for (const m of modules) if (m.loaders) mergeNamed(loaders, m.loaders(services) as never, 'loader', m.name);
  return loaders as unknown as Loaders;
}

/** The whole catalogue, by owner (the platform first, then the modules in list order), for docs/errors.md. */
export function errorCatalogue(): { owner: string; code: ErrorCode; info: ErrorInfo }[] {
  const entries = (owner: string, catalogue: Record<string, ErrorInfo>) =>
    Object.entries(catalogue).map(([code, info]) => ({ owner, code: code as ErrorCode, info }));
  return [
    ...entries('platform', PLATFORM_ERRORS),
    ...modules.flatMap((m) => entries(m.name, (m.errors ?? {}) as Record<string, ErrorInfo>)),
  ];
}

export { modules as hubModuleList };
