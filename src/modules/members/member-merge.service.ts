/**
 * Merging a duplicate member into another, in one transaction: the modules
 * that hold member data elsewhere (the ledger's points) move it first, then
 * links, identifiers and consent history move and the duplicate's id starts
 * resolving to the survivor. Those modules take part through `MergeParticipant`
 * (registered at composition), so this module never imports them.
 */
import type { Database } from '../../platform/db/orm.js';
import type { Outbox } from '../outbox/index.js';
import type { Queryable, SqlClient } from '../../platform/db/sql.js';
import { MemberService } from './member.service.js';
import { MemberErrors } from './member.exception.js';

/** Another module's part in a merge (the ledger moves the points by transfers). */
export interface MergeParticipant<Plan = unknown> {
  /** True while the source member cannot be merged (active holds): asked before and again under the locks. */
  blocksMerge(q: Queryable, sourceId: string): Promise<boolean>;
  /** Work done before the transaction opens (e.g. creating the survivor's accounts). */
  prepare(sourceId: string, targetId: string): Promise<Plan>;
  /** Inside the merge transaction, after both member rows are locked. */
  apply(tx: SqlClient, plan: Plan, idempotencyKey: string): Promise<void>;
}

export class MemberMergeService {
  private readonly participants: MergeParticipant[] = [];

  constructor(
    private readonly db: Database,
    private readonly members: MemberService,
    private readonly outbox: Outbox,
  ) {}

  addParticipant<Plan>(participant: MergeParticipant<Plan>): void {
    this.participants.push(participant as MergeParticipant);
  }

  private async blocked(q: Queryable, sourceId: string): Promise<boolean> {
    for (const p of this.participants) if (await p.blocksMerge(q, sourceId)) return true;
    return false;
  }

  async merge(sourceId: string, targetId: string): Promise<string> {
    await this.members.checkMergeable(sourceId, targetId);
    // Checked before the plans create the survivor's accounts, so a refused merge writes nothing (and again under the locks below).
    if (await this.blocked(this.db.sql, sourceId)) throw MemberErrors.activeHolds();
    const plans: unknown[] = [];
    for (const p of this.participants) plans.push(await p.prepare(sourceId, targetId));
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
      if (await this.blocked(tx, sourceId)) throw MemberErrors.activeHolds();
      for (const [i, p] of this.participants.entries()) await p.apply(tx, plans[i], `merge:${sourceId}`);
      await MemberService.mergeRecords(tx, sourceId, targetId);
      // Every partner linked to the survivor now (its own links and the duplicate's) hears of the merge.
      const linked = await tx.query<{ partner_id: string }>(
        `select distinct partner_id from member_link where member_id = $1 order by partner_id`,
        [targetId],
      );
      this.outbox.emit(
        tx,
        linked.map((l) => ({
          type: 'member.merged',
          partnerId: l.partner_id,
          memberId: targetId,
          payload: { mergedMemberId: sourceId },
        })),
      );
    });
    this.members.linksChanged();
    return targetId;
  }
}
