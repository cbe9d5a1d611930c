/** 50 concurrent redemptions against a wallet that covers 10: exactly 10 succeed, the wallet ends at 0, never below. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let shop: TestPartner;
let cafe: TestPartner;
beforeAll(async () => {
  app = await initTestApp({ config: { dbPoolSize: 10 } });
  ledger = ledgerHelpers(app);
  [shop, cafe] = [await app.createPartner(), await app.createPartner()];
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const outcome = (r: { errors?: unknown[]; data?: unknown }) => (r.errors?.length ? errorCodes(r as never)[0] : 'OK');

describe('concurrent redemptions', () => {
  it('50 at once against a wallet covering 10: exactly 10 succeed, the rest INSUFFICIENT_POINTS, balance 0', async () => {
    const member = await ledger.enroll(shop);
    await ledger.link(cafe, member);
    await ledger.earnOk(shop, member, 70);
    await ledger.earnOk(cafe, member, 30);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => ledger.redeem(i % 2 ? shop : cafe, member, 10)),
    );
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'INSUFFICIENT_POINTS')).toHaveLength(40);
    expect(await ledger.balance(member)).toEqual({ available: '0', held: '0', owed: '0' });
    const [row] = await app.hub.db.sql.query<{ n: number }>(
      `select count(*)::int as n from transfer where member_id = $1 and kind = 'REDEEM'`,
      [member],
    );
    expect(row!.n).toBe(10);
  });

  it('redemptions and authorisations racing on one wallet never overdraw it', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 100);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 ? ledger.redeem(shop, member, 7) : ledger.authorize(shop, member, 9),
      ),
    );
    const ok: number[] = results.map((r, i) => (outcome(r) === 'OK' ? (i % 2 ? 7 : 9) : 0));
    const spent = ok.reduce((s, x) => s + x, 0);
    expect(results.map(outcome).every((o) => o === 'OK' || o === 'INSUFFICIENT_POINTS')).toBe(true);
    expect(spent).toBeLessThanOrEqual(100);
    expect(spent).toBeGreaterThan(100 - 9); // nothing was refused while at least 9 points were left
    const b = await ledger.balance(member);
    expect(BigInt(b.available) + BigInt(b.held)).toBe(
      100n - BigInt(ok.filter((_, i) => i % 2).reduce((s, x) => s + x, 0)),
    );
    expect(BigInt(b.available)).toBe(100n - BigInt(spent));
  });
});
