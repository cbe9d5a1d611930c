/**
 * A rate that would make any cycle of conversions profitable (the product of
 * the effective rates rate × (1 − spread) around it above 1) is refused with
 * ARBITRAGE_CYCLE, naming the cycle; nothing is written.
 *
 * Why 3-currency cycles reduce to round trips: every conversion goes through
 * PTS (a cross rate MILES → STARS is MILES → PTS → STARS), so the factor of
 * MILES → PTS → STARS → PTS → MILES is
 *   to(MILES) · from(STARS) · to(STARS) · from(MILES)
 *   = [from(MILES) · to(MILES)] · [from(STARS) · to(STARS)],
 * the product of the two round trips PTS → X → PTS. A product of positive
 * factors that are each ≤ 1 is ≤ 1, so a profitable 3-currency cycle always
 * contains a profitable round trip — the cycle the hub names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { memberHelpers } from '../../support/members.js';
import {
  exchangeHelpers,
  expectedQuote,
  factorOf,
  outcome,
  times,
  type ExchangeHelpers,
} from '../../support/exchange.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let ex: ExchangeHelpers;
let airline: TestPartner;
let hotel: TestPartner;
beforeAll(async () => {
  app = await initTestApp({ config: { dbPoolSize: 8 } });
  ledger = ledgerHelpers(app);
  ex = exchangeHelpers(app, ledger);
  [airline, hotel] = [await app.createPartner(), await app.createPartner()];
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const cycleOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions;

describe('2-currency cycles (round trips through PTS)', () => {
  it('a profitable round trip is refused, naming the cycle and its factor; a non-profitable rate is accepted', async () => {
    const miles = await ex.brand(airline);
    await ex.setRateOk(miles, 'TO_PTS', '0.5', '0.02', 100, 100); // 0.49
    // 0.49 × 2.1 × 0.99 = 1.01871 > 1
    const res = await ex.refused('ARBITRAGE_CYCLE', () => ex.setRate(miles, 'FROM_PTS', '2.1', '0.01', 1, 1));
    expect(cycleOf(res)).toMatchObject({ cycle: ['PTS', miles, 'PTS'], product: '1.01871' });
    expect(res.errors![0]!.message).toContain(`PTS → ${miles} → PTS`);
    // 0.49 × 1.9 × 0.99 = 0.92169
    await ex.setRateOk(miles, 'FROM_PTS', '1.9', '0.01', 1, 1);
    expect(await ex.rates(miles, 'FROM_PTS')).toHaveLength(1);
  });

  it('whichever direction comes second is checked', async () => {
    const miles = await ex.brand(airline);
    await ex.setRateOk(miles, 'FROM_PTS', '3', '0', 1, 1);
    const res = await ex.refused('ARBITRAGE_CYCLE', () => ex.setRate(miles, 'TO_PTS', '0.4', '0.1', 1, 1)); // 3 × 0.36 = 1.08
    expect(cycleOf(res)).toMatchObject({ cycle: ['PTS', miles, 'PTS'], product: '1.08' });
    await ex.setRateOk(miles, 'TO_PTS', '0.4', '0.2', 1, 1); // 3 × 0.32 = 0.96
  });

  it('exactly 1 is not profitable; the smallest step above 1 is, computed exactly', async () => {
    const miles = await ex.brand(airline);
    await ex.setRateOk(miles, 'TO_PTS', '0.5', '0', 1, 1);
    const res = await ex.refused('ARBITRAGE_CYCLE', () => ex.setRate(miles, 'FROM_PTS', '2.000000000001', '0', 1, 1));
    expect(cycleOf(res)).toMatchObject({ product: '1.0000000000005' });
    await ex.setRateOk(miles, 'FROM_PTS', '2', '0', 1, 1);
    // A spread can make a rate above the break-even acceptable: 0.5 × 2.02 × (1 − 0.01) = 0.9999
    await ex.setRateOk(miles, 'FROM_PTS', '2.02', '0.01', 1, 1);
  });

  it('versions that will be in effect together are checked, including future-dated ones; superseded ones are not', async () => {
    const miles = await ex.brand(airline);
    await ex.setRateOk(miles, 'TO_PTS', '0.5', '0', 1, 1);
    // A future FROM_PTS version would meet the current TO_PTS version.
    await ex.refused('ARBITRAGE_CYCLE', () =>
      ex.setRate(miles, 'FROM_PTS', '2.5', '0', 1, 1, new Date(app.now().getTime() + 3_600_000)),
    );
    await ex.setRateOk(miles, 'FROM_PTS', '1.5', '0', 1, 1); // 0.75, in effect now
    const res = await ex.refused('ARBITRAGE_CYCLE', () => ex.setRate(miles, 'TO_PTS', '0.8', '0', 1, 1)); // 0.8 × 1.5 = 1.2 now
    expect(cycleOf(res)).toMatchObject({ product: '1.2' });

    // A TO_PTS version fine with the FROM_PTS rate of now, but not with one already scheduled for later.
    const scheduled = await ex.brand(airline);
    await ex.setRateOk(scheduled, 'FROM_PTS', '1', '0', 1, 1);
    await ex.setRateOk(scheduled, 'FROM_PTS', '3', '0', 1, 1, new Date(app.now().getTime() + 3_600_000));
    const later = await ex.refused('ARBITRAGE_CYCLE', () => ex.setRate(scheduled, 'TO_PTS', '0.5', '0', 1, 1)); // 0.5 now, 1.5 in an hour
    expect(cycleOf(later)).toMatchObject({ product: '1.5' });
    await ex.setRateOk(scheduled, 'TO_PTS', '0.3', '0', 1, 1);

    // A FROM_PTS version that has been superseded no longer counts.
    const other = await ex.brand(airline);
    await ex.setRateOk(other, 'FROM_PTS', '4', '0', 1, 1);
    await ex.setRateOk(other, 'FROM_PTS', '1', '0', 1, 1); // supersedes 4 from now on
    await ex.setRateOk(other, 'TO_PTS', '0.9', '0', 1, 1); // 0.9 × 1 = 0.9 (× 4 would have been 3.6)
  });

  it('two rate changes racing, each fine alone but profitable together: exactly one is accepted', async () => {
    const miles = await ex.brand(airline);
    const results = await Promise.all([
      ex.setRate(miles, 'TO_PTS', '0.6', '0', 1, 1),
      ex.setRate(miles, 'FROM_PTS', '1.8', '0', 1, 1), // 0.6 × 1.8 = 1.08
    ]);
    expect(results.map(outcome).sort()).toEqual(['ARBITRAGE_CYCLE', 'OK']);
    expect((await ex.rates(miles)).length).toBe(1);
  });
});

describe('3-currency cycles (through cross rates)', () => {
  it('MILES → PTS → STARS → PTS → MILES profitable: refused, naming the profitable round trip it contains', async () => {
    const miles = await ex.brand(airline);
    const stars = await ex.brand(hotel);
    // Round trips of exactly 1 each.
    await ex.setRateOk(miles, 'TO_PTS', '0.5', '0', 1, 1);
    await ex.setRateOk(miles, 'FROM_PTS', '2', '0', 1, 1);
    await ex.setRateOk(stars, 'TO_PTS', '0.25', '0', 1, 1);
    // STARS FROM_PTS 4.1: the cycle MILES → PTS → STARS → PTS → MILES is 0.5 × 4.1 × 0.25 × 2 = 1.025 —
    // which is 1 (MILES' round trip) × 1.025 (STARS' round trip), so the hub names PTS → STARS → PTS.
    const cycle = [factorOf('0.5', '0'), factorOf('4.1', '0'), factorOf('0.25', '0'), factorOf('2', '0')].reduce(times);
    expect(expectedQuote(1n, cycle).rate).toBe('1.025');
    const res = await ex.refused('ARBITRAGE_CYCLE', () => ex.setRate(stars, 'FROM_PTS', '4.1', '0', 1, 1));
    expect(cycleOf(res)).toMatchObject({ cycle: ['PTS', stars, 'PTS'], product: '1.025' });

    // Same idea when the profitable round trip is on the MILES side of the cycle.
    const res2 = await ex.refused('ARBITRAGE_CYCLE', () =>
      ex.setRate(miles, 'FROM_PTS', '2.2', '0', 1, 1, new Date(app.now().getTime() + 60_000)),
    );
    expect(cycleOf(res2)).toMatchObject({ cycle: ['PTS', miles, 'PTS'], product: '1.1' });
  });

  it('a non-profitable set of rates is accepted, and going round the 3-currency cycle with real quotes never gains', async () => {
    const miles = await ex.brand(airline);
    const stars = await ex.brand(hotel);
    await ex.setRateOk(miles, 'TO_PTS', '0.5', '0.02', 1, 1);
    await ex.setRateOk(miles, 'FROM_PTS', '2', '0', 1, 1);
    await ex.setRateOk(stars, 'TO_PTS', '0.25', '0', 1, 1);
    await ex.setRateOk(stars, 'FROM_PTS', '4', '0.01', 1, 1);

    const member = await ledger.enroll(airline);
    const token = await memberHelpers(app).signIn(member);
    // MILES → STARS (cross, through PTS) → MILES: 10 000 × 0.49 × 3.96 = 19 404 STARS; × 0.25 × 2 = 9 702 MILES.
    const there = await ex.quoteOk(token, miles, stars, 10_000);
    expect(there.amountOut).toBe('19404');
    const back = await ex.quoteOk(token, stars, miles, there.amountOut);
    expect(back.amountOut).toBe('9702');
    expect(BigInt(back.amountOut)).toBeLessThanOrEqual(10_000n);
    // And via PTS explicitly.
    const p1 = await ex.quoteOk(token, miles, 'PTS', 10_000);
    const p2 = await ex.quoteOk(token, 'PTS', stars, p1.amountOut);
    const p3 = await ex.quoteOk(token, stars, 'PTS', p2.amountOut);
    const p4 = await ex.quoteOk(token, 'PTS', miles, p3.amountOut);
    expect([p1.amountOut, p2.amountOut, p3.amountOut, p4.amountOut]).toEqual(['4900', '19404', '4851', '9702']);
  });
});
