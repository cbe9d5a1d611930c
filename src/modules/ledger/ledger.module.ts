/** The ledger module: accounts, transfers, lots, holds, idempotent operations, expiry, invariants. */
import type { HubModule } from '../../platform/module.js';
import { LEDGER_ERRORS, type LedgerErrorCode } from './ledger.errors.js';
import { Migration20261122000002_ledger } from '../../../migrations/Migration20261122000002_ledger.js';
import { Migration20261203100001_lighter_posting } from '../../../migrations/Migration20261203100001_lighter_posting.js';
import { Migration20261204100001_invariant_checkpoint } from '../../../migrations/Migration20261204100001_invariant_checkpoint.js';
import { Migration20261204100002_invariant_check_job } from '../../../migrations/Migration20261204100002_invariant_check_job.js';
import { InvariantJobResolver } from './invariants.resolver.js';
import type { MembersServices } from '../members/index.js';
import type { OutboxServices } from '../outbox/index.js';
import { ledgerEventContributor } from './ledger.events.js';
import { LedgerService } from './ledger.service.js';
import { LedgerResolver, PointsOperationResultResolver } from './ledger.resolver.js';
import { LedgerTransferResolver, MemberLedgerResolver } from './member-ledger.resolver.js';
import { createLedgerLoaders, type LedgerLoaders } from './ledger.loaders.js';
import { joinMembers } from './ledger.members.js';
import { startExpirySweeper } from './expiry.sweeper.js';
import { registerLedgerMetrics } from './ledger.metrics.js';
import type { LedgerServices } from './index.js';

export const ledgerModule: HubModule<LedgerServices, MembersServices & OutboxServices, LedgerLoaders, LedgerErrorCode> =
  {
    name: 'ledger',
    // Members' tiers, merges and exports take the ledger's part through the members' registration points.
    // Its events go out through the outbox, written by the posting statement itself (ledger.events.ts).
    dependsOn: ['members', 'outbox'],
    migrations: [
      Migration20261122000002_ledger,
      Migration20261203100001_lighter_posting,
      Migration20261204100001_invariant_checkpoint,
      Migration20261204100002_invariant_check_job,
    ],
    errors: LEDGER_ERRORS,
    services: ({ db, config }, deps: MembersServices & OutboxServices): LedgerServices => {
      const ledger = new LedgerService(db.sql, {
        maxPointsPerOperation: config.maxPointsPerOperation,
        hold: config.hold,
      });
      joinMembers(ledger, deps);
      // Registered only when the outbox is on, so "off" (bench) is exactly the posting without it.
      const events = ledgerEventContributor(deps.outbox);
      if (deps.outbox.enabled) ledger.postings.register(events);
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
