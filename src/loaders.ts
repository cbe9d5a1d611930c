/**
 * Per-request DataLoaders: every list and nested field a client can ask for
 * resolves its rows in one batched query per level, never one per row.
 */
import DataLoader from 'dataloader';
import type { Services } from './services.js';
import type { Partner } from './modules/partners/partner.entity.js';
import type { LinkRow, MemberRow } from './modules/members/member.service.js';
import type { HoldRow, TransferRow } from './modules/ledger/ledger.model.js';
import type { BalanceRow } from './modules/ledger/ledger.queries.js';
import type { ConsentRow } from './modules/members/consent.service.js';
import { tierFor, type TierStatus } from './modules/members/tier.js';

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | undefined)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id));
}

function groupBy<T, K>(rows: T[], keys: readonly K[], keyOf: (row: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const r of rows) map.set(keyOf(r), [...(map.get(keyOf(r)) ?? []), r]);
  return keys.map((k) => map.get(k) ?? []);
}

export function createLoaders(services: Services) {
  return {
    partner: new DataLoader<string, Partner | undefined>(async (ids) => {
      const found = await services.partners.byIds(ids);
      return ids.map((id) => found.get(id));
    }),
    member: new DataLoader<string, MemberRow | undefined>(async (ids) => {
      const found = await services.members.byIds(ids);
      return ids.map((id) => found.get(id));
    }),
    memberLink: new DataLoader<{ memberId: string; partnerId: string }, LinkRow | undefined, string>(
      async (keys) => {
        const rows = await services.members.linksFor(keys);
        return keys.map((k) => rows.find((r) => r.memberId === k.memberId && r.partnerId === k.partnerId));
      },
      { cacheKeyFn: (k) => `${k.memberId}:${k.partnerId}` },
    ),
    memberLinks: new DataLoader<string, LinkRow[]>(async (memberIds) => {
      return groupBy(await services.members.allLinks(memberIds), memberIds, (r) => r.memberId);
    }),
    consents: new DataLoader<string, ConsentRow[]>(async (memberIds) =>
      groupBy(await services.consents.current(memberIds), memberIds, (c) => c.memberId),
    ),
    tier: new DataLoader<string, TierStatus>(async (memberIds) => {
      const points = await services.tiers.qualifyingPoints(memberIds);
      return memberIds.map((id) => tierFor(services.tiers.levels, points.get(id) ?? 0n));
    }),
    transfer: new DataLoader<string, TransferRow | undefined>(async (ids) =>
      byId(await services.ledger.queries.transfersByIds(ids), ids),
    ),
    transfersByOperation: new DataLoader<string, TransferRow[]>(async (ids) =>
      groupBy(await services.ledger.queries.transfersByOperations(ids), ids, (t) => t.operationId),
    ),
    reversedAmount: new DataLoader<string, bigint>(async (ids) => {
      const found = await services.ledger.queries.reversedAmounts(ids);
      return ids.map((id) => found.get(id) ?? 0n);
    }),
    hold: new DataLoader<string, HoldRow | undefined>(async (ids) =>
      byId(await services.ledger.queries.holdsByIds(ids), ids),
    ),
    balances: new DataLoader<string, BalanceRow[]>(async (memberIds) =>
      groupBy(await services.ledger.queries.balances(memberIds), memberIds, (b) => b.memberId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
