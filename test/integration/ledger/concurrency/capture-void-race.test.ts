/** Capture and void racing on one hold: exactly one wins, the other is HOLD_NOT_ACTIVE; the hold resolves once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, GetHold, ledgerHelpers, type LedgerHelpers } from '../../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let shop: TestPartner;
beforeAll(async () => {
  app = await initTestApp({ config: { dbPoolSize: 8 } });
  ledger = ledgerHelpers(app);
  shop = await app.createPartner();
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

describe('capture vs void', () => {
  it('on each of 15 holds, exactly one of a capture and a void wins', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 15 * 10);
    const holds: string[] = [];
    for (let i = 0; i < 15; i++)
      holds.push((await ledger.authorize(shop, member, 10)).data!.authorizeRedemption.hold!.id);

    let captured = 0;
    await Promise.all(
      holds.map(async (holdId, i) => {
        const [capture, voided] = await Promise.all(
          i % 2
            ? [ledger.capture(shop, holdId, 6), ledger.voidHold(shop, holdId)]
            : [ledger.voidHold(shop, holdId), ledger.capture(shop, holdId, 6)].reverse(),
        );
        const wins = [capture, voided].filter((r) => !r.errors?.length);
        expect(wins).toHaveLength(1);
        expect([capture, voided].flatMap((r) => errorCodes(r))).toEqual(['HOLD_NOT_ACTIVE']);
        const hold = (await app.gqlOk(GetHold, { id: holdId }, shop.token)).hold;
        if (!capture.errors?.length) {
          captured++;
          expect(hold).toMatchObject({ status: 'CAPTURED', capturedAmount: '6' });
        } else expect(hold).toMatchObject({ status: 'VOIDED', capturedAmount: '0' });
      }),
    );
    expect(await ledger.balance(member)).toEqual({ available: String(150 - captured * 6), held: '0', owed: '0' });
  });

  it('many captures of one hold: one wins', async () => {
    const member = await ledger.enroll(shop);
    await ledger.earnOk(shop, member, 50);
    const hold = (await ledger.authorize(shop, member, 50)).data!.authorizeRedemption.hold!.id;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => ledger.capture(shop, hold, 10 + i)));
    const wins = results.filter((r) => !r.errors?.length);
    expect(wins).toHaveLength(1);
    expect(results.flatMap((r) => errorCodes(r))).toEqual(Array(9).fill('HOLD_NOT_ACTIVE'));
    const capturedAmount = BigInt(wins[0]!.data!.captureRedemption.hold!.capturedAmount);
    expect(await ledger.balance(member)).toEqual({ available: String(50n - capturedAmount), held: '0', owed: '0' });
  });
});
