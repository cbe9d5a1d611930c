/**
 * Quotes: priced at the rates in effect now, output rounded down (in the hub's
 * favour) with the rounding shown exactly, locked for quoteTtlSeconds, usable
 * once, by its own member only. Expected values are computed here with bigint
 * arithmetic, never floats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { memberHelpers, type MemberHelpers } from '../../support/members.js';
import {
  exchangeCoalition,
  exchangeHelpers,
  expectedQuote,
  factorOf,
  outcome,
  type ExchangeHelpers,
} from '../../support/exchange.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let members: MemberHelpers;
let ex: ExchangeHelpers;
let airline: TestPartner;
let hotel: TestPartner;
let miles: string;
beforeAll(async () => {
  ({ app, ledger, members, ex, airline, hotel, miles } = await exchangeCoalition());
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

/** A member of the airline with `pts` PTS, and a member token for it. */
async function memberWith(pts: number) {
  const member = await ledger.enroll(airline);
  if (pts > 0) await ledger.earnOk(airline, member, pts);
  return { member, token: await members.signIn(member) };
}

describe('pricing', () => {
  it('shows amount in and out, the rate after the spread, the exact output and what rounding down kept back', async () => {
    const { member, token } = await memberWith(0);
    const [from] = await ex.rates(miles, 'FROM_PTS');
    await app.freezeClock(); // so the lock's length is exact
    const before = app.now().getTime();
    const q = await ex.quoteOk(token, 'PTS', miles, 333).finally(() => app.resumeClock());
    expect(q).toMatchObject({
      memberId: member,
      fromCurrency: 'PTS',
      toCurrency: miles,
      amountIn: '333',
      amountOut: '626', // floor(333 × 1.9 × 0.99 = 626.373)
      rate: '1.881',
      exactAmountOut: '626.373',
      rounding: '0.373',
      outRateId: null,
      inRateId: from!.id,
      usedAt: null,
    });
    // The spread is on the rate version the quote names: rate × (1 − spread) is the quote's rate.
    expect(expectedQuote(1n, factorOf(from!.rate, from!.spread)).rate).toBe(q.rate);
    expect(from).toMatchObject({ rate: '1.9', spread: '0.01' });
    // Locked for the default 60 s of hub time.
    expect(new Date(q.expiresAt).getTime() - before).toBe(60_000);
    // A quote moves no points.
    expect(await ledger.balance(member, miles)).toEqual({ available: '0', held: '0', owed: '0' });
  });

  it('MILES → PTS takes the minimum and increment of the MILES rate and names the TO_PTS version', async () => {
    const { token } = await memberWith(0);
    const [to] = await ex.rates(miles, 'TO_PTS');
    const q = await ex.quoteOk(token, miles, 'PTS', 700);
    expect(q).toMatchObject({
      amountOut: '343',
      rate: '0.49',
      exactAmountOut: '343',
      rounding: '0',
      outRateId: to!.id,
      inRateId: null,
    });
  });

  // Rates with up to 12 decimals and spreads with up to 12 decimals give factors of up to 24 decimals, 48 across two legs.
  const awkward: { name: string; legs: [string, string, 'TO_PTS' | 'FROM_PTS'][]; amounts: bigint[] }[] = [
    {
      name: 'PTS → X at 0.333333333333, spread 0.01',
      legs: [['0.333333333333', '0.01', 'FROM_PTS']],
      amounts: [4n, 7n, 1000n, 999_999n, 100_000_000n],
    },
    {
      name: 'PTS → X at 1.000000000001, spread 0 (never rounds up to the next unit)',
      legs: [['1.000000000001', '0', 'FROM_PTS']],
      amounts: [1n, 999_999n, 99_999_999n],
    },
    {
      name: 'X → PTS at 1.000000000001, spread 0.000000000001 (24 decimals)',
      legs: [['1.000000000001', '0.000000000001', 'TO_PTS']],
      amounts: [2n, 3n, 99_999_999n, 100_000_000n],
    },
    {
      name: 'X → Y across PTS at 0.333333333333 (spread 0.000000000007) then 3.000000000003 (spread 0.000000000011)',
      legs: [
        ['0.333333333333', '0.000000000007', 'TO_PTS'],
        ['3.000000000003', '0.000000000011', 'FROM_PTS'],
      ],
      amounts: [4n, 17n, 99_999_999n],
    },
  ];

  it.each(awkward)('rounds down exactly: $name', async ({ legs, amounts }) => {
    const { token } = await memberWith(0);
    const codes: string[] = [];
    for (const [rate, spread, direction] of legs) {
      const code = await ex.brand(legs.length === 1 || codes.length === 0 ? airline : hotel);
      await ex.setRateOk(code, direction, rate, spread, 1, 1);
      codes.push(code);
    }
    const [from, to] = legs.length === 2 ? codes : legs[0]![2] === 'FROM_PTS' ? ['PTS', codes[0]!] : [codes[0]!, 'PTS'];
    const factors = legs.map(([rate, spread]) => factorOf(rate, spread));
    for (const amount of amounts) {
      const want = expectedQuote(amount, ...factors);
      const res = await ex.quote(token, from!, to!, amount);
      expect(res.errors, `${amount}: ${JSON.stringify(res.errors)}`).toBeUndefined();
      const q = res.data!.quoteExchange;
      expect({
        amount,
        rate: q.rate,
        exactAmountOut: q.exactAmountOut,
        amountOut: q.amountOut,
        rounding: q.rounding,
      }).toEqual({ amount, ...want });
      // Rounded down: the rounding is below one unit and output + rounding is the exact amount.
      expect(q.rounding).toMatch(/^0(\.\d+)?$/);
      expect(q.exactAmountOut.startsWith(q.amountOut)).toBe(true);
    }
  });
});

describe('locking and single use', () => {
  it('a quote locks its rate: a version set after the quote does not change what it pays', async () => {
    const locked = await ex.brand(airline);
    await ex.setRateOk(locked, 'FROM_PTS', '2', '0', 1, 1);
    const { member, token } = await memberWith(100);
    const q = await ex.quoteOk(token, 'PTS', locked, 100);
    expect(q.amountOut).toBe('200');
    await ex.setRateOk(locked, 'FROM_PTS', '1.5', '0', 1, 1);
    const done = await ex.exchangeOk(token, q.id);
    expect(done.transfer).toMatchObject({ kind: 'EXCHANGE_IN', currency: locked, amount: '200' });
    expect(await ledger.balance(member, locked)).toMatchObject({ available: '200' });
    // A new quote gets the new rate.
    expect((await ex.quoteOk(token, 'PTS', locked, 100)).amountOut).toBe('150');
  });

  it('a used quote cannot be used again (QUOTE_ALREADY_USED), not even for a different idempotency key; nothing more is posted', async () => {
    const { member, token } = await memberWith(1000);
    const q = await ex.quoteOk(token, 'PTS', miles, 100);
    await ex.exchangeOk(token, q.id);
    await ex.refused('QUOTE_ALREADY_USED', () => ex.exchange(token, q.id), true);
    expect(await ledger.balance(member)).toMatchObject({ available: '900' });
    expect(await ledger.balance(member, miles)).toMatchObject({ available: q.amountOut });
  });

  it("another member's quote is NOT_FOUND and stays usable by its owner", async () => {
    const alice = await memberWith(500);
    const bob = await memberWith(500);
    const q = await ex.quoteOk(alice.token, 'PTS', miles, 100);
    await ex.refused('NOT_FOUND', () => ex.exchange(bob.token, q.id));
    // A partner that did not ask for the quote cannot use it either.
    await ledger.link(hotel, alice.member);
    await ex.refused('NOT_FOUND', () => ex.exchange(hotel.token, q.id));
    expect(await ledger.balance(bob.member, miles)).toMatchObject({ available: '0' });
    const done = await ex.exchangeOk(alice.token, q.id);
    expect(done.transfer.memberId).toBe(alice.member);
  });

  it('a concurrent double use on PostgreSQL: exactly one of 8 wins, the others QUOTE_ALREADY_USED', async () => {
    const { member, token } = await memberWith(10_000);
    const q = await ex.quoteOk(token, 'PTS', miles, 1000); // the wallet covers all 8, so only the quote stops them
    const transfers = await app.count('transfer');
    const results = await Promise.all(Array.from({ length: 8 }, () => ex.exchange(token, q.id)));
    expect(results.map(outcome).sort()).toEqual(['OK', ...Array<string>(7).fill('QUOTE_ALREADY_USED')]);
    expect(await app.count('transfer')).toBe(transfers + 2);
    expect(await ledger.balance(member)).toMatchObject({ available: '9000' });
    expect(await ledger.balance(member, miles)).toMatchObject({ available: q.amountOut });
  });

  it('a member token and a partner acting for the same member race for one quote the partner asked for: one wins', async () => {
    const { member, token } = await memberWith(10_000);
    const q = await ex.quoteOk(airline.token, 'PTS', miles, 1000, member);
    const results = await Promise.all([
      ex.exchange(token, q.id),
      ex.exchange(airline.token, q.id),
      ex.exchange(token, q.id),
      ex.exchange(airline.token, q.id),
    ]);
    expect(results.map(outcome).sort()).toEqual([
      'OK',
      'QUOTE_ALREADY_USED',
      'QUOTE_ALREADY_USED',
      'QUOTE_ALREADY_USED',
    ]);
    expect(await ledger.balance(member)).toMatchObject({ available: '9000' });
  });
});

describe('expiry (quoteTtlSeconds: 30)', () => {
  let short: TestApp;
  let sl: LedgerHelpers;
  let sx: ExchangeHelpers;
  let partner: TestPartner;
  let code: string;
  beforeAll(async () => {
    short = await initTestApp({ config: { quoteTtlSeconds: 30 } });
    sl = ledgerHelpers(short);
    sx = exchangeHelpers(short, sl);
    partner = await short.createPartner();
    code = await sx.brand(partner);
    await sx.setRateOk(code, 'FROM_PTS', '3', '0', 1, 1);
  });
  afterAll(() => short?.close());
  checkLedgerInvariantsAfterEach(() => short);

  it('after its time a quote is QUOTE_EXPIRED and posts nothing; a conversion posted in time still replays', async () => {
    const member = await sl.enroll(partner);
    await sl.earnOk(partner, member, 100);
    const token = await memberHelpers(short).signIn(member);
    const q = await sx.quoteOk(token, 'PTS', code, 10);
    expect(new Date(q.expiresAt).getTime() - short.now().getTime()).toBeLessThanOrEqual(30_000);
    const inTime = await sx.quoteOk(token, 'PTS', code, 20);
    const key = 'in-time-1';
    await short.advanceClock('29 seconds');
    const first = await sx.exchangeOk(token, inTime.id, key); // a second before its lock ends

    await short.advanceClock('1 second'); // expires_at <= hub time
    await sx.refused('QUOTE_EXPIRED', () => sx.exchange(token, q.id), true);
    expect(await sl.balance(member)).toMatchObject({ available: '80' });
    expect(await sl.balance(member, code)).toMatchObject({ available: '60' });

    await short.advanceClock('10 minutes'); // past the in-time quote's lock too (within the tokens' 15)
    const replay = await sx.exchangeOk(token, inTime.id, key);
    expect(replay).toMatchObject({ operationId: first.operationId, replayed: true, transfer: first.transfer });
  });
});
