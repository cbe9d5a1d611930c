/**
 * Per-request DataLoaders: every list and nested field a client can ask for
 * resolves its rows in one batched query per level, never one per row.
 */
import DataLoader from 'dataloader';
import type { Services } from './services.js';
import type { Partner } from './modules/partners/partner.entity.js';
import type { LinkRow, MemberRow } from './modules/members/member.service.js';

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
      const rows = await services.members.allLinks(memberIds);
      return memberIds.map((id) => rows.filter((r) => r.memberId === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
