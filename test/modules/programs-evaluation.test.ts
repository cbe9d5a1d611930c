/**
 * Rule evaluation is deterministic and explained (issue 17): a table per rule kind, with the rounding
 * edges, run against the pure evaluator (no database: the integration tests post the same breakdowns).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, splitAward } from '../../src/modules/programs/evaluate.js';
import { parseCampaignDefinition, parseRuleSet } from '../../src/modules/programs/rules.parse.js';
import { parseDecimal } from '../../src/platform/decimal.js';
import {
  CampaignStatus,
  Stacking,
  type Campaign,
  type MemberFacts,
  type PurchaseInput,
} from '../../src/modules/programs/programs.model.js';

const AT = new Date('2026-12-02T10:00:00Z');
const FACTS: MemberFacts = { tier: 'GOLD', birthdayMonth: true, birthdayDay: false, firstPurchase: true };

function run(rules: unknown[], purchase: Partial<PurchaseInput>, extra: { minSpend?: number; price?: string } = {}) {
  const { ruleSet, source } = parseRuleSet(JSON.stringify({ rules, minSpend: extra.minSpend }));
  const { breakdown } = evaluate({
    partnerId: 'p',
    purchase: { total: 0n, currency: 'USD', channel: null, storeId: null, lines: [], occurredAt: AT, ...purchase },
    facts: FACTS,
    ruleSet: { id: 'v', partnerId: 'p', version: 1, effectiveFrom: AT, ruleSet, source, createdAt: AT },
    campaigns: [],
    ptsMinorPrice: extra.price ? parseDecimal(extra.price)! : null,
  });
  return Object.fromEntries(breakdown.lines.map((l) => [l.ref, l.points]));
}

const line = (category: string, quantity: bigint, unitPrice: bigint) => ({ sku: null, category, quantity, unitPrice });

describe('BASE: floor(eligible × points / per)', () => {
  it.each([
    ['99', '0'],
    ['100', '1'],
    ['199', '1'],
    ['200', '2'],
    ['0', '0'],
    ['1000000000000000', '10000000000000'],
  ])('spend %s → %s points', (total, points) => {
    expect(run([{ id: 'b', kind: 'BASE', points: 1, per: 100 }], { total: BigInt(total) })).toEqual({
      b: BigInt(points),
    });
  });
  it('3 per 1000: 999 → 2 (2.997 rounded down)', () => {
    expect(run([{ id: 'b', kind: 'BASE', points: 3, per: 1000 }], { total: 999n })).toEqual({ b: 2n });
  });
  it('minSpend: below it no rate, and a line says why', () => {
    expect(run([{ id: 'b', kind: 'BASE', points: 1, per: 1 }], { total: 499n }, { minSpend: 500 })).toEqual({
      b: undefined,
      minSpend: 0n,
    });
    expect(run([{ id: 'b', kind: 'BASE', points: 1, per: 1 }], { total: 500n }, { minSpend: 500 })).toEqual({
      b: 500n,
    });
  });
});

describe('MULTIPLIER: the extra (factor − 1) of the base rate on matching lines, rounded down', () => {
  const rules = (factor: string) => [
    { id: 'b', kind: 'BASE', points: 1, per: 100 },
    { id: 'm', kind: 'MULTIPLIER', factor, when: { '==': [{ var: 'line.category' }, 'x'] } },
  ];
  it.each([
    ['2', '199', '1', '1'],
    ['1.5', '199', '1', '0'], // 0.995 → 0
    ['1.5', '200', '2', '1'],
    ['3', '150', '1', '3'], // 1.5 × 2 = 3.0
    ['1.000001', '1000000000000', '10000000000', '10000'],
  ])('×%s on %s → base %s, extra %s', (factor, amount, base, extra) => {
    expect(run(rules(factor), { total: BigInt(amount), lines: [line('x', 1n, BigInt(amount))] })).toEqual({
      b: BigInt(base),
      m: BigInt(extra),
    });
  });
  it('multipliers add, they do not compound; non-matching lines get none', () => {
    const out = run(
      [
        { id: 'b', kind: 'BASE', points: 1, per: 100 },
        { id: 'm2', kind: 'MULTIPLIER', factor: '2', when: { '==': [{ var: 'line.category' }, 'x'] } },
        { id: 'gold', kind: 'MULTIPLIER', factor: '3', when: { '==': [{ var: 'member.tier' }, 'GOLD'] } },
      ],
      { total: 300n, lines: [line('x', 1n, 100n), line('y', 2n, 100n)] },
    );
    expect(out).toEqual({ b: 3n, m2: 1n, gold: 6n });
  });
});

describe('BONUS and EXCLUDE', () => {
  it.each([
    [{ '==': [{ var: 'member.birthdayMonth' }, true] }, '500'],
    [{ '==': [{ var: 'member.birthdayDay' }, true] }, undefined],
    [{ var: 'member.firstPurchase' }, '500'],
    [{ '>=': [{ var: 'purchase.total' }, 1000] }, undefined],
    [{ in: [{ var: 'purchase.channel' }, ['APP', 'ONLINE']] }, '500'],
  ])('bonus when %j → %s', (when, points) => {
    expect(run([{ id: 'x', kind: 'BONUS', points: 500, when }], { total: 999n, channel: 'APP' })).toEqual(
      points === undefined ? {} : { x: BigInt(points) },
    );
  });
  it('excluded lines earn nothing from rates and cashback', () => {
    const rules = [
      { id: 'b', kind: 'BASE', points: 1, per: 1 },
      { id: 'c', kind: 'CASHBACK', percent: '10', unitPrice: '1', currency: 'PTS' },
      { id: 'e', kind: 'EXCLUDE', when: { '==': [{ var: 'line.category' }, 'tobacco'] } },
    ];
    expect(run(rules, { total: 300n, lines: [line('tobacco', 1n, 200n), line('food', 1n, 100n)] })).toEqual({
      b: 100n,
      c: 10n,
    });
  });
});

describe('CASHBACK: floor(spend × percent / 100 / price)', () => {
  it.each([
    ['5', '1', '1999', '99'], // 99.95
    ['5', '1', '2000', '100'],
    ['2', '1.5', '10000', '133'], // 200 / 1.5 = 133.33
    ['0.1', '0.001', '1', '1'], // 0.001 / 0.001 = 1
    ['0.1', '0.001', '9', '9'],
  ])('%s%% at %s per point of %s → %s', (percent, price, total, points) => {
    expect(run([{ id: 'c', kind: 'CASHBACK', percent }], { total: BigInt(total) }, { price })).toEqual({
      c: BigInt(points),
    });
  });
  it('without a contract price, 0 and the reason', () => {
    expect(run([{ id: 'c', kind: 'CASHBACK', percent: '5' }], { total: 1000n })).toEqual({ c: 0n });
  });
});

describe('campaigns', () => {
  const campaign = (id: string, stacking: Stacking, reward: unknown): Campaign => {
    const { definition, source } = parseCampaignDefinition(JSON.stringify({ reward }));
    return {
      id,
      partnerId: 'p',
      name: id,
      startsAt: AT,
      endsAt: new Date('2027-01-01T00:00:00Z'),
      stacking,
      definition,
      source,
      funders: [{ partnerId: 'p', share: { units: 1n, scale: 0 } }],
      budget: null,
      statuses: [{ at: AT, status: CampaignStatus.ACTIVE }],
      createdAt: AT,
    };
  };
  it('multiplier campaigns multiply base points; BEST_OF keeps the largest; EXCLUSIVE alone', () => {
    const { ruleSet, source } = parseRuleSet(
      JSON.stringify({ rules: [{ id: 'b', kind: 'BASE', points: 1, per: 100 }] }),
    );
    const awards = (campaigns: Campaign[]) =>
      evaluate({
        partnerId: 'p',
        purchase: { total: 1050n, currency: 'USD', channel: null, storeId: null, lines: [], occurredAt: AT },
        facts: FACTS,
        ruleSet: { id: 'v', partnerId: 'p', version: 1, effectiveFrom: AT, ruleSet, source, createdAt: AT },
        campaigns,
        ptsMinorPrice: null,
      }).awards.map((a) => [a.campaign.id, a.points]);
    const m = campaign('m', Stacking.STACK, { kind: 'MULTIPLIER', factor: '1.5' });
    const b1 = campaign('b1', Stacking.BEST_OF, { kind: 'BONUS', points: 3 });
    const b2 = campaign('b2', Stacking.BEST_OF, { kind: 'BONUS', points: 4 });
    const x = campaign('x', Stacking.EXCLUSIVE, { kind: 'BONUS', points: 1 });
    expect(awards([m, b1, b2])).toEqual([
      ['m', 5n], // floor(10 × 0.5)
      ['b2', 4n],
    ]);
    expect(awards([m, b1, b2, x])).toEqual([['x', 1n]]);
  });
  it.each([
    ['101', ['0.5', '0.5'], ['51', '50']],
    ['10', ['0.333333', '0.333333', '0.333334'], ['4', '3', '3']],
    ['1', ['0.5', '0.5'], ['1', '0']],
  ])('an award of %s split by %j → %j (remainder to the first funder)', (points, shares, expected) => {
    expect(
      splitAward(
        BigInt(points),
        shares.map((s, i) => ({ partnerId: String(i), share: parseDecimal(s)! })),
      ),
    ).toEqual(expected.map(BigInt));
  });
});
