/**
 * Rule evaluation: a pure function from a purchase, the member's facts, the rule-set version and the
 * campaigns in force at `occurredAt` to a breakdown. Deterministic (same input, same output) and exact:
 * every amount is a bigint, every rounding is DOWN (toward zero, in the hub's favour) and happens once per
 * breakdown line, as the line's explanation says. See README.md for the rules in words.
 */
import type { Decimal } from '../../platform/decimal.js';
import { holds } from './conditions.js';
import {
  Stacking,
  type Breakdown,
  type BreakdownLine,
  type Campaign,
  type Funder,
  type MemberFacts,
  type PurchaseInput,
  type Rule,
  type RuleSetVersion,
} from './programs.model.js';

const pow10 = (n: number) => 10n ** BigInt(n);
/** `a × d`, rounded down (a ≥ 0, d ≥ 0). */
const floorMul = (a: bigint, d: Decimal) => (a * d.units) / pow10(d.scale);
const dec = (d: Decimal) => {
  const s = d.units.toString().padStart(d.scale + 1, '0');
  return d.scale ? `${s.slice(0, -d.scale)}.${s.slice(-d.scale)}` : s;
};

export interface EvaluationInput {
  partnerId: string;
  purchase: PurchaseInput;
  facts: MemberFacts;
  ruleSet: RuleSetVersion | undefined;
  /** Campaigns in force at occurredAt and targeted at this member (see campaignsFor). */
  campaigns: readonly Campaign[];
  /** The partner's contract issue price in minor units of the purchase currency per PTS; null without one. */
  ptsMinorPrice: Decimal | null;
}

/** What a campaign awards this purchase, before its budget, split between its funders. */
export interface CampaignAward {
  campaign: Campaign;
  points: bigint;
}

interface Line {
  data: Record<string, unknown>;
  amount: bigint;
}

/** The json-logic data of a purchase (amounts are ≤ 10^15, exact as numbers). */
function purchaseData(p: PurchaseInput, facts: MemberFacts) {
  return {
    purchase: {
      total: Number(p.total),
      currency: p.currency,
      channel: p.channel,
      storeId: p.storeId,
      lineCount: p.lines.length,
    },
    member: facts,
  };
}

function linesOf(p: PurchaseInput, base: Record<string, unknown>): Line[] {
  const lines = p.lines.length ? p.lines : [{ sku: null, category: null, quantity: 1n, unitPrice: p.total }];
  return lines.map((l) => {
    const amount = l.quantity * l.unitPrice;
    const line = {
      sku: l.sku,
      category: l.category,
      quantity: Number(l.quantity),
      unitPrice: Number(l.unitPrice),
      amount: Number(amount),
    };
    return { data: { ...base, line }, amount };
  });
}

/** The rule set's lines of the breakdown, and its base points (what campaign multipliers multiply). */
function evaluateRules(
  input: EvaluationInput,
  data: Record<string, unknown>,
): { lines: BreakdownLine[]; base: bigint } {
  const rs = input.ruleSet;
  if (!rs) return { lines: [], base: 0n };
  const out: BreakdownLine[] = [];
  const line = (rule: Rule, currency: string, points: bigint, explanation: string) =>
    out.push({
      source: 'RULE',
      ref: rule.id,
      kind: rule.kind,
      currency,
      points,
      funderPartnerId: input.partnerId,
      explanation,
    });
  const rules = rs.ruleSet.rules;
  const excluders = rules.filter((r) => r.kind === 'EXCLUDE');
  const eligible = linesOf(input.purchase, data).filter((l) => !excluders.some((r) => holds(r.when, l.data)));
  const spend = eligible.reduce((s, l) => s + l.amount, 0n);
  const spendOf = (r: Rule) => eligible.filter((l) => holds(r.when, l.data)).reduce((s, l) => s + l.amount, 0n);
  const belowMinimum = spend < rs.ruleSet.minSpend;
  let base = 0n;
  let baseRule: Extract<Rule, { kind: 'BASE' }> | undefined;
  for (const r of rules) {
    if (r.kind === 'BASE' && !belowMinimum && holds(r.when, data)) {
      const points = (spend * r.points) / r.per;
      baseRule ??= r;
      base += points;
      line(r, 'PTS', points, `${r.points} per ${r.per} of eligible spend ${spend}, rounded down`);
    }
  }
  for (const r of rules) {
    if (r.kind === 'MULTIPLIER' && baseRule && !belowMinimum) {
      const matching = spendOf(r);
      if (matching === 0n) continue;
      // The extra (factor − 1) of the base rate on the matching lines; multipliers add, they do not compound.
      const extra =
        (matching * (r.factor.units - pow10(r.factor.scale)) * baseRule.points) /
        (pow10(r.factor.scale) * baseRule.per);
      line(
        r,
        'PTS',
        extra,
        `×${dec(r.factor)} on ${matching} of matching spend: the extra ${dec(r.factor)} − 1 of the base rate, rounded down`,
      );
    } else if (r.kind === 'BONUS' && holds(r.when, data)) {
      line(r, 'PTS', r.points, `fixed bonus of ${r.points}`);
    } else if (r.kind === 'CASHBACK' && !belowMinimum) {
      const matching = spendOf(r);
      if (matching === 0n) continue;
      const price = r.unitPrice ?? (r.currency === 'PTS' ? input.ptsMinorPrice : null);
      if (!price) {
        line(r, r.currency, 0n, `no contract issue price in ${input.purchase.currency}: no cashback`);
        continue;
      }
      // matching × percent / 100 in fiat minor units, at `price` minor units per point, rounded down.
      const points = (matching * r.percent.units * pow10(price.scale)) / (100n * pow10(r.percent.scale) * price.units);
      line(r, r.currency, points, `${dec(r.percent)}% of ${matching} at ${dec(price)} per point, rounded down`);
    }
  }
  if (belowMinimum)
    out.push({
      source: 'RULE',
      ref: 'minSpend',
      kind: 'MIN_SPEND',
      currency: 'PTS',
      points: 0n,
      funderPartnerId: input.partnerId,
      explanation: `eligible spend ${spend} is below the minimum ${rs.ruleSet.minSpend}: no rate or cashback`,
    });
  return { lines: out, base };
}

/** Each campaign that applies and what it awards, after stacking (before budgets). */
export function campaignAwards(input: EvaluationInput, data: Record<string, unknown>, base: bigint): CampaignAward[] {
  const applying = input.campaigns
    .filter((c) => holds(c.definition.when, data))
    .map((c) => ({
      campaign: c,
      points:
        c.definition.reward.kind === 'BONUS'
          ? c.definition.reward.points
          : floorMul(base, {
              units: c.definition.reward.factor.units - pow10(c.definition.reward.factor.scale),
              scale: c.definition.reward.factor.scale,
            }),
    }))
    .filter((a) => a.points > 0n);
  const exclusive = applying.find((a) => a.campaign.stacking === Stacking.EXCLUSIVE);
  if (exclusive) return [exclusive];
  const stack = applying.filter((a) => a.campaign.stacking === Stacking.STACK);
  const best = applying
    .filter((a) => a.campaign.stacking === Stacking.BEST_OF)
    .sort((a, b) =>
      a.points === b.points ? (a.campaign.id < b.campaign.id ? -1 : 1) : a.points > b.points ? -1 : 1,
    )[0];
  return best ? [...stack, best] : stack;
}

/** An award split by shares, each rounded down; what rounding leaves goes to the first funder. */
export function splitAward(points: bigint, funders: readonly Funder[]): bigint[] {
  const shares = funders.map((f) => floorMul(points, f.share));
  const rest = points - shares.reduce((s, x) => s + x, 0n);
  shares[0] = shares[0]! + rest;
  return shares;
}

/** The breakdown lines of campaign awards (one per funder with a share). */
export function awardLines(awards: readonly CampaignAward[]): BreakdownLine[] {
  return awards.flatMap(({ campaign, points }) =>
    splitAward(points, campaign.funders).map((share, i) => ({
      source: 'CAMPAIGN' as const,
      ref: campaign.id,
      kind: campaign.definition.reward.kind,
      currency: 'PTS',
      points: share,
      funderPartnerId: campaign.funders[i]!.partnerId,
      explanation: `${campaign.name} (${campaign.stacking}): ${points} in all${campaign.funders.length > 1 ? `, share ${dec(campaign.funders[i]!.share)} funded by this partner` : ''}`,
    })),
  );
}

/** The rules' breakdown and the campaigns' awards (before budgets). */
export function evaluate(input: EvaluationInput): { breakdown: Breakdown; awards: CampaignAward[] } {
  const data = purchaseData(input.purchase, input.facts);
  const { lines, base } = evaluateRules(input, data);
  const awards = campaignAwards(input, data, base);
  return { breakdown: { ruleSetVersion: input.ruleSet?.version ?? null, lines }, awards };
}

/** The ledger legs of a breakdown: points summed by (currency, funder), zero legs left out. */
export function legsOf(
  lines: readonly BreakdownLine[],
): { currency: string; issuerPartnerId: string; amount: bigint }[] {
  const legs = new Map<string, { currency: string; issuerPartnerId: string; amount: bigint }>();
  for (const l of lines) {
    const key = `${l.currency}|${l.funderPartnerId}`;
    const leg = legs.get(key) ?? { currency: l.currency, issuerPartnerId: l.funderPartnerId, amount: 0n };
    leg.amount += l.points;
    legs.set(key, leg);
  }
  return [...legs.values()].filter((l) => l.amount > 0n);
}
