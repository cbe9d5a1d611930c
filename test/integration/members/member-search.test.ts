/**
 * Member search by e-mail (issue 18, partner staff): the operator finds every live member with the address; a
 * partner only its own members who currently grant it the `contact` scope — revoked, unlinked, erased or
 * another partner's members are not found, exactly as an unknown address. Bad addresses are BAD_USER_INPUT.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { errorCodes } from '../../support/graphql-client.js';
import { newKey } from '../../support/ledger.js';
import { EraseMember, memberHelpers, type MemberHelpers } from '../../support/members.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

const MembersByEmail = graphql(`
  query MembersByEmail($email: String!) {
    membersByEmail(email: $email) {
      id
      partnerLink {
        customerId
      }
      profile {
        email
      }
    }
  }
`);

let app: TestApp;
let members: MemberHelpers;
let shop: TestPartner;
let other: TestPartner;
beforeAll(async () => {
  app = await initTestApp();
  members = memberHelpers(app);
  [shop, other] = await Promise.all([app.createPartner(), app.createPartner()]);
});
afterAll(() => app?.close());

const search = (email: string, token: string) => app.gql(MembersByEmail, { email }, token);
const found = async (email: string, token: string) =>
  (await app.gqlOk(MembersByEmail, { email }, token)).membersByEmail;

it('a partner finds its member only while the member grants it contact; the operator always; another partner never', async () => {
  const email = `Search.${newKey('m')}@Example.org`;
  const customerId = newKey('cust');
  const member = await members.enroll(shop, { customerId, email });
  const session = await members.signIn(member);

  expect(await found(email, shop.token)).toEqual([]);
  await members.consent(session, shop, 'contact');
  // Any case and surrounding spaces: addresses are stored normalised.
  expect(await found(` ${email.toUpperCase()} `, shop.token)).toEqual([
    { id: member, partnerLink: { customerId }, profile: { email: email.toLowerCase() } },
  ]);
  expect(await found(email, other.token)).toEqual([]); // not its member
  expect((await found(email, await members.operatorToken())).map((m) => m.id)).toEqual([member]);

  await members.consent(session, shop, 'contact', false);
  expect(await found(email, shop.token)).toEqual([]);
});

it('erased members are never found', async () => {
  const email = `gone-${newKey('m')}@example.org`;
  const member = await members.enroll(shop, { email });
  await members.consent(await members.signIn(member), shop, 'contact');
  expect(await found(email, shop.token)).toHaveLength(1);
  await app.gqlOk(EraseMember, { memberId: member }, await members.operatorToken());
  expect(await found(email, shop.token)).toEqual([]);
  expect(await found(email, await members.operatorToken())).toEqual([]);
});

it('a malformed address is BAD_USER_INPUT, for any caller', async () => {
  for (const bad of ['', 'no-at-sign', 'a@b', `${'x'.repeat(250)}@example.org`, 'nul\u0000@example.org'])
    expect(errorCodes(await search(bad, shop.token))).toEqual(['BAD_USER_INPUT']);
});
