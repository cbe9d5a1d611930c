/** The rewards module's front door: the catalog, its listings, code pools and redemptions over shared parts. */
import type { Sql } from '../../platform/db/sql.js';
import type { LedgerService } from '../ledger/index.js';
import type { MembersServices } from '../members/index.js';
import { CatalogService } from './catalog.service.js';
import { CatalogQueries } from './catalog.queries.js';
import { CodesService } from './codes.service.js';
import { RewardRedemptionService, type MemberStanding } from './redemption.service.js';

export class RewardsService {
  readonly catalog: CatalogService;
  readonly queries: CatalogQueries;
  readonly codes: CodesService;
  readonly redemptions: RewardRedemptionService;

  constructor(
    private readonly sql: Sql,
    ledger: LedgerService,
    private readonly members: MembersServices,
    settings: { maxPrice: bigint; maxFulfilmentSeconds: number },
  ) {
    const tiers = members.tiers.levels.map((l) => l.name);
    this.catalog = new CatalogService(sql, ledger, { ...settings, tiers });
    this.queries = new CatalogQueries(sql);
    this.codes = new CodesService(sql);
    this.redemptions = new RewardRedemptionService(sql, ledger);
  }

  /** The rank of a tier name in the coalition's tiers (0: the lowest, or none). */
  tierRank(name: string | null): number {
    if (name == null) return 0;
    return Math.max(
      0,
      this.members.tiers.levels.findIndex((l) => l.name === name),
    );
  }

  /**
   * A member's tier rank and the partners it is linked to (a statement each; read before any transaction).
   * `needs` leaves out what the caller does not ask about (its part is then the lowest tier, no links).
   */
  async standing(memberId: string, needs = { tier: true, links: true }): Promise<MemberStanding> {
    const [points, links] = await Promise.all([
      needs.tier ? this.members.tiers.qualifyingPoints([memberId]) : undefined,
      needs.links ? this.members.members.allLinks([memberId]) : undefined,
    ]);
    const qualifying = points?.get(memberId) ?? 0n;
    return {
      tierRank: needs.tier ? this.members.tiers.levels.filter((l) => qualifying >= l.threshold).length - 1 : 0,
      linkedPartnerIds: new Set((links ?? []).map((l) => l.partnerId)),
    };
  }

  /**
   * The member's standing as far as one reward asks: its tier only when the reward has a minimum above the
   * lowest, its links only when the reward is for linked members (a voucher for everyone reads neither: the
   * redemption's hot path stays the ledger's).
   */
  standingFor(memberId: string, reward: { minTier: string | null; audience: string }): Promise<MemberStanding> {
    return this.standing(memberId, { tier: this.tierRank(reward.minTier) > 0, links: reward.audience === 'LINKED' });
  }

  /** Adds a reward to the member's wishlist (again: nothing changes). */
  async wish(memberId: string, rewardId: string): Promise<void> {
    await this.sql.query(`insert into reward_wish (member_id, reward_id) values ($1, $2) on conflict do nothing`, [
      memberId,
      rewardId,
    ]);
  }

  async unwish(memberId: string, rewardId: string): Promise<void> {
    await this.sql.query(`delete from reward_wish where member_id = $1 and reward_id = $2`, [memberId, rewardId]);
  }
}
