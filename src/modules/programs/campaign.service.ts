/**
 * Campaigns: named, time-boxed, targeted, with a stated stacking rule, an optional exact budget of points
 * and one or more funders. A campaign's terms never change after creation; what changes is its status
 * (pause, resume, end), recorded as a dated change so a purchase is evaluated against the status in force
 * at its `occurredAt`. Two EXCLUSIVE campaigns of one partner never overlap in time (checked under a
 * per-partner lock).
 */
import type { Sql } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { clock } from '../../platform/clock.js';
import { badInput, notFound } from '../../platform/graphql/errors.js';
import { add, compare, parseDecimal, toString, type Decimal } from '../../platform/decimal.js';
import { hasControlCharacter } from '../../platform/text.js';
import { ProgramsErrors } from './programs.exception.js';
import { parseCampaignDefinition } from './rules.parse.js';
import type { ProgramStore } from './program.store.js';
import { BACKDATE_TOLERANCE_MS } from './rule.service.js';
import { CampaignStatus, Stacking, type Campaign } from './programs.model.js';

export interface NewCampaign {
  partnerId: string;
  name: string;
  startsAt?: Date | null;
  endsAt: Date;
  stacking: Stacking;
  definition: string;
  budget?: bigint | null;
  /** Shares as decimal strings adding up to exactly 1; the host partner alone when absent. */
  funders?: readonly { partnerId: string; share: string }[] | null;
}

const MAX_FUNDERS = 10;
const MAX_BUDGET = 10n ** 15n;

function checkFunders(host: string, funders: NewCampaign['funders']): { partnerId: string; share: Decimal }[] {
  const list = funders?.length ? funders : [{ partnerId: host, share: '1' }];
  if (list.length > MAX_FUNDERS) throw badInput(`at most ${MAX_FUNDERS} funders.`, 'funders');
  const parsed = list.map((f, i) => {
    const share = parseDecimal(f.share);
    if (!share || share.units <= 0n || share.scale > 6 || compare(share, { units: 1n, scale: 0 }) > 0)
      throw badInput(
        'each share must be a decimal above 0 and at most 1, with at most 6 decimals.',
        `funders[${i}].share`,
      );
    return { partnerId: f.partnerId, share };
  });
  if (new Set(parsed.map((f) => f.partnerId)).size !== parsed.length)
    throw badInput('a funder is listed twice.', 'funders');
  const sum = parsed.reduce((s, f) => add(s, f.share), { units: 0n, scale: 0 });
  if (compare(sum, { units: 1n, scale: 0 }) !== 0) throw badInput('the shares must add up to exactly 1.', 'funders');
  return parsed;
}

export class CampaignService {
  constructor(
    private readonly sql: Sql,
    private readonly store: ProgramStore,
  ) {}

  async create(input: NewCampaign): Promise<Campaign> {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 200 || hasControlCharacter(name))
      throw badInput('name must be 1 to 200 printable characters.', 'name');
    if (input.startsAt && input.startsAt.getTime() < clock.nowMs() - BACKDATE_TOLERANCE_MS)
      throw ProgramsErrors.backdated();
    const startsMs = Math.max(input.startsAt?.getTime() ?? 0, clock.nowMs());
    if (input.endsAt.getTime() <= startsMs) throw badInput('endsAt must be after startsAt.', 'endsAt');
    if (!Object.values(Stacking).includes(input.stacking)) throw badInput('unknown stacking.', 'stacking');
    parseCampaignDefinition(input.definition);
    if (input.budget != null && (input.budget <= 0n || input.budget > MAX_BUDGET))
      throw badInput(`budget must be 1 to ${MAX_BUDGET} points.`, 'budget');
    const funders = checkFunders(input.partnerId, input.funders);
    const id = newId();
    await this.sql.transaction(async (tx) => {
      const partners = [...new Set([input.partnerId, ...funders.map((f) => f.partnerId)])];
      const found = await tx.query<{ id: string }>(`select id from partner where id = any($1::uuid[])`, [partners]);
      if (found.length !== partners.length) throw notFound('Partner');
      // One campaign change per partner at a time: the EXCLUSIVE overlap check sees every earlier one.
      await tx.query(`select pg_advisory_xact_lock(hashtext('program-campaigns:' || $1))`, [input.partnerId]);
      const rows = await tx.query<{ id: string; starts_at: string }>(
        `insert into program_campaign (id, partner_id, name, starts_at, ends_at, stacking, definition, funders, budget)
         values ($1, $2, $3, greatest($4::timestamptz, hub_clock_timestamp()), $5, $6, $7::jsonb, $8::jsonb, $9) returning id, starts_at`,
        [
          id,
          input.partnerId,
          name,
          input.startsAt ?? null,
          input.endsAt,
          input.stacking,
          input.definition,
          JSON.stringify(funders.map((f) => ({ partnerId: f.partnerId, share: toString(f.share) }))),
          input.budget?.toString() ?? null,
        ],
      );
      if (input.stacking === Stacking.EXCLUSIVE) {
        // An EXCLUSIVE campaign runs until its end time or until it was ended, whichever is first.
        const [overlap] = await tx.query<{ id: string }>(
          `select c.id from program_campaign c
            where c.partner_id = $1 and c.stacking = 'EXCLUSIVE' and c.id <> $2
              and c.starts_at < $4 and $3 < coalesce((select min(s.at) from program_campaign_status s where s.campaign_id = c.id and s.status = 'ENDED'), c.ends_at)
            order by c.id limit 1`,
          [input.partnerId, id, rows[0]!.starts_at, input.endsAt],
        );
        if (overlap) throw ProgramsErrors.exclusiveOverlap(overlap.id);
      }
      await tx.query(`insert into program_campaign_status (campaign_id, at, status) values ($1, $2, 'ACTIVE')`, [
        id,
        rows[0]!.starts_at,
      ]);
      if (input.budget != null)
        await tx.query(`insert into program_campaign_budget (campaign_id, remaining) values ($1, $2)`, [
          id,
          input.budget.toString(),
        ]);
    });
    this.store.forget();
    return (await this.get(id))!;
  }

  /** A campaign by id (any partner's: callers check who may see it). */
  async get(id: string): Promise<Campaign | undefined> {
    const [row] = await this.sql.query<{ partner_id: string }>(
      `select partner_id from program_campaign where id = $1`,
      [id],
    );
    if (!row) return undefined;
    return (await this.store.program(row.partner_id)).campaigns.find((c) => c.id === id);
  }

  /** The partner's campaigns, oldest first. */
  async list(partnerId: string): Promise<Campaign[]> {
    return (await this.store.program(partnerId)).campaigns;
  }

  /** Pause, resume or end now. An ended campaign never changes again. */
  async setStatus(campaign: Campaign, status: CampaignStatus): Promise<Campaign> {
    await this.sql.transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock(hashtext('program-campaigns:' || $1))`, [campaign.partnerId]);
      const [row] = await tx.query<{ status: string | null; over: boolean }>(
        `select (select s.status from program_campaign_status s where s.campaign_id = c.id order by s.at desc, s.id desc limit 1) as status,
                c.ends_at <= hub_clock_timestamp() as over
           from program_campaign c where c.id = $1`,
        [campaign.id],
      );
      if (!row || row.over || row.status === CampaignStatus.ENDED) throw ProgramsErrors.campaignEnded();
      await tx.query(
        `insert into program_campaign_status (campaign_id, at, status) values ($1, greatest(hub_clock_timestamp(), (select max(at) from program_campaign_status where campaign_id = $1)), $2)`,
        [campaign.id, status],
      );
    });
    this.store.forget();
    return (await this.get(campaign.id))!;
  }

  /** What is left of each budget (points), by campaign id. */
  async remaining(ids: readonly string[]): Promise<Map<string, bigint>> {
    const rows = await this.sql.query<{ campaign_id: string; remaining: string }>(
      `select campaign_id, remaining::text as remaining from program_campaign_budget where campaign_id = any($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.campaign_id, BigInt(r.remaining)]));
  }

  /** Points awarded so far, per funder (before refunds): what each funder's share has cost in points. */
  async costByFunder(id: string): Promise<{ partnerId: string; points: bigint; awards: number }[]> {
    const rows = await this.sql.query<{ partner_id: string; points: string; awards: string }>(
      `select s.key as partner_id, sum(s.value::bigint)::text as points, count(*)::text as awards
         from program_campaign_award a, jsonb_each_text(a.shares) s where a.campaign_id = $1 group by s.key order by s.key`,
      [id],
    );
    return rows.map((r) => ({ partnerId: r.partner_id, points: BigInt(r.points), awards: Number(r.awards) }));
  }
}
