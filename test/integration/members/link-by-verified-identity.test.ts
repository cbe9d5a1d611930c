/**
 * Enrolment at a second brand links to the existing member only on a verified
 * identifier (never on an unverified email alone); conflicting verified
 * identifiers are refused with nothing written; re-enrolment is idempotent; a
 * partner can unlink its own customer id and only its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { ledgerHelpers, newKey, checkLedgerInvariantsAfterEach } from '../../support/ledger.js';
import { EnrollMemberFull, MemberFull, UnlinkMember, memberHelpers } from '../../support/members.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let a: TestPartner;
let b: TestPartner;
let c: TestPartner;
let members: ReturnType<typeof memberHelpers>;
let ledger: ReturnType<typeof ledgerHelpers>;
beforeAll(async () => {
  app = await initTestApp();
  [a, b, c] = [await app.createPartner(), await app.createPartner(), await app.createPartner()];
  members = memberHelpers(app);
  ledger = ledgerHelpers(app);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

const unique = (what: string) => newKey(what).toLowerCase();
const email = () => `${unique('m')}@example.com`;
let phoneCounter = 0;
const phone = () => `+62812${String(process.pid % 1000).padStart(3, '0')}${String(++phoneCounter).padStart(5, '0')}`;

describe('linking by verified identity', () => {
  it('links a second brand’s customer to the same member on a verified email (case and spaces normalised)', async () => {
    const address = email();
    const atA = await members.enrollFull(a, {
      customerId: 'A-1',
      email: address,
      emailVerified: true,
      displayName: 'Ana',
    });
    const before = await app.count('member');
    const atB = await members.enrollFull(b, {
      customerId: 'B-1',
      email: `  ${address.toUpperCase()} `,
      emailVerified: true,
    });
    expect(atB.id).toBe(atA.id);
    expect(atB.partnerLink).toEqual({ partnerId: b.id, customerId: 'B-1' });
    expect(await app.count('member')).toBe(before);
    const seen = await members.view(atA.id);
    expect(seen.links.map((l) => [l.partnerId, l.customerId])).toEqual([
      [a.id, 'A-1'],
      [b.id, 'B-1'],
    ]);
    // The second brand's enrolment fills gaps only; it never overwrites the first brand's data.
    expect(seen.profile.displayName).toBe('Ana');
  });

  it('links on a verified phone written in another format', async () => {
    const number = phone();
    const atA = await members.enroll(a, { phone: number, phoneVerified: true });
    const spaced = `${number.slice(0, 4)} ${number.slice(4, 8)}-${number.slice(8)}`;
    const atB = await members.enroll(b, { phone: spaced, phoneVerified: true });
    expect(atB).toBe(atA);
  });

  it('never links on an unverified email alone, in either direction', async () => {
    const address = email();
    const verified = await members.enroll(a, { email: address, emailVerified: true });
    const unverified = await members.enroll(b, { email: address });
    expect(unverified).not.toBe(verified);
    const falseFlag = await members.enroll(c, { email: address, emailVerified: false });
    expect(falseFlag).not.toBe(verified);

    // An unverified email recorded first is no identity for a later verified enrolment either.
    const other = email();
    const first = await members.enroll(a, { email: other });
    const second = await members.enroll(b, { email: other, emailVerified: true });
    expect(second).not.toBe(first);
  });

  it('links through a verified identifier even when the second brand has no profile of its own', async () => {
    const address = email();
    const atA = await members.enroll(a, { email: address, emailVerified: true, displayName: 'Budi' });
    const atC = await members.enrollFull(c, { email: address, emailVerified: true });
    expect(atC.id).toBe(atA);
    // Linked, but C sees no profile field without consent.
    expect(atC.profile).toMatchObject({ displayName: null, email: null, visibleScopes: [] });
  });

  it('refuses IDENTITY_CONFLICT when the verified email and phone belong to two members, and writes nothing', async () => {
    const address = email();
    const number = phone();
    const byEmail = await members.enroll(a, { email: address, emailVerified: true });
    const byPhone = await members.enroll(b, { phone: number, phoneVerified: true });
    expect(byEmail).not.toBe(byPhone);
    const before = await members.memberCounts();
    const res = await app.gql(
      EnrollMemberFull,
      { input: { customerId: 'C-CONFLICT', email: address, emailVerified: true, phone: number, phoneVerified: true } },
      c.token,
    );
    expect(errorCodes(res)).toEqual(['IDENTITY_CONFLICT']);
    expect(res.data).toBeNull();
    expect(JSON.stringify(res.errors)).not.toContain(byEmail);
    expect(JSON.stringify(res.errors)).not.toContain(byPhone);
    expect(await members.memberCounts()).toEqual(before);
    // Not even half-enrolled: the customer id is still free.
    const fresh = await members.enroll(c, { customerId: 'C-CONFLICT' });
    expect([byEmail, byPhone]).not.toContain(fresh);
  });

  it('a verified email plus a new verified phone links and records the phone for later links', async () => {
    const address = email();
    const number = phone();
    const id = await members.enroll(a, { email: address, emailVerified: true });
    expect(await members.enroll(b, { email: address, emailVerified: true, phone: number, phoneVerified: true })).toBe(
      id,
    );
    expect(await members.enroll(c, { phone: number, phoneVerified: true })).toBe(id);
  });

  it('rejects a verified flag without the identifier, writing nothing', async () => {
    const before = await members.memberCounts();
    const noEmail = await app.gql(EnrollMemberFull, { input: { customerId: 'V-1', emailVerified: true } }, a.token);
    expect(errorCodes(noEmail)).toEqual(['BAD_USER_INPUT']);
    expect(noEmail.errors![0]!.extensions!.field).toBe('emailVerified');
    const noPhone = await app.gql(EnrollMemberFull, { input: { customerId: 'V-1', phoneVerified: true } }, a.token);
    expect(errorCodes(noPhone)).toEqual(['BAD_USER_INPUT']);
    expect(noPhone.errors![0]!.extensions!.field).toBe('phoneVerified');
    expect(await members.memberCounts()).toEqual(before);
  });
});

describe('re-enrolment', () => {
  it('is idempotent for the same customer id, even with different profile data, and writes nothing', async () => {
    const first = await members.enroll(a, {
      customerId: 'IDEM-1',
      email: email(),
      emailVerified: true,
      displayName: 'First',
    });
    const before = await members.memberCounts();
    const again = await members.enroll(a, {
      customerId: 'IDEM-1',
      email: email(),
      emailVerified: true,
      displayName: 'Second',
    });
    expect(again).toBe(first);
    expect(await members.memberCounts()).toEqual(before);
    expect((await members.view(first)).profile.displayName).toBe('First');
  });
});

describe('unlinkMember', () => {
  it('removes only the calling partner’s link; the member, its points and history stay', async () => {
    const address = email();
    const id = await members.enroll(a, { customerId: 'UL-A', email: address, emailVerified: true });
    expect(await members.enroll(b, { customerId: 'UL-B', email: address, emailVerified: true })).toBe(id);
    await ledger.earnOk(a, id, 40);
    await ledger.earnOk(b, id, 60);

    expect((await app.gqlOk(UnlinkMember, { customerId: 'UL-B' }, b.token)).unlinkMember).toBe(true);
    const after = await members.view(id);
    expect(after.links.map((l) => l.partnerId)).toEqual([a.id]);
    expect(after.balances).toEqual([{ currency: 'PTS', available: '100', held: '0', owed: '0' }]);
    expect(after.transactions.nodes.map((t) => t.partnerId).sort()).toEqual([a.id, b.id].sort());

    // B no longer reaches the member, by customer id or hub id, nor can it earn for it.
    expect(errorCodes(await app.gql(UnlinkMember, { customerId: 'UL-B' }, b.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await ledger.earn(b, id, 5))).toEqual(['NOT_FOUND']);
    const view = await app.gql(MemberFull, { ref: { memberId: id } }, b.token);
    expect(errorCodes(view)).toEqual(['NOT_FOUND']);
  });

  it('cannot unlink another partner’s customer id', async () => {
    await members.enroll(a, { customerId: 'UL-OWN' });
    const before = await members.memberCounts();
    expect(errorCodes(await app.gql(UnlinkMember, { customerId: 'UL-OWN' }, b.token))).toEqual(['NOT_FOUND']);
    expect(await members.memberCounts()).toEqual(before);
    expect(errorCodes(await app.gql(UnlinkMember, { customerId: 'UL-OWN' }, await app.operatorToken()))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('a re-enrolment after unlinking creates a link again (to a new member unless identity is verified)', async () => {
    const address = email();
    const id = await members.enroll(a, { customerId: 'UL-RE', email: address, emailVerified: true });
    await app.gqlOk(UnlinkMember, { customerId: 'UL-RE' }, a.token);
    expect(await members.enroll(a, { customerId: 'UL-RE', email: address, emailVerified: true })).toBe(id);
    await app.gqlOk(UnlinkMember, { customerId: 'UL-RE' }, a.token);
    expect(await members.enroll(a, { customerId: 'UL-RE' })).not.toBe(id);
  });
});
