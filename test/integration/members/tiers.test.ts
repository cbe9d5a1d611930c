/**
 * Coalition-wide tiers (BRONZE:0, SILVER:100, GOLD:500 here) from PTS earned
 * at every partner over a trailing 12 months, less reversals; recomputed on
 * every earn and reversal; with the progress to the next tier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedgerInvariantsAfterEach, ledgerHelpers } from '../../support/ledger.js';
import { memberHelpers } from '../../support/members.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let a: TestPartner;
let b: TestPartner;
let members: ReturnType<typeof memberHelpers>;
let ledger: ReturnType<typeof ledgerHelpers>;
beforeAll(async () => {
  app = await initTestApp({ config: { tiers: 'BRONZE:0,SILVER:100,GOLD:500' } });
  [a, b] = [await app.createPartner(), await app.createPartner()];
  members = memberHelpers(app);
  ledger = ledgerHelpers(app);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

let n = 0;
/** A member linked at A and B. */
async function shared() {
  const email = `tier-${process.pid}-${++n}@example.com`;
  const id = await members.enroll(a, { email, emailVerified: true });
  expect(await members.enroll(b, { email, emailVerified: true })).toBe(id);
  return id;
}
const tier = async (id: string, token?: string) => (await members.view(id, token)).tier;
const status = (name: string, points: number, nextTier: string | null, toNext: number | null) => ({
  name,
  qualifyingPoints: String(points),
  nextTier,
  pointsToNextTier: toNext === null ? null : String(toNext),
});

describe('tier', () => {
  it('starts at the first tier with the whole way to the next', async () => {
    expect(await tier(await members.enroll(a))).toEqual(status('BRONZE', 0, 'SILVER', 100));
  });

  it('adds up earns at two partners, seen the same by the member, each partner and the operator', async () => {
    const id = await shared();
    await ledger.earnOk(a, id, 60);
    expect(await tier(id)).toEqual(status('BRONZE', 60, 'SILVER', 40));
    await ledger.earnOk(b, id, 50);
    const expected = status('SILVER', 110, 'GOLD', 390);
    expect(await tier(id)).toEqual(expected);
    expect(await tier(id, a.token)).toEqual(expected);
    expect(await tier(id, b.token)).toEqual(expected);
    expect((await members.me(await members.token(b, id))).tier).toEqual(expected);
  });

  it('reaches the top tier exactly at its threshold, with no next tier', async () => {
    const id = await shared();
    await ledger.earnOk(a, id, 499);
    expect(await tier(id)).toEqual(status('SILVER', 499, 'GOLD', 1));
    await ledger.earnOk(b, id, 1);
    expect(await tier(id)).toEqual(status('GOLD', 500, null, null));
  });

  it('a reversal lowers it at once, also the part booked as a shortfall', async () => {
    const id = await shared();
    const earnA = await ledger.earnOk(a, id, 80);
    await ledger.earnOk(b, id, 40);
    expect((await tier(id)).name).toBe('SILVER');
    expect((await ledger.reverse(a, earnA.transfer.id, 30)).errors).toBeUndefined();
    expect(await tier(id)).toEqual(status('BRONZE', 90, 'SILVER', 10));

    // Spend everything, then reverse the rest of A's earn: the wallet cannot pay, the receivable does, and the tier still drops.
    expect((await ledger.redeem(b, id, 90)).errors).toBeUndefined();
    const rev = (await ledger.reverse(a, earnA.transfer.id)).data!.reverseTransfer;
    expect(rev.transfers.map((t) => t.kind)).toEqual(['REVERSE_EARN_SHORTFALL']);
    expect(await tier(id)).toEqual(status('BRONZE', 40, 'SILVER', 60));
  });

  it('spending does not lower it, and branded currencies do not count', async () => {
    const id = await shared();
    const brand = await ledger.createCurrency(a, 'NONE');
    await ledger.earnOk(a, id, 150);
    await ledger.earnOk(a, id, 1000, { currency: brand.code });
    expect((await ledger.redeem(b, id, 120)).errors).toBeUndefined();
    expect(await tier(id)).toEqual(status('SILVER', 150, 'GOLD', 350));
  });

  it('counts only the trailing 12 months', async () => {
    const id = await shared();
    const old = await ledger.earnOk(a, id, 300);
    await ledger.earnOk(b, id, 20);
    expect((await tier(id)).qualifyingPoints).toBe('320');
    // Move the first earn back in time (the tier reads database time).
    await app.hub.db.sql.query(
      `update transfer set created_at = hub_now() - interval '12 months 1 day' where id = $1`,
      [old.transfer.id],
    );
    expect(await tier(id)).toEqual(status('BRONZE', 20, 'SILVER', 80));
    await app.hub.db.sql.query(`update transfer set created_at = hub_now() - interval '11 months' where id = $1`, [
      old.transfer.id,
    ]);
    expect((await tier(id)).qualifyingPoints).toBe('320');
  });
});
