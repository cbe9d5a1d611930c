/**
 * Holds past their expiry (database time) cannot be captured or voided; the hub releases them exactly once.
 * Hub time is moved past a hold's expiry (app.advanceClock), never slept through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, GetHold, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let shop: TestPartner;
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  shop = await app.createPartner();
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

describe('hold expiry', () => {
  it('an expired hold is refused before the sweep, then released once by runLedgerExpiry', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 100);
    const shortHold = (await ledger.authorize(shop, member, 40, { expiresInSeconds: 60 })).data!.authorizeRedemption
      .hold!;
    const longHold = (await ledger.authorize(shop, member, 10)).data!.authorizeRedemption.hold!; // 900 s
    await app.advanceClock('59 seconds');
    expect((await ledger.runExpiry()).holdsExpired).toBe(0); // not yet
    await app.advanceClock('1 second'); // expires_at <= hub time: expired

    const before = await ledger.ledgerCounts();
    expect(errorCodes(await ledger.capture(shop, shortHold.id))).toEqual(['HOLD_NOT_ACTIVE']);
    expect(errorCodes(await ledger.voidHold(shop, shortHold.id))).toEqual(['HOLD_NOT_ACTIVE']);
    expect((await ledger.ledgerCounts()).transfer).toBe(before.transfer);
    expect(await ledger.balance(member)).toEqual({ available: '50', held: '50', owed: '0' });

    const run = await ledger.runExpiry();
    expect(run.holdsExpired).toBe(1);
    const hold = (await app.gqlOk(GetHold, { id: shortHold.id }, shop.token)).hold;
    expect(hold).toMatchObject({ status: 'EXPIRED', capturedAmount: '0', resolvedAt: expect.any(String) });
    expect(await ledger.balance(member)).toEqual({ available: '90', held: '10', owed: '0' });
    expect((await app.gqlOk(GetHold, { id: longHold.id }, shop.token)).hold.status).toBe('ACTIVE');

    expect((await ledger.runExpiry()).holdsExpired).toBe(0);
    expect(await ledger.balance(member)).toEqual({ available: '90', held: '10', owed: '0' });
  });

  it('concurrent sweeps release a hold once', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 30);
    for (let i = 0; i < 3; i++) await ledger.authorize(shop, member, 10, { expiresInSeconds: 60 });
    await app.advanceClock('61 seconds');
    const runs = await Promise.all([ledger.runExpiry(), ledger.runExpiry(), ledger.runExpiry()]);
    expect(runs.reduce((s, r) => s + r.holdsExpired, 0)).toBe(3);
    expect(await ledger.balance(member)).toEqual({ available: '30', held: '0', owed: '0' });
  });

  it('a hold captured before its expiry is not touched by the sweep', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 30);
    const hold = (await ledger.authorize(shop, member, 20, { expiresInSeconds: 60 })).data!.authorizeRedemption.hold!;
    await app.advanceClock('59 seconds');
    expect((await ledger.capture(shop, hold.id, 5)).errors).toBeUndefined(); // one second before it expires
    await app.advanceClock('2 seconds');
    expect((await ledger.runExpiry()).holdsExpired).toBe(0);
    expect((await app.gqlOk(GetHold, { id: hold.id }, shop.token)).hold).toMatchObject({
      status: 'CAPTURED',
      capturedAmount: '5',
    });
    expect(await ledger.balance(member)).toEqual({ available: '25', held: '0', owed: '0' });
  });
});
