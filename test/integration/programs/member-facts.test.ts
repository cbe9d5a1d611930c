/**
 * Conditions on the member (issue 17): the coalition tier (tier multipliers and tier-targeted campaigns),
 * the birthday month from the profile only under the member's `profile` consent to this partner, and the
 * first purchase at this partner.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dataOf } from '../../support/graphql-client.js';
import { checkLedgerInvariantsAfterEach, ledgerHelpers, type LedgerHelpers } from '../../support/ledger.js';
import { memberHelpers, type MemberHelpers } from '../../support/members.js';
import { programHelpers, type ProgramHelpers } from '../../support/programs.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let ledger: LedgerHelpers;
let members: MemberHelpers;
let pr: ProgramHelpers;
let shop: TestPartner;
let campaignId: string;
beforeAll(async () => {
  app = await initTestApp();
  ledger = ledgerHelpers(app);
  members = memberHelpers(app);
  pr = programHelpers(app, ledger);
  shop = await app.createPartner();
  await pr.setRulesOk(shop, {
    rules: [
      { id: 'base', kind: 'BASE', points: 1, per: 100 },
      { id: 'gold', kind: 'MULTIPLIER', factor: '2', when: { '==': [{ var: 'member.tier' }, 'GOLD'] } },
      { id: 'birthday', kind: 'BONUS', points: 500, when: { var: 'member.birthdayMonth' } },
      { id: 'welcome', kind: 'BONUS', points: 100, when: { var: 'member.firstPurchase' } },
    ],
  });
  campaignId = dataOf(
    await pr.createCampaign(shop.token, {
      definition: { reward: { kind: 'BONUS', points: 7 }, tiers: ['GOLD'] },
    }),
  ).createCampaign.id;
});
afterAll(() => app?.close());
checkLedgerInvariantsAfterEach(() => app);

it('birthday month only under the profile consent; the welcome bonus only on the first purchase', async () => {
  const month = app.now().toISOString().slice(5, 7);
  const member = await members.enroll(shop, { birthDate: `1990-${month}-15` });
  const first = await pr.recordOk(shop, member, { total: '1000' });
  expect(pr.pointsByRef(first.purchase.breakdown)).toEqual({ base: '10', welcome: '100' });
  await members.consent(await app.memberSessionToken(member), shop, 'profile');
  const second = await pr.recordOk(shop, member, { total: '1000' });
  expect(pr.pointsByRef(second.purchase.breakdown)).toEqual({ base: '10', birthday: '500' });
});

it('the coalition tier: a GOLD multiplier and a campaign for GOLD members only', async () => {
  const gold = await ledger.enroll(shop);
  await ledger.earnOk(shop, gold, 20_000); // qualifying points: GOLD
  const bronze = await ledger.enroll(shop);
  const g = await pr.recordOk(shop, gold, { total: '1000' });
  const b = await pr.recordOk(shop, bronze, { total: '1000' });
  expect(pr.pointsByRef(g.purchase.breakdown)).toEqual({ base: '10', gold: '10', welcome: '100', [campaignId]: '7' });
  expect(pr.pointsByRef(b.purchase.breakdown)).toEqual({ base: '10', welcome: '100' });
});
