/**
 * The console's webhooks page (issue 19) in headless Chromium: a partner admin adds an endpoint (the secret is
 * shown once), an earn is delivered to a real local receiver, the delivery log shows it, and a replay sends it
 * again with the same webhook-id. axe-core on the page, no CSP violation, a screenshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../support/test-app.js';
import { ledgerHelpers } from '../support/ledger.js';
import {
  BROWSER_TEST_TIMEOUT,
  ensureConsoleBuilt,
  expectAccessible,
  launchBrowser,
  newContext,
  screenshot,
  signInThroughConsole,
  watchCsp,
} from '../support/browser.js';
import { deliver, startReceiver, WEBHOOK_TEST_CONFIG, type Receiver } from '../support/webhooks.js';

let app: TestApp;
let browser: Browser;
let receiver: Receiver;
let A: TestPartner;
const admin = { email: `hooks-admin-${process.pid}@example.org`, password: '' };

beforeAll(async () => {
  ensureConsoleBuilt();
  [app, browser, receiver] = await Promise.all([
    initTestApp({ config: { ...WEBHOOK_TEST_CONFIG, ...LONG_LIVED_TOKENS } }),
    launchBrowser(),
    startReceiver(),
  ]);
  A = await app.createPartner({ name: 'Hooks Brand' });
  admin.password = (
    await app.hub.services.staff.add({ email: admin.email, role: 'PARTNER_ADMIN', partnerId: A.id })
  ).password;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await receiver?.close();
});

describe('console webhooks (browser)', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('a partner admin adds an endpoint, sees its deliveries and replays one', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const csp = watchCsp(page);
    await signInThroughConsole(page, app.url, admin.email, admin.password);
    await page.getByRole('link', { name: 'Webhooks' }).first().click();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    await page.getByLabel('URL').fill(receiver.url('/console'));
    await page.getByLabel('Event types (comma-separated; empty: all)').fill('points.earned');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = await page.getByRole('status', { name: 'New signing secret' }).locator('.code').textContent();
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page, 'webhooks page');

    const ledger = ledgerHelpers(app);
    const member = await ledger.enroll(A);
    await ledger.earnOk(A, member, 321);
    await deliver(app);
    expect(receiver.on('/console').map((r) => r.event.data.amount)).toEqual(['321']);

    await page.getByRole('button', { name: `Deliveries of ${receiver.url('/console')}` }).click();
    const row = page.getByRole('region', { name: 'Deliveries' }).locator('tr', { hasText: 'points.earned' });
    await row.filter({ hasText: 'SUCCEEDED' }).waitFor();
    await expectAccessible(page, 'delivery log');
    await screenshot(page, 'partner-webhooks');
    await row.getByRole('button', { name: /^Replay points\.earned/ }).click();
    await row.filter({ hasText: 'PENDING' }).waitFor();
    await deliver(app);
    const got = receiver.on('/console');
    expect(got).toHaveLength(2);
    expect(got[1]!.headers['webhook-id']).toBe(got[0]!.headers['webhook-id']);
    expect(csp).toEqual([]);
    await context.close();
  });
});
