/** The console module (issue 18): serves the web console's built files at /console. It has no API of its own: the console uses the public GraphQL API. */
import type { HubModule } from '../../platform/module.js';
import { CONSOLE_PATH, createConsoleHandler } from './console.static.js';

export const consoleModule: HubModule = {
  name: 'console',
  migrations: [],
  prefixRoutes: () => ({ [CONSOLE_PATH]: createConsoleHandler() }),
};
