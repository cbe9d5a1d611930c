/**
 * No path shows partner B partner A's transactions or a profile field the
 * member did not consent to for B: root fields, nested fields, `_entities`,
 * connection paging and filters, transfer and hold lookups, mutation results
 * and error messages. Every answer B gets is searched for A's secrets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { errorCodes, type GraphQLResponse } from '../../support/graphql-client.js';
import { GetHold, GetTransfer, checkLedgerInvariantsAfterEach, ledgerHelpers, newKey } from '../../support/ledger.js';
import { IssueMemberToken, MemberFull, UnlinkMember, memberHelpers } from '../../support/members.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

const MemberTransactionsPage = graphql(`
  query MemberTransactionsPage($ref: MemberRefInput!, $first: Int, $after: String, $filter: TransactionFilter) {
    member(ref: $ref) {
      id
      transactions(first: $first, after: $after, filter: $filter) {
        edges {
          cursor
          node {
            id
            partnerId
            orderRef
            currency
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const TransferWithMember = graphql(`
  query TransferWithMember($id: ID!) {
    transfer(id: $id) {
      id
      partner {
        id
        code
      }
      reverses {
        id
      }
      member {
        ...MemberFields
      }
    }
  }
`);

const ViewerMember = graphql(`
  query ViewerMember {
    viewer {
      role
      member {
        id
      }
      partner {
        id
      }
    }
  }
`);

/** The full Member selection, as raw text for hand-written `_entities` requests. */
const RAW_MEMBER_FIELDS = `
  id erasedAt
  profile { displayName email phone birthDate locale preferences visibleScopes }
  tier { name qualifyingPoints }
  consents { partnerId scope granted at }
  consentHistory { partnerId scope granted at }
  partnerLink { partnerId customerId }
  links { partnerId customerId }
  balances { currency available held owed }
  transactions(first: 200) { nodes { id kind currency amount partnerId memberId orderRef partner { id code } reverses { id orderRef } hold { id orderRef } member { id links { customerId } } } }
`;

let app: TestApp;
let a: TestPartner;
let b: TestPartner;
let members: ReturnType<typeof memberHelpers>;
let ledger: ReturnType<typeof ledgerHelpers>;

/** What only A (or the member) may know. */
const secrets = {
  email: `leak-${process.pid}@secret-mail.example`,
  preference: 'pref-secret-value',
  aCustomerId: 'A-SECRET-CUSTOMER',
  aOrderRef: 'A-SECRET-ORDER',
  aBrand: '',
  aTransferIds: [] as string[],
  aHoldId: '',
  aCode: '',
};
let shared: string; // linked at A and B
let onlyA: string; // linked at A only
let bEarnId: string;
const PHONE = '+6281299887766';

beforeAll(async () => {
  app = await initTestApp();
  [a, b] = [await app.createPartner(), await app.createPartner()];
  members = memberHelpers(app);
  ledger = ledgerHelpers(app);
  secrets.aCode = a.code;

  shared = await members.enroll(a, {
    customerId: secrets.aCustomerId,
    displayName: 'Eka',
    email: secrets.email,
    emailVerified: true,
    phone: PHONE,
    phoneVerified: true,
    birthDate: '1970-01-02',
    locale: 'en',
    preferences: { secret: secrets.preference },
  });
  expect(await members.enroll(b, { customerId: 'B-CUSTOMER', phone: PHONE, phoneVerified: true })).toBe(shared);
  onlyA = await members.enroll(a, { customerId: 'A-ONLY', displayName: 'Hidden Person' });

  const tok = await members.signIn(shared);
  for (const scope of ['profile', 'contact', 'marketing']) await members.consent(tok, a, scope);
  await members.consent(tok, b, 'profile'); // B: name, birth date, locale; not contact, not marketing

  const brand = await ledger.createCurrency(a, 'NONE');
  secrets.aBrand = brand.code;
  const aEarn = await ledger.earnOk(a, shared, 500, { orderRef: secrets.aOrderRef });
  const aBrandEarn = await ledger.earnOk(a, shared, 50, { currency: brand.code, orderRef: secrets.aOrderRef });
  const aRedeem = (await ledger.redeem(a, shared, 40, { orderRef: secrets.aOrderRef })).data!.redeemPoints;
  const aReverse = (await ledger.reverse(a, aEarn.transfer.id, 10)).data!.reverseTransfer;
  const aHold = (await ledger.authorize(a, shared, 30, { expiresInSeconds: 3600 })).data!.authorizeRedemption;
  await ledger.earnOk(a, onlyA, 77, { orderRef: secrets.aOrderRef });
  secrets.aTransferIds = [
    aEarn.transfer.id,
    aBrandEarn.transfer.id,
    aRedeem.transfer.id,
    aReverse.transfer.id,
    aHold.transfer.id,
  ];
  secrets.aHoldId = aHold.hold!.id;

  bEarnId = (await ledger.earnOk(b, shared, 25, { orderRef: 'B-ORDER' })).transfer.id;
  await ledger.earnOk(b, shared, 5, { orderRef: 'B-ORDER-2' });
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

/** Fails if any of A's secrets appear anywhere in `answer`. */
function expectNoLeak(answer: unknown, what: string, echoed: string[] = []) {
  const text = JSON.stringify(answer);
  for (const s of [
    secrets.email,
    secrets.preference,
    secrets.aCustomerId,
    secrets.aOrderRef,
    secrets.aBrand,
    secrets.aHoldId,
    secrets.aCode,
    a.id,
    onlyA,
    'Hidden Person',
    ...secrets.aTransferIds,
  ].filter((x) => !echoed.includes(x))) {
    expect(text.includes(s), `${what} leaks ${s}: ${text.slice(0, 400)}`).toBe(false);
  }
}

const bTokens = async () =>
  [
    ['partner B', b.token],
    ['B-scoped finance', await app.financeToken(b.id)],
  ] as const;

describe("partner B never sees A's transactions or unconsented fields", () => {
  it('the sanity baseline: the operator does see them (so the searches below can fail)', async () => {
    const seen = await members.view(shared);
    expect(() => expectNoLeak(seen, 'operator')).toThrow();
    expect(seen.transactions.nodes.filter((t) => t.partnerId === a.id)).toHaveLength(5);
  });

  it('member(ref) by hub id and by customer id: own link, PTS balance, own transactions, consented fields only', async () => {
    for (const [who, token] of await bTokens()) {
      for (const ref of who === 'partner B'
        ? [{ memberId: shared }, { customerId: 'B-CUSTOMER' }]
        : [{ memberId: shared }]) {
        const res = await app.gql(MemberFull, { ref }, token);
        expect(res.errors, who).toBeUndefined();
        const m = res.data!.member;
        expectNoLeak(m, `${who} member(${JSON.stringify(ref)})`);
        expect(m.profile).toEqual({
          displayName: 'Eka',
          email: null,
          phone: null,
          birthDate: '1970-01-02',
          locale: 'en',
          preferences: null,
          visibleScopes: ['profile'],
        });
        expect(m.links.map((l) => l.customerId)).toEqual(['B-CUSTOMER']);
        expect(m.balances.map((x) => x.currency)).toEqual(['PTS']);
        // The coalition balance is B's to see: 500 - 40 - 10 - 30 held + 25 + 5.
        expect(m.balances[0]).toEqual({ currency: 'PTS', available: '450', held: '30', owed: '0' });
        expect(m.transactions.nodes.map((t) => t.partnerId)).toEqual([b.id, b.id]);
        expect(
          m.consents.every((c) => c.partnerId === b.id) && m.consentHistory.every((c) => c.partnerId === b.id),
        ).toBe(true);
      }
    }
  });

  it('_entities (a raw gateway request) filters exactly like member(ref), and refuses a member not linked to B', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Member { ${RAW_MEMBER_FIELDS} } } }`;
    const own = await app.postJson<{
      _entities: { profile: Record<string, unknown>; transactions: { nodes: { partnerId: string }[] } }[];
    }>({ query, variables: { r: [{ __typename: 'Member', id: shared }] } }, { token: b.token });
    expect(own.errors).toBeUndefined();
    expectNoLeak(own, '_entities(shared)');
    const entity = own.data!._entities[0]!;
    expect(entity.profile).toMatchObject({ email: null, phone: null, preferences: null });
    expect(entity.transactions.nodes.map((t) => t.partnerId)).toEqual([b.id, b.id]);

    const other = await app.postJson(
      {
        query,
        variables: {
          r: [
            { __typename: 'Member', id: onlyA },
            { __typename: 'Member', id: shared },
          ],
        },
      },
      { token: b.token },
    );
    expect(errorCodes(other)).toEqual(['NOT_FOUND']);
    expectNoLeak(other, '_entities(onlyA)');
  });

  it('connections: paging one row at a time, forged filters and cursors never reach A’s rows', async () => {
    const seen: string[] = [];
    let after: string | null | undefined;
    for (let i = 0; i < 10; i++) {
      const page = (await app.gqlOk(MemberTransactionsPage, { ref: { memberId: shared }, first: 1, after }, b.token))
        .member.transactions;
      expectNoLeak(page, 'transactions page');
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(2);
    expect(seen).toContain(bEarnId);

    const forAFilter = await app.gql(
      MemberTransactionsPage,
      { ref: { memberId: shared }, filter: { partnerId: a.id } },
      b.token,
    );
    expect(errorCodes(forAFilter)).toEqual(['FORBIDDEN']);
    expect(forAFilter.data).toBeNull();
    const byBrand = await app.gqlOk(
      MemberTransactionsPage,
      { ref: { memberId: shared }, filter: { currency: secrets.aBrand } },
      b.token,
    );
    expect(byBrand.member.transactions.edges).toEqual([]);
    const byKind = await app.gqlOk(
      MemberTransactionsPage,
      { ref: { memberId: shared }, filter: { kinds: ['REDEEM', 'AUTHORIZE', 'REVERSE_EARN'] } },
      b.token,
    );
    expect(byKind.member.transactions.edges).toEqual([]);
  });

  it("A's transfers and holds by id: NOT_FOUND, indistinguishable from missing ones", async () => {
    const missing = await app.gql(GetTransfer, { id: '00000000-0000-7000-8000-000000000000' }, b.token);
    for (const id of secrets.aTransferIds) {
      const res = await app.gql(GetTransfer, { id }, b.token);
      expect(errorCodes(res)).toEqual(['NOT_FOUND']);
      expect(res.errors![0]!.message).toBe(missing.errors![0]!.message);
      expectNoLeak(res, 'transfer(id)');
    }
    const hold = await app.gql(GetHold, { id: secrets.aHoldId }, b.token);
    expect(errorCodes(hold)).toEqual(['NOT_FOUND']);
    expectNoLeak(hold, 'hold(id)');
  });

  it("nested: B's own transfer → member → links, transactions, profile stay B's view", async () => {
    const res = await app.gqlOk(TransferWithMember, { id: bEarnId }, b.token);
    expectNoLeak(res, 'transfer.member');
    expect(res.transfer.member!.transactions.nodes.map((t) => t.partnerId)).toEqual([b.id, b.id]);
    expect(res.transfer.member!.profile.email).toBeNull();
    expect((await app.gqlOk(ViewerMember, {}, b.token)).viewer.member).toBeNull();
  });

  it("mutations and errors: B acting on A's rows or customer ids fails with nothing written and nothing told", async () => {
    // A refused redemption is kept as a REJECTED operation (so its key replays the refusal); nothing else may be written.
    const counts = async () => {
      const { operation: _op, ...ledgerRows } = await ledger.ledgerCounts();
      const [accepted] = await app.hub.db.sql.query<{ n: number }>(
        `select count(*)::int as n from operation where status <> 'REJECTED'`,
      );
      return { ...ledgerRows, ...(await members.memberCounts()), acceptedOperations: accepted!.n };
    };
    const before = await counts();
    const answers: GraphQLResponse<unknown>[] = [
      await ledger.reverse(b, secrets.aTransferIds[0]!, 1),
      await ledger.capture(b, secrets.aHoldId),
      await ledger.voidHold(b, secrets.aHoldId),
      await ledger.earn(b, onlyA, 1),
      await ledger.redeem(b, onlyA, 1),
      await app.gql(MemberFull, { ref: { customerId: secrets.aCustomerId } }, b.token),
      await app.gql(MemberFull, { ref: { memberId: onlyA } }, b.token),
      await app.gql(IssueMemberToken, { member: { memberId: onlyA } }, b.token),
      await app.gql(UnlinkMember, { customerId: secrets.aCustomerId }, b.token),
      await ledger.earn(b, shared, 1, { currency: secrets.aBrand }),
      await ledger.redeem(b, shared, 100_000, { idempotencyKey: newKey() }),
    ];
    for (const [i, res] of answers.entries()) {
      expect(res.errors?.length, `answer ${i}`).toBeGreaterThan(0);
      // The brand-currency earn may name the currency B itself sent.
      expectNoLeak(res, `answer ${i}`, i === 9 ? [secrets.aBrand] : []);
    }
    expect(await counts()).toEqual(before);
  });

  it('a member token B minted for another member cannot be used to read the shared member', async () => {
    const bOnly = await members.enroll(b);
    const tok = await members.token(b, bOnly);
    const res = await app.gql(MemberFull, { ref: { memberId: shared } }, tok);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expectNoLeak(res, 'other member token');
  });
});
