/**
 * Listings: the member's catalog across every brand it can use, its redemption history and wishlist; the
 * partner's rewards and redemptions. Each page is one statement, whatever its size (keyset pagination over
 * indexes; what a row needs from elsewhere is joined in, never fetched per row).
 */
import type { Sql } from '../../platform/db/sql.js';
import { LedgerReads } from '../ledger/index.js';
import {
  REDEMPTION_COLUMNS,
  redemptionFrom,
  REWARD_COLUMNS,
  REWARD_JOINS,
  rewardFrom,
  type Redemption,
  type Reward,
  type RewardKind,
} from './rewards.model.js';

export enum CatalogSort {
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
}

/** A page key: the sort value and the id (prices as decimal text; for id orders, the id twice). */
export type CatalogKey = [string, string];
export const isCatalogKey = (k: unknown): k is CatalogKey =>
  Array.isArray(k) &&
  k.length === 2 &&
  typeof k[0] === 'string' &&
  typeof k[1] === 'string' &&
  /^[0-9a-f-]{36}$/.test(k[1]);

export interface CatalogFilter {
  partnerId?: string | null;
  kind?: RewardKind | null;
  affordableOnly?: boolean | null;
}

/** A reward as one member sees it: what it has, what it has used, whether the reward has a unit left. */
export interface CatalogEntry {
  reward: Reward;
  available: bigint;
  used: number;
  inStock: boolean;
}

const ORDER: Record<CatalogSort, { expr: string; dir: 'asc' | 'desc'; key: (r: Reward) => string }> = {
  // Ids are UUIDv7: their order is the order they were made in (to the millisecond, then random).
  [CatalogSort.NEWEST]: { expr: 'r.id', dir: 'desc', key: (r) => r.id },
  [CatalogSort.PRICE_ASC]: { expr: 'p.price', dir: 'asc', key: (r) => r.price.toString() },
  [CatalogSort.PRICE_DESC]: { expr: 'p.price', dir: 'desc', key: (r) => r.price.toString() },
};

export const catalogKeyOf = (sort: CatalogSort, r: Reward): CatalogKey => [ORDER[sort].key(r), r.id];

/** What a member's catalog row adds to the reward's columns: balance, redemptions counted, a unit left. */
const MEMBER_COLUMNS = `coalesce(w.available, 0)::text as available,
  (select count(*) from reward_redemption d where d.reward_id = r.id and d.member_id = $1 and d.status in ('PENDING', 'FULFILLED'))::int as used,
  (s.remaining is null or s.remaining > 0)
    and (r.kind <> 'VOUCHER' or exists (select 1 from reward_code c where c.reward_id = r.id and c.redemption_id is null)) as in_stock`;

const MEMBER_JOIN = `left join ${LedgerReads.walletBalances} w on w.member_id = $1 and w.currency = r.currency`;

const entryFrom = (row: Record<string, unknown>): CatalogEntry => ({
  reward: rewardFrom(row),
  available: BigInt(row.available as string),
  used: Number(row.used),
  inStock: row.in_stock === true,
});

export class CatalogQueries {
  constructor(private readonly sql: Sql) {}

  /**
   * Published rewards within their validity window that the member can use: every brand's COALITION
   * rewards and the LINKED rewards of the partners it is linked to (`partnerIds` narrows to some brands: a
   * partner-bound member token sees its partner's only).
   */
  async catalog(
    memberId: string,
    linkedPartnerIds: readonly string[],
    filter: CatalogFilter,
    sort: CatalogSort,
    page: { limit: number; after?: CatalogKey },
    onlyPartnerId?: string,
  ): Promise<CatalogEntry[]> {
    const o = ORDER[sort];
    const cmp = o.dir === 'desc' ? '<' : '>';
    const cast = sort === CatalogSort.NEWEST ? 'uuid' : 'bigint';
    const rows = await this.sql.reads.query(
      `select ${REWARD_COLUMNS}, ${MEMBER_COLUMNS}
         from reward r ${REWARD_JOINS} ${MEMBER_JOIN}
        where r.status = 'PUBLISHED'
          and (r.valid_from is null or r.valid_from <= hub_now()) and (r.valid_until is null or r.valid_until > hub_now())
          and (r.audience = 'COALITION' or r.partner_id = any($2::uuid[]))
          and ($3::uuid is null or r.partner_id = $3) and ($4::text is null or r.kind = $4)
          and (not $5::boolean or coalesce(w.available, 0) >= p.price)
          and ($6::text is null or (${o.expr}, r.id) ${cmp} ($6::${cast}, $7::uuid))
          and ($9::uuid is null or r.partner_id = $9)
        order by ${o.expr} ${o.dir}, r.id ${o.dir}
        limit $8`,
      [
        memberId,
        linkedPartnerIds,
        filter.partnerId ?? null,
        filter.kind ?? null,
        filter.affordableOnly ?? false,
        page.after?.[0] ?? null,
        page.after?.[1] ?? null,
        page.limit + 1,
        onlyPartnerId ?? null,
      ],
    );
    return rows.map(entryFrom);
  }

  /** The member's view of some rewards (the wishlist), in one statement. */
  async entries(memberId: string, rewardIds: readonly string[]): Promise<CatalogEntry[]> {
    const rows = await this.sql.reads.query(
      `select ${REWARD_COLUMNS}, ${MEMBER_COLUMNS} from reward r ${REWARD_JOINS} ${MEMBER_JOIN} where r.id = any($2::uuid[])`,
      [memberId, rewardIds],
    );
    return rows.map(entryFrom);
  }

  /** A partner's rewards, newest first (every status). */
  async ofPartner(
    partnerId: string,
    status: string | null,
    page: { limit: number; after?: CatalogKey },
  ): Promise<Reward[]> {
    const rows = await this.sql.reads.query(
      `select ${REWARD_COLUMNS} from reward r ${REWARD_JOINS}
        where r.partner_id = $1 and ($2::text is null or r.status = $2)
          and ($3::uuid is null or r.id < $3::uuid)
        order by r.id desc limit $4`,
      [partnerId, status, page.after?.[1] ?? null, page.limit + 1],
    );
    return rows.map(rewardFrom);
  }

  /** Redemptions, newest first: a member's (history) or a partner's (by status: PENDING = to fulfil). */
  async redemptions(
    by: { memberId: string } | { partnerId: string },
    status: string | null,
    page: { limit: number; after?: CatalogKey },
    onlyPartnerId?: string,
  ): Promise<Redemption[]> {
    const column = 'memberId' in by ? 'd.member_id' : 'd.partner_id';
    const rows = await this.sql.reads.query(
      `select ${REDEMPTION_COLUMNS} from reward_redemption d left join reward_code c on c.id = d.code_id
        where ${column} = $1 and ($2::text is null or d.status = $2)
          and ($3::uuid is null or d.id < $3::uuid) and ($5::uuid is null or d.partner_id = $5)
        order by d.id desc limit $4`,
      [
        'memberId' in by ? by.memberId : by.partnerId,
        status,
        page.after?.[1] ?? null,
        page.limit + 1,
        onlyPartnerId ?? null,
      ],
    );
    return rows.map(redemptionFrom);
  }

  /** Voucher pool levels of some rewards: codes free and in all (one statement; DataLoader). */
  async poolLevels(rewardIds: readonly string[]): Promise<Map<string, { free: number; total: number }>> {
    const rows = await this.sql.reads.query<{ reward_id: string; free: number; total: number }>(
      `select reward_id, count(*) filter (where redemption_id is null)::int as free, count(*)::int as total
         from reward_code where reward_id = any($1::uuid[]) group by reward_id`,
      [rewardIds],
    );
    return new Map(rows.map((r) => [r.reward_id, { free: r.free, total: r.total }]));
  }

  /** The member's wishlist, newest first: reward ids. */
  async wishlist(memberId: string): Promise<string[]> {
    const rows = await this.sql.reads.query<{ reward_id: string }>(
      `select reward_id from reward_wish where member_id = $1 order by created_at desc, reward_id limit 200`,
      [memberId],
    );
    return rows.map((r) => r.reward_id);
  }
}
