/** The console module's public API. */
export { CONSOLE_CSP, CONSOLE_PATH } from './console.static.js';
