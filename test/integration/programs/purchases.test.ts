/**
 * Purchases in, points out (issue 17): earn rules as versioned data, validated on save; recordPurchase posts
 * ONE ledger operation with a breakdown, idempotent like every ledger operation; rules in force at
 * occurredAt; bad input writes nothing; refunds (full, partial, by order reference) through the ledger's
 * reversal path, clawing back to the receivable after a spend, posted once per key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, newKey, type LedgerHelpers } from '../../support/ledger.js';
import { programHelpers, type ProgramHelpers } from '../../support/programs.js';
import { EarnRuleSets } from '../../support/programs.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let pr: ProgramHelpers;
let shop: TestPartner;
beforeAll(async () => {
  app = await initTestApp({ config: LONG_LIVED_TOKENS });
  ledger = ledgerHelpers(app);
  pr = programHelpers(app, ledger);
  shop = await app.createPartner();
  await pr.setRulesOk(shop, RULES);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

/** 1 point per 100 cents; pastries double; tobacco never; +50 on orders of 100.00 or more online. */
const RULES = {
  rules: [
    { id: 'base', kind: 'BASE', points: 1, per: 100 },
    { id: 'pastry', kind: 'MULTIPLIER', factor: '2', when: { '==': [{ var: 'line.category' }, 'pastry'] } },
    { id: 'no-tobacco', kind: 'EXCLUDE', when: { '==': [{ var: 'line.category' }, 'tobacco'] } },
    {
      id: 'online',
      kind: 'BONUS',
      points: 50,
      when: { and: [{ '==': [{ var: 'purchase.channel' }, 'ONLINE'] }, { '>=': [{ var: 'purchase.total' }, 10000] }] },
    },
  ],
};

const BASKET = {
  total: '12999',
  lines: [
    { sku: 'croissant', category: 'pastry', quantity: '3', unitPrice: '333' }, // 999
    { sku: 'coffee', category: 'drink', quantity: '2', unitPrice: '1000' }, // 2000
    { sku: 'cigars', category: 'tobacco', quantity: '1', unitPrice: '10000' },
  ],
  channel: 'ONLINE',
};

describe('recordPurchase', () => {
  it('posts ONE operation whose breakdown says which rule gave how much (rounding down per line)', async () => {
    const member = await ledger.enroll(shop);
    const { purchase, replayed } = await pr.recordOk(shop, member, BASKET);
    expect(replayed).toBe(false);
    // Eligible spend 2999 (tobacco excluded): 29 base; pastry 999 × (2 − 1) / 100 = 9; online bonus 50.
    expect(pr.pointsByRef(purchase.breakdown)).toEqual({ base: '29', pastry: '9', online: '50' });
    expect(purchase.legs).toEqual([
      { currency: 'PTS', partnerId: shop.id, points: '88', transferId: expect.any(String) },
    ]);
    expect(purchase.ruleSetVersion).toBe(1);
    expect((await ledger.balance(member)).available).toBe('88');
    const [{ n }] = await app.hub.db.sql.query<{ n: number }>(
      `select count(*)::int as n from transfer where operation_id = $1`,
      [purchase.operationId],
    );
    expect(n).toBe(1);
  });

  it('is idempotent: same key and request replays; same key, other request is IDEMPOTENCY_KEY_REUSED', async () => {
    const member = await ledger.enroll(shop);
    const key = newKey('p');
    const first = await pr.recordOk(shop, member, BASKET, key);
    const again = await pr.recordOk(shop, member, BASKET, key);
    expect(again.replayed).toBe(true);
    expect(again.purchase).toEqual(first.purchase);
    expect(errorCodes(await pr.record(shop, member, { ...BASKET, channel: 'STORE' }, key))).toEqual([
      'IDEMPOTENCY_KEY_REUSED',
    ]);
    expect((await ledger.balance(member)).available).toBe('88');
  });

  it('concurrent duplicates post once', async () => {
    const member = await ledger.enroll(shop);
    const key = newKey('p');
    const results = await Promise.all(Array.from({ length: 8 }, () => pr.recordOk(shop, member, BASKET, key)));
    expect(new Set(results.map((r) => r.purchase.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect((await ledger.balance(member)).available).toBe('88');
  });

  it('simulatePurchase returns the same breakdown and writes nothing', async () => {
    const member = await ledger.enroll(shop);
    const before = [await app.count('program_purchase'), await app.count('operation')];
    const sim = dataOf(await pr.simulate(shop, member, BASKET)).simulatePurchase;
    expect(pr.pointsByRef(sim.breakdown)).toEqual({ base: '29', pastry: '9', online: '50' });
    expect(sim.legs).toEqual([{ currency: 'PTS', partnerId: shop.id, points: '88', transferId: null }]);
    expect([await app.count('program_purchase'), await app.count('operation')]).toEqual(before);
  });

  it('refuses members the partner is not linked to (NOT_FOUND), and bad purchases, writing nothing', async () => {
    const other = await app.createPartner();
    const stranger = await ledger.enroll(other);
    const member = await ledger.enroll(shop);
    const before = [await app.count('program_purchase'), await app.count('operation'), await app.count('transfer')];
    expect(errorCodes(await pr.record(shop, stranger, { total: '100' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await pr.record(shop, member, { total: '-1' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await pr.record(shop, member, { total: '100', currency: 'XXY' }))).toEqual([
      'UNKNOWN_PURCHASE_CURRENCY',
    ]);
    const mismatch = await pr.record(shop, member, { ...BASKET, total: '13000' });
    expect(errorCodes(mismatch)).toEqual(['PURCHASE_LINES_MISMATCH']);
    expect(mismatch.errors?.[0]?.extensions?.linesTotal).toBe('12999');
    const future = new Date(app.now().getTime() + 3_600_000).toISOString();
    expect(errorCodes(await pr.record(shop, member, { total: '100', occurredAt: future }))).toEqual(['BAD_USER_INPUT']);
    expect([await app.count('program_purchase'), await app.count('operation'), await app.count('transfer')]).toEqual(
      before,
    );
  });
});

describe('earn rules as data', () => {
  it('rejects bad rule sets with the JSON path of the first bad field, saving nothing', async () => {
    const p = await app.createPartner();
    const bad: [unknown, string][] = [
      ['{not json', 'rules'],
      [{ rules: [{ id: 'a', kind: 'BASE', points: 1.5, per: 100 }] }, 'rules.rules[0].points'],
      [{ rules: [{ id: 'a', kind: 'MULTIPLIER', factor: 2 }] }, 'rules.rules[0].factor'],
      [{ rules: [{ id: 'a', kind: 'BONUS', points: 5, when: { method: ['x', 'y'] } }] }, 'rules.rules[0].when'],
      [
        { rules: [{ id: 'a', kind: 'BONUS', points: 5, when: { '==': [{ var: 'line.sku' }, 'x'] } }] },
        'rules.rules[0].when.==[0].var',
      ],
      [{ rules: [{ id: 'a', kind: 'TELEPORT' }] }, 'rules.rules[0].kind'],
      [
        {
          rules: [
            { id: 'a', kind: 'BONUS', points: 5 },
            { id: 'a', kind: 'BONUS', points: 6 },
          ],
        },
        'rules.rules[1].id',
      ],
      [{ rules: [], extra: 1 }, 'rules.extra'],
    ];
    for (const [rules, field] of bad) {
      const res = await pr.setRules(p, rules);
      expect(errorCodes(res), JSON.stringify(rules)).toEqual(['RULES_INVALID']);
      expect(res.errors?.[0]?.extensions?.field).toBe(field);
    }
    expect(dataOf(await app.gql(EarnRuleSets, {}, p.token)).earnRuleSets).toEqual([]);
  });

  it('never backdates; a purchase is evaluated against the version in force at its occurredAt', async () => {
    const p = await app.createPartner();
    const past = new Date(app.now().getTime() - 60_000).toISOString();
    expect(errorCodes(await pr.setRules(p, { rules: [] }, past))).toEqual(['RULES_BACKDATED']);
    const v1 = await pr.setRulesOk(p, { rules: [{ id: 'base', kind: 'BASE', points: 1, per: 100 }] });
    await app.advanceClock('1 hour');
    const between = app.now().toISOString();
    await app.advanceClock('1 hour');
    const v2 = await pr.setRulesOk(p, { rules: [{ id: 'base', kind: 'BASE', points: 3, per: 100 }] });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const member = await ledger.enroll(p);
    const old = await pr.recordOk(p, member, { total: '1000', occurredAt: between });
    const now = await pr.recordOk(p, member, { total: '1000' });
    expect([old.purchase.ruleSetVersion, old.purchase.legs[0]!.points]).toEqual([1, '10']);
    expect([now.purchase.ruleSetVersion, now.purchase.legs[0]!.points]).toEqual([2, '30']);
    // The history reads back, newest first, exactly as saved.
    const history = dataOf(await app.gql(EarnRuleSets, {}, p.token)).earnRuleSets;
    expect(history.map((v) => v.version)).toEqual([2, 1]);
    expect(JSON.parse(history[1]!.rules)).toEqual({ rules: [{ id: 'base', kind: 'BASE', points: 1, per: 100 }] });
  });
});

describe('refundPurchase', () => {
  it('partial then full, in proportion; a refund after the points were spent claws back to the receivable', async () => {
    const member = await ledger.enroll(shop);
    const { purchase } = await pr.recordOk(shop, member, { total: '10000', orderRef: newKey('order') }); // 100 points
    const half = dataOf(await pr.refund(shop, { purchaseId: purchase.id, amount: '3333' })).refundPurchase;
    expect(half.reversals.map((r) => r.points)).toEqual(['33']); // floor(100 × 3333 / 10000)
    expect((await ledger.balance(member)).available).toBe('67');
    dataOf(await ledger.redeem(shop, member, 60));
    const rest = dataOf(await pr.refund(shop, { orderRef: purchase.orderRef! })).refundPurchase;
    expect(rest.amount).toBe('6667');
    expect(rest.reversals.map((r) => r.points)).toEqual(['67']); // everything left: 7 from the wallet, 60 owed
    expect(await ledger.balance(member)).toEqual({ available: '0', held: '0', owed: '60' });
    expect(errorCodes(await pr.refund(shop, { purchaseId: purchase.id, amount: '1' }))).toEqual([
      'REFUND_EXCEEDS_PURCHASE',
    ]);
    // The next purchase pays the 60 owed first, in the same operation: its transfers are the leg and that settlement.
    const key = newKey('after-clawback');
    const next = (await pr.recordOk(shop, member, { total: '10000' }, key)).purchase;
    expect(next.transferIds).toHaveLength(2);
    expect(next.transferIds).toContain(next.legs[0]!.transferId);
    expect(await ledger.balance(member)).toEqual({ available: '40', held: '0', owed: '0' });
    const replay = await pr.recordOk(shop, member, { total: '10000' }, key);
    expect(replay.replayed).toBe(true);
    expect(replay.purchase.transferIds).toEqual(next.transferIds);
  });

  it('the same refund sent twice (even at once) posts once; the same key for another refund is refused', async () => {
    const member = await ledger.enroll(shop);
    const { purchase } = await pr.recordOk(shop, member, { total: '10000' });
    const key = newKey('refund');
    const results = await Promise.all(
      Array.from({ length: 4 }, () => pr.refund(shop, { purchaseId: purchase.id, amount: '5000' }, key)),
    );
    const ok = results.map((r) => dataOf(r).refundPurchase);
    expect(new Set(ok.map((r) => r.id)).size).toBe(1);
    expect(new Set(ok.map((r) => r.reversals[0]!.reversalTransferId)).size).toBe(1);
    expect((await ledger.balance(member)).available).toBe('50');
    expect(errorCodes(await pr.refund(shop, { purchaseId: purchase.id, amount: '100' }, key))).toEqual([
      'IDEMPOTENCY_KEY_REUSED',
    ]);
  });

  it("another partner's purchase is NOT_FOUND", async () => {
    const member = await ledger.enroll(shop);
    const { purchase } = await pr.recordOk(shop, member, { total: '10000' });
    const other = await app.createPartner();
    expect(errorCodes(await pr.refund(other, { purchaseId: purchase.id }))).toEqual(['NOT_FOUND']);
  });
});
