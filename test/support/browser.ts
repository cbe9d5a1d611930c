/**
 * Browser tests of the console (issue 18): playwright-core drives Debian's chromium (`apt-get install
 * chromium`; no browser is downloaded), against a hub booted by initTestApp. Each test saves a screenshot
 * under .tmp/test-output/browser/ and runs axe-core on every page it visits (no serious or critical
 * violations). The console is built first when console/dist is missing or older than its sources.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = path.join(root, '.tmp', 'test-output', 'browser');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the console unless console/dist is newer than every source file. */
export function ensureConsoleBuilt(): void {
  const index = path.join(root, 'console', 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(path.join(root, 'console', 'src')),
    statSync(path.join(root, 'console', 'index.html')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  // A production build whatever NODE_ENV the test runner has (vitest sets "test").
  execFileSync('npm', ['run', '--silent', '-w', 'console', 'build'], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium).`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A fresh browser context (its own cookies) with a phone-width or desktop viewport. */
export async function newContext(browser: Browser, phone = false): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    acceptDownloads: true,
    locale: 'en-US',
  });
  // A step that does not happen fails with what it waited for, well inside the test's own timeout.
  context.setDefaultTimeout(15_000);
  return context;
}

/** expect.poll's own default (1 s) is too short for a page's queries on a loaded 2-core machine. */
export const POLL = { timeout: 15_000, interval: 100 };

/** Browser tests take longer than the suite's default 20 s per test. */
export const BROWSER_TEST_TIMEOUT = 90_000;

/** Every Content-Security-Policy violation the page reports (the console must cause none). */
export function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (process.env.DEBUG_BROWSER) process.stderr.write(`[browser] ${message.text()}\n`);
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page as it is now: no serious or critical violations. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (no inline <script>).
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n: { target: string[] }) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe on ${what}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs a staff member in through the console's sign-in page. */
export async function signInThroughConsole(page: Page, hubUrl: string, email: string, password: string) {
  await page.goto(`${hubUrl}/console/`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Welcome' }).waitFor();
}
