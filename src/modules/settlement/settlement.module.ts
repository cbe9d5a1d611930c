/** The settlement module: contracts, valuation at posting, budgets, statements, CSV, reconciliation, flows. */
import type { HubModule } from '../../platform/module.js';
import { SETTLEMENT_ERRORS, type SettlementErrorCode } from './settlement.errors.js';
import { Migration20261122000005_settlement } from '../../../migrations/Migration20261122000005_settlement.js';
import { Migration20261122000008_settlement_fee } from '../../../migrations/Migration20261122000008_settlement_fee.js';
import { Migration20261202100001_settlement_totals } from '../../../migrations/Migration20261202100001_settlement_totals.js';
import type { LedgerServices } from '../ledger/index.js';
import { SettlementService } from './settlement.service.js';
import { SettlementResolver, SettlementStatementResolver } from './settlement.resolver.js';
import { createStatementCsvHandler } from './statement-csv.handler.js';
import { settlementPosting } from './settlement.posting.js';
import { statementTotalsInvariant } from './totals.check.js';
import { startRollingReconciliation } from './reconciliation.job.js';
import { Migration20261202100002_settlement_reconciliation } from '../../../migrations/Migration20261202100002_settlement_reconciliation.js';
import { Migration20261204400003_reconciliation_one_key } from '../../../migrations/Migration20261204400003_reconciliation_one_key.js';
import { Migration20261203100002_valuation_references } from '../../../migrations/Migration20261203100002_valuation_references.js';
import { valuationReferencesInvariant } from './valuation.check.js';
import type { SettlementServices } from './index.js';
import type { OutboxServices } from '../outbox/index.js';

const STATEMENT_EVENT_TYPES = {
  'statement.closed': {
    version: 1,
    description: "The partner's settlement statement for a period was closed (totals in the payload).",
  },
  'statement.paid': { version: 1, description: "The partner's closed statement was marked paid." },
} as const;

export const settlementModule: HubModule<
  SettlementServices,
  LedgerServices & OutboxServices,
  Record<never, never>,
  SettlementErrorCode
> = {
  name: 'settlement',
  dependsOn: ['ledger', 'outbox'],
  migrations: [
    Migration20261122000005_settlement,
    Migration20261122000008_settlement_fee,
    Migration20261202100001_settlement_totals,
    Migration20261202100002_settlement_reconciliation,
    Migration20261203100002_valuation_references,
    Migration20261204400003_reconciliation_one_key,
  ],
  errors: SETTLEMENT_ERRORS,
  services: ({ db }, { ledger, outbox }: LedgerServices & OutboxServices): SettlementServices => {
    outbox.declare('settlement', STATEMENT_EVENT_TYPES);
    // Valuation and the billing-budget draw are written by the ledger's posting statement itself.
    ledger.postings.register(settlementPosting);
    // The statements' running totals, written by that statement, are checked with the ledger's invariants.
    ledger.invariants.push(statementTotalsInvariant, valuationReferencesInvariant);
    return { settlement: new SettlementService(db.sql, outbox) };
  },
  resolvers: [SettlementResolver, SettlementStatementResolver],
  jobs: ({ services, config, log }) => [
    startRollingReconciliation(
      services.settlement.reconciliation,
      config.reconcileSeconds,
      config.reconcilePeriods,
      log,
    ),
  ],
  routes: ({ services, authenticate }) => ({
    '/settlement/statement.csv': createStatementCsvHandler(services.settlement, authenticate),
  }),
};
