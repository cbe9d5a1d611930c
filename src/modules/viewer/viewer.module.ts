/** The viewer module: who the caller is (`viewer`). */
import type { HubModule } from '../../platform/module.js';
import { ViewerResolver } from './viewer.resolver.js';

export const viewerModule: HubModule<Record<never, never>> = {
  name: 'viewer',
  migrations: [],
  resolvers: [ViewerResolver],
};
