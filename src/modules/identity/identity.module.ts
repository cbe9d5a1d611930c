/**
 * The identity module: member sign-in at the hub (an OpenID Connect provider under /oidc, passwordless codes,
 * partner apps as clients, the members' grants to them).
 */
import type { HubModule } from '../../platform/module.js';
import { clock } from '../../platform/clock.js';
import { Migration20261202000002_member_sign_in } from '../../../migrations/Migration20261202000002_member_sign_in.js';
import type { MembersServices } from '../members/index.js';
import type { PartnersServices } from '../partners/index.js';
import { AppClientService } from './app-client.service.js';
import { MemberGrantService } from './member-grant.service.js';
import { HUB_API_RESOURCE } from './oidc.provider.js';
import { createIdentity, OIDC_PATH } from './identity.js';
import { IdentityResolver } from './identity.resolver.js';
import type { IdentityServices } from './index.js';

export const identityModule: HubModule<IdentityServices, MembersServices & PartnersServices> = {
  name: 'identity',
  // Members sign in (members); partner apps belong to partners, and a suspended partner's apps stop (partners).
  dependsOn: ['members', 'partners'],
  migrations: [Migration20261202000002_member_sign_in],
  services: ({ db, config, tokens, keys, log }, deps): IdentityServices => {
    const memberApps = new AppClientService(db.sql);
    const memberGrants = new MemberGrantService(db.sql, clock, HUB_API_RESOURCE);
    const identity = createIdentity({
      db,
      config,
      keys,
      tokens,
      log,
      clock,
      memberActive: (memberId) => deps.members.canAct(memberId, undefined),
      clients: memberApps,
      grants: memberGrants,
    });
    return { memberApps, memberGrants, identity };
  },
  resolvers: [IdentityResolver],
  // The provider's issuer defaults to the hub's own URL, known only once it listens.
  listening: ({ identity }, url) => identity.start(url),
  prefixRoutes: ({ services }) => ({ [OIDC_PATH]: services.identity.handler }),
  routes: ({ services }) => services.identity.devRoutes,
};
