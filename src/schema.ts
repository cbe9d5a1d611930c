/** The hub's GraphQL subgraph: every module's resolvers and federated reference resolvers, in list order. */
import { buildFederatedSchema } from './platform/graphql/schema.js';
import type { ReferenceResolver } from './platform/module.js';
import { hubModuleList } from './modules/index.js';

export function buildHubSchema() {
  const resolvers = hubModuleList.flatMap((m) => m.resolvers ?? []);
  const references: Record<string, { __resolveReference: ReferenceResolver }> = {};
  for (const m of hubModuleList)
    for (const [type, resolve] of Object.entries(m.references ?? {})) {
      if (references[type]) throw new Error(`two modules resolve references to ${type}`);
      references[type] = { __resolveReference: resolve };
    }
  const [first, ...rest] = resolvers;
  if (!first) throw new Error('no module has resolvers');
  return buildFederatedSchema([first, ...rest], references);
}
