/**
 * The partner's side of the catalog: rewards (drafts, publish, pause, retire), their price versions (a new
 * version never touches a redemption already made: each keeps the price it was made at) and counted stock.
 */
import type { Sql } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { badInput, notFound } from '../../platform/graphql/errors.js';
import { AppError } from '../../platform/graphql/errors.js';
import { hasControlCharacter } from '../../platform/text.js';
import { checkAmount, type LedgerService } from '../ledger/index.js';
import { REWARD_COLUMNS, REWARD_JOINS, rewardFrom, RewardAudience, RewardKind, RewardStatus } from './rewards.model.js';
import type { Reward } from './rewards.model.js';
import { RewardsErrors } from './rewards.exception.js';

const ISO_4217 = new Set(Intl.supportedValuesOf('currency'));
/** The most units one reward may count (a guard against typos, far above any real stock). */
export const MAX_STOCK = 1_000_000_000n;
const MAX_LIMIT = 1_000_000;

/** Everything a reward says about itself that is not its price, stock or status. */
export interface RewardDetails {
  title?: string | null;
  description?: string | null;
  imageUrl?: string | null;
  fiatValue?: bigint | null;
  fiatCurrency?: string | null;
  minTier?: string | null;
  audience?: RewardAudience | null;
  validFrom?: Date | null;
  validUntil?: Date | null;
  perMemberLimit?: number | null;
  fulfilmentSeconds?: number | null;
}

export interface NewReward extends RewardDetails {
  kind: RewardKind;
  title: string;
  currency?: string | null;
  price: bigint;
  /** Units; null or absent: unlimited. */
  stock?: bigint | null;
}

/** Which status a reward may move to from which (a retired reward never comes back; nothing returns to DRAFT). */
const MOVES: Record<RewardStatus, RewardStatus[]> = {
  [RewardStatus.DRAFT]: [],
  [RewardStatus.PUBLISHED]: [RewardStatus.DRAFT, RewardStatus.PAUSED],
  [RewardStatus.PAUSED]: [RewardStatus.PUBLISHED],
  [RewardStatus.RETIRED]: [RewardStatus.DRAFT, RewardStatus.PUBLISHED, RewardStatus.PAUSED],
};

function text(v: string | null | undefined, field: string, max: number): string | null {
  if (v == null) return null;
  if (v.trim().length === 0 || v.length > max || hasControlCharacter(v.replace(/[\n\t]/g, ' ')))
    throw badInput(`${field} must be 1 to ${max} printable characters.`, field);
  return v;
}

function imageUrl(v: string | null | undefined): string | null {
  if (v == null) return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw badInput('imageUrl must be an absolute https URL.', 'imageUrl');
  }
  // Checked as stored (normalised, percent-encoded), so the column's own length check never trips.
  const stored = url.toString();
  if (url.protocol !== 'https:' || stored.length > 2000)
    throw badInput('imageUrl must be an absolute https URL of at most 2,000 characters.', 'imageUrl');
  return stored;
}

/** The columns a reward's details are stored in, in the order `detailValues` gives them. */
const DETAIL_COLUMNS = [
  'title',
  'description',
  'image_url',
  'fiat_value',
  'fiat_currency',
  'min_tier',
  'audience',
  'valid_from',
  'valid_until',
  'per_member_limit',
  'fulfilment_seconds',
] as const;

const detailValues = (d: ReturnType<CatalogService['details']>): unknown[] => [
  d.title,
  d.description,
  d.imageUrl,
  d.fiatValue?.toString() ?? null,
  d.fiatCurrency,
  d.minTier,
  d.audience,
  d.validFrom,
  d.validUntil,
  d.perMemberLimit,
  d.fulfilmentSeconds,
];

export function checkStock(stock: bigint | null | undefined, field = 'stock'): bigint | null {
  if (stock == null) return null;
  if (stock < 0n || stock > MAX_STOCK) throw badInput(`${field} must be 0 to ${MAX_STOCK}.`, field);
  return stock;
}

export class CatalogService {
  constructor(
    private readonly sql: Sql,
    private readonly ledger: LedgerService,
    private readonly settings: { maxPrice: bigint; maxFulfilmentSeconds: number; tiers: readonly string[] },
  ) {}

  private checkPrice(price: bigint): bigint {
    return checkAmount(price, this.settings.maxPrice, 'price');
  }

  /** The checked details, merged over `base` (an update keeps what it does not name). */
  details(input: RewardDetails, base?: Reward) {
    const fiatValue = input.fiatValue !== undefined ? input.fiatValue : (base?.fiatValue ?? null);
    const fiatCurrency = input.fiatCurrency !== undefined ? input.fiatCurrency : (base?.fiatCurrency ?? null);
    if ((fiatValue == null) !== (fiatCurrency == null))
      throw badInput('fiatValue and fiatCurrency go together.', fiatValue == null ? 'fiatValue' : 'fiatCurrency');
    if (fiatValue != null && (fiatValue <= 0n || fiatValue > 10n ** 15n))
      throw badInput('fiatValue must be 1 to 10^15 (minor units).', 'fiatValue');
    if (fiatCurrency != null && !ISO_4217.has(fiatCurrency))
      throw new AppError('UNKNOWN_FIAT_CURRENCY', `"${fiatCurrency}" is not an ISO 4217 currency.`, {
        field: 'fiatCurrency',
      });
    const minTier = input.minTier !== undefined ? input.minTier : (base?.minTier ?? null);
    if (minTier != null && !this.settings.tiers.includes(minTier))
      throw badInput(`minTier must be one of ${this.settings.tiers.join(', ')}.`, 'minTier');
    const validFrom = input.validFrom !== undefined ? input.validFrom : (base?.validFrom ?? null);
    const validUntil = input.validUntil !== undefined ? input.validUntil : (base?.validUntil ?? null);
    for (const [field, d] of [
      ['validFrom', validFrom],
      ['validUntil', validUntil],
    ] as const)
      if (d && Number.isNaN(d.getTime())) throw badInput(`${field} is not a valid time.`, field);
    if (validFrom && validUntil && validUntil <= validFrom)
      throw badInput('validUntil must be after validFrom.', 'validUntil');
    const perMemberLimit = input.perMemberLimit !== undefined ? input.perMemberLimit : (base?.perMemberLimit ?? null);
    if (
      perMemberLimit != null &&
      (!Number.isInteger(perMemberLimit) || perMemberLimit < 1 || perMemberLimit > MAX_LIMIT)
    )
      throw badInput(`perMemberLimit must be 1 to ${MAX_LIMIT}.`, 'perMemberLimit');
    const fulfilment = input.fulfilmentSeconds ?? base?.fulfilmentSeconds ?? this.settings.maxFulfilmentSeconds;
    const shortest = Math.min(60, this.settings.maxFulfilmentSeconds);
    if (!Number.isInteger(fulfilment) || fulfilment < shortest || fulfilment > this.settings.maxFulfilmentSeconds)
      throw badInput(
        `fulfilmentSeconds must be ${shortest} to ${this.settings.maxFulfilmentSeconds}.`,
        'fulfilmentSeconds',
      );
    return {
      title: input.title !== undefined && input.title !== null ? text(input.title, 'title', 200) : base?.title,
      description:
        input.description !== undefined ? text(input.description, 'description', 4000) : (base?.description ?? null),
      imageUrl: input.imageUrl !== undefined ? imageUrl(input.imageUrl) : (base?.imageUrl ?? null),
      fiatValue,
      fiatCurrency,
      minTier,
      audience: input.audience ?? base?.audience ?? RewardAudience.COALITION,
      validFrom,
      validUntil,
      perMemberLimit,
      fulfilmentSeconds: fulfilment,
    };
  }

  async create(partnerId: string, input: NewReward): Promise<Reward> {
    if (!Object.values(RewardKind).includes(input.kind)) throw badInput('unknown kind.', 'kind');
    const price = this.checkPrice(input.price);
    const stock = checkStock(input.stock);
    const d = this.details(input);
    if (!d.title) throw badInput('title must be 1 to 200 printable characters.', 'title');
    // PTS, or a branded currency of this partner (UNKNOWN_CURRENCY, CURRENCY_NOT_ISSUABLE otherwise).
    const currency = await this.ledger.currencies.forPartner(input.currency ?? null, partnerId);
    const id = newId();
    await this.sql.transaction(async (tx) => {
      // The details' columns (DETAIL_COLUMNS) are $4 to $15.
      await tx.query(
        `insert into reward (id, partner_id, kind, ${DETAIL_COLUMNS.join(', ')}, currency)
         values ($1, $2, $3, ${DETAIL_COLUMNS.map((_, i) => `$${i + 4}`).join(', ')}, $${DETAIL_COLUMNS.length + 4})`,
        [id, partnerId, input.kind, ...detailValues(d), currency.code],
      );
      await tx.query(`insert into reward_price (reward_id, version, price) values ($1, 1, $2)`, [id, price.toString()]);
      if (stock != null)
        await tx.query(`insert into reward_stock (reward_id, remaining) values ($1, $2)`, [id, stock.toString()]);
    });
    return (await this.get(id))!;
  }

  async get(id: string): Promise<Reward | undefined> {
    const [row] = await this.sql.query(`select ${REWARD_COLUMNS} from reward r ${REWARD_JOINS} where r.id = $1`, [id]);
    return row ? rewardFrom(row) : undefined;
  }

  /** Many rewards by id, in one statement (DataLoaders). */
  async byIds(ids: readonly string[]): Promise<Map<string, Reward>> {
    const rows = await this.sql.reads.query(
      `select ${REWARD_COLUMNS} from reward r ${REWARD_JOINS} where r.id = any($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id as string, rewardFrom(r)]));
  }

  /** A reward of this partner (NOT_FOUND for another partner's: it does not exist for the caller). */
  async ofPartner(partnerId: string, id: string): Promise<Reward> {
    const reward = await this.get(id);
    if (!reward || reward.partnerId !== partnerId) throw notFound('Reward');
    return reward;
  }

  async update(partnerId: string, id: string, input: RewardDetails): Promise<Reward> {
    const base = await this.ofPartner(partnerId, id);
    if (base.status === RewardStatus.RETIRED) throw RewardsErrors.statusConflict(base.status, 'changed');
    const d = this.details(input, base);
    await this.sql.query(
      `update reward set ${DETAIL_COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ')} where id = $1`,
      [id, ...detailValues(d)],
    );
    return (await this.get(id))!;
  }

  /** A new price version (the next number); redemptions already made keep theirs. */
  async setPrice(partnerId: string, id: string, price: bigint): Promise<Reward> {
    const reward = await this.ofPartner(partnerId, id);
    const checked = this.checkPrice(price);
    if (reward.status === RewardStatus.RETIRED) throw RewardsErrors.statusConflict(reward.status, 'repriced');
    if (checked !== reward.price)
      // Concurrent changes of one reward queue on its row's lock, so each takes the next version number.
      await this.sql.transaction(async (tx) => {
        await tx.query(`select id from reward where id = $1 for no key update`, [id]);
        await tx.query(
          `insert into reward_price (reward_id, version, price)
           select $1, coalesce(max(version), 0) + 1, $2::bigint from reward_price where reward_id = $1`,
          [id, checked.toString()],
        );
      });
    return (await this.get(id))!;
  }

  async setStatus(partnerId: string, id: string, to: RewardStatus): Promise<Reward> {
    const reward = await this.ofPartner(partnerId, id);
    if (reward.status === to) return reward;
    const updated = await this.sql.query(
      `update reward set status = $2 where id = $1 and status = any($3::text[]) returning id`,
      [id, to, MOVES[to]],
    );
    if (updated.length === 0) throw RewardsErrors.statusConflict((await this.get(id))!.status, to);
    return (await this.get(id))!;
  }

  /** Adds units to a counted stock (a reward with unlimited stock has nothing to add to). */
  async addStock(partnerId: string, id: string, quantity: bigint): Promise<Reward> {
    const reward = await this.ofPartner(partnerId, id);
    if (quantity <= 0n || quantity > MAX_STOCK) throw badInput(`quantity must be 1 to ${MAX_STOCK}.`, 'quantity');
    if (reward.stock == null) throw badInput('this reward has unlimited stock.', 'quantity');
    const updated = await this.sql.query(
      `update reward_stock set remaining = remaining + $2 where reward_id = $1 and remaining + $2 <= $3 returning reward_id`,
      [id, quantity.toString(), MAX_STOCK.toString()],
    );
    if (updated.length === 0) throw badInput(`stock must not exceed ${MAX_STOCK}.`, 'quantity');
    return (await this.get(id))!;
  }
}
