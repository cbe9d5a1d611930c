/**
 * Coalition-wide tiers from qualifying points: PTS earned at every partner
 * over the trailing 12 months, less what was reversed. Computed from the
 * ledger when read, so it reflects every earn and reversal at once and decays
 * as the window moves, with no second copy of the truth to keep in step.
 */
import type { Sql } from '../../platform/db/sql.js';
import { badInput } from '../../platform/graphql/errors.js';

export interface TierLevel {
  name: string;
  threshold: bigint;
}

export interface TierStatus {
  name: string;
  qualifyingPoints: bigint;
  nextTier: string | null;
  pointsToNextTier: bigint | null;
}

/** Parses "BRONZE:0,SILVER:5000,GOLD:20000" (thresholds ascending, the first 0). */
export function parseTiers(spec: string): TierLevel[] {
  const levels = spec.split(',').map((part) => {
    const m = /^\s*([A-Z][A-Z0-9_]{0,31})\s*:\s*(\d{1,15})\s*$/.exec(part);
    if (!m) throw new Error(`tier "${part}" must look like NAME:POINTS`);
    return { name: m[1]!, threshold: BigInt(m[2]!) };
  });
  if (levels[0]?.threshold !== 0n) throw new Error('the first tier must start at 0 points');
  for (let i = 1; i < levels.length; i++)
    if (levels[i]!.threshold <= levels[i - 1]!.threshold) throw new Error('tier thresholds must ascend');
  return levels;
}

export function tierFor(levels: readonly TierLevel[], points: bigint): TierStatus {
  let index = 0;
  for (let i = 0; i < levels.length; i++) if (points >= levels[i]!.threshold) index = i;
  const next = levels[index + 1];
  return {
    name: levels[index]!.name,
    qualifyingPoints: points,
    nextTier: next?.name ?? null,
    pointsToNextTier: next ? next.threshold - points : null,
  };
}

export class TierService {
  constructor(
    private readonly sql: Sql,
    readonly levels: readonly TierLevel[],
  ) {
    if (levels.length === 0) throw badInput('at least one tier is needed');
  }

  /** Qualifying points of many members (including members merged into them). */
  async qualifyingPoints(memberIds: readonly string[]): Promise<Map<string, bigint>> {
    const rows = await this.sql.query<{ member_id: string; points: string }>(
      `with recursive family(root, id) as (
         select id, id from unnest($1::uuid[]) as r(id)
         union all select f.root, m.id from member m join family f on m.merged_into = f.id
       )
       select f.root as member_id,
              coalesce(sum(case when t.kind = 'EARN' then t.amount else -t.amount end), 0)::text as points
         from family f left join transfer t on t.member_id = f.id and t.currency = 'PTS'
          and t.kind in ('EARN', 'REVERSE_EARN', 'REVERSE_EARN_SHORTFALL') and t.created_at > hub_now() - interval '12 months'
        group by f.root`,
      [memberIds],
    );
    return new Map(rows.map((r) => [r.member_id, BigInt(r.points)]));
  }
}
