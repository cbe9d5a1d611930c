/**
 * Request limits, checked after parsing and before execution: depth, aliases
 * and estimated cost per request; a per-partner cost budget (THROTTLED when
 * spent); introspection in production only for authenticated partners and
 * operators (`_service { sdl }` included). The cost and the budget left are
 * reported in `extensions.cost`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import { AppError } from '../errors.js';
import type { HubContext } from '../context.js';
import { Role } from '../../auth/principal.js';
import { analyzeOperation, pagedFieldNames } from './query-cost.js';
import { TokenBuckets, type BucketSettings } from './token-bucket.js';

export interface LimitSettings {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  partnerBudget: BucketSettings;
  /** Production: introspection only for authenticated partners and operators. */
  restrictIntrospection: boolean;
}

const usesIntrospection = (doc: import('graphql').DocumentNode): boolean => {
  let found = false;
  const scan = (sel: readonly import('graphql').SelectionNode[]) => {
    for (const s of sel) {
      // `_service { sdl }` prints the whole schema: it is introspection by another name.
      if (
        s.kind === Kind.FIELD &&
        (s.name.value === '__schema' || s.name.value === '__type' || s.name.value === '_service')
      )
        found = true;
      if ('selectionSet' in s && s.selectionSet) scan(s.selectionSet.selections);
    }
  };
  for (const d of doc.definitions) if ('selectionSet' in d && d.selectionSet) scan(d.selectionSet.selections);
  return found;
};

export function limitsPlugin(settings: LimitSettings): ApolloServerPlugin<HubContext> {
  const buckets = new TokenBuckets(settings.partnerBudget);
  let paged: ReadonlySet<string> | undefined;
  return {
    async serverWillStart({ schema }) {
      paged = pagedFieldNames(schema);
    },
    async requestDidStart() {
      let cost: Record<string, number> | undefined;
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (!operation) return;
          const principal = contextValue.principal;
          if (
            settings.restrictIntrospection &&
            usesIntrospection(document) &&
            principal?.role !== Role.PARTNER &&
            principal?.role !== Role.OPERATOR
          ) {
            throw new AppError('FORBIDDEN', 'Introspection is available to authenticated partners and operators.', {
              http: { status: 403 },
            });
          }
          const q = analyzeOperation(document, operation, paged ?? new Set(), request.variables ?? {});
          if (q.depth > settings.maxDepth)
            throw new AppError(
              'QUERY_TOO_DEEP',
              `The operation nests ${q.depth} levels; the limit is ${settings.maxDepth}.`,
              { http: { status: 400 } },
            );
          if (q.aliases > settings.maxAliases)
            throw new AppError(
              'TOO_MANY_ALIASES',
              `The operation uses ${q.aliases} aliases; the limit is ${settings.maxAliases}.`,
              { http: { status: 400 } },
            );
          // A query costing more than a partner's whole burst could never run: refuse it as too complex, not as throttled.
          const ceiling =
            principal?.role === Role.PARTNER
              ? Math.min(settings.maxCost, settings.partnerBudget.capacity)
              : settings.maxCost;
          if (q.cost > ceiling)
            throw new AppError(
              'QUERY_TOO_COMPLEX',
              `The operation's estimated cost is ${q.cost}; the limit is ${ceiling}.`,
              { cost: q.cost, http: { status: 400 } },
            );
          cost = { requested: q.cost };
          if (principal?.role === Role.PARTNER && principal.partnerId) {
            const take = buckets.take(principal.partnerId, q.cost);
            cost = {
              requested: q.cost,
              remaining: take.remaining,
              limit: settings.partnerBudget.capacity,
              refillPerSecond: settings.partnerBudget.refillPerSecond,
            };
            if (!take.allowed) {
              throw new AppError('THROTTLED', `This partner's query budget is spent; retry in ${take.retryAfter} s.`, {
                cost,
                retryAfter: take.retryAfter,
                http: { status: 429, headers: new Map([['retry-after', String(take.retryAfter)]]) },
              });
            }
          }
        },
        async willSendResponse({ response }) {
          if (cost && response.body.kind === 'single')
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
        },
      };
    },
  };
}
