/**
 * The ledger's part in the members module's use cases, registered at composition so that members never
 * imports the ledger: tiers read qualifying points through `LedgerReads`; a merge moves the points by
 * transfers (and is refused while the member has active holds); an export includes balances and transfers.
 */
import type { MembersServices } from '../members/index.js';
import type { LedgerService } from './ledger.service.js';
import { MergeService, type MergePlan } from './merge.service.js';
import type { HistoryCursor } from './ledger.queries.js';
import { LedgerReads } from './ledger.reads.js';

export function joinMembers(ledger: LedgerService, members: MembersServices): void {
  members.tiers.useActivity({ relation: LedgerReads.qualifyingPoints });
  members.memberMerge.addParticipant<MergePlan>({
    blocksMerge: (q, sourceId) => MergeService.hasActiveHolds(q, sourceId),
    prepare: (sourceId, targetId) => ledger.merge.prepare(sourceId, targetId),
    apply: (tx, plan, key) => ledger.merge.apply(tx, plan, key),
  });
  members.memberExport.addSection('balances', (memberId) => ledger.queries.balances([memberId]));
  members.memberExport.addSection('transfers', async (memberId, member) => {
    const transfers = [];
    let after: HistoryCursor | undefined;
    for (;;) {
      const page = await ledger.queries.history([memberId, ...(member?.mergedFrom ?? [])], {}, 500, after);
      transfers.push(...page.slice(0, 500).map(({ cursorKey: _c, ...t }) => t));
      if (page.length <= 500) break;
      after = page[499]!.cursorKey;
    }
    return transfers;
  });
}
