/**
 * What a domain module declares about itself, in one value (`<m>.module.ts`, typed
 * `HubModule<its services, its dependencies' services, its loaders>`):
 * its services and the modules whose services they use, its DataLoaders,
 * resolvers and federated reference resolvers, HTTP routes, background jobs,
 * migrations and MikroORM entities. `src/modules/index.ts` lists the modules
 * in order; everything central (services, loaders, schema, routes, jobs,
 * migrations, entities) loops over that list, so adding a module touches the
 * list and nothing else.
 */
import type { IncomingMessage } from 'node:http';
import type { Config } from '../config.js';
import type { Database } from './db/orm.js';
import type { TokenService } from './auth/token-service.js';
import type { KeyStore } from './auth/key-store.js';
import type { Principal } from './auth/principal.js';
import type { Logger } from './logger.js';
import type { RouteHandler } from './http/server.js';
import type { HubContext } from './graphql/context.js';
import type { ErrorCatalogue } from './graphql/error-catalogue.js';
import type { Registry } from 'prom-client';

/** What every module's services are built from. */
export interface ModuleContext {
  db: Database;
  config: Config;
  tokens: TokenService;
  /** The hub's signing keys (the OpenID Connect provider signs with them and derives its secrets from them). */
  keys: KeyStore;
  log: Logger;
}

/** What a module's HTTP routes are built from. */
export interface RouteContext<S> {
  services: S;
  tokens: TokenService;
  config: Config;
  /** The caller of a plain HTTP request, checked exactly like a GraphQL request's. */
  authenticate(req: IncomingMessage): Promise<Principal | undefined>;
}

/** A background job started with the hub and stopped before the database closes. */
export interface Job {
  stop(): Promise<void>;
}

/** A MikroORM migration class, named by its class name (globally time-ordered). */
export interface MigrationClass {
  readonly name: string;
  new (...args: never[]): object;
}

/** Resolves a federated entity from its key; authorises like the root fields do. */
export type ReferenceResolver = (ref: { id: string }, ctx: HubContext) => unknown;

// Resolver and entity classes are only passed through to type-graphql and MikroORM, which take any class.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type AnyClass = Function;

/**
 * A module. `S` is the record of services it adds (their names are global: `ctx.services.<name>`), `D` the
 * services of the modules it depends on (named in `dependsOn`, which must come earlier in the list), `L` its
 * per-request DataLoaders (`ctx.loaders.<name>`), `E` its error codes.
 */
export interface HubModule<
  S extends object = object,
  D extends object = object,
  L extends object = object,
  E extends string = never,
> {
  name: string;
  /** Modules whose services `services` receives in `deps`; checked against the list order at startup. */
  dependsOn?: readonly string[];
  /** This module's migrations (files in the top-level migrations/ folder). */
  migrations: readonly MigrationClass[];
  entities?: readonly AnyClass[];
  /** Its error codes with their meaning (`<m>.errors.ts`): part of the closed `ErrorCode` list and docs/errors.md. */
  errors?: ErrorCatalogue<E>;
  services?: (ctx: ModuleContext, deps: D) => S;
  /** Called once every module's services exist (e.g. to compose statements other modules contributed to). */
  ready?: (services: S) => void;
  loaders?: (services: S & D) => L;
  resolvers?: readonly AnyClass[];
  references?: Record<string, ReferenceResolver>;
  routes?: (ctx: RouteContext<S & D>) => Record<string, RouteHandler>;
  /** Handlers for every path under a prefix (`'/oidc'` serves `/oidc` and `/oidc/...`); exact routes win. */
  prefixRoutes?: (ctx: RouteContext<S & D>) => Record<string, RouteHandler>;
  /** Called once the HTTP server listens, with the hub's own URL (e.g. to derive an issuer from it). */
  listening?: (services: S & D, url: string) => void;
  jobs?: (ctx: { services: S & D; config: Config; log: Logger }) => Job[];
  /** Registers this module's own metrics (gauges read when `/metrics` is scraped; bounded labels only). */
  metrics?: (registry: Registry, services: S & D) => void;
}

/** The services a module adds, from its definition. */
export type ServicesOf<M> = M extends HubModule<infer S, infer _D, infer _L, infer _E> ? S : never;
/** The DataLoaders a module adds, from its definition. */
export type LoadersOf<M> = M extends HubModule<infer _S, infer _D, infer L, infer _E> ? L : never;
/** The error codes a module adds, from its definition. */
export type ErrorCodesOf<M> = M extends HubModule<infer _S, infer _D, infer _L, infer E> ? E : never;

/** `A | B` → `A & B`: the records of all modules merged into one. */
export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/**
 * Checks the list: unique names, every dependency listed earlier, every migration and error code claimed once, and no
 * two modules giving the same service, loader or route name (one would silently replace the other).
 */
export function checkModules(modules: readonly HubModule<object, object, object, string>[]): void {
  const seen = new Set<string>();
  const migrations = new Map<string, string>();
  const codes = new Map<string, string>();
  for (const m of modules) {
    for (const code of Object.keys(m.errors ?? {})) {
      const owner = codes.get(code);
      if (owner) throw new Error(`error code ${code} is declared by "${owner}" and "${m.name}"`);
      codes.set(code, m.name);
    }
    if (seen.has(m.name)) throw new Error(`module "${m.name}" is listed twice`);
    for (const d of m.dependsOn ?? [])
      if (!seen.has(d)) throw new Error(`module "${m.name}" depends on "${d}", which must be listed before it`);
    for (const mig of m.migrations) {
      const owner = migrations.get(mig.name);
      if (owner) throw new Error(`migration ${mig.name} is claimed by "${owner}" and "${m.name}"`);
      migrations.set(mig.name, m.name);
    }
    seen.add(m.name);
  }
}

/** Merges named records, refusing a name given twice. */
export function mergeNamed<T>(into: Record<string, T>, from: Record<string, T>, what: string, owner: string): void {
  for (const [name, value] of Object.entries(from)) {
    if (name in into) throw new Error(`${what} "${name}" of module "${owner}" is already given by another module`);
    into[name] = value;
  }
}
