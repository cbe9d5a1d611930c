/**
 * Partner-minted member tokens (`issueMemberToken`): a partner mints one only for its own linked members;
 * the token is delegated and read-only: it sees what the minting partner sees of that member (its own link
 * and transactions, PTS and its own currencies, profile fields under the member's consents) and nothing of
 * any other member; it stops working the moment the member is unlinked from the minting partner, erased or
 * merged, or the minting credentials are revoked. The member's own controls need the member signed in at
 * the hub (partner-minted-token.test.ts is the regression test of issue 25).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers } from '../../support/ledger.js';
import {
  EraseMember,
  ExportMyData,
  IssueMemberToken,
  Me,
  MemberFull,
  MergeMembers,
  SetConsent,
  UnlinkMember,
  memberHelpers,
} from '../../support/members.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let a: TestPartner;
let b: TestPartner;
let members: ReturnType<typeof memberHelpers>;
let ledger: ReturnType<typeof ledgerHelpers>;
beforeAll(async () => {
  app = await initTestApp({ config: { memberTokenTtlSeconds: 120 } });
  [a, b] = [await app.createPartner(), await app.createPartner()];
  members = memberHelpers(app);
  ledger = ledgerHelpers(app);
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

let n = 0;
const email = () => `tok-${process.pid}-${++n}@example.com`;

/** A member linked at A and B (by verified email), with points earned at both and a branded currency of A. */
async function sharedMember() {
  const address = email();
  const id = await members.enroll(a, {
    email: address,
    emailVerified: true,
    displayName: 'Citra',
    birthDate: '1990-04-01',
    locale: 'id-ID',
    preferences: { news: true },
  });
  expect(await members.enroll(b, { email: address, emailVerified: true })).toBe(id);
  return id;
}

describe('issueMemberToken', () => {
  it('mints a short-lived bearer token for a linked member, by hub id or customer id', async () => {
    const id = await members.enroll(a, { customerId: 'TOK-1' });
    const byId = (await app.gqlOk(IssueMemberToken, { member: { memberId: id } }, a.token)).issueMemberToken;
    expect(byId).toMatchObject({ tokenType: 'Bearer', expiresIn: 120, memberId: id });
    const byCustomer = (await app.gqlOk(IssueMemberToken, { member: { customerId: 'TOK-1' } }, a.token))
      .issueMemberToken;
    expect(byCustomer.memberId).toBe(id);
    expect((await members.me(byCustomer.accessToken)).id).toBe(id);
  });

  it("refuses a token for another partner's member (by hub id or customer id) and for unknown members", async () => {
    const onlyA = await members.enroll(a, { customerId: 'TOK-ONLY-A' });
    for (const ref of [
      { memberId: onlyA },
      { customerId: 'TOK-ONLY-A' },
      { memberId: '00000000-0000-7000-8000-000000000000' },
      { memberId: 'nope' },
    ]) {
      const res = await app.gql(IssueMemberToken, { member: ref }, b.token);
      expect(errorCodes(res), JSON.stringify(ref)).toEqual(['NOT_FOUND']);
      expect(res.data).toBeNull();
    }
  });

  it('is for partner tokens with members:write only', async () => {
    const id = await members.enroll(a);
    expect(
      errorCodes(await app.gql(IssueMemberToken, { member: { memberId: id } }, await app.operatorToken())),
    ).toEqual(['FORBIDDEN']);
    const readOnly = await app.partnerToken(a.clientId, a.clientSecret, 'members:read');
    expect(errorCodes(await app.gql(IssueMemberToken, { member: { memberId: id } }, readOnly))).toEqual(['FORBIDDEN']);
    const memberToken = await members.token(a, id);
    expect(errorCodes(await app.gql(IssueMemberToken, { member: { memberId: id } }, memberToken))).toEqual([
      'FORBIDDEN',
    ]);
  });
});

describe('what a partner-minted member token sees', () => {
  it('what the minting partner sees: its own link, transactions and currencies, profile fields under consent', async () => {
    const id = await sharedMember();
    const brandA = await ledger.createCurrency(a, 'NONE');
    await ledger.earnOk(a, id, 70);
    await ledger.earnOk(b, id, 30);
    await ledger.earnOk(a, id, 9, { currency: brandA.code });
    expect((await ledger.redeem(b, id, 20)).errors).toBeUndefined();
    await members.consent(await members.signIn(id), b, 'profile');

    // Minted by B: B's view of the member, never A's.
    const me = await members.me(await members.token(b, id));
    expect(me.id).toBe(id);
    expect(me.profile).toEqual({
      displayName: 'Citra',
      email: null,
      phone: null,
      birthDate: '1990-04-01',
      locale: 'id-ID',
      preferences: null,
      visibleScopes: ['profile'],
    });
    expect(me.links.map((l) => l.partnerId)).toEqual([b.id]);
    expect(me.consents.map((c) => c.partnerId)).toEqual([b.id]);
    expect(me.partnerLink).toBeNull();
    expect(me.balances).toEqual([{ currency: 'PTS', available: '80', held: '0', owed: '0' }]);
    const kinds = me.transactions.nodes.map(
      (t) => `${t.kind}:${t.currency}:${t.amount}:${t.partnerId === a.id ? 'A' : 'B'}`,
    );
    expect(kinds.sort()).toEqual(['EARN:PTS:30:B', 'REDEEM:PTS:20:B']);
    expect(me.tier.qualifyingPoints).toBe('100');
    // Exactly what B itself sees of the balances and transactions.
    const seenByB = await members.view(id, b.token);
    expect(me.balances).toEqual(seenByB.balances);
    expect(me.transactions).toEqual(seenByB.transactions);

    // Minted by A: A's currencies, A's rows, no profile (A has no consent).
    const meA = await members.me(await members.token(a, id));
    expect(meA.profile.visibleScopes).toEqual([]);
    expect(meA.balances.map((bal) => bal.currency).sort()).toEqual([brandA.code, 'PTS'].sort());
    expect(new Set(meA.transactions.nodes.map((t) => t.partnerId))).toEqual(new Set([a.id]));

    // Member(ref) for itself is the same view as me.
    expect((await app.gqlOk(MemberFull, { ref: { memberId: id } }, await members.token(b, id))).member).toEqual(me);
  });

  it('keeps only the read scopes of the minting token (points:read, members:read)', async () => {
    const id = await members.enroll(a);
    await ledger.earnOk(a, id, 5);
    const membersOnly = await app.partnerToken(a.clientId, a.clientSecret, 'members:read members:write');
    const tok = (await app.gqlOk(IssueMemberToken, { member: { memberId: id } }, membersOnly)).issueMemberToken
      .accessToken;
    const viewer = await app.postJson<{ viewer: { scopes: string[] } }>(
      { query: `{ viewer { scopes } }` },
      { token: tok },
    );
    expect(viewer.data!.viewer.scopes).toEqual(['members:read']);
    const res = await app.gql(Me, {}, tok);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']); // balances and transactions need points:read
  });

  it('cannot read another member, even one linked to the same partner', async () => {
    const mine = await members.enroll(a);
    const other = await members.enroll(a, { displayName: 'Someone else' });
    const tok = await members.token(a, mine);
    const res = await app.gql(MemberFull, { ref: { memberId: other } }, tok);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toBeNull();
    expect(JSON.stringify(res)).not.toContain('Someone else');
    // Not through a partner-style customer-id lookup either.
    expect(errorCodes(await app.gql(MemberFull, { ref: { customerId: 'anything' } }, tok))).toEqual(['FORBIDDEN']);
  });

  it('cannot act as a partner or as the member: no earning, no enrolment, no consent, no export', async () => {
    const id = await members.enroll(a);
    const tok = await members.token(a, id);
    const before = await ledger.ledgerCounts();
    const memberRows = await members.memberCounts();
    expect(errorCodes(await ledger.earn({ ...a, token: tok }, id, 10))).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await app.gql(SetConsent, { input: { partnerId: a.id, scope: 'contact', granted: true } }, tok)),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.gql(ExportMyData, {}, tok))).toEqual(['FORBIDDEN']);
    expect(await ledger.ledgerCounts()).toEqual(before);
    expect(await members.memberCounts()).toEqual(memberRows);
  });
});

describe('a member token stops', () => {
  it('when the member is unlinked from the minting partner (but a token from another linked partner still works)', async () => {
    const id = await sharedMember();
    const [viaA, viaB] = [await members.token(a, id), await members.token(b, id)];
    const link = (await members.view(id)).links.find((l) => l.partnerId === b.id)!;
    await app.gqlOk(UnlinkMember, { customerId: link.customerId }, b.token);
    const res = await app.gql(Me, {}, viaB);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.status).toBe(401);
    expect((await members.me(viaA)).id).toBe(id);
    // And B cannot mint a new one.
    expect(errorCodes(await app.gql(IssueMemberToken, { member: { memberId: id } }, b.token))).toEqual(['NOT_FOUND']);
  });

  it('when the minting credentials are revoked', async () => {
    const id = await members.enroll(a);
    const creds = (
      await app.postJson<{ createPartnerCredentials: { clientId: string; clientSecret: string } }>(
        {
          query: `mutation($input: CreatePartnerCredentialsInput!) { createPartnerCredentials(input: $input) { clientId clientSecret } }`,
          variables: { input: { partnerId: a.id, label: 'revoked later' } },
        },
        { token: await app.operatorToken() },
      )
    ).data!.createPartnerCredentials;
    const partnerToken = await app.partnerToken(creds.clientId, creds.clientSecret);
    const tok = (await app.gqlOk(IssueMemberToken, { member: { memberId: id } }, partnerToken)).issueMemberToken
      .accessToken;
    expect((await members.me(tok)).id).toBe(id);
    const revoked = await app.postJson(
      {
        query: `mutation($id: String!) { revokePartnerCredentials(clientId: $id) }`,
        variables: { id: creds.clientId },
      },
      { token: await app.operatorToken() },
    );
    expect(revoked.errors).toBeUndefined();
    expect(errorCodes(await app.gql(Me, {}, tok))).toEqual(['UNAUTHENTICATED']);
  });

  it('when the member is erased', async () => {
    const id = await members.enroll(a);
    const tok = await members.token(a, id);
    await app.gqlOk(EraseMember, { memberId: id }, await app.operatorToken());
    expect(errorCodes(await app.gql(Me, {}, tok))).toEqual(['UNAUTHENTICATED']);
  });

  it('when the member is merged into another (the survivor gets its own token)', async () => {
    const source = await members.enroll(a);
    const target = await members.enroll(b);
    const tok = await members.token(a, source);
    await app.gqlOk(
      MergeMembers,
      { input: { sourceMemberId: source, targetMemberId: target } },
      await app.operatorToken(),
    );
    expect(errorCodes(await app.gql(Me, {}, tok))).toEqual(['UNAUTHENTICATED']);
    // A's link moved to the survivor, so A now mints tokens for the survivor.
    expect(
      (await app.gqlOk(IssueMemberToken, { member: { memberId: target } }, a.token)).issueMemberToken.memberId,
    ).toBe(target);
  });
});
