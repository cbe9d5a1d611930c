/**
 * Schema assembly: type-graphql builds the types from the modules' resolvers,
 * then `@apollo/subgraph` turns them into a Federation 2 subgraph (adds
 * `_service`, `_entities`) with our reference resolvers, which authorise
 * exactly like the root fields do.
 */
import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives, type IResolvers } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { BigIntScalar } from './scalars.js';
import type { HubContext } from './context.js';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

export async function buildFederatedSchema(
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>,
  referenceResolvers: IResolvers<unknown, HubContext>,
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    scalarsMap: [
      { type: BigInt, scalar: BigIntScalar },
      { type: Date, scalar: DateTimeResolver },
    ],
    validate: false,
    emitSchemaFile: false,
    // Query-level checks are explicit guards in resolvers, so `_entities` is covered too.
    skipCheck: true,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolverMap = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [type, fields] of Object.entries(referenceResolvers)) {
    resolverMap[type] = { ...(resolverMap[type] ?? {}), ...(fields as Record<string, unknown>) };
  }
  return buildSubgraphSchema([{ typeDefs, resolvers: resolverMap as never }]);
}
