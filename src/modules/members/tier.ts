/**
 * Coalition-wide tiers from qualifying points: PTS earned at every partner
 * over the trailing 12 months, less what was reversed. Computed from the
 * ledger when read, so it reflects every earn and reversal at once and decays
 * as the window moves, with no second copy of the truth to keep in step.
 * The ledger's part is a relation it provides (`QualifyingActivity`): this
 * module never names ledger tables, and the read stays one statement.
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

/**
 * Where qualifying points come from: a relation (a parenthesised SQL query) with the columns
 * `member_id uuid`, `points bigint` (negative for reversals) and `at timestamptz`. The ledger provides it.
 */
export interface QualifyingActivity {
  relation: string;
}

export class TierService {
  private activity?: QualifyingActivity;

  constructor(
    private readonly sql: Sql,
    readonly levels: readonly TierLevel[],
  ) {
    if (levels.length === 0) throw badInput('at least one tier is needed');
  }

  /** Set once at composition, by the module that holds the points. */
  useActivity(activity: QualifyingActivity): void {
    this.activity = activity;
  }

  /** Qualifying points of many members (including members merged into them). */
  async qualifyingPoints(memberIds: readonly string[]): Promise<Map<string, bigint>> {
    if (!this.activity) throw new Error('TierService: no qualifying activity registered');
    const rows = await this.sql.reads.query<{ member_id: string; points: string }>(
      `with recursive family(root, id) as (
         select id, id from unnest($1::uuid[]) as r(id)
         union all select f.root, m.id from member m join family f on m.merged_into = f.id
       )
       select f.root as member_id,
              coalesce(sum(q.points), 0)::text as points
         from family f left join ${this.activity.relation} q on q.member_id = f.id and q.at > hub_now() - interval '12 months'
        group by f.root`,
      [memberIds],
    );
    return new Map(rows.map((r) => [r.member_id, BigInt(r.points)]));
  }
}
