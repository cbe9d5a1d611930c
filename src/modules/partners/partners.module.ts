/** The partners module: partners, their OAuth client credentials and the token endpoint. */
import type { HubModule } from '../../platform/module.js';
import { PARTNER_ERRORS, type PartnerErrorCode } from './partner.errors.js';
import { Migration20261122000001_foundation } from '../../../migrations/Migration20261122000001_foundation.js';
import { Migration20261122000007_partner_auth_notify } from '../../../migrations/Migration20261122000007_partner_auth_notify.js';
import { Partner } from './partner.entity.js';
import { PartnerCredential } from './partner-credential.entity.js';
import { PartnerService } from './partner.service.js';
import { PartnerResolver, loadVisiblePartner } from './partner.resolver.js';
import { createTokenHandler } from './oauth-token.handler.js';
import { createPartnerLoaders, type PartnerLoaders } from './partner.loaders.js';
import type { PartnersServices } from './index.js';

export const partnersModule: HubModule<PartnersServices, Record<never, never>, PartnerLoaders, PartnerErrorCode> = {
  name: 'partners',
  // The foundation migration also creates `member` and `member_link`: it predates the modules' split.
  migrations: [Migration20261122000001_foundation, Migration20261122000007_partner_auth_notify],
  errors: PARTNER_ERRORS,
  entities: [Partner, PartnerCredential],
  services: ({ db }): PartnersServices => ({ partners: new PartnerService(db) }),
  loaders: createPartnerLoaders,
  resolvers: [PartnerResolver],
  references: { Partner: (ref, ctx) => loadVisiblePartner(ctx, ref.id) },
  routes: ({ services, tokens, config }) => ({
    '/oauth/token': createTokenHandler(services.partners, tokens, config.bodyLimitBytes),
  }),
};
