/** The exchange module's public API: the only file other modules may import from this folder. */
import type { ExchangeService } from './exchange.service.js';

export interface ExchangeServices {
  exchange: ExchangeService;
}

export type { ExchangeService } from './exchange.service.js';
