/** The settlement module's services. */
import type { Outbox } from '../outbox/index.js';
import type { Sql } from '../../platform/db/sql.js';
import { ContractService } from './contract.service.js';
import { StatementService } from './statement.service.js';
import { ReconciliationService } from './reconciliation.service.js';
import { FlowsService } from './flows.service.js';
import { FeeService } from './fee.service.js';

export class SettlementService {
  readonly contracts: ContractService;
  readonly statements: StatementService;
  readonly reconciliation: ReconciliationService;
  readonly flows: FlowsService;
  readonly fees: FeeService;

  constructor(sql: Sql, outbox: Outbox) {
    this.contracts = new ContractService(sql);
    this.statements = new StatementService(sql, this.contracts, outbox);
    this.reconciliation = new ReconciliationService(sql);
    this.flows = new FlowsService(sql);
    this.fees = new FeeService(sql, this.contracts);
  }
}
