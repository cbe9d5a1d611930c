/** Partners enrol members under their own customer ids; enrolment is idempotent; lookups stay within the partner. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { errorCodes } from '../../support/graphql-client.js';
import { EnrollMember } from '../../support/operations.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

const MemberByRef = graphql(`
  query MemberByRef($ref: MemberRefInput!) {
    member(ref: $ref) {
      id
      partnerLink {
        partnerId
        customerId
      }
      links {
        partnerId
        customerId
      }
    }
  }
`);

let app: TestApp;
let a: TestPartner;
let b: TestPartner;
beforeAll(async () => {
  app = await initTestApp();
  [a, b] = [await app.createPartner(), await app.createPartner()];
});
afterAll(() => app?.close());

describe('enrollMember', () => {
  it('creates a member linked to the partner under its customer id', async () => {
    const { enrollMember } = await app.gqlOk(
      EnrollMember,
      { input: { customerId: 'KK-1', displayName: 'Ana', email: 'ana@example.com' } },
      a.token,
    );
    expect(enrollMember.partnerLink).toEqual({ partnerId: a.id, customerId: 'KK-1' });
    expect(enrollMember.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is idempotent: the same customer id again returns the same member and writes nothing', async () => {
    const first = (await app.gqlOk(EnrollMember, { input: { customerId: 'KK-2' } }, a.token)).enrollMember;
    const [members, links] = [await app.count('member'), await app.count('member_link')];
    const again = (await app.gqlOk(EnrollMember, { input: { customerId: 'KK-2', displayName: 'Other name' } }, a.token))
      .enrollMember;
    expect(again.id).toBe(first.id);
    expect([await app.count('member'), await app.count('member_link')]).toEqual([members, links]);
  });

  it('enrols the same customer id at two partners as two members (no matching on unverified data)', async () => {
    const atA = (await app.gqlOk(EnrollMember, { input: { customerId: 'SAME-1' } }, a.token)).enrollMember;
    const atB = (await app.gqlOk(EnrollMember, { input: { customerId: 'SAME-1' } }, b.token)).enrollMember;
    expect(atB.id).not.toBe(atA.id);
  });

  it('posts once when the same enrolment arrives concurrently', async () => {
    const before = await app.count('member');
    const results = await Promise.all(
      Array.from({ length: 8 }, () => app.gqlOk(EnrollMember, { input: { customerId: 'RACE-1' } }, a.token)),
    );
    expect(new Set(results.map((r) => r.enrollMember.id)).size).toBe(1);
    expect(await app.count('member')).toBe(before + 1);
  });

  it.each([
    ['an empty customer id', { customerId: '' }, 'customerId'],
    ['an over-long customer id', { customerId: 'x'.repeat(129) }, 'customerId'],
    ['a control character', { customerId: 'a\u0000b' }, 'customerId'],
    ['a malformed email', { customerId: 'OK-1', email: 'not-an-email' }, 'email'],
  ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_what, input, field) => {
    const before = await app.count('member');
    const res = await app.gql(EnrollMember, { input }, a.token);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect(await app.count('member')).toBe(before);
  });

  it('is for partner tokens only', async () => {
    const before = await app.count('member');
    expect(
      errorCodes(await app.gql(EnrollMember, { input: { customerId: 'OP-1' } }, await app.operatorToken())),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.gql(EnrollMember, { input: { customerId: 'OP-1' } }))).toEqual(['UNAUTHENTICATED']);
    expect(await app.count('member')).toBe(before);
  });
});

describe('member lookup', () => {
  it("finds a member by the partner's own customer id and by hub id", async () => {
    const { enrollMember } = await app.gqlOk(EnrollMember, { input: { customerId: 'LOOK-1' } }, a.token);
    const byCustomer = (await app.gqlOk(MemberByRef, { ref: { customerId: 'LOOK-1' } }, a.token)).member;
    const byId = (await app.gqlOk(MemberByRef, { ref: { memberId: enrollMember.id } }, a.token)).member;
    expect(byCustomer).toEqual(byId);
    expect(byCustomer).toEqual({
      id: enrollMember.id,
      partnerLink: { partnerId: a.id, customerId: 'LOOK-1' },
      links: [{ partnerId: a.id, customerId: 'LOOK-1' }],
    });
  });

  it("does not find another partner's customer id or member", async () => {
    const { enrollMember } = await app.gqlOk(EnrollMember, { input: { customerId: 'ONLY-A' } }, a.token);
    expect(errorCodes(await app.gql(MemberByRef, { ref: { customerId: 'ONLY-A' } }, b.token))).toEqual(['NOT_FOUND']);
    const byId = await app.gql(MemberByRef, { ref: { memberId: enrollMember.id } }, b.token);
    expect(errorCodes(byId)).toEqual(['NOT_FOUND']);
    expect(byId.data).toBeNull();
  });

  it('shows an operator every link of a member', async () => {
    const atA = (await app.gqlOk(EnrollMember, { input: { customerId: 'OPS-1' } }, a.token)).enrollMember;
    const { member } = await app.gqlOk(MemberByRef, { ref: { memberId: atA.id } }, await app.operatorToken());
    expect(member.links).toEqual([{ partnerId: a.id, customerId: 'OPS-1' }]);
    expect(member.partnerLink).toBeNull();
  });

  it('needs exactly one of memberId and customerId', async () => {
    expect(errorCodes(await app.gql(MemberByRef, { ref: {} }, a.token))).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(
        await app.gql(
          MemberByRef,
          { ref: { memberId: '00000000-0000-7000-8000-000000000000', customerId: 'x' } },
          a.token,
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it('needs the members:read scope for a partner', async () => {
    const narrow = await app.partnerToken(a.clientId, a.clientSecret, 'members:write');
    expect(errorCodes(await app.gql(MemberByRef, { ref: { customerId: 'LOOK-1' } }, narrow))).toEqual(['FORBIDDEN']);
  });
});
