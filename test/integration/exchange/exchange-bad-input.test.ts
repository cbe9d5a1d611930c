/**
 * Bad input to the exchange gets a stable code and writes nothing: the row
 * counts of exchange_rate, exchange_quote, operation, transfer, entry, lot,
 * lot_movement and account are the same before and after. A conversion
 * refused for a business reason (expired or used quote, insufficient points)
 * is final for its idempotency key like every ledger operation, so it leaves
 * exactly one REJECTED operation row and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, newKey, type LedgerHelpers } from '../../support/ledger.js';
import { memberHelpers } from '../../support/members.js';
import { exchangeHelpers, type ExchangeHelpers } from '../../support/exchange.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

const MAX = 1_000_000;
let app: TestApp;
let ledger: LedgerHelpers;
let ex: ExchangeHelpers;
let airline: TestPartner;
let hotel: TestPartner;
let miles: string;
let stars: string;
let member: string;
let token: string;
beforeAll(async () => {
  app = await initTestApp({ config: { quoteTtlSeconds: 60, maxPointsPerOperation: BigInt(MAX) } });
  ledger = ledgerHelpers(app);
  ex = exchangeHelpers(app, ledger);
  [airline, hotel] = [await app.createPartner(), await app.createPartner()];
  miles = await ex.brand(airline, 'MILES');
  stars = await ex.brand(hotel, 'STARS');
  await ex.setRateOk(miles, 'TO_PTS', '0.5', '0.02', 1000, 500);
  await ex.setRateOk(miles, 'FROM_PTS', '0.1', '0', 1, 1);
  member = await ledger.enroll(airline);
  await ledger.earnOk(airline, member, 5000);
  await ledger.earnOk(airline, member, 5000, { currency: miles });
  token = await memberHelpers(app).signIn(member);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const set =
  (
    over: Partial<{
      currency: string;
      direction: 'TO_PTS' | 'FROM_PTS';
      rate: string;
      spread: string;
      min: number | string;
      incr: number | string;
      at: string | Date;
    }>,
  ) =>
  () =>
    ex.setRate(
      over.currency ?? stars,
      over.direction ?? 'TO_PTS',
      over.rate ?? '0.25',
      over.spread ?? '0',
      over.min ?? 1,
      over.incr ?? 1,
      over.at,
    );

describe('setExchangeRate', () => {
  it('unknown currencies: UNKNOWN_CURRENCY; PTS itself has no rate against PTS: NOT_BRANDED', async () => {
    for (const currency of ['NOPE', 'miles', '', 'X'.repeat(300)])
      await ex.refused('UNKNOWN_CURRENCY', set({ currency }));
    await ex.refused('NOT_BRANDED', set({ currency: 'PTS' }));
  });

  it.each(['0', '0.000', '-1', '-0.5', '-0'])('rate %s (zero or below): INVALID_RATE on the rate', async (rate) => {
    const res = await ex.refused('INVALID_RATE', set({ rate }));
    expect(res.errors![0]!.extensions!.field).toBe('rate');
  });

  it.each(['1', '1.0', '1.5', '-0.01'])('spread %s (not in [0, 1)): INVALID_RATE on the spread', async (spread) => {
    const res = await ex.refused('INVALID_RATE', set({ spread }));
    expect(res.errors![0]!.extensions!.field).toBe('spread');
  });

  it.each([
    'abc',
    '',
    ' ',
    '1e3',
    '0.5.5',
    '1,5',
    'NaN',
    'Infinity',
    '.5',
    '0.',
    '+1',
    '0x10',
    '0.1234567890123',
    '1'.padEnd(40, '0'),
  ])('malformed decimal %j: INVALID_RATE, for the rate and for the spread', async (text) => {
    await ex.refused('INVALID_RATE', set({ rate: text }));
    await ex.refused('INVALID_RATE', set({ spread: text }));
  });

  it('a rate too large to store: INVALID_RATE, not an internal error', async () => {
    const res = await ex.refused('INVALID_RATE', set({ rate: '1'.padEnd(22, '0') }));
    expect(res.errors![0]!.extensions!.field).toBe('rate');
  });

  it('a rate whose output would exceed the largest amount an operation may move: BAD_USER_INPUT, not an internal error', async () => {
    const huge = await ex.brand(hotel);
    await ex.setRateOk(huge, 'FROM_PTS', '100000000000000000', '0', 1, 1);
    await ex.refused('BAD_USER_INPUT', () => ex.quote(token, 'PTS', huge, 1000));
    await ex.refused('BAD_USER_INPUT', () => ex.quote(token, miles, huge, 1000));
  });

  it('minimum amount or increment of zero or below: BAD_USER_INPUT', async () => {
    for (const [min, incr] of [
      [0, 1],
      [-1, 1],
      [1, 0],
      [1, -5],
    ] as const)
      await ex.refused('BAD_USER_INPUT', set({ min, incr }));
    await ex.refused('BAD_USER_INPUT', set({ min: 'lots' }));
  });

  it('backdated, malformed instant, same instant twice, profitable cycle: RATE_BACKDATED, BAD_USER_INPUT, RATE_VERSION_EXISTS, ARBITRAGE_CYCLE', async () => {
    await ex.refused('RATE_BACKDATED', set({ at: new Date(app.now().getTime() - 60_000) }));
    await ex.refused('BAD_USER_INPUT', set({ at: 'yesterday' }));
    const at = new Date(app.now().getTime() + 3_600_000);
    await ex.setRateOk(stars, 'TO_PTS', '0.25', '0', 1, 1, at);
    await ex.refused('RATE_VERSION_EXISTS', set({ at }));
    await ex.refused('ARBITRAGE_CYCLE', set({ currency: miles, direction: 'FROM_PTS', rate: '2.1', spread: '0.01' }));
  });

  it('reading rates of an unknown currency: UNKNOWN_CURRENCY; no version at that instant: RATE_UNAVAILABLE', async () => {
    await ex.refused('UNKNOWN_CURRENCY', () => ex.rateAt('NOPE', 'TO_PTS'));
    await ex.refused('RATE_UNAVAILABLE', () => ex.rateAt(miles, 'TO_PTS', new Date(app.now().getTime() - 86_400_000)));
  });
});

describe('quoteExchange', () => {
  const quote = (from: string, to: string, amount: number | string) => () => ex.quote(token, from, to, amount);

  it('unknown currencies: UNKNOWN_CURRENCY; identical ones: IDENTICAL_CURRENCIES', async () => {
    await ex.refused('UNKNOWN_CURRENCY', quote('NOPE', 'PTS', 1000));
    await ex.refused('UNKNOWN_CURRENCY', quote('PTS', 'nope', 1000));
    await ex.refused('UNKNOWN_CURRENCY', quote('miles', 'PTS', 1000));
    await ex.refused('IDENTICAL_CURRENCIES', quote(miles, miles, 1000));
    await ex.refused('IDENTICAL_CURRENCIES', quote('PTS', 'PTS', 1000));
  });

  it('no rate in effect for a leg: RATE_UNAVAILABLE (none yet, or only a future one)', async () => {
    const bare = await ex.brand(hotel);
    await ex.refused('RATE_UNAVAILABLE', quote(bare, 'PTS', 1000));
    await ex.refused('RATE_UNAVAILABLE', quote('PTS', bare, 1000));
    await ex.refused('RATE_UNAVAILABLE', quote(miles, bare, 1000)); // the MILES leg has a rate, the other not
    await ex.setRateOk(bare, 'FROM_PTS', '2', '0', 1, 1, new Date(app.now().getTime() + 3_600_000));
    await ex.refused('RATE_UNAVAILABLE', quote('PTS', bare, 1000));
  });

  it('below the minimum: BELOW_MINIMUM; not a multiple of the increment: NOT_A_MULTIPLE; converting to less than one unit: CONVERSION_TOO_SMALL', async () => {
    const below = await ex.refused('BELOW_MINIMUM', quote(miles, 'PTS', 500));
    expect(below.errors![0]!.extensions).toMatchObject({ minimum: '1000', field: 'amount' });
    const multiple = await ex.refused('NOT_A_MULTIPLE', quote(miles, 'PTS', 1200));
    expect(multiple.errors![0]!.extensions).toMatchObject({ increment: '500', field: 'amount' });
    await ex.refused('CONVERSION_TOO_SMALL', quote('PTS', miles, 9)); // 9 × 0.1 = 0.9
    await ex.quoteOk(token, miles, 'PTS', 1500);
  });

  it.each(['0', '-1', String(MAX + 1), 'abc', '1.5'])('amount %s: BAD_USER_INPUT', async (amount) => {
    await ex.refused('BAD_USER_INPUT', quote('PTS', miles, amount));
  });

  it('a member token naming a member, or a partner not naming one: BAD_USER_INPUT', async () => {
    await ex.refused('BAD_USER_INPUT', () => ex.quote(token, 'PTS', miles, 100, member));
    await ex.refused('BAD_USER_INPUT', () => ex.quote(airline.token, 'PTS', miles, 100));
  });
});

describe('exchangePoints', () => {
  it("unknown, malformed or another member's quote: NOT_FOUND; a malformed idempotency key: BAD_USER_INPUT", async () => {
    await ex.refused('NOT_FOUND', () => ex.exchange(token, randomUUID()));
    await ex.refused('NOT_FOUND', () => ex.exchange(token, 'not-a-quote'));
    const other = await ledger.enroll(airline);
    const otherToken = await memberHelpers(app).signIn(other);
    const q = await ex.quoteOk(token, 'PTS', miles, 10);
    await ex.refused('NOT_FOUND', () => ex.exchange(otherToken, q.id));
    await ex.refused('NOT_FOUND', () => ex.exchange(hotel.token, q.id));
    for (const key of ['', 'has space', 'x'.repeat(129)])
      await ex.refused('BAD_USER_INPUT', () => ex.exchange(token, q.id, key));
  });

  it('insufficient points: INSUFFICIENT_POINTS, recorded for the key; the quote stays usable', async () => {
    const poor = await ledger.enroll(airline);
    const poorToken = await memberHelpers(app).signIn(poor);
    await ledger.earnOk(airline, poor, 5);
    const q = await ex.quoteOk(poorToken, 'PTS', miles, 10);
    const key = newKey('ex');
    await ex.refused('INSUFFICIENT_POINTS', () => ex.exchange(poorToken, q.id, key), true);
    await ex.refused('INSUFFICIENT_POINTS', () => ex.exchange(poorToken, q.id, key)); // a replay: the same answer, nothing more
    await ledger.earnOk(airline, poor, 5);
    await ex.exchangeOk(poorToken, q.id);
    expect(await ledger.balance(poor)).toMatchObject({ available: '0' });
    expect(await ledger.balance(poor, miles)).toMatchObject({ available: '1' });
  });

  it('an expired quote: QUOTE_EXPIRED; a used one: QUOTE_ALREADY_USED; each recorded once for its key, no points move', async () => {
    const fresh = await ledger.enroll(airline);
    const freshToken = await memberHelpers(app).signIn(fresh);
    await ledger.earnOk(airline, fresh, 1000);
    const expiring = await ex.quoteOk(freshToken, 'PTS', miles, 100);
    const used = await ex.quoteOk(freshToken, 'PTS', miles, 100);
    await ex.exchangeOk(freshToken, used.id);
    await ex.refused('QUOTE_ALREADY_USED', () => ex.exchange(freshToken, used.id), true);

    await app.advanceClock(new Date(expiring.expiresAt).getTime() - app.now().getTime()); // expires_at <= hub time
    const key = newKey('ex');
    await ex.refused('QUOTE_EXPIRED', () => ex.exchange(freshToken, expiring.id, key), true);
    await ex.refused('QUOTE_EXPIRED', () => ex.exchange(freshToken, expiring.id, key));
    expect(await ledger.balance(fresh)).toMatchObject({ available: '900' });
    expect(await ledger.balance(fresh, miles)).toMatchObject({ available: '10' });
  });

  it('a rejected conversion into a currency the member never held moves nothing', async () => {
    const newcomer = await ledger.enroll(airline);
    const newcomerToken = await memberHelpers(app).signIn(newcomer);
    const q = await ex.quoteOk(newcomerToken, 'PTS', miles, 100); // no PTS either
    await ex.refused('INSUFFICIENT_POINTS', () => ex.exchange(newcomerToken, q.id), true);
    for (const b of (await memberHelpers(app).view(newcomer)).balances)
      expect(b).toMatchObject({ available: '0', held: '0', owed: '0' });
  });
});
