/** The identity module's public API: the only file other modules may import from this folder. */
import type { AppClientService } from './app-client.service.js';
import type { MemberGrantService } from './member-grant.service.js';
import type { Identity } from './identity.js';

export interface IdentityServices {
  /** Partner apps registered as OpenID Connect clients. */
  memberApps: AppClientService;
  /** What members granted those apps (checked on every request that carries a grant). */
  memberGrants: MemberGrantService;
  /** The OpenID Connect provider and the sign-in pages under /oidc; `sink` holds codes when there is no SMTP. */
  identity: Identity;
}

export { OIDC_PATH, type Identity } from './identity.js';
