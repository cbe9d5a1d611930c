/**
 * Conversions racing with each other and with earns, redemptions and holds on
 * the real PostgreSQL: no deadlock or internal error, no wallet below zero,
 * every balance exactly what the successful operations add up to, and every
 * ledger invariant (zero sum per currency, balances = entries, lots = wallet)
 * after each test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerInvariantsAfterEach, type LedgerHelpers } from '../../support/ledger.js';
import type { MemberHelpers } from '../../support/members.js';
import { exchangeCoalition, outcome, type ExchangeHelpers } from '../../support/exchange.js';
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
  ({ app, ledger, members, ex, airline, hotel, miles, stars } = await exchangeCoalition({ stars: true }));
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

type Delta = Record<string, bigint>;
interface Job {
  run: () => Promise<{ errors?: unknown[]; data?: unknown }>;
  /** Balance changes when it succeeds. */
  delta: Delta;
}

async function runAll(jobs: Job[], start: Delta): Promise<{ outcomes: string[]; expected: Delta }> {
  const results = await Promise.all(jobs.map((j) => j.run()));
  const outcomes = results.map((r) => outcome(r as never));
  const expected: Delta = { ...start };
  outcomes.forEach((o, i) => {
    if (o !== 'OK') return;
    for (const [c, d] of Object.entries(jobs[i]!.delta)) expected[c] = (expected[c] ?? 0n) + d;
  });
  return { outcomes, expected };
}

describe('conversions under concurrency', () => {
  it('one member: conversions both ways, earns, redemptions and holds at once — balances add up exactly, never below zero', async () => {
    const member = await ledger.enroll(airline);
    await ledger.link(hotel, member);
    const token = await members.signIn(member);
    await ledger.earnOk(airline, member, 3000);
    await ledger.earnOk(airline, member, 3000, { currency: miles });

    const jobs: Job[] = [];
    for (let i = 0; i < 10; i++) {
      const q = await ex.quoteOk(token, 'PTS', miles, 400);
      jobs.push({ run: () => ex.exchange(token, q.id), delta: { PTS: -400n, [miles]: BigInt(q.amountOut) } });
      const r = await ex.quoteOk(i % 2 ? token : airline.token, miles, 'PTS', 500, i % 2 ? undefined : member);
      jobs.push({
        run: () => ex.exchange(i % 2 ? token : airline.token, r.id),
        delta: { PTS: BigInt(r.amountOut), [miles]: -500n },
      });
    }
    for (let i = 0; i < 8; i++) {
      jobs.push({ run: () => ledger.earn(i % 2 ? airline : hotel, member, 100), delta: { PTS: 100n } });
      jobs.push({ run: () => ledger.redeem(i % 2 ? hotel : airline, member, 350), delta: { PTS: -350n } });
      jobs.push({ run: () => ledger.redeem(airline, member, 300, { currency: miles }), delta: { [miles]: -300n } });
    }
    // Holds leave the available balance; they are voided below.
    for (let i = 0; i < 4; i++) jobs.push({ run: () => ledger.authorize(airline, member, 200), delta: { PTS: -200n } });

    const { outcomes, expected } = await runAll(jobs, { PTS: 3000n, [miles]: 3000n });
    expect(outcomes.filter((o) => o !== 'OK' && o !== 'INSUFFICIENT_POINTS')).toEqual([]);
    expect(outcomes.filter((o) => o === 'OK').length).toBeGreaterThan(jobs.length / 2);
    const pts = await ledger.balance(member);
    const ms = await ledger.balance(member, miles);
    expect(BigInt(pts.available)).toBe(expected.PTS);
    expect(BigInt(ms.available)).toBe(expected[miles]);
    expect(expected.PTS! >= 0n && expected[miles]! >= 0n).toBe(true);

    const holds = await app.hub.db.sql.query<{ id: string }>(
      `select id from hold where member_id = $1 and status = 'ACTIVE'`,
      [member],
    );
    for (const h of holds) await ledger.voidHold(airline, h.id);
  });

  it('many members converting at once through the shared liquidity accounts, including across PTS (MILES → STARS → PTS)', async () => {
    const people = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const member = await ledger.enroll(airline);
        await ledger.link(hotel, member);
        await ledger.earnOk(airline, member, 2000, { currency: miles });
        await ledger.earnOk(hotel, member, 400, { currency: stars });
        await ledger.earnOk(hotel, member, 500);
        return { member, token: await members.signIn(member) };
      }),
    );
    const jobs: { member: string; job: Job }[] = [];
    // Quotes are asked for all members at once; the conversions run together below.
    await Promise.all(
      people.map(async (p) => {
        for (let i = 0; i < 3; i++) {
          const a = await ex.quoteOk(p.token, miles, stars, 600);
          jobs.push({
            member: p.member,
            job: { run: () => ex.exchange(p.token, a.id), delta: { [miles]: -600n, [stars]: BigInt(a.amountOut) } },
          });
          const b = await ex.quoteOk(p.token, stars, 'PTS', 300);
          jobs.push({
            member: p.member,
            job: { run: () => ex.exchange(p.token, b.id), delta: { [stars]: -300n, PTS: BigInt(b.amountOut) } },
          });
          const c = await ex.quoteOk(p.token, 'PTS', miles, 150);
          jobs.push({
            member: p.member,
            job: { run: () => ex.exchange(p.token, c.id), delta: { PTS: -150n, [miles]: BigInt(c.amountOut) } },
          });
        }
        jobs.push({
          member: p.member,
          job: { run: () => ledger.redeem(hotel, p.member, 100, { currency: stars }), delta: { [stars]: -100n } },
        });
      }),
    );
    const results = await Promise.all(jobs.map((j) => j.job.run()));
    const outcomes = results.map((r) => outcome(r as never));
    expect(outcomes.filter((o) => o !== 'OK' && o !== 'INSUFFICIENT_POINTS')).toEqual([]);
    expect(outcomes.filter((o) => o === 'OK').length).toBeGreaterThan(jobs.length / 2);

    for (const p of people) {
      const expected: Delta = { [miles]: 2000n, [stars]: 400n, PTS: 500n };
      jobs.forEach((j, i) => {
        if (j.member !== p.member || outcomes[i] !== 'OK') return;
        for (const [c, d] of Object.entries(j.job.delta)) expected[c] = expected[c]! + d;
      });
      for (const c of [miles, stars, 'PTS'])
        expect(BigInt((await ledger.balance(p.member, c)).available), `${p.member} ${c}`).toBe(expected[c]);
    }
    // Each successful conversion posted exactly its two legs.
    const [row] = await app.hub.db.sql.query<{ bad: number }>(
      `select count(*)::int as bad from (select operation_id from transfer where kind in ('EXCHANGE_OUT', 'EXCHANGE_IN') group by operation_id
         having count(*) <> 2 or count(*) filter (where kind = 'EXCHANGE_OUT') <> 1) x`,
    );
    expect(row!.bad).toBe(0);
  });
});
