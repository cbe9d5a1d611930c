/**
 * Budgets are exact under concurrency on the real PostgreSQL: many earns (and
 * batch earns) racing for one partner's prepaid funds or credit never issue
 * more than the budget allowed. The budget row is locked before the check, so
 * the successes are exactly as many as fit, the remainder is exactly what is
 * left, and it is never negative.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, type GraphQLResponse } from '../../support/graphql-client.js';
import {
  checkLedgerInvariantsAfterEach,
  EarnPointsBatch,
  ledgerHelpers,
  newKey,
  type LedgerHelpers,
} from '../../support/ledger.js';
import { dec, minus, mulD, plus, settlementHelpers, show, type SettlementHelpers } from '../../support/settlement.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let st: SettlementHelpers;
beforeAll(async () => {
  app = await initTestApp({ config: { dbPoolSize: 10 } });
  ledger = ledgerHelpers(app);
  st = settlementHelpers(app);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

/** PTS issued by a partner, from the ledger itself, and the sum of its issuance valuations. */
async function issued(partner: TestPartner) {
  const [row] = await app.hub.db.sql.query<{ points: string; transfers: number; valued: string }>(
    `select coalesce(sum(t.amount), 0)::text as points, count(*)::int as transfers, coalesce(sum(v.amount), 0)::text as valued
       from transfer t left join transfer_valuation v on v.transfer_id = t.id where t.partner_id = $1 and t.kind = 'EARN' and t.currency = 'PTS'`,
    [partner.id],
  );
  return row!;
}

const outcome = (r: GraphQLResponse<unknown>) => (r.errors?.length ? errorCodes(r)[0] : 'OK');

/** `singles` single earns and `batches` batch earns of `batchSize` items, all `points` each, fired at once over `members`. */
async function race(
  partner: TestPartner,
  members: string[],
  points: number,
  singles: number,
  batches = 0,
  batchSize = 0,
) {
  const single = Array.from({ length: singles }, (_, i) =>
    ledger.earn(partner, members[i % members.length]!, points).then(outcome),
  );
  const batch = Array.from({ length: batches }, (_, b) =>
    app
      .gql(
        EarnPointsBatch,
        {
          input: {
            items: Array.from({ length: batchSize }, (_, i) => ({
              member: { memberId: members[(b + i) % members.length]! },
              amount: String(points),
              idempotencyKey: newKey(),
            })),
          },
        },
        partner.token,
      )
      .then((r) => r.data!.earnPointsBatch.items.map((i) => i.error?.code ?? 'OK')),
  );
  const results = [...(await Promise.all(single)), ...(await Promise.all(batch)).flat()];
  const tally: Record<string, number> = {};
  for (const r of results) tally[r!] = (tally[r!] ?? 0) + 1;
  return tally;
}

describe('no overshoot', () => {
  it('prepaid: 40 earns racing for funds that cover 14 — exactly 14 post, the rest PREPAID_FUNDS_EXHAUSTED, exactly 0.2 left', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { billingMode: 'PREPAID', issuePrice: '0.007' });
    await st.topUpOk(shop, '10.00');
    const members = await Promise.all(Array.from({ length: 8 }, () => ledger.enroll(shop)));
    const tally = await race(shop, members, 100, 30, 2, 5); // 0.7 each; 10 / 0.7 = 14.28…
    expect(tally).toEqual({ OK: 14, PREPAID_FUNDS_EXHAUSTED: 26 });
    expect(await st.budget(shop)).toBe('0.2');
    expect(await issued(shop)).toEqual({ points: '1400', transfers: 14, valued: '9.800000000000' });
  });

  it('postpaid: 24 earns racing for a credit limit that covers 6 — exactly 6 post, the rest CREDIT_LIMIT_EXCEEDED', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { billingMode: 'POSTPAID', creditLimit: '5.00', issuePrice: '0.25' });
    const members = await Promise.all(Array.from({ length: 3 }, () => ledger.enroll(shop))); // few members: wallet locks contend too
    const tally = await race(shop, members, 3, 20, 1, 4); // 0.75 each; 5 / 0.75 = 6.66…
    expect(tally).toEqual({ OK: 6, CREDIT_LIMIT_EXCEEDED: 18 });
    expect(await st.budget(shop)).toBe('0.5');
    expect(await issued(shop)).toEqual({ points: '18', transfers: 6, valued: '4.500000000000' });
  });

  it('prepaid with top-ups landing mid-race: issued never exceeds what was paid in, and what is left is exactly the difference', async () => {
    const shop = await app.createPartner();
    await st.contractOk(shop, { billingMode: 'PREPAID', issuePrice: '0.013' });
    await st.topUpOk(shop, '1.00');
    const members = await Promise.all(Array.from({ length: 6 }, () => ledger.enroll(shop)));
    const topUps = ['0.50', '0.25', '1.25', '0.01'];
    const [tally] = await Promise.all([
      race(shop, members, 37, 36),
      ...topUps.map((a, i) => new Promise((r) => setTimeout(r, 15 * i)).then(() => st.topUpOk(shop, a))),
    ]);
    const paidIn = plus(dec('1.00'), ...topUps.map(dec)); // 3.01
    const costEach = mulD(dec(37), dec('0.013')); // 0.481
    const ok = tally.OK ?? 0;
    expect(ok + (tally.PREPAID_FUNDS_EXHAUSTED ?? 0)).toBe(36);
    const spent = mulD(dec(ok), costEach);
    const left = minus(paidIn, spent);
    expect(left.n, `spent ${show(spent)} of ${show(paidIn)}`).toBeGreaterThanOrEqual(0n);
    expect(await st.budget(shop)).toBe(show(left));
    expect(ok).toBeGreaterThanOrEqual(2); // the first 1.00 alone covers two
    expect(ok).toBeLessThanOrEqual(6); // 3.01 / 0.481 = 6.25…
    const i = await issued(shop);
    expect([i.points, i.transfers]).toEqual([String(37 * ok), ok]);
  });
});
