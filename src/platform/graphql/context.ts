/** What every resolver receives: the caller, the request's loaders and the services. */
import type { Principal } from '../auth/principal.js';
import type { Logger } from '../logger.js';
import type { Loaders, Services } from '../../modules/index.js';

export interface HubContext {
  requestId: string;
  principal?: Principal;
  services: Services;
  loaders: Loaders;
  log: Logger;
}
