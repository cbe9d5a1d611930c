/** The exchange module's services, built over the ledger they post through. */
import type { Sql } from '../../platform/db/sql.js';
import type { LedgerService } from '../ledger/index.js';
import { RateService } from './rate.service.js';
import { QuoteService } from './quote.service.js';

export class ExchangeService {
  readonly rates: RateService;
  readonly quotes: QuoteService;

  constructor(sql: Sql, ledger: LedgerService, settings: { quoteTtlSeconds: number; maxPointsPerOperation: bigint }) {
    this.rates = new RateService(sql, ledger.currencies);
    this.quotes = new QuoteService(sql, this.rates, ledger, settings);
  }
}
