/**
 * The member page in headless Chromium (issues 18 and 25): the member signs in end to end through the hub's
 * own OpenID Connect provider (the console is its first-party client, authorization code with PKCE), from the
 * documented deep link a partner app opens; no token is ever in a URL; the member revokes a consent and the
 * partner's view of the member loses the field; the member redeems a voucher from the catalog and sees its code (issue
 * 20). axe-core runs on every page, the hub's sign-in pages included.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { initTestApp, type TestApp, type TestPartner } from '../support/test-app.js';
import { newKey } from '../support/ledger.js';
import {
  BROWSER_TEST_TIMEOUT,
  POLL,
  ensureConsoleBuilt,
  expectAccessible,
  launchBrowser,
  newContext,
  screenshot,
  watchCsp,
} from '../support/browser.js';

let app: TestApp;
let browser: Browser;
let A: TestPartner;
const email = `ayu-${newKey('m')}@example.org`.toLowerCase();
const customerId = newKey('KK');

/** A free port now, so the console's redirect URI (a fixed setting of the hub) can name it. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const PROFILE = `query($c: String!) { member(ref: { customerId: $c }) { profile { displayName visibleScopes } } }`;

beforeAll(async () => {
  ensureConsoleBuilt();
  const port = await freePort();
  [app, browser] = await Promise.all([
    initTestApp({
      config: {
        port,
        signIn: {
          ...(await import('../../src/config.js')).loadConfig({ NODE_ENV: 'test' }).signIn,
          consoleRedirectUris: [`http://127.0.0.1:${port}/console/callback`],
        },
      },
    }),
    launchBrowser(),
  ]);
  A = await app.createPartner({ name: 'Kopi Member' });
  const { enrollMember } = (
    await app.postJson<any>(
      {
        query: `mutation($i: EnrollMemberInput!) { enrollMember(input: $i) { id } }`,
        variables: { i: { customerId, displayName: 'Ayu Browser', email, emailVerified: true } },
      },
      { token: A.token },
    )
  ).data;
  await app.postJson(
    {
      query: 'mutation($i: EarnPointsInput!) { earnPoints(input: $i) { transfer { id } } }',
      variables: { i: { member: { customerId }, amount: '1250', orderRef: 'LATTE-42', idempotencyKey: newKey('e') } },
    },
    { token: A.token },
  );
  // Kopi's voucher (issue 20), redeemed on the member page.
  const voucher = (
    await app.postJson<any>(
      {
        query: `mutation($i: CreateRewardInput!) { createReward(input: $i) { id } }`,
        variables: { i: { kind: 'VOUCHER', title: 'Free latte', price: '250' } },
      },
      { token: A.token },
    )
  ).data.createReward.id;
  for (const query of [
    `mutation($id: ID!) { uploadRewardCodes(input: { rewardId: $id, codes: ["LATTE-CODE-7"] }) { count } }`,
    `mutation($id: ID!) { publishReward(id: $id) { id } }`,
  ])
    await app.postJson({ query, variables: { id: voucher } }, { token: A.token });
  // The member once let Kopi see their profile.
  await app.postJson(
    {
      query: `mutation($i: SetConsentInput!) { setConsent(input: $i) { granted } }`,
      variables: { i: { partnerId: A.id, scope: 'profile', granted: true } },
    },
    { token: await app.memberSessionToken(enrollMember.id) },
  );
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('member page (browser)', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("member signs in end to end and revokes a consent; the partner's view loses the field; no token in any URL", async () => {
    const before = await app.postJson<any>({ query: PROFILE, variables: { c: customerId } }, { token: A.token });
    expect(before.data.member.profile.displayName).toBe('Ayu Browser');

    const context = await newContext(browser, true);
    const page = await context.newPage();
    const csp = watchCsp(page);
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    page.on('framenavigated', (f) => urls.push(f.url()));

    // The deep link a partner app opens: straight to the hub's sign-in.
    await page.goto(`${app.url}/console/member/start`);
    await page.getByLabel('E-mail address or phone number').fill(email);
    await expectAccessible(page, 'hub sign-in page');
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByLabel('Code').waitFor();
    const code = app.hub.identity.sink!.lastCodeFor(email)!;
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Hello, Ayu Browser' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/member');
    expect(new URL(page.url()).search).toBe('');
    await expect.poll(() => page.getByText('LATTE-42').count(), POLL).toBe(1);
    await expectAccessible(page, 'member page');

    // The catalog offers Kopi's voucher; redeeming it shows the code among the member's redemptions.
    const rewards = page.getByRole('region', { name: 'Rewards', exact: true });
    await rewards.getByRole('row').filter({ hasText: 'Free latte' }).getByRole('button', { name: 'Redeem…' }).click();
    await rewards.getByRole('button', { name: 'Yes, redeem' }).click();
    await page
      .getByRole('region', { name: 'Your redemptions' })
      .getByRole('row')
      .filter({ hasText: 'LATTE-CODE-7' })
      .waitFor();
    await expectAccessible(page, 'member page with a redemption');
    await screenshot(page, 'member-redeemed-voucher');

    const profile = page.getByRole('checkbox', { name: /^profile:/ });
    expect(await profile.isChecked()).toBe(true);
    await profile.uncheck();
    await expect.poll(() => profile.isChecked(), POLL).toBe(false);
    await screenshot(page, 'member-revoked-consent');

    const after = await app.postJson<any>({ query: PROFILE, variables: { c: customerId } }, { token: A.token });
    expect(after.data.member.profile).toEqual({ displayName: null, visibleScopes: [] });

    // The access token never appeared in an address: not in a page's URL, not in any request's.
    const tokens = await page.evaluate<string[]>(`performance.getEntriesByType('resource').map((e) => e.name)`);
    for (const url of [...urls, ...tokens]) {
      expect(url).not.toMatch(/access_token|id_token|refresh_token/);
      expect(url).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    }
    expect(page.url()).not.toContain('code=');
    // The authorization code was in the callback address only, and is gone from the address bar.
    expect(urls.some((u) => u.includes('/console/callback?code='))).toBe(true);
    expect(await page.evaluate<string>('sessionStorage.length + ""')).toBe('0');
    expect(csp).toEqual([]);
    await context.close();
  });
});
