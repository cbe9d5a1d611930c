/**
 * Campaigns (issue 17): stacking stated and applied (STACK, BEST_OF, EXCLUSIVE; EXCLUSIVE ones never
 * overlap), an exact total budget under concurrency (64 concurrent purchases against a budget of 10
 * awards → exactly 10, all or nothing each, never below zero), pause/resume/end as dated status changes.
 * On real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import {
  CampaignCost,
  Campaigns,
  EndCampaign,
  PauseCampaign,
  programHelpers,
  ResumeCampaign,
  type ProgramHelpers,
} from '../../support/programs.js';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let pr: ProgramHelpers;
beforeAll(async () => {
  app = await initTestApp({ config: LONG_LIVED_TOKENS });
  ledger = ledgerHelpers(app);
  pr = programHelpers(app, ledger);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const BASE = { rules: [{ id: 'base', kind: 'BASE', points: 1, per: 100 }] };

async function shopWithRules(): Promise<TestPartner> {
  const shop = await app.createPartner();
  await pr.setRulesOk(shop, BASE);
  return shop;
}

const campaignOk = async (shop: TestPartner, c: Parameters<ProgramHelpers['createCampaign']>[1]) =>
  dataOf(await pr.createCampaign(shop.token, c)).createCampaign;

const campaignPoints = (breakdown: readonly { source: string; points: string }[]) =>
  breakdown.filter((l) => l.source === 'CAMPAIGN').reduce((s, l) => s + BigInt(l.points), 0n);

describe('budget', () => {
  it('64 concurrent purchases against a budget of 10 awards: exactly 10 awarded, the budget ends at 0', async () => {
    const shop = await shopWithRules();
    const c = await campaignOk(shop, { definition: { reward: { kind: 'BONUS', points: 100 } }, budget: '1000' });
    const members = await Promise.all(Array.from({ length: 16 }, () => ledger.enroll(shop)));
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) => pr.recordOk(shop, members[i % 16]!, { total: '1000' })),
    );
    const awarded = results.filter((r) => campaignPoints(r.purchase.breakdown) > 0n);
    expect(awarded).toHaveLength(10);
    for (const r of awarded) expect(r.purchase.legs[0]!.points).toBe('110');
    // The others say why they got none.
    const refused = results.filter((r) => campaignPoints(r.purchase.breakdown) === 0n);
    expect(refused).toHaveLength(54);
    for (const r of refused)
      expect(r.purchase.breakdown.find((l) => l.source === 'CAMPAIGN')?.explanation).toMatch(/budget/);
    const [row] = await app.hub.db.sql.query<{ remaining: string }>(
      `select remaining::text as remaining from program_campaign_budget where campaign_id = $1`,
      [c.id],
    );
    expect(row!.remaining).toBe('0');
    const cost = dataOf(await app.gql(CampaignCost, { id: c.id }, shop.token)).campaignCost;
    expect(cost).toEqual([{ partnerId: shop.id, points: '1000', awards: 10 }]);
  });

  it('an award larger than what is left gets none; a smaller one later still fits', async () => {
    const shop = await shopWithRules();
    await campaignOk(shop, {
      definition: { reward: { kind: 'MULTIPLIER', factor: '2' } },
      budget: '150',
    });
    const member = await ledger.enroll(shop);
    const a = await pr.recordOk(shop, member, { total: '10000' }); // base 100 → award 100 (50 left)
    const b = await pr.recordOk(shop, member, { total: '8000' }); // award 80 > 50: none
    const c = await pr.recordOk(shop, member, { total: '5000' }); // award 50: fits exactly
    expect([a, b, c].map((r) => campaignPoints(r.purchase.breakdown))).toEqual([100n, 0n, 50n]);
  });
});

describe('stacking', () => {
  it('STACK adds up, BEST_OF gives only the largest, EXCLUSIVE alone', async () => {
    const shop = await shopWithRules();
    const member = await ledger.enroll(shop);
    const stack = await campaignOk(shop, { name: 'stack', definition: { reward: { kind: 'BONUS', points: 10 } } });
    await campaignOk(shop, {
      name: 'best-small',
      stacking: 'BEST_OF',
      definition: { reward: { kind: 'BONUS', points: 20 } },
    });
    const big = await campaignOk(shop, {
      name: 'best-big',
      stacking: 'BEST_OF',
      definition: { reward: { kind: 'BONUS', points: 30 } },
    });
    const r1 = await pr.recordOk(shop, member, { total: '100' });
    expect(r1.purchase.breakdown.filter((l) => l.source === 'CAMPAIGN').map((l) => [l.ref, l.points])).toEqual([
      [stack.id, '10'],
      [big.id, '30'],
    ]);
    const excl = await campaignOk(shop, {
      name: 'exclusive',
      stacking: 'EXCLUSIVE',
      definition: { reward: { kind: 'BONUS', points: 5 }, when: { '==': [{ var: 'purchase.channel' }, 'APP'] } },
    });
    const r2 = await pr.recordOk(shop, member, { total: '100', channel: 'APP' });
    expect(r2.purchase.breakdown.filter((l) => l.source === 'CAMPAIGN').map((l) => [l.ref, l.points])).toEqual([
      [excl.id, '5'],
    ]);
    // A second EXCLUSIVE campaign overlapping the first is refused, and nothing is written.
    const before = await app.count('program_campaign');
    const overlap = await pr.createCampaign(shop.token, {
      stacking: 'EXCLUSIVE',
      definition: { reward: { kind: 'BONUS', points: 5 } },
    });
    expect(errorCodes(overlap)).toEqual(['CAMPAIGN_EXCLUSIVE_OVERLAP']);
    expect(overlap.errors?.[0]?.extensions?.campaignId).toBe(excl.id);
    expect(await app.count('program_campaign')).toBe(before);
    // After the first one ends, a new EXCLUSIVE one may start.
    dataOf(await app.gql(EndCampaign, { id: excl.id }, shop.token));
    await app.advanceClock('1 second');
    dataOf(
      await pr.createCampaign(shop.token, {
        stacking: 'EXCLUSIVE',
        definition: { reward: { kind: 'BONUS', points: 5 } },
      }),
    );
  });
});

describe('pause, resume, end', () => {
  it('dated status changes: a purchase is evaluated against the status in force at its occurredAt', async () => {
    const shop = await shopWithRules();
    const member = await ledger.enroll(shop);
    const c = await campaignOk(shop, { definition: { reward: { kind: 'BONUS', points: 7 } } });
    await app.advanceClock('1 minute');
    const whileActive = app.now().toISOString();
    await app.advanceClock('1 minute');
    expect(dataOf(await app.gql(PauseCampaign, { id: c.id }, shop.token)).pauseCampaign.status).toBe('PAUSED');
    await app.advanceClock('1 minute');
    expect(campaignPoints((await pr.recordOk(shop, member, { total: '100' })).purchase.breakdown)).toBe(0n);
    expect(
      campaignPoints((await pr.recordOk(shop, member, { total: '100', occurredAt: whileActive })).purchase.breakdown),
    ).toBe(7n);
    expect(dataOf(await app.gql(ResumeCampaign, { id: c.id }, shop.token)).resumeCampaign.status).toBe('ACTIVE');
    await app.advanceClock('1 second');
    expect(campaignPoints((await pr.recordOk(shop, member, { total: '100' })).purchase.breakdown)).toBe(7n);
    expect(dataOf(await app.gql(EndCampaign, { id: c.id }, shop.token)).endCampaign.status).toBe('ENDED');
    await app.advanceClock('1 second');
    expect(campaignPoints((await pr.recordOk(shop, member, { total: '100' })).purchase.breakdown)).toBe(0n);
    expect(errorCodes(await app.gql(ResumeCampaign, { id: c.id }, shop.token))).toEqual(['CAMPAIGN_ENDED']);
    const listed = dataOf(await app.gql(Campaigns, {}, shop.token)).campaigns;
    expect(listed.map((x) => [x.id, x.status])).toEqual([[c.id, 'ENDED']]);
  });

  it("another partner cannot see, pause or read the cost of a partner's campaign (NOT_FOUND / FORBIDDEN)", async () => {
    const shop = await shopWithRules();
    const other = await app.createPartner();
    const c = await campaignOk(shop, { definition: { reward: { kind: 'BONUS', points: 7 } } });
    expect(errorCodes(await app.gql(PauseCampaign, { id: c.id }, other.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.gql(CampaignCost, { id: c.id }, other.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.gql(Campaigns, { partnerId: shop.id }, other.token))).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await pr.createCampaign(other.token, {
          definition: { reward: { kind: 'BONUS', points: 1 } },
          funders: [
            { partnerId: other.id, share: '0.5' },
            { partnerId: shop.id, share: '0.5' },
          ],
        }),
      ),
    ).toEqual(['FORBIDDEN']);
  });
});
