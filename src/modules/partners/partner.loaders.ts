/** Per-request DataLoaders of the partners module. */
import DataLoader from 'dataloader';
import type { Partner } from './partner.entity.js';
import type { PartnersServices } from './index.js';

export function createPartnerLoaders(services: PartnersServices) {
  return {
    partner: new DataLoader<string, Partner | undefined>(async (ids) => {
      const found = await services.partners.byIds(ids);
      return ids.map((id) => found.get(id));
    }),
  };
}

export type PartnerLoaders = ReturnType<typeof createPartnerLoaders>;
