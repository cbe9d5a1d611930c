/** The rewards module's domain shapes and how rows become them (both drivers). */
import { toBig, toDate } from '../../platform/db/values.js';

export enum RewardKind {
  VOUCHER = 'VOUCHER',
  PRODUCT = 'PRODUCT',
  DISCOUNT = 'DISCOUNT',
  EXPERIENCE = 'EXPERIENCE',
  DONATION = 'DONATION',
}

export enum RewardStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  PAUSED = 'PAUSED',
  RETIRED = 'RETIRED',
}

export enum RewardAudience {
  /** Members linked to the reward's partner only. */
  LINKED = 'LINKED',
  /** Every member of the coalition. */
  COALITION = 'COALITION',
}

export enum RedemptionStatus {
  /** Points held, the stock unit taken: waiting for the partner to fulfil or cancel (or for the hold to expire). */
  PENDING = 'PENDING',
  FULFILLED = 'FULFILLED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}

/** Vouchers are handed out (a code) and paid at once; every other kind waits for the partner's fulfilment. */
export const isInstant = (kind: RewardKind): boolean => kind === RewardKind.VOUCHER;

export interface Reward {
  id: string;
  partnerId: string;
  kind: RewardKind;
  title: string;
  description: string | null;
  imageUrl: string | null;
  currency: string;
  price: bigint;
  priceVersion: number;
  fiatValue: bigint | null;
  fiatCurrency: string | null;
  minTier: string | null;
  audience: RewardAudience;
  validFrom: Date | null;
  validUntil: Date | null;
  perMemberLimit: number | null;
  fulfilmentSeconds: number;
  status: RewardStatus;
  /** Units left; null: unlimited. */
  stock: bigint | null;
  createdAt: Date;
}

/** The columns `rewardFrom` reads: the reward, its current price version and its stock (alias r, p, s). */
export const REWARD_COLUMNS = `r.id, r.partner_id, r.kind, r.title, r.description, r.image_url, r.currency,
  p.price::text as price, p.version as price_version, r.fiat_value::text as fiat_value, r.fiat_currency, r.min_tier,
  r.audience, r.valid_from, r.valid_until, r.per_member_limit, r.fulfilment_seconds, r.status,
  s.remaining::text as stock, r.created_at`;

/** The joins that go with REWARD_COLUMNS (the newest price version, the stock row when counted). */
export const REWARD_JOINS = `join lateral (select price, version from reward_price where reward_id = r.id order by version desc limit 1) p on true
  left join reward_stock s on s.reward_id = r.id`;

const dateOrNull = (v: unknown): Date | null => (v == null ? null : toDate(v));

export function rewardFrom(r: Record<string, unknown>): Reward {
  return {
    id: r.id as string,
    partnerId: r.partner_id as string,
    kind: r.kind as RewardKind,
    title: r.title as string,
    description: (r.description as string | null) ?? null,
    imageUrl: (r.image_url as string | null) ?? null,
    currency: r.currency as string,
    price: toBig(r.price),
    priceVersion: Number(r.price_version),
    fiatValue: r.fiat_value == null ? null : toBig(r.fiat_value),
    fiatCurrency: (r.fiat_currency as string | null) ?? null,
    minTier: (r.min_tier as string | null) ?? null,
    audience: r.audience as RewardAudience,
    validFrom: dateOrNull(r.valid_from),
    validUntil: dateOrNull(r.valid_until),
    perMemberLimit: r.per_member_limit == null ? null : Number(r.per_member_limit),
    fulfilmentSeconds: Number(r.fulfilment_seconds),
    status: r.status as RewardStatus,
    stock: r.stock == null ? null : toBig(r.stock),
    createdAt: toDate(r.created_at),
  };
}

export interface Redemption {
  id: string;
  rewardId: string;
  partnerId: string;
  memberId: string;
  operationId: string;
  transferId: string;
  holdId: string | null;
  priceVersion: number;
  price: bigint;
  currency: string;
  /** The voucher code handed out (shown only to the member and the reward's partner). */
  code: string | null;
  status: RedemptionStatus;
  createdAt: Date;
  resolvedAt: Date | null;
}

/** Columns of a redemption with its code (alias d for reward_redemption, c for reward_code). */
export const REDEMPTION_COLUMNS = `d.id, d.reward_id, d.partner_id, d.member_id, d.operation_id, d.transfer_id, d.hold_id,
  d.price_version, d.price::text as price, d.currency, c.code, d.status, d.created_at, d.resolved_at`;

export function redemptionFrom(r: Record<string, unknown>): Redemption {
  return {
    id: r.id as string,
    rewardId: r.reward_id as string,
    partnerId: r.partner_id as string,
    memberId: r.member_id as string,
    operationId: r.operation_id as string,
    transferId: r.transfer_id as string,
    holdId: (r.hold_id as string | null) ?? null,
    priceVersion: Number(r.price_version),
    price: toBig(r.price),
    currency: r.currency as string,
    code: (r.code as string | null) ?? null,
    status: r.status as RedemptionStatus,
    createdAt: toDate(r.created_at),
    resolvedAt: dateOrNull(r.resolved_at),
  };
}
