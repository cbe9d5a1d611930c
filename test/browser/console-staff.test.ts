/**
 * The console in headless Chromium (issue 18): staff sign-in, the layout at phone width, locale formatting,
 * the Content-Security-Policy, and finance closing a period and downloading its CSV. axe-core runs on every
 * page; each test saves a screenshot (.tmp/test-output/browser/).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { initTestApp, LONG_LIVED_TOKENS, type TestApp, type TestPartner } from '../support/test-app.js';
import { settlementHelpers } from '../support/settlement.js';
import { newKey } from '../support/ledger.js';
import {
  BROWSER_TEST_TIMEOUT,
  POLL,
  ensureConsoleBuilt,
  expectAccessible,
  launchBrowser,
  newContext,
  screenshot,
  signInThroughConsole,
  watchCsp,
} from '../support/browser.js';

let app: TestApp;
let browser: Browser;
let A: TestPartner;
let B: TestPartner;
const accounts: Record<string, { email: string; password: string }> = {};

async function account(
  key: string,
  role: Parameters<TestApp['hub']['services']['staff']['add']>[0]['role'],
  partnerId?: string,
) {
  const email = `${key}-${process.pid}@example.org`;
  accounts[key] = { email, password: (await app.hub.services.staff.add({ email, role, partnerId })).password };
  return accounts[key]!;
}

beforeAll(async () => {
  ensureConsoleBuilt();
  [app, browser] = await Promise.all([initTestApp({ config: LONG_LIVED_TOKENS }), launchBrowser()]);
  const settlement = settlementHelpers(app);
  A = await app.createPartner({ settlementCurrency: 'IDR', name: 'Kopi Browser' });
  B = await app.createPartner({ settlementCurrency: 'USD', name: 'Other Brand' });
  await settlement.contractOk(A, {
    settlementCurrency: 'IDR',
    period: 'DAILY',
    periodSeconds: null,
    issuePrice: '100',
  });
  await settlement.contractOk(B, { period: 'DAILY', periodSeconds: null });
  await account('operator', 'OPERATOR');
  await account('finance', 'FINANCE');
  await account('financeA', 'FINANCE', A.id);
  await account('adminA', 'PARTNER_ADMIN', A.id);
  await account('analystA', 'PARTNER_ANALYST', A.id);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('console (browser)', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('staff sign in at phone width; the page has a CSP without inline scripts and causes no violation', async () => {
    const context = await newContext(browser, true);
    const page = await context.newPage();
    const csp = watchCsp(page);
    const res = await page.goto(`${app.url}/console/`);
    const policy = res!.headers()['content-security-policy']!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
    await expectAccessible(page, 'sign-in page');
    await page.getByLabel('E-mail').fill(accounts.operator!.email);
    await page.getByLabel('Password').fill('wrong password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password' }).waitFor();
    await signInThroughConsole(page, app.url, accounts.operator!.email, accounts.operator!.password);
    await expectAccessible(page, 'home');
    // Nothing wider than the phone: no sideways scrolling of the page itself.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    // The session cookie is invisible to the page's scripts.
    expect(await page.evaluate<string>('document.cookie')).toBe('');
    await screenshot(page, 'sign-in-phone');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
    expect(csp).toEqual([]);
    await context.close();
  });

  it('finance user closes a period and downloads the CSV', async () => {
    const settlement = settlementHelpers(app);
    // Points issued today by A, then hub time moves into tomorrow: today's period has ended, still a draft.
    const member = (
      await app.postJson<any>(
        {
          query: 'mutation($c: String!) { enrollMember(input: { customerId: $c }) { id } }',
          variables: { c: newKey('c') },
        },
        { token: A.token },
      )
    ).data.enrollMember.id;
    for (const amount of ['1500', '2500'])
      await app.postJson(
        {
          query: 'mutation($i: EarnPointsInput!) { earnPoints(input: $i) { transfer { id } } }',
          variables: { i: { member: { memberId: member }, amount, idempotencyKey: newKey('e') } },
        },
        { token: A.token },
      );
    const today = await settlement.statement(A);
    await settlement.advanceTo(today.periodEnd);

    const context = await newContext(browser);
    const page = await context.newPage();
    const csp = watchCsp(page);
    await signInThroughConsole(page, app.url, accounts.finance!.email, accounts.finance!.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statements' }).click();
    await page.getByLabel('Partner').selectOption(A.id);
    const ended = page.getByRole('region', { name: 'Open periods' }).getByRole('row').filter({ hasText: 'DRAFT' });
    await expect.poll(() => ended.count(), POLL).toBe(2);
    await expectAccessible(page, 'statements');
    // The earlier of the two drafts is the period that ended.
    await ended.nth(1).getByRole('link').click();
    await page.getByTestId('status').filter({ hasText: 'DRAFT' }).waitFor();
    await page.getByRole('button', { name: 'Close period' }).click();
    await page.getByRole('button', { name: 'Yes, close the period' }).click();
    await page.getByTestId('status').filter({ hasText: 'CLOSED' }).waitFor();
    // 4,000 points at IDR 100 each: Rp 400.000 due to the hub, formatted for en-US.
    await expect.poll(() => page.getByText('IDR 400,000').count(), POLL).toBeGreaterThan(0);
    await expectAccessible(page, 'statement detail');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('ISSUANCE');
    expect(csv).toContain('4000');
    // Mark it paid, then switch the formats to Indonesian.
    await page.getByLabel('Payment reference').fill('TRF-2026-001');
    await page.getByRole('button', { name: 'Mark paid' }).click();
    await page.getByTestId('status').filter({ hasText: 'PAID' }).waitFor();
    await page.getByLabel('Language and formats').selectOption('id-ID');
    await expect.poll(() => page.getByText(/Rp\s400\.000/).count(), POLL).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Reconcile' }).click();
    await page.getByText('Reconciled: matches the ledger.').waitFor();
    await screenshot(page, 'finance-close-period-csv');
    expect(csp).toEqual([]);
    await context.close();
  });

  it("a partner-scoped finance user cannot open another partner's statement by editing the URL", async () => {
    const settlement = settlementHelpers(app);
    const theirs = await settlement.statement(B);
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInThroughConsole(page, app.url, accounts.financeA!.email, accounts.financeA!.password);
    await page.goto(`${app.url}/console/finance/statements/${B.id}/${encodeURIComponent(theirs.periodStart)}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(await alert.getAttribute('data-code'));
    expect(await page.getByText('Lines').count()).toBe(0);
    expect(await page.content()).not.toContain(B.id.slice(0, 13) + 'x'); // nothing of B rendered but the URL
    await expectAccessible(page, 'refused statement');
    await screenshot(page, 'finance-foreign-statement-refused');
    // The CSV of that statement is refused as well.
    const csv = await page.request.get(`${app.url}/settlement/statement.csv?partnerId=${B.id}`);
    expect([403, 404]).toContain(csv.status());
    await context.close();
  });

  it('operator creates a partner and its credentials (the secret shown once); rates refuse arbitrage; invariants hold', async () => {
    // A branded currency of A with a rate into PTS: 2 A-miles buy 1 PTS.
    const operator = await app.operatorToken();
    const brand = `BRW${Math.floor(Math.random() * 1e4)}`;
    for (const [query, input] of [
      [
        'mutation($i: CreateCurrencyInput!) { createCurrency(input: $i) { code } }',
        { code: brand, name: 'Browser miles', issuerPartnerId: A.id, expiryPolicy: 'NONE' },
      ],
      [
        'mutation($i: SetExchangeRateInput!) { setExchangeRate(input: $i) { id } }',
        { currency: brand, direction: 'TO_PTS', rate: '0.5', spread: '0', minimumAmount: '1', increment: '1' },
      ],
    ] as const)
      expect((await app.postJson({ query, variables: { i: input } }, { token: operator })).errors).toBeUndefined();

    const context = await newContext(browser, true);
    const page = await context.newPage();
    const csp = watchCsp(page);
    await signInThroughConsole(page, app.url, accounts.operator!.email, accounts.operator!.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click();
    await page.getByRole('heading', { name: 'Partners' }).waitFor();
    const code = `ui-${process.pid}-${Math.floor(Math.random() * 1e6)}`;
    await page.getByLabel('Code').fill(code);
    await page.getByLabel('Name', { exact: true }).fill('Browser Brand');
    await page.getByLabel('Settlement currency').fill('myr');
    await expectAccessible(page, 'partners');
    await page.getByRole('button', { name: 'Create partner' }).click();
    await page.getByRole('heading', { name: /Browser Brand/ }).waitFor();
    await page.getByLabel('apps:write').uncheck();
    await page.getByLabel('Label').fill('pos-terminal');
    await page.getByRole('button', { name: 'Create credentials' }).click();
    const clientId = (await page.getByTestId('client-id').textContent())!;
    const clientSecret = (await page.getByTestId('client-secret').textContent())!;
    await expectAccessible(page, 'partner with its new credentials');
    await screenshot(page, 'operator-partner-credentials');
    // The credentials work at the token endpoint, with the scopes chosen.
    const token = await app.requestToken({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
    expect(token.status).toBe(200);
    expect(token.body.scope!.split(' ').sort()).toEqual([
      'members:read',
      'members:write',
      'points:read',
      'points:write',
    ]);
    // Shown once: back on the page, the secret is nowhere.
    await page.reload();
    await page.getByRole('heading', { name: /Browser Brand/ }).waitFor();
    expect(await page.content()).not.toContain(clientSecret);
    // The new version of a contract shows in the list.
    await page.getByRole('button', { name: 'New contract version…' }).click();
    await page.getByLabel('Issue price (per point)').fill('0.03');
    await page.getByLabel('Redemption price (per point)').fill('0.025');
    await page.getByRole('button', { name: 'Add contract version' }).click();
    await page.getByRole('region', { name: 'Contract versions' }).getByText('0.03').waitFor();

    // Rates: PTS → brand at 3 would turn 1 PTS into 3 miles and back into 1.5 PTS: refused, and said why.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Currencies' }).click();
    await page.getByRole('button', { name: `Rates of ${brand}` }).click();
    await page.getByLabel('Rate', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Set rate' }).click();
    const refusal = page.locator('[data-code="ARBITRAGE_CYCLE"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('1.5');
    await expectAccessible(page, 'currencies and rates');
    await screenshot(page, 'operator-arbitrage-refused');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invariants' }).click();
    await page.getByText('Every invariant holds.').waitFor();
    await expectAccessible(page, 'invariants');
    // The full check as a paged job on the hub: started here, its progress followed until it is done.
    await page.getByRole('button', { name: 'Run the full check' }).click();
    await page.getByText('Full check done: every invariant holds.').waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'invariants, full check job');

    // Suspending the partner stops its token at once.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click();
    const row = page.getByRole('row').filter({ hasText: code });
    await row.getByRole('button', { name: 'Suspend…' }).click();
    await row.getByRole('button', { name: 'Yes, suspend' }).click();
    await row.getByText('SUSPENDED').waitFor();
    const after = await app.postJson({ query: '{ viewer { role } }' }, { token: token.body.access_token });
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(csp).toEqual([]);
    await context.close();
  });

  it('partner staff finds a member and voids a hold (an analyst may look but not void)', async () => {
    const customerId = newKey('KB');
    const run = async (query: string, variables: Record<string, unknown>) => {
      const res = await app.postJson<any>({ query, variables }, { token: A.token });
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    await run('mutation($c: String!) { enrollMember(input: { customerId: $c, displayName: "Hidden Name" }) { id } }', {
      c: customerId,
    });
    await run('mutation($i: EarnPointsInput!) { earnPoints(input: $i) { transfer { id } } }', {
      i: { member: { customerId }, amount: '1000', idempotencyKey: newKey('e') },
    });
    const hold = (
      await run('mutation($i: AuthorizeRedemptionInput!) { authorizeRedemption(input: $i) { hold { id } } }', {
        i: { member: { customerId }, amount: '300', orderRef: 'TABLE-7', idempotencyKey: newKey('a') },
      })
    ).authorizeRedemption.hold.id as string;

    const find = async (who: string) => {
      const context = await newContext(browser, true);
      const page = await context.newPage();
      await signInThroughConsole(page, app.url, accounts[who]!.email, accounts[who]!.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
      await page.getByLabel('Customer id (yours)').fill(customerId);
      await page.getByRole('button', { name: 'Find' }).click();
      await page.getByRole('heading', { name: `Member ${customerId}` }).waitFor();
      return { context, page };
    };

    // The analyst sees the member (no profile: the member shared nothing) but the hub refuses the void.
    const analyst = await find('analystA');
    expect(await analyst.page.getByText('Hidden Name').count()).toBe(0);
    await analyst.page.getByRole('button', { name: 'Void…' }).click();
    await analyst.page.getByRole('button', { name: 'Yes, void the hold' }).click();
    expect(await analyst.page.getByRole('alert').getAttribute('data-code')).toBe('FORBIDDEN');
    await analyst.context.close();

    const { context, page } = await find('adminA');
    const csp = watchCsp(page);
    await expectAccessible(page, 'partner member page');
    await page.getByTestId(`hold-${hold}`).filter({ hasText: 'ACTIVE' }).waitFor();
    await page.getByRole('button', { name: 'Void…' }).click();
    await page.getByRole('button', { name: 'Yes, void the hold' }).click();
    await page.getByTestId(`hold-${hold}`).filter({ hasText: 'VOIDED' }).waitFor();
    await screenshot(page, 'partner-void-hold');
    const balances = (
      await run('query($c: String!) { member(ref: { customerId: $c }) { balances { currency available held } } }', {
        c: customerId,
      })
    ).member.balances;
    expect(balances).toEqual([{ currency: 'PTS', available: '1000', held: '0' }]);
    expect(csp).toEqual([]);
    await context.close();
  });

  it('partner staff finds a member by e-mail (only with contact consent) and reverses an earn', async () => {
    const customerId = newKey('KE');
    const email = `browser-${newKey('m')}@example.org`;
    const run = async (query: string, variables: Record<string, unknown>, token = A.token) => {
      const res = await app.postJson<any>({ query, variables }, { token });
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    const memberId = (
      await run('mutation($c: String!, $e: String!) { enrollMember(input: { customerId: $c, email: $e }) { id } }', {
        c: customerId,
        e: email,
      })
    ).enrollMember.id as string;
    const earn = (
      await run('mutation($i: EarnPointsInput!) { earnPoints(input: $i) { transfer { id } } }', {
        i: { member: { customerId }, amount: '700', idempotencyKey: newKey('e') },
      })
    ).earnPoints.transfer.id as string;

    const context = await newContext(browser, true);
    const page = await context.newPage();
    const csp = watchCsp(page);
    await signInThroughConsole(page, app.url, accounts.adminA!.email, accounts.adminA!.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    const search = async () => {
      await page.getByLabel('E-mail address').fill(email);
      await page.getByRole('button', { name: 'Search' }).click();
    };
    // Without the member's contact consent the address finds no one.
    await search();
    await page.getByText('No member of yours with that address').waitFor();
    await run(
      'mutation($p: ID!) { setConsent(input: { partnerId: $p, scope: "contact", granted: true }) { granted } }',
      { p: A.id },
      await app.memberSessionToken(memberId),
    );
    await search();
    await page.getByRole('list', { name: 'Members found' }).getByRole('link', { name: customerId }).click();
    await page.getByRole('heading', { name: `Member ${customerId}` }).waitFor();
    await expectAccessible(page, 'partner member page with history actions');
    const row = page.getByRole('row').filter({ hasText: 'EARN' });
    await row.getByRole('button', { name: 'Reverse…' }).click();
    await row.getByRole('button', { name: 'Yes, reverse it' }).click();
    await page.getByRole('row').filter({ hasText: 'REVERSE_EARN' }).waitFor();
    await screenshot(page, 'partner-reverse-earn');
    const t = await run(
      'query($id: ID!) { transfer(id: $id) { id } member(ref: { memberId: "' +
        memberId +
        '" }) { balances { available } } }',
      { id: earn },
    );
    expect(t.member.balances).toEqual([{ available: '0' }]);
    expect(csp).toEqual([]);
    await context.close();
  });

  it("partner staff see their rewards with stock and pool levels, and fulfil a member's pending redemption", async () => {
    const run = async (query: string, variables: Record<string, unknown>, token = A.token) => {
      const res = await app.postJson<any>({ query, variables }, { token });
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    const create = async (input: Record<string, unknown>) => {
      const id = (await run('mutation($i: CreateRewardInput!) { createReward(input: $i) { id } }', { i: input }))
        .createReward.id as string;
      await run('mutation($id: ID!) { publishReward(id: $id) { id } }', { id });
      return id;
    };
    const mug = await create({ kind: 'PRODUCT', title: 'Browser mug', price: '200', stock: '5' });
    const voucher = await create({ kind: 'VOUCHER', title: 'Browser voucher', price: '50' });
    await run('mutation($i: UploadRewardCodesInput!) { uploadRewardCodes(input: $i) { count } }', {
      i: { rewardId: voucher, codes: ['BROWSER-CODE-1', 'BROWSER-CODE-2'] },
    });
    const customerId = newKey('KR');
    const memberId = (
      await run('mutation($c: String!) { enrollMember(input: { customerId: $c }) { id } }', { c: customerId })
    ).enrollMember.id as string;
    await run('mutation($i: EarnPointsInput!) { earnPoints(input: $i) { transfer { id } } }', {
      i: { member: { customerId }, amount: '1000', idempotencyKey: newKey('e') },
    });
    const memberToken = await app.memberSessionToken(memberId);
    await run(
      'mutation($i: RedeemRewardInput!) { redeemReward(input: $i) { redemption { id } } }',
      { i: { rewardId: mug, idempotencyKey: newKey('r') } },
      memberToken,
    );

    const context = await newContext(browser, true);
    const page = await context.newPage();
    const csp = watchCsp(page);
    await signInThroughConsole(page, app.url, accounts.adminA!.email, accounts.adminA!.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rewards' }).click();
    await page.getByRole('heading', { name: 'Rewards', exact: true }).waitFor();
    const rewards = page.getByRole('region', { name: 'Rewards' });
    await rewards.getByRole('row').filter({ hasText: 'Browser mug' }).filter({ hasText: '4' }).waitFor();
    await rewards
      .getByRole('row')
      .filter({ hasText: 'Browser voucher' })
      .filter({ hasText: '2 of 2 free (running low)' })
      .waitFor();
    await expectAccessible(page, 'partner rewards page');
    const waiting = page.getByRole('region', { name: 'Waiting for fulfilment' });
    await waiting.getByRole('row').filter({ hasText: 'Browser mug' }).waitFor();
    await waiting.getByRole('button', { name: 'Fulfil…' }).click();
    await waiting.getByRole('button', { name: 'Yes, fulfil' }).click();
    await waiting.getByText('Nothing waits for fulfilment.').waitFor();
    await screenshot(page, 'partner-rewards');
    const balances = (
      await run('query($c: String!) { member(ref: { customerId: $c }) { balances { currency available held } } }', {
        c: customerId,
      })
    ).member.balances;
    expect(balances).toEqual([{ currency: 'PTS', available: '800', held: '0' }]);
    expect(csp).toEqual([]);
    await context.close();
  });

  it('finance sees the inter-partner flow heat map (ECharts, loaded on demand)', async () => {
    const email = `flow-${newKey('m')}@example.org`.toLowerCase();
    const as = async (p: TestPartner, query: string, variables: Record<string, unknown>) => {
      const res = await app.postJson<any>({ query, variables }, { token: p.token });
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    const enroll = 'mutation($i: EnrollMemberInput!) { enrollMember(input: $i) { id } }';
    await as(A, enroll, { i: { customerId: newKey('fa'), email, emailVerified: true } });
    const member = (await as(B, enroll, { i: { customerId: newKey('fb'), email, emailVerified: true } })).enrollMember
      .id;
    await as(A, 'mutation($i: EarnPointsInput!) { earnPoints(input: $i) { transfer { id } } }', {
      i: { member: { memberId: member }, amount: '500', idempotencyKey: newKey('e') },
    });
    await as(B, 'mutation($i: RedeemPointsInput!) { redeemPoints(input: $i) { transfer { id } } }', {
      i: { member: { memberId: member }, amount: '200', idempotencyKey: newKey('r') },
    });

    const context = await newContext(browser);
    const page = await context.newPage();
    const csp = watchCsp(page);
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await signInThroughConsole(page, app.url, accounts.finance!.email, accounts.finance!.password);
    expect(scripts.some((u) => u.includes('echarts'))).toBe(false);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flows' }).click();
    const day = (offset: number) => new Date(app.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('From').fill(day(-2));
    await page.getByLabel('To (exclusive)').fill(day(2));
    const row = page.getByRole('region', { name: 'Flows' }).getByRole('row').filter({ hasText: 'Other Brand' });
    await row.waitFor();
    expect(await row.textContent()).toContain('200');
    await page.getByTestId('chart').locator('canvas').first().waitFor();
    expect(scripts.some((u) => u.includes('echarts'))).toBe(true);
    await expectAccessible(page, 'flows');
    await screenshot(page, 'finance-flows-heatmap');
    expect(csp).toEqual([]);
    await context.close();
  });
});
