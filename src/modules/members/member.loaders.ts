/** Per-request DataLoaders of the members module. */
import DataLoader from 'dataloader';
import { groupBy } from '../../platform/graphql/batch.js';
import type { LinkRow, MemberRow } from './member.service.js';
import type { ConsentRow } from './consent.service.js';
import { tierFor, type TierStatus } from './tier.js';
import type { MembersServices } from './index.js';

export function createMemberLoaders(services: MembersServices) {
  return {
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
  };
}

export type MemberLoaders = ReturnType<typeof createMemberLoaders>;
