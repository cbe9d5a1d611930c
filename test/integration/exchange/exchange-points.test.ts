/**
 * exchangePoints posts a quote as two linked transfers of one operation —
 * EXCHANGE_OUT wallet(A) → liquidity(A), EXCHANGE_IN liquidity(B) → wallet(B)
 * — idempotent like every ledger operation; lots are consumed FIFO on the
 * debited side and a new lot (with the target currency's expiry) is created
 * on the credited side. Converting branded points into PTS counts as an
 * issuance by the brand's partner, PTS into branded points as a redemption at
 * it (the transfers and the new lot carry that partner).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetTransfer, checkLedgerInvariantsAfterEach, newKey, type LedgerHelpers } from '../../support/ledger.js';
import { errorCodes } from '../../support/graphql-client.js';
import type { MemberHelpers } from '../../support/members.js';
import { exchangeCoalition, expectedQuote, factorOf, outcome, type ExchangeHelpers } from '../../support/exchange.js';
import type { TestApp, TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let members: MemberHelpers;
let ex: ExchangeHelpers;
let airline: TestPartner;
let hotel: TestPartner;
let miles: string;
let stars: string;
beforeAll(async () => {
  ({ app, ledger, members, ex, airline, hotel, miles, stars } = await exchangeCoalition({
    stars: true,
    dbPoolSize: 8,
  }));
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

async function airlineMember() {
  const member = await ledger.enroll(airline);
  return { member, token: await members.signIn(member) };
}

const byKind = <T extends { kind: string }>(ts: readonly T[]) => [...ts].sort((a, b) => a.kind.localeCompare(b.kind));

describe('linked transfers', () => {
  it('MILES → PTS: EXCHANGE_OUT and EXCHANGE_IN in one operation, the quote marked used by it, both legs in the member history', async () => {
    const { member, token } = await airlineMember();
    await ledger.earnOk(airline, member, 1000, { currency: miles });
    const q = await ex.quoteOk(token, miles, 'PTS', 500);
    expect(q.amountOut).toBe('245');
    const operations = await app.count('operation');
    const done = await ex.exchangeOk(token, q.id);

    expect(done.replayed).toBe(false);
    expect(done.transfer).toEqual({
      id: expect.any(String),
      operationId: done.operationId,
      kind: 'EXCHANGE_IN',
      currency: 'PTS',
      amount: '245',
      walletDelta: '245',
      partnerId: airline.id,
      memberId: member,
    });
    const [exIn, exOut] = byKind(done.transfers);
    expect(exIn).toEqual(done.transfer);
    expect(exOut).toEqual({
      id: expect.any(String),
      operationId: done.operationId,
      kind: 'EXCHANGE_OUT',
      currency: miles,
      amount: '500',
      walletDelta: '-500',
      partnerId: airline.id,
      memberId: member,
    });
    expect(done.transfers).toHaveLength(2);
    expect(done.balance).toEqual({ available: '245', held: '0', owed: '0' });
    expect(await app.count('operation')).toBe(operations + 1);
    expect(await ledger.balance(member, miles)).toMatchObject({ available: '500' });

    const [quoteRow] = await app.hub.db.sql.query<{ used_by_operation_id: string }>(
      `select used_by_operation_id from exchange_quote where id = $1`,
      [q.id],
    );
    expect(quoteRow!.used_by_operation_id).toBe(done.operationId);
    // The liquidity accounts took the other side of each leg.
    const liquidity = await app.hub.db.sql.query<{ currency: string; entries: string }>(
      `select a.currency, sum(e.amount)::text as entries from entry e join account a on a.id = e.account_id
        where a.kind = 'EXCHANGE_LIQUIDITY' and e.transfer_id = any($1::uuid[]) group by a.currency order by a.currency`,
      [[exIn!.id, exOut!.id]],
    );
    expect(liquidity.map((l) => [l.currency, BigInt(l.entries) < 0n ? 'debited' : 'credited'])).toEqual(
      [
        [miles, 'credited'],
        ['PTS', 'debited'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );

    const me = await members.me(token);
    expect(
      me.transactions.nodes
        .filter((t) => t.kind.startsWith('EXCHANGE'))
        .map((t) => t.id)
        .sort(),
    ).toEqual([exIn!.id, exOut!.id].sort());
  });

  it('MILES → PTS counts as an issuance of PTS by the airline: the new PTS lot is issued by it', async () => {
    const { member, token } = await airlineMember();
    await ledger.earnOk(airline, member, 200, { currency: miles });
    const done = await ex.exchangeOk(token, (await ex.quoteOk(token, miles, 'PTS', 200)).id);
    const [lot] = await ex.lots(member, 'PTS');
    expect(lot).toMatchObject({
      issuer_partner_id: airline.id,
      source_transfer_id: done.transfer.id,
      amount: '98',
      remaining: '98',
    });
    // PTS lots expire by the PTS policy, like any PTS earn.
    expect(lot!.expires_at).not.toBeNull();
  });

  it('PTS → MILES counts as a redemption at the airline, even of PTS another partner issued; the airline sees both legs, the other partner neither', async () => {
    const { member, token } = await airlineMember();
    await ledger.link(hotel, member);
    await ledger.earnOk(hotel, member, 100);
    const done = await ex.exchangeOk(token, (await ex.quoteOk(token, 'PTS', miles, 100)).id);
    const [exIn, exOut] = byKind(done.transfers);
    expect(exOut).toMatchObject({ kind: 'EXCHANGE_OUT', currency: 'PTS', amount: '100', partnerId: airline.id });
    expect(exIn).toMatchObject({ kind: 'EXCHANGE_IN', currency: miles, amount: '188', partnerId: airline.id });
    const [lot] = await ex.lots(member, miles);
    expect(lot).toMatchObject({ issuer_partner_id: airline.id, amount: '188', source_transfer_id: exIn!.id });
    for (const t of [exIn!, exOut!]) {
      expect((await app.gqlOk(GetTransfer, { id: t.id }, airline.token)).transfer.id).toBe(t.id);
      expect(errorCodes(await app.gql(GetTransfer, { id: t.id }, hotel.token))).toEqual(['NOT_FOUND']);
    }
  });

  it('MILES → STARS goes across PTS at the product of both rates: out at the airline, in at the hotel, a STARS lot issued by the hotel', async () => {
    const { member, token } = await airlineMember();
    await ledger.earnOk(airline, member, 1000, { currency: miles });
    const q = await ex.quoteOk(token, miles, stars, 300);
    const want = expectedQuote(300n, factorOf('0.5', '0.02'), factorOf('4', '0.01'));
    expect(q).toMatchObject({ amountOut: want.amountOut, rate: want.rate, rounding: want.rounding }); // 300 × 0.49 × 3.96 = 582.12
    const done = await ex.exchangeOk(token, q.id);
    const [exIn, exOut] = byKind(done.transfers);
    expect(exOut).toMatchObject({
      kind: 'EXCHANGE_OUT',
      currency: miles,
      amount: '300',
      walletDelta: '-300',
      partnerId: airline.id,
    });
    expect(exIn).toMatchObject({
      kind: 'EXCHANGE_IN',
      currency: stars,
      amount: '582',
      walletDelta: '582',
      partnerId: hotel.id,
    });
    expect(done.transfers.map((t) => t.currency)).not.toContain('PTS');
    expect(await ledger.balance(member, miles)).toMatchObject({ available: '700' });
    expect(await ledger.balance(member, stars)).toMatchObject({ available: '582' });
    expect(await ledger.balance(member)).toMatchObject({ available: '0' });
    const [lot] = await ex.lots(member, stars);
    expect(lot).toMatchObject({ issuer_partner_id: hotel.id, amount: '582' });
  });

  it('conversions are not reversible like earns and redemptions (NOT_REVERSIBLE)', async () => {
    const { member, token } = await airlineMember();
    await ledger.earnOk(airline, member, 100);
    const done = await ex.exchangeOk(token, (await ex.quoteOk(token, 'PTS', miles, 100)).id);
    for (const t of done.transfers) await ex.refused('NOT_REVERSIBLE', () => ledger.reverse(airline, t.id));
  });
});

describe('lots', () => {
  it('the debited side is consumed FIFO: oldest lot first', async () => {
    const { member, token } = await airlineMember();
    await ledger.link(hotel, member);
    const first = await ledger.earnOk(hotel, member, 300);
    const second = await ledger.earnOk(airline, member, 300);
    const done = await ex.exchangeOk(token, (await ex.quoteOk(token, 'PTS', miles, 400)).id);
    const exOut = done.transfers.find((t) => t.kind === 'EXCHANGE_OUT')!;
    const lots = await ex.lots(member, 'PTS');
    expect(lots.map((l) => [l.source_transfer_id, l.remaining])).toEqual([
      [first.transfer.id, '0'],
      [second.transfer.id, '200'],
    ]);
    const movements = await app.hub.db.sql.query<{ lot_id: string; amount: string }>(
      `select lot_id, amount::text as amount from lot_movement m where transfer_id = $1 order by m.amount`,
      [exOut.id],
    );
    expect(movements).toEqual([
      { lot_id: lots[0]!.id, amount: '-300' },
      { lot_id: lots[1]!.id, amount: '-100' },
    ]);
  });

  it('the credited side gets a new lot with the target currency expiry: an expiry run takes exactly the converted points', async () => {
    const flash = await ex.brand(airline, undefined, 'FIXED', 'PT1H');
    await ex.setRateOk(flash, 'FROM_PTS', '1', '0', 1, 1);
    const { member, token } = await airlineMember();
    await ledger.earnOk(airline, member, 80);
    await ledger.earnOk(airline, member, 40, { currency: flash });
    const earlier = (await ex.lots(member, flash))[0]!;
    const done = await ex.exchangeOk(token, (await ex.quoteOk(token, 'PTS', flash, 50)).id);
    const lots = await ex.lots(member, flash);
    expect(lots).toHaveLength(2);
    expect(lots[1]).toMatchObject({
      source_transfer_id: done.transfer.id,
      amount: '50',
      remaining: '50',
      issuer_partner_id: airline.id,
    });
    const ttl = new Date(lots[1]!.expires_at!).getTime() - app.now().getTime();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(3_600_000);

    await app.advanceClock(
      Math.max(new Date(lots[1]!.expires_at!).getTime(), new Date(earlier.expires_at!).getTime()) - app.now().getTime(),
    );
    const run = await ledger.runExpiry();
    expect(BigInt(run.pointsExpired)).toBeGreaterThanOrEqual(90n);
    expect(await ledger.balance(member, flash)).toMatchObject({ available: '0' });
    expect(await ledger.balance(member)).toMatchObject({ available: '30' });
  });
});

describe('idempotency', () => {
  it('a replay with the same key returns the first result and posts nothing; the same key for another quote is IDEMPOTENCY_KEY_REUSED', async () => {
    const { member, token } = await airlineMember();
    await ledger.earnOk(airline, member, 1000);
    const q = await ex.quoteOk(token, 'PTS', miles, 100);
    const key = newKey('ex');
    const first = await ex.exchangeOk(token, q.id, key);
    const before = await ex.counts();
    const replay = await ex.exchangeOk(token, q.id, key);
    expect(replay).toEqual({ ...first, replayed: true });
    expect(await ex.counts()).toEqual(before);
    expect(await ledger.balance(member)).toMatchObject({ available: '900' });

    const other = await ex.quoteOk(token, 'PTS', miles, 200);
    await ex.refused('IDEMPOTENCY_KEY_REUSED', () => ex.exchange(token, other.id, key));
    // The other quote is untouched and still usable with a fresh key.
    await ex.exchangeOk(token, other.id);
    expect(await ledger.balance(member)).toMatchObject({ available: '700' });
  });

  it('the same key sent 6 times at once: one operation, the others replay it', async () => {
    const { member, token } = await airlineMember();
    await ledger.earnOk(airline, member, 1000);
    const q = await ex.quoteOk(token, 'PTS', miles, 100);
    const key = newKey('ex');
    const transfers = await app.count('transfer');
    const results = await Promise.all(Array.from({ length: 6 }, () => ex.exchange(token, q.id, key)));
    expect(results.map(outcome)).toEqual(Array(6).fill('OK'));
    const data = results.map((r) => r.data!.exchangePoints);
    expect(new Set(data.map((d) => d.operationId)).size).toBe(1);
    expect(data.filter((d) => !d.replayed)).toHaveLength(1);
    expect(await app.count('transfer')).toBe(transfers + 2);
    expect(await ledger.balance(member)).toMatchObject({ available: '900' });
  });
});

describe('a partner acting for its linked member', () => {
  it('quotes and converts between PTS and its own currency, both ways', async () => {
    const member = await ledger.enroll(airline);
    await ledger.earnOk(airline, member, 1000);
    const q1 = await ex.quoteOk(airline.token, 'PTS', miles, 100, member);
    expect(q1.memberId).toBe(member);
    const d1 = await ex.exchangeOk(airline.token, q1.id);
    expect(d1.transfer).toMatchObject({
      kind: 'EXCHANGE_IN',
      currency: miles,
      amount: '188',
      memberId: member,
      partnerId: airline.id,
    });
    expect(d1.balance).toMatchObject({ available: '188' });
    const q2 = await ex.quoteOk(airline.token, miles, 'PTS', 100, member);
    const d2 = await ex.exchangeOk(airline.token, q2.id);
    expect(d2.transfer).toMatchObject({ kind: 'EXCHANGE_IN', currency: 'PTS', amount: '49' });
    expect(await ledger.balance(member)).toMatchObject({ available: '949' });
    expect(await ledger.balance(member, miles)).toMatchObject({ available: '88' });
  });

  it("may not convert another partner's currency, nor for a member not linked to it", async () => {
    const member = await ledger.enroll(airline);
    await ledger.link(hotel, member);
    await ledger.earnOk(airline, member, 1000);
    await ex.refused('CURRENCY_NOT_ISSUABLE', () => ex.quote(hotel.token, 'PTS', miles, 100, member));
    await ex.refused('CURRENCY_NOT_ISSUABLE', () => ex.quote(hotel.token, miles, stars, 100, member));
    await ex.refused('CURRENCY_NOT_ISSUABLE', () => ex.quote(airline.token, miles, stars, 100, member));
    const stranger = await ledger.enroll(hotel);
    await ex.refused('NOT_FOUND', () => ex.quote(airline.token, 'PTS', miles, 100, stranger));
    // The hotel converting between PTS and its own STARS is fine.
    await ex.exchangeOk(hotel.token, (await ex.quoteOk(hotel.token, 'PTS', stars, 100, member)).id);
  });

  it('a quote the partner asked for may be used by the member itself, once', async () => {
    const { member, token } = await airlineMember();
    await ledger.earnOk(airline, member, 200); // enough for a second use, so only the quote refuses it
    const q = await ex.quoteOk(airline.token, 'PTS', miles, 100, member);
    await ex.exchangeOk(token, q.id);
    await ex.refused('QUOTE_ALREADY_USED', () => ex.exchange(airline.token, q.id), true);
  });
});
