import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from '@jest/globals';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { TestApp } from './test-app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests need Debian's chromium (CI installs it). */
export const chromiumPresent = existsSync(CHROMIUM);
const SKIP_REASON = `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;

/**
 * `describe` for tests that drive Chromium. Without it the block is skipped where jest reports
 * skips, with the reason in its name and on stdout: a missing browser never shows as a pass, and
 * the tests inside need no guard of their own (their hooks do not run either).
 */
export function describeBrowser(name: string, body: () => void): void {
  if (chromiumPresent) {
    describe(name, body);
    return;
  }
  process.stdout.write(`${name}: skipped, ${SKIP_REASON}.\n`);
  describe.skip(`${name} (skipped: ${SKIP_REASON})`, body);
}

export interface BrowserSession {
  browser: Browser;
  baseUrl: string;
  /** A fresh browser context (own cookies, own storage), optionally phone-sized. */
  context(options?: { phone?: boolean; locale?: string }): Promise<BrowserContext>;
  /** A page in a fresh context, signed in through the sign-in form. */
  signedIn(email: string, password: string, options?: { phone?: boolean; locale?: string }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Headless Debian chromium against the test app listening on loopback. The flags keep chromium
 * from reaching out to Google's services, which this machine's closed network refuses.
 */
export async function openBrowser(t: TestApp): Promise<BrowserSession> {
  await t.app.listen(0, '127.0.0.1');
  const baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  const profile = mkdtempSync(join(tmpdir(), 'keurmerk-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const contexts: BrowserContext[] = [];
  const session: BrowserSession = {
    browser,
    baseUrl,
    async context(options = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        // Dutch unless a test asks otherwise: the app follows the browser's language.
        locale: options.locale ?? 'nl-NL',
        viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
        ...(options.phone ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
      });
      contexts.push(context);
      return context;
    },
    async signedIn(email, password, options = {}) {
      const page = await (await session.context(options)).newPage();
      await signInAs(page, email, password);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return session;
}

export async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/app/inloggen');
  await page.getByLabel(/E-mailadres|E-mail address/).fill(email);
  await page.getByLabel(/Wachtwoord|Password/).fill(password);
  await page.getByRole('button', { name: /Inloggen|Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/app/inloggen'));
}

export const SCREENSHOT_DIR = join(process.cwd(), 'test', 'screenshots');

/** Screenshots of the main pages, kept as files to look at (not compared). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE = join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (node_modules/axe-core/axe.min.js; WCAG 2.1 A and AA rules) on the page as it is now and fails with each violation,
 * its rule and the elements it found, so a test that opens a page also proves the page accessible.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Evaluated through the DevTools protocol, not added as a <script>: the pages' Content-Security-Policy
  // refuses inline scripts, and the tests must keep seeing the policy the app really sends.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  const found = (violations as AxeViolation[]).map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  if (found.length > 0) throw new Error(`axe-core found ${found.length} violation(s) on ${page.url()}:\n${found.join('\n')}`);
}

/** No heading text twice on one page (a doubled "Bevindingen" reads as a mistake and confuses a screen reader's list). */
export async function expectNoRepeatedHeadings(page: Page): Promise<void> {
  const headings = await page.locator('h1, h2, h3, h4').allInnerTexts();
  const seen = new Set<string>();
  const repeated = headings.map((text) => text.trim()).filter((text) => (seen.has(text) ? true : (seen.add(text), false)));
  if (repeated.length > 0) throw new Error(`headings said twice on ${page.url()}: ${repeated.join(', ')}`);
}

/** Both checks on the page as it is now. */
export async function expectAccessiblePage(page: Page): Promise<void> {
  await expectNoAxeViolations(page);
  await expectNoRepeatedHeadings(page);
}
