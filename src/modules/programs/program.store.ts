/**
 * A partner's program — every rule-set version and every campaign it hosts, with their status changes —
 * read once and cached in the process (FeedCache): a purchase never reads rules from the database. Any
 * change to these tables, by any process, announces 'programs' on the change feed (the migration's
 * triggers) and drops the cache; a change made here drops it at once.
 */
import type { Database } from '../../platform/db/orm.js';
import type { Sql } from '../../platform/db/sql.js';
import { FeedCache } from '../../platform/db/change-feed.js';
import { toDate } from '../../platform/db/values.js';
import { parseDecimal } from '../../platform/decimal.js';
import { parseCampaignDefinition, parseRuleSet } from './rules.parse.js';
import { CampaignStatus, type Campaign, type RuleSetVersion, type Stacking } from './programs.model.js';

export interface Program {
  /** Oldest first. */
  versions: RuleSetVersion[];
  campaigns: Campaign[];
  /** The member facts any condition of this program names (member.tier, ...): only those are computed. */
  memberVars: Set<string>;
}

const TOPIC = 'programs';

export class ProgramStore {
  private readonly cache: FeedCache<Program>;

  constructor(
    db: Database,
    private readonly sql: Sql,
  ) {
    this.cache = new FeedCache(db.changes, TOPIC, 10_000);
  }

  /** A change made by this process: forget at once (others hear it from the triggers). */
  forget(): void {
    this.cache.clear();
  }

  async program(partnerId: string): Promise<Program> {
    const cached = this.cache.get(partnerId);
    if (cached) return cached;
    const mark = this.cache.mark();
    const program = await this.load(partnerId);
    this.cache.set(mark, partnerId, program);
    return program;
  }

  private async load(partnerId: string): Promise<Program> {
    const used = new Set<string>();
    const rows = await this.sql.query<Record<string, unknown>>(
      `select 'r' as k, id, version, effective_from as at, rules::text as doc, null::text as name, null::timestamptz as ends_at,
              null::text as stacking, null::text as funders, null::text as budget, created_at, null::text as statuses
         from program_rule_set where partner_id = $1
       union all
       select 'c', c.id, null, c.starts_at, c.definition::text, c.name, c.ends_at, c.stacking, c.funders::text, c.budget::text, c.created_at,
              (select json_agg(json_build_object('at', s.at, 'status', s.status) order by s.at, s.id)::text from program_campaign_status s where s.campaign_id = c.id)
         from program_campaign c where c.partner_id = $1`,
      [partnerId],
    );
    const versions: RuleSetVersion[] = [];
    const campaigns: Campaign[] = [];
    for (const r of rows) {
      if (r.k === 'r') {
        const { ruleSet, source } = parseRuleSet(r.doc as string, used);
        versions.push({
          id: r.id as string,
          partnerId,
          version: Number(r.version),
          effectiveFrom: toDate(r.at),
          ruleSet,
          source,
          createdAt: toDate(r.created_at),
        });
      } else {
        const { definition, source } = parseCampaignDefinition(r.doc as string, used);
        const statuses = (JSON.parse(r.statuses as string) as { at: string; status: CampaignStatus }[]).map((s) => ({
          at: toDate(s.at),
          status: s.status,
        }));
        campaigns.push({
          id: r.id as string,
          partnerId,
          name: r.name as string,
          startsAt: toDate(r.at),
          endsAt: toDate(r.ends_at),
          stacking: r.stacking as Stacking,
          definition,
          source,
          funders: (JSON.parse(r.funders as string) as { partnerId: string; share: string }[]).map((f) => ({
            partnerId: f.partnerId,
            share: parseDecimal(f.share)!,
          })),
          budget: r.budget == null ? null : BigInt(r.budget as string),
          statuses,
          createdAt: toDate(r.created_at),
        });
      }
    }
    versions.sort((a, b) => a.version - b.version);
    campaigns.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    return { versions, campaigns, memberVars: new Set([...used].filter((v) => v.startsWith('member.'))) };
  }
}

/** The rule-set version in force at `at` (the latest that started by then). */
export function versionAt(program: Program, at: Date): RuleSetVersion | undefined {
  let found: RuleSetVersion | undefined;
  for (const v of program.versions) if (v.effectiveFrom.getTime() <= at.getTime()) found = v;
  return found;
}

/** A campaign's status at `at`: its last change by then (ENDED also once its end time has passed). */
export function statusAt(c: Campaign, at: Date): CampaignStatus {
  if (at.getTime() >= c.endsAt.getTime()) return CampaignStatus.ENDED;
  let status = CampaignStatus.ACTIVE;
  for (const s of c.statuses) if (s.at.getTime() <= at.getTime()) status = s.status;
  return status;
}

/** Campaigns running at `at` (started, not ended, not paused) and targeted at a member of `tier`. */
export function campaignsAt(program: Program, at: Date, tier: string | null): Campaign[] {
  return program.campaigns.filter(
    (c) =>
      c.startsAt.getTime() <= at.getTime() &&
      statusAt(c, at) === CampaignStatus.ACTIVE &&
      (c.definition.tiers.length === 0 || (tier != null && c.definition.tiers.includes(tier))),
  );
}
