/**
 * Per-member caps per day and per month (issue 17, item 2): a CAP line takes back what a window has no room
 * for, days and months are the partner's local ones, campaign awards are not capped, refunds give no room
 * back, concurrent purchases of one member never exceed the cap (real PostgreSQL), and a bad caps object is
 * refused with RULES_INVALID.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dataOf, errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { programHelpers, type ProgramHelpers } from '../../support/programs.js';
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

const BASE = { id: 'base', kind: 'BASE', points: 1, per: 100 };

async function cappedShop(caps: Record<string, unknown>): Promise<TestPartner> {
  const shop = await app.createPartner();
  await pr.setRulesOk(shop, { caps, rules: [BASE] });
  return shop;
}

type Recorded = Awaited<ReturnType<ProgramHelpers['recordOk']>>;
const awarded = (r: Recorded) => r.purchase.legs.reduce((s, l) => s + BigInt(l.points), 0n);
const capLine = (r: Recorded) => r.purchase.breakdown.find((l) => l.kind === 'CAP');

it('a day cap, then a month cap: the CAP line takes back what does not fit and says which window bound', async () => {
  const shop = await cappedShop({ perDay: 50, perMonth: 120 });
  const member = await ledger.enroll(shop);
  // Start at 01:00 UTC of a day with at least 4 days of its month left (caps in UTC): no window boundary
  // falls between the purchases that must share one.
  const now = app.now();
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const tomorrow = Date.UTC(y, m, now.getUTCDate() + 1, 1);
  const start = tomorrow + 4 * 86_400_000 <= Date.UTC(y, m + 1, 1) ? tomorrow : Date.UTC(y, m + 1, 1, 1);
  await app.advanceClock(start - now.getTime());

  const first = await pr.recordOk(shop, member, { total: '3000' }); // 30
  const second = await pr.recordOk(shop, member, { total: '3000' }); // 30 wanted, 20 fits the day
  const third = await pr.recordOk(shop, member, { total: '3000' }); // nothing fits
  expect([first, second, third].map(awarded)).toEqual([30n, 20n, 0n]);
  expect(capLine(first)).toBeUndefined();
  expect(capLine(second)).toMatchObject({ points: '-10', currency: 'PTS' });
  expect(capLine(second)!.explanation).toMatch(/cap of 50 for the day .*: 30 already awarded, 20 of 30 awarded/);
  expect(third.purchase.legs).toEqual([]);

  await app.advanceClock('1 day');
  expect(awarded(await pr.recordOk(shop, member, { total: '5000' }))).toBe(50n); // month: 100 of 120
  await app.advanceClock('1 day');
  const monthBound = await pr.recordOk(shop, member, { total: '3000' }); // day room 50, month room 20
  expect(awarded(monthBound)).toBe(20n);
  expect(capLine(monthBound)!.explanation).toMatch(/cap of 120 for the month/);

  // A simulation shows the cap as it stands; a refund gives no room back.
  const sim = dataOf(await pr.simulate(shop, member, { total: '1000' })).simulatePurchase;
  expect(sim.breakdown.find((l) => l.kind === 'CAP')?.points).toBe('-10');
  dataOf(await pr.refund(shop, { purchaseId: first.purchase.id }));
  await app.advanceClock('1 day');
  expect(awarded(await pr.recordOk(shop, member, { total: '1000' }))).toBe(0n);
});

it("days are the partner's local days (Asia/Jakarta, UTC+7): 16:50Z and 17:05Z fall in two windows", async () => {
  const shop = await app.createPartner();
  await pr.setRulesOk(shop, { caps: { perDay: 10, timeZone: 'Asia/Jakarta' }, rules: [BASE] });
  const member = await ledger.enroll(shop);
  // Move the clock to 10 past the next 17:00Z that is over an hour away (after the rules took effect).
  const now = app.now().getTime();
  let midnight = new Date(now);
  midnight.setUTCHours(17, 0, 0, 0);
  while (midnight.getTime() < now + 3_600_000) midnight = new Date(midnight.getTime() + 86_400_000);
  await app.advanceClock(midnight.getTime() + 600_000 - now);
  const before = new Date(midnight.getTime() - 600_000).toISOString();
  const after = new Date(midnight.getTime() + 300_000).toISOString();
  expect(awarded(await pr.recordOk(shop, member, { total: '1000', occurredAt: before }))).toBe(10n);
  expect(awarded(await pr.recordOk(shop, member, { total: '1000', occurredAt: before }))).toBe(0n);
  expect(awarded(await pr.recordOk(shop, member, { total: '1000', occurredAt: after }))).toBe(10n);
});

it('campaign awards are not capped (their budgets cap them)', async () => {
  const shop = await cappedShop({ perDay: 5 });
  dataOf(await pr.createCampaign(shop.token, { definition: { reward: { kind: 'BONUS', points: 7 } } }));
  const member = await ledger.enroll(shop);
  const r = await pr.recordOk(shop, member, { total: '1000' }); // base 10 → 5, bonus 7
  expect(awarded(r)).toBe(12n);
});

it('40 concurrent purchases of one member against a day cap of 100: exactly 100 awarded', async () => {
  const shop = await cappedShop({ perDay: 100 });
  const member = await ledger.enroll(shop);
  const results = await Promise.all(
    Array.from({ length: 40 }, () => pr.recordOk(shop, member, { total: '700' })), // 7 each
  );
  expect(results.reduce((s, r) => s + awarded(r), 0n)).toBe(100n);
  expect((await ledger.balance(member)).available).toBe('100');
});

it('a bad caps object is refused with RULES_INVALID and the field, nothing saved', async () => {
  const shop = await app.createPartner();
  for (const [caps, field] of [
    [{}, 'rules.caps'],
    [{ perDay: 0 }, 'rules.caps.perDay'],
    [{ perMonth: 1.5 }, 'rules.caps.perMonth'],
    [{ perDay: 10, timeZone: 'Mars/Olympus' }, 'rules.caps.timeZone'],
    [{ perDay: 10, weekly: 3 }, 'rules.caps.weekly'],
  ] as const) {
    const res = await pr.setRules(shop, { caps, rules: [BASE] });
    expect(errorCodes(res)).toEqual(['RULES_INVALID']);
    expect(res.errors![0]!.message).toContain(field);
  }
  const sets = await app.hub.db.sql.query(`select 1 from program_rule_set where partner_id = $1`, [shop.id]);
  expect(sets).toHaveLength(0);
});
