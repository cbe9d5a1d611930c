/**
 * Relay connections with opaque keyset cursors. A cursor encodes the sort key
 * of a row (never an offset), so pages stay stable while rows are added.
 */
import { ArgsType, Field, Int, ObjectType, Directive, type ClassType } from 'type-graphql';
import { badInput } from './errors.js';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

@ObjectType('HubPageInfo', { description: 'Relay page information.' })
@Directive('@shareable')
export class HubPageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return rows after this cursor.' })
  after?: string | null;
}

export interface Page<K> {
  limit: number;
  after?: K;
}

/**
 * Validates `first`/`after` and decodes the cursor into its key. Pass `isKey`
 * so a forged cursor (valid base64 JSON of the wrong shape) is BAD_USER_INPUT,
 * not a database error.
 */
export function pageFromArgs<K>(args: ForwardPageArgs, isKey?: (key: unknown) => key is K): Page<K> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  const after = args.after ? decodeCursor<K>(args.after) : undefined;
  if (after !== undefined && isKey && !isKey(after)) throw badInput('after is not a valid cursor.', 'after');
  return { limit: first, after };
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<K>(cursor: string): K {
  try {
    if (cursor.length > 512) throw new Error('too long');
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as K;
  } catch {
    throw badInput('after is not a valid cursor.', 'after');
  }
}

/** Builds a connection from `limit + 1` fetched rows. */
export function toConnection<T, K>(rows: T[], limit: number, keyOf: (row: T) => K) {
  const hasNextPage = rows.length > limit;
  const nodes = hasNextPage ? rows.slice(0, limit) : rows;
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return { edges, nodes, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** Declares `XConnection` and `XEdge` object types for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => nodeType)
    node!: T;

    @Field(() => String)
    cursor!: string;
  }

  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [nodeType])
    nodes!: T[];

    @Field(() => HubPageInfo)
    pageInfo!: HubPageInfo;
  }
  return ConnectionType;
}
