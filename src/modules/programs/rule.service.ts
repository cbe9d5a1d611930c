/**
 * Earn-rule versions: like contracts, a new version per change, effective from now or a later instant,
 * never edited in place and never backdated (a purchase already evaluated is never re-evaluated). The
 * whole rule set is validated before anything is written.
 */
import type { Sql } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { clock } from '../../platform/clock.js';
import { notFound } from '../../platform/graphql/errors.js';
import { ProgramsErrors } from './programs.exception.js';
import { parseRuleSet } from './rules.parse.js';
import type { ProgramStore } from './program.store.js';
import type { RuleSetVersion } from './programs.model.js';

/** Clock skew a client's "now" may have: an effectiveFrom this little in the past means now. */
export const BACKDATE_TOLERANCE_MS = 5_000;

export class RuleService {
  constructor(
    private readonly sql: Sql,
    private readonly store: ProgramStore,
  ) {}

  async set(partnerId: string, rulesJson: string, effectiveFrom?: Date | null): Promise<RuleSetVersion> {
    parseRuleSet(rulesJson); // throws RULES_INVALID naming the first bad field
    if (effectiveFrom && effectiveFrom.getTime() < clock.nowMs() - BACKDATE_TOLERANCE_MS)
      throw ProgramsErrors.backdated();
    const id = await this.sql.transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock(hashtext('program-rules:' || $1))`, [partnerId]);
      // Never before this moment (after the lock): a version must not reach back over purchases already evaluated.
      const rows = await tx.query<{ id: string }>(
        `insert into program_rule_set (id, partner_id, version, effective_from, rules)
         select $1, $2, coalesce((select max(version) from program_rule_set where partner_id = $2), 0) + 1,
                greatest($3::timestamptz, hub_clock_timestamp()), $4::jsonb
          where exists (select 1 from partner where id = $2)
         on conflict (partner_id, effective_from) do nothing returning id`,
        [newId(), partnerId, effectiveFrom ?? null, rulesJson],
      );
      if (!rows[0]) {
        const exists = await tx.query(`select 1 from partner where id = $1`, [partnerId]);
        throw exists.length ? ProgramsErrors.versionExists() : notFound('Partner');
      }
      return rows[0].id;
    });
    this.store.forget();
    return (await this.store.program(partnerId)).versions.find((v) => v.id === id)!;
  }

  /** Every version, newest first. */
  async versions(partnerId: string): Promise<RuleSetVersion[]> {
    return [...(await this.store.program(partnerId)).versions].reverse();
  }
}
