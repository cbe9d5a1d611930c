/** Two-phase redemption: authorise (a hold), then capture all or part, or void; a hold resolves once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, GetHold, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let shop: TestPartner;
beforeAll(async () => {
  app = await initTestApp({ config: { hold: { defaultTtlSeconds: 900, maxTtlSeconds: 3600 } } });
  ledger = ledgerHelpers(app);
  shop = await app.createPartner();
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

async function funded(amount: number) {
  const member = await ledger.enroll(shop);
  await ledger.earnOk(shop, member, amount);
  return member;
}

const seconds = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;

describe('authorizeRedemption', () => {
  it('reserves points: available drops, held rises, the hold expires in 15 minutes by default', async () => {
    const member = await funded(100);
    const res = (await ledger.authorize(shop, member, 70)).data!.authorizeRedemption;
    expect(res.transfer).toMatchObject({ kind: 'AUTHORIZE', amount: '70', walletDelta: '-70' });
    expect(res.hold).toMatchObject({ status: 'ACTIVE', amount: '70', capturedAmount: '0', resolvedAt: null });
    expect(seconds(res.hold!.createdAt, res.hold!.expiresAt)).toBeCloseTo(900, 0);
    expect(res.balance).toEqual({ available: '30', held: '70', owed: '0' });
    expect(errorCodes(await ledger.redeem(shop, member, 31))).toEqual(['INSUFFICIENT_POINTS']);
  });

  it('takes a custom expiry up to the configured cap', async () => {
    const member = await funded(10);
    const res = (await ledger.authorize(shop, member, 1, { expiresInSeconds: 3600 })).data!.authorizeRedemption;
    expect(seconds(res.hold!.createdAt, res.hold!.expiresAt)).toBeCloseTo(3600, 0);
    for (const bad of [0, -5, 3601])
      expect(errorCodes(await ledger.authorize(shop, member, 1, { expiresInSeconds: bad }))).toEqual([
        'BAD_USER_INPUT',
      ]);
  });

  it('refuses more than is available', async () => {
    const member = await funded(10);
    await ledger.authorize(shop, member, 8);
    expect(errorCodes(await ledger.authorize(shop, member, 3))).toEqual(['INSUFFICIENT_POINTS']);
  });
});

describe('captureRedemption', () => {
  it('captures the whole hold when no amount is given', async () => {
    const member = await funded(100);
    const hold = (await ledger.authorize(shop, member, 60)).data!.authorizeRedemption.hold!;
    const res = (await ledger.capture(shop, hold.id)).data!.captureRedemption;
    expect(res.transfer).toMatchObject({ kind: 'CAPTURE', amount: '60' });
    expect(res.transfers.map((t) => t.kind)).toEqual(['CAPTURE']);
    expect(res.hold).toMatchObject({ status: 'CAPTURED', capturedAmount: '60', resolvedAt: expect.any(String) });
    expect(res.balance).toEqual({ available: '40', held: '0', owed: '0' });
  });

  it('captures part; the rest goes back to the wallet at once', async () => {
    const member = await funded(100);
    const hold = (await ledger.authorize(shop, member, 60)).data!.authorizeRedemption.hold!;
    const res = (await ledger.capture(shop, hold.id, 25)).data!.captureRedemption;
    expect(res.transfers.map((t) => [t.kind, t.amount, t.walletDelta]).sort()).toEqual([
      ['CAPTURE', '25', '0'],
      ['RELEASE', '35', '35'],
    ]);
    expect(res.balance).toEqual({ available: '75', held: '0', owed: '0' });
  });

  it('never captures more than the hold: CAPTURE_EXCEEDS_HOLD, hold stays active', async () => {
    const member = await funded(100);
    const hold = (await ledger.authorize(shop, member, 60)).data!.authorizeRedemption.hold!;
    expect(errorCodes(await ledger.capture(shop, hold.id, 61))).toEqual(['CAPTURE_EXCEEDS_HOLD']);
    expect((await app.gqlOk(GetHold, { id: hold.id }, shop.token)).hold.status).toBe('ACTIVE');
    expect(await ledger.balance(member)).toEqual({ available: '40', held: '60', owed: '0' });
  });

  it('resolves once: a second capture or a void afterwards is HOLD_NOT_ACTIVE', async () => {
    const member = await funded(100);
    const hold = (await ledger.authorize(shop, member, 60)).data!.authorizeRedemption.hold!;
    await ledger.capture(shop, hold.id, 10);
    expect(errorCodes(await ledger.capture(shop, hold.id, 10))).toEqual(['HOLD_NOT_ACTIVE']);
    expect(errorCodes(await ledger.voidHold(shop, hold.id))).toEqual(['HOLD_NOT_ACTIVE']);
    expect(await ledger.balance(member)).toEqual({ available: '90', held: '0', owed: '0' });
  });
});

describe('voidRedemption', () => {
  it('returns every held point', async () => {
    const member = await funded(100);
    const hold = (await ledger.authorize(shop, member, 60)).data!.authorizeRedemption.hold!;
    const res = (await ledger.voidHold(shop, hold.id)).data!.voidRedemption;
    expect(res.transfer).toMatchObject({ kind: 'RELEASE', amount: '60', walletDelta: '60' });
    expect(res.hold).toMatchObject({ status: 'VOIDED', capturedAmount: '0' });
    expect(res.balance).toEqual({ available: '100', held: '0', owed: '0' });
    expect(errorCodes(await ledger.voidHold(shop, hold.id))).toEqual(['HOLD_NOT_ACTIVE']);
    expect(errorCodes(await ledger.capture(shop, hold.id))).toEqual(['HOLD_NOT_ACTIVE']);
  });

  it('released points are spendable again and the lots follow', async () => {
    const member = await funded(50);
    const hold = (await ledger.authorize(shop, member, 50)).data!.authorizeRedemption.hold!;
    await ledger.voidHold(shop, hold.id);
    await ledger.redeem(shop, member, 50);
    expect(await ledger.balance(member)).toEqual({ available: '0', held: '0', owed: '0' });
  });
});
