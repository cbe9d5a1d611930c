/** The partners module's public API: the only file other modules may import from this folder. */
import type { PartnerService } from './partner.service.js';

export interface PartnersServices {
  partners: PartnerService;
}

export type { PartnerService } from './partner.service.js';
export { Partner, PartnerStatus } from './partner.entity.js';
export { loadVisiblePartner } from './partner.resolver.js';
