/** The exchange's vocabulary: rates against PTS in two directions, and what a quote locks. */
import { mul, sub, ONE, type Decimal } from '../../platform/decimal.js';

export enum RateDirection {
  /** branded points → PTS */
  TO_PTS = 'TO_PTS',
  /** PTS → branded points */
  FROM_PTS = 'FROM_PTS',
}

export interface RateRow {
  id: string;
  currency: string;
  direction: RateDirection;
  /** Minor units of the target per minor unit of the source, before the spread. */
  rate: Decimal;
  /** The hub's margin, a fraction in [0, 1): the member gets rate × (1 − spread). */
  spread: Decimal;
  minimumAmount: bigint;
  increment: bigint;
  effectiveFrom: Date;
  createdAt: Date;
}

/** What one unit of the source actually buys: rate × (1 − spread). */
export const effectiveFactor = (r: Pick<RateRow, 'rate' | 'spread'>): Decimal => mul(r.rate, sub(ONE, r.spread));

export interface QuoteRow {
  id: string;
  memberId: string;
  requestedByPartnerId: string | null;
  fromCurrency: string;
  toCurrency: string;
  amountIn: bigint;
  amountOut: bigint;
  /** PTS that pass through the hub: issued by the source's partner, redeemed at the target's. */
  ptsAmount: bigint;
  /** Effective rate after spreads, exact decimal text. */
  rate: string;
  /** Rate before spreads (product over both legs of a cross conversion). */
  grossRate: string;
  /** The spread taken: rate = grossRate × (1 − spread). */
  spread: string;
  /** amountIn × rate before rounding down, exact decimal text. */
  exactOut: string;
  outRateId: string | null;
  inRateId: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}
