/**
 * Static analysis of an operation before it runs: nesting depth, alias count
 * and an estimated cost. Every field costs 1; a field with a `first` argument
 * (a connection page) multiplies the cost of what it selects by that page
 * size (the default page size when absent). Fragments are expanded.
 */
import {
  Kind,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../pagination.js';

export interface QueryCost {
  depth: number;
  aliases: number;
  cost: number;
}

function pageSize(value: ValueNode | undefined, variables: Record<string, unknown>): number {
  if (!value) return DEFAULT_PAGE_SIZE;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' && Number.isFinite(v) ? v : DEFAULT_PAGE_SIZE;
  }
  return DEFAULT_PAGE_SIZE;
}

/** Names of the schema's paged fields (those taking a `first` argument). */
export function pagedFieldNames(schema: GraphQLSchema): ReadonlySet<string> {
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields()))
      if (field.args.some((a) => a.name === 'first')) names.add(field.name);
  }
  return names;
}

export function analyzeOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  paged: ReadonlySet<string>,
  variables: Record<string, unknown> = {},
): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  let aliases = 0;

  const walk = (set: SelectionSetNode, level: number, seen: ReadonlySet<string>): { depth: number; cost: number } => {
    let depth = level;
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) aliases++;
        if (sel.name.value.startsWith('__')) continue;
        const child = sel.selectionSet ? walk(sel.selectionSet, level + 1, seen) : { depth: level + 1, cost: 0 };
        const first = sel.arguments?.find((a) => a.name.value === 'first');
        const multiplier = paged.has(sel.name.value) ? Math.max(1, pageSize(first?.value, variables)) : 1;
        cost += 1 + multiplier * child.cost;
        depth = Math.max(depth, child.depth);
      } else {
        const name = sel.kind === Kind.FRAGMENT_SPREAD ? sel.name.value : undefined;
        if (name && seen.has(name)) continue;
        const inner = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : fragments.get(name!)?.selectionSet;
        if (!inner) continue;
        const r = walk(inner, level, name ? new Set([...seen, name]) : seen);
        cost += r.cost;
        depth = Math.max(depth, r.depth);
      }
    }
    return { depth, cost };
  };

  const { depth, cost } = walk(operation.selectionSet, 0, new Set());
  return { depth, aliases, cost };
}
