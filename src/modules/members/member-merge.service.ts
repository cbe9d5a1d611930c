/**
 * Merging a duplicate member into another, in one transaction: the ledger
 * moves the points by transfers, then links, identifiers and consent history
 * move and the duplicate's id starts resolving to the survivor.
 */
import type { Database } from '../../platform/db/orm.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import { MergeService } from '../ledger/merge.service.js';
import { MemberService } from './member.service.js';
import { MemberErrors } from './member.exception.js';

export class MemberMergeService {
  constructor(
    private readonly db: Database,
    private readonly members: MemberService,
    private readonly ledger: LedgerService,
  ) {}

  async merge(sourceId: string, targetId: string): Promise<string> {
    await this.members.checkMergeable(sourceId, targetId);
    // Checked before the plan creates the survivor's accounts, so a refused merge writes nothing (and again under the locks below).
    if (await MergeService.hasActiveHolds(this.db.sql, sourceId)) throw MemberErrors.activeHolds();
    const plan = await this.ledger.merge.prepare(sourceId, targetId);
    await this.db.sql.transaction(async (tx) => {
      // Both member rows locked (ascending) so concurrent merges of either cannot interleave.
      const rows = await tx.query<{ id: string; merged_into: string | null; erased_at: unknown }>(
        `select id, merged_into, erased_at from member where id = any($1::uuid[]) order by id for update`,
        [[sourceId, targetId]],
      );
      for (const r of rows) {
        if (r.merged_into) throw MemberErrors.alreadyMerged(r.merged_into);
        if (r.erased_at) throw MemberErrors.erased();
      }
      if (await MergeService.hasActiveHolds(tx, sourceId)) throw MemberErrors.activeHolds();
      await this.ledger.merge.apply(tx, plan, `merge:${sourceId}`);
      await MemberService.mergeRecords(tx, sourceId, targetId);
    });
    this.members.linksChanged();
    return targetId;
  }
}
