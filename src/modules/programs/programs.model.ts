/** What a program is made of, as the module holds it in memory (parsed and validated; see rules.parse.ts). */
import type { Decimal } from '../../platform/decimal.js';

/** A condition: a json-logic expression restricted to the operators and variables of conditions.ts. */
export type Logic = unknown;

export type Rule =
  | { id: string; kind: 'BASE'; points: bigint; per: bigint; when?: Logic }
  | { id: string; kind: 'MULTIPLIER'; factor: Decimal; when?: Logic }
  | { id: string; kind: 'BONUS'; points: bigint; when?: Logic }
  | { id: string; kind: 'CASHBACK'; percent: Decimal; currency: string; unitPrice: Decimal | null; when?: Logic }
  | { id: string; kind: 'EXCLUDE'; when: Logic };

export type RuleKind = Rule['kind'];

/**
 * Caps on what the rules award one member, per calendar day and per calendar month in `timeZone` (the
 * partner's local days), counted in PTS at the purchase's occurredAt. Campaign awards are not capped (their
 * budgets cap them) and neither is cashback into a branded currency.
 */
export interface Caps {
  perDay: bigint | null;
  perMonth: bigint | null;
  timeZone: string;
}

/** One version of a partner's earn rules. */
export interface RuleSet {
  minSpend: bigint;
  caps: Caps | null;
  rules: Rule[];
}

export interface RuleSetVersion {
  id: string;
  partnerId: string;
  version: number;
  effectiveFrom: Date;
  ruleSet: RuleSet;
  /** The JSON as saved (normalised), for reading back. */
  source: unknown;
  createdAt: Date;
}

export enum Stacking {
  STACK = 'STACK',
  BEST_OF = 'BEST_OF',
  EXCLUSIVE = 'EXCLUSIVE',
}

export enum CampaignStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  ENDED = 'ENDED',
}

export type CampaignReward = { kind: 'BONUS'; points: bigint } | { kind: 'MULTIPLIER'; factor: Decimal };

export interface CampaignDefinition {
  reward: CampaignReward;
  when?: Logic;
  /** Coalition tiers the campaign is for; all members when empty. */
  tiers: string[];
}

/** A funder's share of every award, as a decimal fraction; the shares add up to exactly 1. */
export interface Funder {
  partnerId: string;
  share: Decimal;
}

export interface Campaign {
  id: string;
  partnerId: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  stacking: Stacking;
  definition: CampaignDefinition;
  source: unknown;
  funders: Funder[];
  budget: bigint | null;
  /** Status changes in time order (the first is ACTIVE at creation). */
  statuses: { at: Date; status: CampaignStatus }[];
  createdAt: Date;
}

/** The member facts conditions may name (computed only when a condition of the partner names them). */
export interface MemberFacts {
  tier: string | null;
  birthdayMonth: boolean;
  birthdayDay: boolean;
  firstPurchase: boolean;
}

export interface PurchaseLine {
  sku: string | null;
  category: string | null;
  quantity: bigint;
  unitPrice: bigint;
}

export interface PurchaseInput {
  total: bigint;
  currency: string;
  channel: string | null;
  storeId: string | null;
  lines: PurchaseLine[];
  occurredAt: Date;
}

/** One line of a breakdown: which rule or campaign gave how much, in which currency, funded by whom, and why. */
export interface BreakdownLine {
  source: 'RULE' | 'CAMPAIGN';
  /** The rule's id within its rule set, or the campaign's id. */
  ref: string;
  kind: string;
  currency: string;
  points: bigint;
  funderPartnerId: string;
  explanation: string;
}

export interface Breakdown {
  ruleSetVersion: number | null;
  lines: BreakdownLine[];
}
