/** The programs module: earn rules, campaigns, cashback; purchases in, a breakdown and ONE ledger operation out. */
import type { HubModule } from '../../platform/module.js';
import type { LedgerServices } from '../ledger/index.js';
import type { MembersServices } from '../members/index.js';
import type { SettlementServices } from '../settlement/index.js';
import { Migration20261203200001_programs } from '../../../migrations/Migration20261203200001_programs.js';
import { Migration20261204400001_program_caps } from '../../../migrations/Migration20261204400001_program_caps.js';
import { PROGRAMS_ERRORS, type ProgramsErrorCode } from './programs.errors.js';
import { ProgramsService } from './programs.service.js';
import { ProgramsResolver } from './programs.resolver.js';
import { PurchaseLedgerResolver } from './purchase.resolver.js';
import type { ProgramsServices } from './index.js';
import type { OutboxServices } from '../outbox/index.js';

export const programsModule: HubModule<
  ProgramsServices,
  LedgerServices & MembersServices & SettlementServices & OutboxServices,
  Record<never, never>,
  ProgramsErrorCode
> = {
  name: 'programs',
  dependsOn: ['members', 'ledger', 'settlement', 'outbox'],
  migrations: [Migration20261203200001_programs, Migration20261204400001_program_caps],
  errors: PROGRAMS_ERRORS,
  services: ({ db }, deps) => {
    deps.outbox.declare('programs', {
      'purchase.recorded': {
        version: 1,
        description: 'The partner recorded a purchase: its total and the points of each leg (no line items).',
      },
    });
    return { programs: new ProgramsService(db, deps.ledger, deps, deps.settlement, deps.outbox) };
  },
  resolvers: [ProgramsResolver, PurchaseLedgerResolver],
};
