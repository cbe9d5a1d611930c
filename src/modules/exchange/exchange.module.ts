/** The exchange module: branded-currency rates against PTS, the arbitrage check, locked quotes. */
import type { HubModule } from '../../platform/module.js';
import { EXCHANGE_ERRORS, type ExchangeErrorCode } from './exchange.errors.js';
import { Migration20261122000004_exchange } from '../../../migrations/Migration20261122000004_exchange.js';
import { Migration20261122000006_quote_spread } from '../../../migrations/Migration20261122000006_quote_spread.js';
import type { LedgerServices } from '../ledger/index.js';
import { ExchangeService } from './exchange.service.js';
import { ExchangeResolver } from './exchange.resolver.js';
import type { ExchangeServices } from './index.js';

export const exchangeModule: HubModule<ExchangeServices, LedgerServices, Record<never, never>, ExchangeErrorCode> = {
  name: 'exchange',
  dependsOn: ['ledger'],
  migrations: [Migration20261122000004_exchange, Migration20261122000006_quote_spread],
  errors: EXCHANGE_ERRORS,
  services: ({ db, config }, { ledger }: LedgerServices): ExchangeServices => ({
    exchange: new ExchangeService(db.sql, ledger, {
      quoteTtlSeconds: config.quoteTtlSeconds,
      maxPointsPerOperation: config.maxPointsPerOperation,
    }),
  }),
  resolvers: [ExchangeResolver],
};
