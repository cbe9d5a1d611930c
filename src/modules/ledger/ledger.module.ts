/** The ledger module: accounts, transfers, lots, holds, idempotent operations, expiry, invariants. */
import type { HubModule } from '../../platform/module.js';
import { LEDGER_ERRORS, type LedgerErrorCode } from './ledger.errors.js';
import { Migration20261122000002_ledger } from '../../../migrations/Migration20261122000002_ledger.js';
import { Migration20261203100001_lighter_posting } from '../../../migrations/Migration20261203100001_lighter_posting.js';
import { Migration20261204100001_invariant_checkpoint } from '../../../migrations/Migration20261204100001_invariant_checkpoint.js';
import { Migration20261204100002_invariant_check_job } from '../../../migrations/Migration20261204100002_invariant_check_job.js';
import { InvariantJobResolver } from './invariants.resolver.js';
import type { MembersServices } from '../members/index.js';
import { LedgerService } from './ledger.service.js';
import { LedgerResolver, PointsOperationResultResolver } from './ledger.resolver.js';
import { LedgerTransferResolver, MemberLedgerResolver } from './member-ledger.resolver.js';
import { createLedgerLoaders, type LedgerLoaders } from './ledger.loaders.js';
import { joinMembers } from './ledger.members.js';
import { startExpirySweeper } from './expiry.sweeper.js';
import { registerLedgerMetrics } from './ledger.metrics.js';
import type { LedgerServices } from './index.js';

export const ledgerModule: HubModule<LedgerServices, MembersServices, LedgerLoaders, LedgerErrorCode> = {
  name: 'ledger',
  // Members' tiers, merges and exports take the ledger's part through the members' registration points.
  dependsOn: ['members'],
  migrations: [
    Migration20261122000002_ledger,
    Migration20261203100001_lighter_posting,
    Migration20261204100001_invariant_checkpoint,
    Migration20261204100002_invariant_check_job,
  ],
  errors: LEDGER_ERRORS,
  services: ({ db, config }, deps: MembersServices): LedgerServices => {
    const ledger = new LedgerService(db.sql, {
      maxPointsPerOperation: config.maxPointsPerOperation,
      hold: config.hold,
    });
    joinMembers(ledger, deps);
    return { ledger };
  },
  // Every module that contributes to the posting statement has registered by now: compose it once.
  ready: ({ ledger }) => void ledger.postings.seal(),
  loaders: createLedgerLoaders,
  resolvers: [
    LedgerResolver,
    PointsOperationResultResolver,
    MemberLedgerResolver,
    LedgerTransferResolver,
    InvariantJobResolver,
  ],
  jobs: ({ services, config, log }) => [
    startExpirySweeper(services.ledger, config.expirySweepSeconds, log),
    // Resumes a full invariant check job a restart interrupted, then runs the ones started.
    services.ledger.invariantJobs.runner(log),
  ],
  metrics: registerLedgerMetrics,
};
