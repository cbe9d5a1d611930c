/** Settlement vocabulary: contract versions, periods with UTC boundaries, statement lines. */
import type { Decimal } from '../../platform/decimal.js';

export enum BillingMode {
  PREPAID = 'PREPAID',
  POSTPAID = 'POSTPAID',
}

export enum SettlementPeriod {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  /** A fixed number of seconds, aligned to the Unix epoch (e.g. twice daily). */
  CUSTOM = 'CUSTOM',
}

export interface ContractRow {
  id: string;
  partnerId: string;
  version: number;
  effectiveFrom: Date;
  settlementCurrency: string;
  fiatScale: number;
  issuePrice: Decimal;
  redemptionPrice: Decimal;
  billingMode: BillingMode;
  creditLimit: Decimal | null;
  period: SettlementPeriod;
  periodSeconds: number | null;
  createdAt: Date;
}

const DAY = 86_400_000;

/** The period [start, end) containing `at`, in UTC. */
export function periodAt(period: SettlementPeriod, periodSeconds: number | null, at: Date): { start: Date; end: Date } {
  const t = at.getTime();
  switch (period) {
    case SettlementPeriod.DAILY: {
      const start = Math.floor(t / DAY) * DAY;
      return { start: new Date(start), end: new Date(start + DAY) };
    }
    case SettlementPeriod.WEEKLY: {
      // 1970-01-01 was a Thursday; weeks start on Monday 00:00 UTC.
      const monday = Math.floor((t - 4 * DAY) / (7 * DAY)) * 7 * DAY + 4 * DAY;
      return { start: new Date(monday), end: new Date(monday + 7 * DAY) };
    }
    case SettlementPeriod.MONTHLY: {
      const d = new Date(t);
      return {
        start: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)),
        end: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)),
      };
    }
    case SettlementPeriod.CUSTOM: {
      const len = periodSeconds! * 1000;
      const start = Math.floor(t / len) * len;
      return { start: new Date(start), end: new Date(start + len) };
    }
  }
}

/**
 * Statement line kinds, in the order a statement lists them. FEES is not a
 * transfer: its `transfers` counts the fees recorded against the partner
 * (settlement_fee), its points are 0, and it counts towards the amount due to
 * the hub (a credit to the partner is a negative fee).
 */
export const LINE_KINDS = [
  'ISSUANCE',
  'ISSUANCE_REVERSAL',
  'REDEMPTION',
  'REDEMPTION_REVERSAL',
  'CONVERSION_IN',
  'CONVERSION_OUT',
  'FEES',
] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export interface StatementLine {
  kind: LineKind;
  transfers: number;
  points: bigint;
  /** Exact fiat, positive when the partner owes the hub. */
  amount: Decimal;
}

/** A fee (or, negative, a credit) an operator recorded against a partner; the next statement closed claims it. */
export interface SettlementFee {
  id: string;
  partnerId: string;
  /** Exact, in the settlement currency's major units; positive when the partner owes the hub. */
  amount: Decimal;
  description: string;
  createdAt: Date;
}

export interface Statement {
  id: string | null;
  partnerId: string;
  periodStart: Date;
  periodEnd: Date;
  status: 'DRAFT' | 'CLOSED' | 'PAID';
  fiatCurrency: string;
  fiatScale: number;
  lines: StatementLine[];
  dueToHub: Decimal;
  dueToPartner: Decimal;
  netExact: Decimal;
  /** Rounded once, half-even, to the fiat minor unit. */
  netRounded: Decimal;
  transferCount: number;
  /** Stored when closed; null on a draft until asked (`StatementService.digestOf`), as it reads every transfer. */
  digest: string | null;
  /** A draft's cut-off: it covers what was posted before this instant (min of its period's end and its reading). */
  draftUntil?: Date;
  closedAt: Date | null;
  paidAt: Date | null;
  paymentReference: string | null;
}
