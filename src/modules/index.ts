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
import { outboxModule } from './outbox/outbox.module.js';
import { membersModule } from './members/members.module.js';
import { ledgerModule } from './ledger/ledger.module.js';
import { exchangeModule } from './exchange/exchange.module.js';
import { settlementModule } from './settlement/settlement.module.js';
import { identityModule } from './identity/identity.module.js';
import { programsModule } from './programs/programs.module.js';
import { rewardsModule } from './rewards/rewards.module.js';
import { staffModule } from './staff/staff.module.js';
import { consoleModule } from './console/console.module.js';
import { auditModule } from './audit/audit.module.js';
import { webhooksModule } from './webhooks/webhooks.module.js';

export const hubModules = [
  viewerModule,
  partnersModule,
  outboxModule,
  membersModule,
  ledgerModule,
  exchangeModule,
  settlementModule,
  identityModule,
  programsModule,
  rewardsModule,
  staffModule,
  consoleModule,
  auditModule,
  webhooksModule,
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

/**
 * Per-request DataLoaders: every list and nested field resolves its rows in one batched query per level.
 * Built lazily: a module's loaders are made when a request first reads one of them (an earn reads none;
 * making every module's loaders for every request showed in the hub's profile).
 */
export function createLoaders(services: Services): Loaders {
  return new (lazyLoaders(services))(services) as unknown as Loaders;
}

type LoaderRecord = Record<string, unknown>;
let LazyLoaders: (new (services: Services) => object) | undefined;

/** The class of lazy loader records: one getter per loader name, found once from a first set of loaders. */
function lazyLoaders(services: Services): new (services: Services) => object {
  if (LazyLoaders) return LazyLoaders;
  const owners: Record<string, HubModule<object, object, object, string>> = {};
  const names: LoaderRecord = {};
  for (const m of modules) {
    if (!m.loaders) continue;
    const made = m.loaders(services) as LoaderRecord;
    mergeNamed(names, made, 'loader', m.name);
    for (const name of Object.keys(made)) owners[name] = m;
  }
  class Lazy {
    private readonly made = new Map<string, LoaderRecord>();
    constructor(private readonly services: Services) {}
  }
  for (const [name, m] of Object.entries(owners)) {
    Object.defineProperty(Lazy.prototype, name, {
      enumerable: true,
      get(this: { made: Map<string, LoaderRecord>; services: Services }) {
        let record = this.made.get(m.name);
        if (!record) this.made.set(m.name, (record = m.loaders!(this.services) as LoaderRecord));
        return record[name];
      },
    });
  }
  return (LazyLoaders = Lazy);
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
