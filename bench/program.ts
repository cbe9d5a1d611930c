/**
 * The program the bench's recordPurchase row runs against (issue 17): 20 earn rules, 5 campaigns and a
 * basket of 5 line items. Also used by test/integration/programs/purchase-round-trips.test.ts, which counts
 * the statements of the very same request.
 */

/** 20 rules: a base rate, 14 category multipliers, 4 bonuses, an exclusion. */
export const TWENTY_RULES = {
  rules: [
    { id: 'base', kind: 'BASE', points: 1, per: 100 },
    ...Array.from({ length: 14 }, (_, i) => ({
      id: `m${i}`,
      kind: 'MULTIPLIER',
      factor: '1.5',
      when: { '==': [{ var: 'line.category' }, `c${i}`] },
    })),
    ...Array.from({ length: 4 }, (_, i) => ({
      id: `b${i}`,
      kind: 'BONUS',
      points: 10,
      when: { '>=': [{ var: 'purchase.total' }, 1000 * (i + 1)] },
    })),
    { id: 'x', kind: 'EXCLUDE', when: { '==': [{ var: 'line.sku' }, 'gift-card'] } },
  ],
};

/** Five unbudgeted campaigns (a budget draw is one more statement; see the programs README). */
export const FIVE_CAMPAIGNS = Array.from({ length: 5 }, (_, i) => ({
  name: `bench campaign ${i}`,
  stacking: i < 3 ? 'STACK' : 'BEST_OF',
  definition: JSON.stringify({
    reward: { kind: 'BONUS', points: 1 + i },
    when: { '>=': [{ var: 'purchase.total' }, 100 * i] },
  }),
}));

/** A basket of 5 lines adding up to 10000. */
export const FIVE_LINES = Array.from({ length: 5 }, (_, i) => ({
  sku: `sku${i}`,
  category: `c${i}`,
  quantity: '2',
  unitPrice: '1000',
}));
export const BASKET_TOTAL = '10000';
