/**
 * Operator merges a duplicate member into another: links, consents and history
 * move; balances move by MERGE transfers with their lots (no ledger row is
 * edited); the old id resolves to the survivor everywhere; refusals
 * (self-merge, active holds, already merged, erased, non-operator) write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers } from '../../support/ledger.js';
import { EraseMember, MemberFull, MergeMembers, memberHelpers } from '../../support/members.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let a: TestPartner;
let b: TestPartner;
let members: ReturnType<typeof memberHelpers>;
let ledger: ReturnType<typeof ledgerHelpers>;
beforeAll(async () => {
  app = await initTestApp({ config: { tiers: 'BRONZE:0,SILVER:100' } });
  [a, b] = [await app.createPartner(), await app.createPartner()];
  members = memberHelpers(app);
  ledger = ledgerHelpers(app);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const merge = async (sourceMemberId: string, targetMemberId: string) =>
  app.gql(MergeMembers, { input: { sourceMemberId, targetMemberId } }, await app.operatorToken());

/** Every ledger row as it is now, to prove a merge appends and edits nothing. */
async function ledgerRows() {
  const transfers = await app.hub.db.sql.query<Record<string, unknown>>(
    `select id, kind, amount::text, member_id, partner_id, debit_account_id, credit_account_id, created_at::text from transfer order by id`,
  );
  const entries = await app.hub.db.sql.query<Record<string, unknown>>(`select * from entry order by 1`);
  return { transfers: transfers.map((r) => JSON.stringify(r)), entries: entries.map((r) => JSON.stringify(r)) };
}

/** The stored balances of a member's own accounts (not following a merge), e.g. { MEMBER_WALLET: '0', MEMBER_RECEIVABLE: '0' }. */
async function ownAccounts(memberId: string, currency = 'PTS') {
  const rows = await app.hub.db.sql.query<{ kind: string; balance: string }>(
    `select kind, balance::text as balance from account where member_id = $1 and currency = $2`,
    [memberId, currency],
  );
  return Object.fromEntries(rows.map((r) => [r.kind, r.balance]));
}

/** Rows of every table a merge touches, for "nothing written". */
async function allCounts() {
  const counts: Record<string, number> = {
    ...(await ledger.ledgerCounts()),
    ...(await members.memberCounts()),
    account: await app.count('account'),
  };
  const [merged] = await app.hub.db.sql.query<{ n: number }>(
    `select count(*)::int as n from member where merged_into is not null`,
  );
  counts.merged = merged!.n;
  return counts;
}

describe('mergeMembers', () => {
  it('moves links, consents and history; points move by MERGE transfers with their lots; nothing is edited', async () => {
    const source = await members.enroll(a, { customerId: 'DUP-A', displayName: 'Old Name', locale: 'en' });
    const target = await members.enroll(b, { customerId: 'KEEP-B', displayName: 'Kept Name' });
    const brand = await ledger.createCurrency(a, 'NONE');
    const sourceEarn = await ledger.earnOk(a, source, 100, { orderRef: 'SRC-1' });
    expect((await ledger.redeem(a, source, 30)).errors).toBeUndefined();
    await ledger.earnOk(a, source, 20, { currency: brand.code });
    await ledger.earnOk(b, target, 40);
    const srcToken = await members.signIn(source);
    await members.consent(srcToken, a, 'profile');
    await members.consent(srcToken, a, 'marketing', false);
    const before = await ledgerRows();

    const res = await merge(source, target);
    expect(res.errors).toBeUndefined();
    const survivor = res.data!.mergeMembers;
    expect(survivor.id).toBe(target);
    expect(survivor.links.map((l) => [l.partnerId, l.customerId]).sort()).toEqual(
      [
        [a.id, 'DUP-A'],
        [b.id, 'KEEP-B'],
      ].sort(),
    );
    expect(survivor.profile.displayName).toBe('Kept Name');
    expect(survivor.consentHistory.map((c) => [c.partnerId, c.scope, c.granted])).toEqual([
      [a.id, 'profile', true],
      [a.id, 'marketing', false],
    ]);
    expect(survivor.balances).toEqual([
      { currency: brand.code, available: '20', held: '0', owed: '0' },
      { currency: 'PTS', available: '110', held: '0', owed: '0' },
    ]);
    // Tier counts the duplicate's earns too.
    expect(survivor.tier).toMatchObject({ name: 'SILVER', qualifyingPoints: '140' });
    // History: the duplicate's transfers plus the MERGE transfers.
    const kinds = survivor.transactions.nodes.map((t) => `${t.kind}:${t.currency}:${t.amount}`).sort();
    expect(kinds).toEqual(
      [
        `EARN:${brand.code}:20`,
        `MERGE:${brand.code}:20`,
        'EARN:PTS:100',
        'EARN:PTS:40',
        'MERGE:PTS:70',
        'REDEEM:PTS:30',
      ].sort(),
    );

    // Append-only: every earlier transfer and entry is unchanged; only MERGE transfers (2 entries each) were added.
    const after = await ledgerRows();
    expect(after.transfers.filter((r) => before.transfers.includes(r))).toHaveLength(before.transfers.length);
    expect(after.entries.filter((r) => before.entries.includes(r))).toHaveLength(before.entries.length);
    const added = await app.hub.db.sql.query<{ kind: string; amount: string; debit: string; credit: string }>(
      `select t.kind, t.amount::text as amount, da.member_id as debit, ca.member_id as credit
         from transfer t join account da on da.id = t.debit_account_id join account ca on ca.id = t.credit_account_id
        where t.kind = 'MERGE' and (da.member_id = $1 or ca.member_id = $1) order by t.amount`,
      [source],
    );
    expect(added).toEqual([
      { kind: 'MERGE', amount: '20', debit: source, credit: target },
      { kind: 'MERGE', amount: '70', debit: source, credit: target },
    ]);
    expect(after.transfers.length - before.transfers.length).toBe(2);
    expect(after.entries.length - before.entries.length).toBe(4);

    // The points kept their lots: A issued the 70 PTS now in the survivor's wallet, and they spend anywhere.
    const lots = await app.hub.db.sql.query<{ issuer: string; remaining: string }>(
      `select l.issuer_partner_id as issuer, sum(l.remaining)::text as remaining from lot l join account w on w.id = l.wallet_account_id
        where w.member_id = $1 and l.currency = 'PTS' and l.remaining > 0 group by 1 order by 2`,
      [target],
    );
    expect(lots).toEqual([
      { issuer: b.id, remaining: '40' },
      { issuer: a.id, remaining: '70' },
    ]);
    expect(await ownAccounts(source)).toEqual({ MEMBER_WALLET: '0', MEMBER_RECEIVABLE: '0' });
    expect(await ownAccounts(source, brand.code)).toEqual({ MEMBER_WALLET: '0', MEMBER_RECEIVABLE: '0' });
    expect((await ledger.redeem(b, target, 110)).errors).toBeUndefined();
    // A still sees its own history of the person, now under the survivor.
    const seenByA = await members.view(target, a.token);
    expect(seenByA.transactions.nodes.map((t) => t.id)).toContain(sourceEarn.transfer.id);
    expect(seenByA.partnerLink).toEqual({ partnerId: a.id, customerId: 'DUP-A' });
  });

  it('the old id resolves to the survivor: for the operator, for partners, for earning and by customer id', async () => {
    const source = await members.enroll(a, { customerId: 'OLD-ID-A' });
    const target = await members.enroll(b);
    await ledger.earnOk(a, source, 10);
    expect((await merge(source, target)).errors).toBeUndefined();

    expect((await members.view(source)).id).toBe(target);
    expect((await members.view(source, a.token)).id).toBe(target);
    expect((await app.gqlOk(MemberFull, { ref: { customerId: 'OLD-ID-A' } }, a.token)).member.id).toBe(target);
    // A partner that stored the old hub id keeps working with it.
    const earned = await ledger.earn(a, source, 5);
    expect(earned.errors).toBeUndefined();
    expect(earned.data!.earnPoints.transfer.memberId).toBe(target);
    expect(await ledger.balance(target)).toMatchObject({ available: '15' });
    // Re-enrolling the old customer id returns the survivor.
    expect(await members.enroll(a, { customerId: 'OLD-ID-A' })).toBe(target);
  });

  it('a reversal of an earn made before the merge takes the points back from the survivor', async () => {
    const source = await members.enroll(a);
    const target = await members.enroll(b);
    const earn = await ledger.earnOk(a, source, 50);
    expect((await merge(source, target)).errors).toBeUndefined();
    const rev = await ledger.reverse(a, earn.transfer.id, 20);
    expect(rev.errors).toBeUndefined();
    expect(await ledger.balance(target)).toEqual({ available: '30', held: '0', owed: '0' });
    expect(await ownAccounts(source)).toEqual({ MEMBER_WALLET: '0', MEMBER_RECEIVABLE: '0' });
    expect((await members.view(target)).tier.qualifyingPoints).toBe('30');
  });

  it('a refund of a redemption made before the merge returns the points to the survivor, into lots of the same issuer', async () => {
    const source = await members.enroll(a);
    const target = await members.enroll(b);
    await ledger.earnOk(a, source, 50);
    const redemption = (await ledger.redeem(a, source, 40)).data!.redeemPoints;
    expect((await merge(source, target)).errors).toBeUndefined();
    expect((await ledger.reverse(a, redemption.transfer.id, 15)).errors).toBeUndefined();
    expect((await ledger.reverse(a, redemption.transfer.id, 25)).errors).toBeUndefined();
    expect(await ledger.balance(target)).toEqual({ available: '50', held: '0', owed: '0' });
    expect(await ownAccounts(source)).toEqual({ MEMBER_WALLET: '0', MEMBER_RECEIVABLE: '0' });
    const lots = await app.hub.db.sql.query<{ issuer: string; remaining: string }>(
      `select l.issuer_partner_id as issuer, sum(l.remaining)::text as remaining from lot l join account w on w.id = l.wallet_account_id where w.member_id = $1 group by 1`,
      [target],
    );
    expect(lots).toEqual([{ issuer: a.id, remaining: '50' }]);
    // And they spend.
    expect((await ledger.redeem(a, target, 50)).errors).toBeUndefined();
  });

  it('moves what the duplicate owes (receivable) too', async () => {
    const source = await members.enroll(a);
    const target = await members.enroll(b);
    const earn = await ledger.earnOk(a, source, 30);
    expect((await ledger.redeem(a, source, 30)).errors).toBeUndefined();
    expect((await ledger.reverse(a, earn.transfer.id)).errors).toBeUndefined();
    expect(await ledger.balance(source)).toMatchObject({ owed: '30' });
    expect((await merge(source, target)).errors).toBeUndefined();
    expect(await ledger.balance(target)).toEqual({ available: '0', held: '0', owed: '30' });
    expect(await ownAccounts(source)).toEqual({ MEMBER_WALLET: '0', MEMBER_RECEIVABLE: '0' });
  });
});

describe('mergeMembers refusals write nothing', () => {
  it('merge into self → MERGE_INTO_SELF', async () => {
    const id = await members.enroll(a);
    await ledger.earnOk(a, id, 10);
    const before = await allCounts();
    const res = await merge(id, id);
    expect(errorCodes(res)).toEqual(['MERGE_INTO_SELF']);
    expect(res.errors![0]!.extensions!.field).toBe('targetMemberId');
    expect(await allCounts()).toEqual(before);
  });

  it('active holds on the duplicate → MERGE_BLOCKED_BY_HOLDS; after voiding, the merge goes through', async () => {
    const source = await members.enroll(a);
    const target = await members.enroll(b);
    await ledger.earnOk(a, source, 50);
    const hold = (await ledger.authorize(a, source, 20, { expiresInSeconds: 3600 })).data!.authorizeRedemption.hold!;
    const before = await allCounts();
    expect(errorCodes(await merge(source, target))).toEqual(['MERGE_BLOCKED_BY_HOLDS']);
    expect(await allCounts()).toEqual(before);
    expect((await members.view(source)).id).toBe(source);

    expect((await ledger.voidHold(a, hold.id)).errors).toBeUndefined();
    expect((await merge(source, target)).errors).toBeUndefined();
    expect(await ledger.balance(target)).toMatchObject({ available: '50' });
  });

  it('an already merged or erased member, unknown ids, and non-operators are refused', async () => {
    const [x, y, z] = [await members.enroll(a), await members.enroll(a), await members.enroll(b)];
    expect((await merge(x, y)).errors).toBeUndefined();
    const erased = await members.enroll(a);
    await app.gqlOk(EraseMember, { memberId: erased }, await app.operatorToken());
    const before = await allCounts();
    expect(errorCodes(await merge(x, z))).toEqual(['MEMBER_MERGED']);
    expect(errorCodes(await merge(erased, z))).toEqual(['MEMBER_ERASED']);
    expect(errorCodes(await merge(z, erased))).toEqual(['MEMBER_ERASED']);
    expect(errorCodes(await merge(z, '00000000-0000-7000-8000-000000000000'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await merge(z, 'not-a-uuid'))).toEqual(['NOT_FOUND']);
    for (const token of [a.token, await members.token(b, z), await app.financeToken()]) {
      expect(
        errorCodes(await app.gql(MergeMembers, { input: { sourceMemberId: z, targetMemberId: y } }, token)),
      ).toEqual(['FORBIDDEN']);
    }
    expect(await allCounts()).toEqual(before);
  });
});
