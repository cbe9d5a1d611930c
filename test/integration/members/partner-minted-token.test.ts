/**
 * Regression (issue 25): a partner cannot become the member without the member.
 *
 * The scenario found on the demo coalition: the member revokes every consent scope for Kopi Kita. Kopi Kita
 * then mints a member token on its own (`issueMemberToken`) and, with it, used to read the member's name and
 * e-mail, her links at other brands, her Skyways flight with its order reference, her consent list, and
 * granted itself `contact` back. Now a partner-minted token sees no more than Kopi Kita itself may see of
 * its own member, and changes nothing: no consent, no profile, no export, no erasure, no conversion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, type GraphQLResponse } from '../../support/graphql-client.js';
import { ledgerHelpers } from '../../support/ledger.js';
import { IssueMemberToken, memberHelpers } from '../../support/members.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let kopi: TestPartner;
let skyways: TestPartner;
let members: ReturnType<typeof memberHelpers>;
let ledger: ReturnType<typeof ledgerHelpers>;
let memberId = '';
let flightId = '';
const NAME = 'Siti Rahmawati';
const EMAIL = `siti-${process.pid}@example.com`;
const SKYWAYS_CUSTOMER = 'SKY-77001';
const FLIGHT = 'FLIGHT-KUL-CGK';

const everythingOfTheMember = `query {
  me {
    id
    profile { displayName email phone birthDate locale preferences visibleScopes }
    links { partnerId customerId }
    consents { partnerId scope granted }
    consentHistory { partnerId scope granted }
    balances { currency available }
    transactions(first: 50) { nodes { id partnerId orderRef amount } }
  }
}`;

beforeAll(async () => {
  app = await initTestApp();
  [kopi, skyways] = [await app.createPartner({ name: 'Kopi Kita' }), await app.createPartner({ name: 'Skyways' })];
  members = memberHelpers(app);
  ledger = ledgerHelpers(app);
  memberId = await members.enroll(kopi, {
    customerId: 'KK-1001',
    displayName: NAME,
    email: EMAIL,
    emailVerified: true,
  });
  expect(await members.enroll(skyways, { customerId: SKYWAYS_CUSTOMER, email: EMAIL, emailVerified: true })).toBe(
    memberId,
  );
  flightId = (await ledger.earnOk(skyways, memberId, 900, { orderRef: FLIGHT })).transfer.id;
  await ledger.earnOk(kopi, memberId, 40);

  // The member, signed in at the hub, first shares everything with Kopi Kita, then revokes every scope.
  const self = await members.signIn(memberId);
  for (const scope of ['profile', 'contact', 'marketing']) await members.consent(self, kopi, scope);
  for (const scope of ['profile', 'contact', 'marketing']) await members.consent(self, kopi, scope, false);
});
afterAll(() => app?.close());

/** Kopi Kita's own member token for its customer KK-1001, minted without the member. */
const mintedByKopi = async () =>
  (await app.gqlOk(IssueMemberToken, { member: { customerId: 'KK-1001' } }, kopi.token)).issueMemberToken.accessToken;

/** Nothing of the member's identity or of Skyways in an answer. */
function expectNothingForeign(res: GraphQLResponse<unknown>) {
  const body = JSON.stringify(res);
  for (const s of [NAME, EMAIL, skyways.id, SKYWAYS_CUSTOMER, FLIGHT, flightId]) expect(body).not.toContain(s);
}

describe('after the member revoked every consent of Kopi Kita', () => {
  it('Kopi Kita, as a partner, sees no profile field and no foreign transaction', async () => {
    const seen = await members.view(memberId, kopi.token);
    expect(seen.profile).toMatchObject({ displayName: null, email: null, visibleScopes: [] });
    expect(seen.transactions.nodes.map((t) => t.partnerId)).toEqual([kopi.id]);
  });

  it('a token Kopi Kita mints on its own reads no more than Kopi Kita sees', async () => {
    const token = await mintedByKopi();
    const res = await app.postJson<{ me: any }>({ query: everythingOfTheMember }, { token });
    expect(res.errors).toBeUndefined();
    const me = res.data!.me;
    expect(me.id).toBe(memberId);
    expect(me.profile).toEqual({
      displayName: null,
      email: null,
      phone: null,
      birthDate: null,
      locale: null,
      preferences: null,
      visibleScopes: [],
    });
    expect(me.links).toEqual([{ partnerId: kopi.id, customerId: 'KK-1001' }]);
    expect(new Set(me.consents.map((c: { partnerId: string }) => c.partnerId))).toEqual(new Set([kopi.id]));
    expect(me.transactions.nodes.map((t: { partnerId: string }) => t.partnerId)).toEqual([kopi.id]);
    expect(me.balances).toEqual([{ currency: 'PTS', available: '940' }]);
    expectNothingForeign(res);

    // The same through every other path to the member: by id, as an entity, the flight by its id.
    for (const [query, variables] of [
      [`query($id: ID!) { member(ref: { memberId: $id }) { profile { displayName email } links { customerId } } }`],
      [
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { profile { displayName email } links { customerId } transactions(first: 50) { nodes { orderRef } } } } }`,
        { r: [{ __typename: 'Member', id: memberId }] },
      ],
    ] as const) {
      const other = await app.postJson({ query, variables: variables ?? { id: memberId } }, { token });
      expect(other.errors).toBeUndefined();
      expectNothingForeign(other);
    }
    const flight = await app.postJson(
      { query: `query($id: ID!) { transfer(id: $id) { id orderRef } }`, variables: { id: flightId } },
      { token },
    );
    expect(errorCodes(flight)).toEqual(['NOT_FOUND']);
    expectNothingForeign(flight);
  });

  it('and changes nothing: no consent back, no profile change, no export, no erasure, no conversion', async () => {
    const token = await mintedByKopi();
    const before = await members.memberCounts();
    const attempts: [string, Record<string, unknown>][] = [
      [
        `mutation($input: SetConsentInput!) { setConsent(input: $input) { granted } }`,
        { input: { partnerId: kopi.id, scope: 'contact', granted: true } },
      ],
      [
        `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { email } }`,
        { input: { email: 'kopi-owns-you@example.com' } },
      ],
      [`query { exportMyData }`, {}],
      [`mutation { eraseMyData { id } }`, {}],
      [
        `mutation($input: QuoteExchangeInput!) { quoteExchange(input: $input) { id } }`,
        { input: { from: 'PTS', to: 'PTS', amount: '10' } },
      ],
    ];
    for (const [query, variables] of attempts) {
      const res = await app.postJson({ query, variables }, { token });
      expect(errorCodes(res), query).toEqual(['FORBIDDEN']);
      expect(res.data ?? null, query).toBeNull();
      expectNothingForeign(res);
    }
    expect(await members.memberCounts()).toEqual(before);
    // Kopi Kita still sees nothing of the profile.
    expect((await members.view(memberId, kopi.token)).profile.visibleScopes).toEqual([]);
  });

  it('the member signed in at the hub still sees and controls everything', async () => {
    const self = await members.signIn(memberId);
    const res = await app.postJson<{ me: any }>({ query: everythingOfTheMember }, { token: self });
    expect(res.errors).toBeUndefined();
    expect(res.data!.me.profile).toMatchObject({ displayName: NAME, email: EMAIL });
    expect(res.data!.me.links).toHaveLength(2);
    expect(res.data!.me.transactions.nodes.map((t: { orderRef: string | null }) => t.orderRef)).toContain(FLIGHT);
    expect((await members.consent(self, kopi, 'profile')).granted).toBe(true);
    expect((await members.view(memberId, kopi.token)).profile.displayName).toBe(NAME);
  });
});
