/**
 * Partner isolation: partner B cannot read, reverse, capture or void partner
 * A's transfers and holds (NOT_FOUND, exactly like a missing id), nor move
 * points for a member not linked to it; a token without points:write is FORBIDDEN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import {
  checkLedgerInvariantsAfterEach,
  CreateCurrency,
  GetHold,
  GetTransfer,
  LedgerInvariants,
  MemberBalances,
  RunLedgerExpiry,
  ledgerHelpers,
  type LedgerHelpers,
} from '../../support/ledger.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let a: TestPartner;
let b: TestPartner;
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  [a, b] = [await app.createPartner(), await app.createPartner()];
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

describe("another partner's ledger rows", () => {
  it('are NOT_FOUND to read, reverse, capture or void, even for a shared member; nothing is written', async () => {
    const member = await ledger.enroll(a);
    await ledger.link(b, member);
    const earn = await ledger.earnOk(a, member, 100);
    const hold = (await ledger.authorize(a, member, 30)).data!.authorizeRedemption.hold!;
    const missing = '01900000-0000-7000-8000-000000000000';
    const before = await ledger.ledgerCounts();
    for (const id of [earn.transfer.id, missing]) {
      expect(errorCodes(await app.gql(GetTransfer, { id }, b.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await ledger.reverse(b, id))).toEqual(['NOT_FOUND']);
    }
    for (const id of [hold.id, missing, 'not-a-uuid']) {
      expect(errorCodes(await app.gql(GetHold, { id }, b.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await ledger.capture(b, id))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await ledger.voidHold(b, id))).toEqual(['NOT_FOUND']);
    }
    expect(await ledger.ledgerCounts()).toEqual(before);
    expect((await app.gqlOk(GetHold, { id: hold.id }, a.token)).hold.status).toBe('ACTIVE');
  });

  it('points cannot be moved for a member not linked to the partner: NOT_FOUND', async () => {
    const member = await ledger.enroll(a);
    await ledger.earnOk(a, member, 10);
    const before = await ledger.ledgerCounts();
    expect(errorCodes(await ledger.earn(b, member, 10))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await ledger.redeem(b, member, 1))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await ledger.authorize(b, member, 1))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.gql(MemberBalances, { ref: { memberId: member } }, b.token))).toEqual(['NOT_FOUND']);
    expect(await ledger.ledgerCounts()).toEqual(before);
  });

  it("a partner sees PTS and its own branded currency in a shared member's balances, not another partner's", async () => {
    const brand = await ledger.createCurrency(a, 'NONE');
    const member = await ledger.enroll(a);
    await ledger.link(b, member);
    await ledger.earnOk(a, member, 10, { currency: brand.code });
    await ledger.earnOk(b, member, 20);
    const seenBy = async (p: TestPartner) =>
      (await app.gqlOk(MemberBalances, { ref: { memberId: member } }, p.token)).member.balances
        .map((x) => x.currency)
        .sort();
    expect(await seenBy(a)).toEqual([brand.code, 'PTS'].sort());
    expect(await seenBy(b)).toEqual(['PTS']);
  });

  it('a token without points:write cannot move points: FORBIDDEN, nothing written', async () => {
    const member = await ledger.enroll(a);
    const earn = await ledger.earnOk(a, member, 50);
    const hold = (await ledger.authorize(a, member, 10)).data!.authorizeRedemption.hold!;
    const readOnly = { ...a, token: await app.partnerToken(a.clientId, a.clientSecret, 'members:read points:read') };
    const before = await ledger.ledgerCounts();
    expect(errorCodes(await ledger.earn(readOnly, member, 1))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ledger.redeem(readOnly, member, 1))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ledger.authorize(readOnly, member, 1))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ledger.capture(readOnly, hold.id))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ledger.voidHold(readOnly, hold.id))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ledger.reverse(readOnly, earn.transfer.id))).toEqual(['FORBIDDEN']);
    expect(await ledger.ledgerCounts()).toEqual(before);
    // Reading is still allowed.
    expect((await app.gqlOk(GetTransfer, { id: earn.transfer.id }, readOnly.token)).transfer.id).toBe(earn.transfer.id);
  });

  it('operator-only ledger operations are FORBIDDEN to partners', async () => {
    expect(errorCodes(await app.gql(LedgerInvariants, {}, a.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.gql(RunLedgerExpiry, {}, a.token))).toEqual(['FORBIDDEN']);
    const currencies = await app.count('currency');
    expect(
      errorCodes(
        await app.gql(
          CreateCurrency,
          { input: { code: 'SELFMADE', name: 'x', issuerPartnerId: a.id, expiryPolicy: 'NONE' } },
          a.token,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(await app.count('currency')).toBe(currencies);
  });
});
