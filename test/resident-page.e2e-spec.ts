import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { CertificateLifecycleService, formatCertificateNumber } from '@keurmerk/certificates';
import { FixedClock } from '@keurmerk/common';
import { describeBrowser, expectAccessiblePage, openBrowser, type BrowserSession } from './support/browser';
import { createScenario, Scenario } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';
import { msUntil } from './support/until';

const SYSTEM = { kind: 'system' as const, id: null };
const SCREENS = '/tmp/keurmerk-screens';
const REFERENCE = /^M-2026-[2-9A-HJKMNP-TV-Z]{6}$/;

/*
 * Browser globals, for the functions that run inside the page: the project compiles without the DOM
 * library, so the little these functions use is declared here, for this file only.
 */
interface DomNode {
  nodeType: number;
  textContent: string | null;
}
interface DomElement extends DomNode {
  childNodes: ArrayLike<DomNode>;
  parentElement: DomElement | null;
  tagName: string;
  className: string;
  offsetParent: unknown;
  labels?: ArrayLike<unknown>;
  getBoundingClientRect(): { right: number; bottom: number };
}
declare const document: {
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  documentElement: { scrollWidth: number };
  activeElement: DomElement | null;
  addEventListener(type: 'securitypolicyviolation', listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
};
declare const getComputedStyle: (element: DomElement) => {
  backgroundColor: string;
  color: string;
  visibility: string;
  display: string;
  fontSize: string;
  fontWeight: string;
};
declare const Node: { TEXT_NODE: number };

/** Console messages a page may log: Chromium reports a 4xx document (our friendly error pages) as a failed resource. */
const EXPECTED_CONSOLE = /^Failed to load resource: the server responded with a status of (400|404|429)/;

/**
 * Colour contrast of every piece of text on the page against the background it is painted on
 * (WCAG 2.x): 4.5:1, or 3:1 for large text. Returns what falls short.
 */
function contrastProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (value: string): number[] | null => {
      const match = /rgba?\(([^)]+)\)/.exec(value);
      if (!match) return null;
      const parts = match[1]
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element: DomElement | null): number[] => {
      for (let e = element; e; e = e.parentElement) {
        const color = parse(getComputedStyle(e).backgroundColor);
        if (color && color[3] > 0.5) return color;
      }
      return [255, 255, 255, 1];
    };
    const problems: string[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const hasText = Array.from(element.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      const style = getComputedStyle(element);
      if (!hasText || style.visibility === 'hidden' || style.display === 'none' || element.offsetParent === null) continue;
      const rect = element.getBoundingClientRect();
      if (rect.right < 0 || rect.bottom < 0) continue;
      const fg = parse(style.color)!;
      const bg = background(element);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        problems.push(
          `${element.tagName.toLowerCase()}.${element.className} "${element.textContent!.trim().slice(0, 30)}": ${ratio.toFixed(2)}`,
        );
    }
    return problems;
  });
}

describeBrowser('the residents’ page /controleer, in real Chromium', () => {
  let t: TestApp;
  let s: Scenario;
  let base: string;
  let session: BrowserSession;
  let browser: Browser;
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
  let certified: { locationId: string; number: string };
  let suspended: { locationId: string; number: string };
  const contexts: BrowserContext[] = [];
  /** Everything a page reported that it should not have: console errors, uncaught errors, CSP violations. */
  let complaints: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ clock });
    s = await createScenario(t, 'res');
    certified = await s.certifiedLocation({ huisnummer: 31 });
    suspended = await s.certifiedLocation({ huisnummer: 33 });
    await t.app.get(CertificateLifecycleService).changeStatus(suspended.number, 'geschorst', 'Brandblusser ontbreekt', SYSTEM);
    session = await openBrowser(t);
    ({ browser, baseUrl: base } = session);
    mkdirSync(SCREENS, { recursive: true });
  });
  afterAll(async () => {
    await session?.close();
    await t?.close();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    expect(complaints).toEqual([]);
    complaints = [];
  });

  async function open(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL', ...options });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (['error', 'warning'].includes(message.type()) && !EXPECTED_CONSOLE.test(message.text()))
        complaints.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => complaints.push(`page error: ${error.message}`));
    // CSP violations also reach the console; this catches the ones that would not.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    return page;
  }

  const status = (page: Page) => page.locator('.verdict').getAttribute('data-status');
  /**
   * The page is never cached (no-store); the verification's in-process cache is evicted by the
   * change's notification, milliseconds after the commit (on PostgreSQL it arrives over another
   * connection). So a reload shows the new status within the verification's one-second bound.
   */
  const reloadUntil = (page: Page, expected: string) =>
    msUntil(async () => {
      await page.reload();
      return (await status(page)) === expected;
    }, 1000);
  const heading = (page: Page) => page.locator('h1').innerText();

  it('finds a certificate by the number as a resident types it, and says plainly what it means', async () => {
    const page = await open();
    const search = await page.goto(`${base}/controleer`);
    expect(search!.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expectAccessiblePage(page);
    await page.getByRole('textbox', { name: 'Certificaatnummer' }).fill(`  ${certified.number.toLowerCase().replace(/-/g, ' ')} `);
    await page.getByRole('button', { name: 'Controleren' }).first().click();
    await page.waitForURL(`${base}/controleer/${certified.number}`);

    expect(await status(page)).toBe('geldig');
    expect(await heading(page)).toBe('Certificaat is geldig');
    const verdict = await page.locator('.verdict').innerText();
    expect(verdict).toContain('GECERTIFICEERD');
    expect(verdict).toContain('geldig tot 30 november 2027');
    const details = await page.locator('#gegevens-titel + .capacity').innerText();
    expect(details).toContain('Maximaal aantal bewoners: 11');
    expect(details).toContain('Hier mogen ten hoogste 11 personen wonen.');
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toContain('Tuinbouwweg 31');
    expect(facts).toContain('2671 AB Naaldwijk');
    expect(facts).toContain('Westland');
    // What to do, the emergency number, the complaint form, the PDF.
    expect(await page.locator('.help').innerText()).toContain('112');
    expect(await page.locator('form[data-complaint-form] textarea').count()).toBe(1);
    const pdf = await page.request.get(
      `${base}${await page.getByRole('link', { name: 'Bekijk het certificaat (PDF)' }).getAttribute('href')}`,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // Every field has a label, and every text is readable against its background.
    expect(
      await page.evaluate(
        () => Array.from(document.querySelectorAll('input:not([type=hidden]), textarea')).filter((field) => !field.labels?.length).length,
      ),
    ).toBe(0);
    expect(await contrastProblems(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessiblePage(page);
  });

  it('finds a certificate by address written `2671 ab`, and refuses a bad postcode with a message at the field', async () => {
    const page = await open();
    await page.goto(`${base}/controleer`);
    await page.getByRole('textbox', { name: 'Postcode' }).fill('2671 ab');
    await page.getByRole('textbox', { name: 'Huisnummer' }).fill('31');
    await page.getByRole('button', { name: 'Controleren' }).nth(1).click();
    await page.waitForURL(/\/controleer\?postcode=2671\+ab&huisnummer=31/);
    expect(await status(page)).toBe('geldig');
    expect(await page.locator('.subject').innerText()).toBe('Resultaat voor Tuinbouwweg 31, 2671 AB Naaldwijk');
    expect(await page.locator('dl.facts').innerText()).toContain(certified.number);
    await expectAccessiblePage(page);

    const bad = await page.goto(`${base}/controleer?postcode=0123+AB&huisnummer=x`);
    expect(bad!.status()).toBe(400);
    expect(await page.locator('.error-summary').innerText()).toContain('Vul een postcode in zoals 1234\u00a0AB.');
    expect(await page.getAttribute('#veld-huisnummer', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#veld-postcode')).toBe('0123 AB');
    await expectAccessiblePage(page);
  });

  it('switches language with ?taal=, keeps the rest of the address, and writes Polish and Bulgarian properly', async () => {
    const page = await open();
    await page.goto(`${base}/controleer/${certified.number}`);
    await page.getByRole('link', { name: 'Polski' }).click();
    await page.waitForURL(`${base}/controleer/${certified.number}?taal=pl`);
    expect(await page.getAttribute('html', 'lang')).toBe('pl');
    expect(await heading(page)).toBe('Certyfikat jest ważny');
    expect(await page.locator('.capacity').innerText()).toContain('Maksymalna liczba mieszkańców: 11');
    await expectAccessiblePage(page);
    expect(await page.locator('.capacity').innerText()).toContain('Może tu mieszkać najwyżej 11 osób.');
    expect(await page.locator('.verdict').innerText()).toContain('ważny do 30 listopada 2027');
    expect(await page.getAttribute('a[hreflang="pl"]', 'aria-current')).toBe('true');

    await page.getByRole('link', { name: 'Български' }).click();
    await page.waitForURL(`${base}/controleer/${certified.number}?taal=bg`);
    expect(await page.getAttribute('html', 'lang')).toBe('bg');
    expect(await heading(page)).toBe('Сертификатът е валиден');
    expect(await page.locator('.capacity').innerText()).toContain('Максимален брой живущи: 11');
    // Links inside the page keep the chosen language.
    await page.locator('.back a').click();
    await page.waitForURL(`${base}/controleer?taal=bg`);
    expect(await heading(page)).toBe('Проверете жилището си');

    await page.goto(`${base}/controleer?postcode=2671AB&huisnummer=31`);
    await page.getByRole('link', { name: 'Română' }).click();
    await page.waitForURL(`${base}/controleer?postcode=2671AB&huisnummer=31&taal=ro`);
    expect(await heading(page)).toBe('Certificatul este valabil');
    expect(await page.locator('.capacity').innerText()).toContain('Numărul maxim de locatari: 11');
  });

  it('chooses the language from Accept-Language by q-value', async () => {
    const page = await open({ locale: undefined, extraHTTPHeaders: { 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.5,bg;q=0.8' } });
    const response = await page.goto(`${base}/controleer/${certified.number}`);
    expect(response!.headers()['content-language']).toBe('bg');
    expect(response!.headers().vary).toContain('Accept-Language');
    expect(await page.getAttribute('html', 'lang')).toBe('bg');
    expect(await heading(page)).toBe('Сертификатът е валиден');

    const polish = await open({ locale: 'pl-PL' });
    await polish.goto(`${base}/controleer`);
    expect(await polish.getAttribute('html', 'lang')).toBe('pl');
    expect(await heading(polish)).toBe('Sprawdź swoje zakwaterowanie');
  });

  it('shows a suspended certificate as not valid, and a change of status at the next load (no-store)', async () => {
    const page = await open();
    const response = await page.goto(`${base}/controleer/${suspended.number}`);
    expect(response!.headers()['cache-control']).toBe('no-store');
    expect(await status(page)).toBe('geschorst');
    expect(await heading(page)).toBe('Niet geldig: geschorst');
    expect(await page.locator('.verdict__label').innerText()).toBe('NIET GECERTIFICEERD');
    expect(await page.locator('.verdict').getAttribute('class')).toContain('verdict--not');
    expect(await page.getByRole('link', { name: /PDF/ }).count()).toBe(0);
    expect(await contrastProblems(page)).toEqual([]);
    await expectAccessiblePage(page);
    await page.screenshot({ path: `${SCREENS}/suspended-390.png`, fullPage: true });

    const certificates = t.app.get(CertificateLifecycleService);
    await certificates.changeStatus(suspended.number, 'geldig', 'Hersteld', SYSTEM);
    expect(await reloadUntil(page, 'geldig')).toBeLessThan(1000);
    await certificates.changeStatus(suspended.number, 'geschorst', 'Opnieuw geschorst', SYSTEM);
    expect(await reloadUntil(page, 'geschorst')).toBeLessThan(1000);
  });

  it(
    'answers a number with a wrong check digit with a friendly 400 page, and an unknown number with 404 that still takes a ' + 'complaint',
    async () => {
      const page = await open();
      const wrong = certified.number.slice(0, -1) + String((Number(certified.number.slice(-1)) + 1) % 10);
      const invalid = await page.goto(`${base}/controleer/${wrong}`);
      expect(invalid!.status()).toBe(400);
      expect(invalid!.headers()['content-type']).toContain('text/html');
      expect(await heading(page)).toBe('Dit certificaatnummer klopt niet');
      expect(await page.inputValue('#veld-certificaatnummer')).toBe(wrong);
      await expectAccessiblePage(page);

      const unknown = formatCertificateNumber(2026, 999_997);
      const missing = await page.goto(`${base}/controleer/${unknown}`);
      expect(missing!.status()).toBe(404);
      expect(await status(page)).toBe('geen-certificaat');
      expect(await page.inputValue('input[name=certificaatnummer]')).toBe(unknown);
      await expectAccessiblePage(page);
    },
  );

  it('sends a complaint from the page with its script and shows the reference; it is stored', async () => {
    const page = await open();
    await page.goto(`${base}/controleer/${certified.number}?taal=pl`);
    await page.getByLabel('Co się dzieje?').fill('Mieszka tu 16 osób, a łazienka jest zepsuta.');
    const [sent] = await Promise.all([
      page.waitForResponse(`${base}/v1/meldingen`),
      page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click(),
    ]);
    expect(sent.status()).toBe(201);
    const receipt = page.locator('[data-complaint-receipt]');
    await receipt.waitFor();
    expect(await receipt.locator('h3').innerText()).toBe('Twoje zgłoszenie zostało przyjęte');
    const reference = await receipt.locator('.reference').innerText();
    expect(reference).toMatch(REFERENCE);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    await expectAccessiblePage(page);
    const [row] = await t.sql(`SELECT certificate_number, location_id, language, description, status FROM complaint WHERE reference = $1`, [
      reference,
    ]);
    expect(row).toEqual({
      certificate_number: certified.number,
      location_id: certified.locationId,
      language: 'pl',
      description: 'Mieszka tu 16 osób, a łazienka jest zepsuta.',
      status: 'ontvangen',
    });
  });

  it('tells a resident where a complaint stands by its reference, in their language, and nothing it says', async () => {
    const filed = await t.http
      .post('/v1/meldingen')
      .send({ certificaatnummer: certified.number, omschrijving: 'Geheime tekst: de kachel lekt gas.', taal: 'ro' })
      .expect(201);
    const reference = filed.body.referentie as string;
    const page = await open();
    await page.goto(`${base}/controleer?taal=ro`);
    await page.getByRole('textbox', { name: 'Număr de referință' }).fill(reference.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Vedeți starea' }).click();
    await page.waitForURL(/\/controleer\/melding\?/);
    expect(await heading(page)).toBe(`Sesizarea ${reference.replace(/-/g, '\u2011')}`);
    const progress = await page.locator('.progress').innerText();
    expect(progress).toContain('Primită');
    expect(progress).toContain('1 decembrie 2026');
    expect(await page.locator('main').innerText()).not.toContain('Geheime tekst');
    await expectAccessiblePage(page);
    await page.screenshot({ path: `${SCREENS}/progress-ro-390.png`, fullPage: true });

    // In hand: the status and its date follow; in Bulgarian the date keeps its single full stop.
    await t.sql(`UPDATE complaint SET status = 'in-behandeling', updated_at = '2026-12-02T09:00:00Z' WHERE reference = $1`, [reference]);
    await page.goto(`${base}/controleer/melding?referentie=${reference}&taal=bg`);
    expect(await page.locator('.progress').innerText()).toContain('В процес на разглеждане от 2 декември 2026 г. Администраторът');

    const unknown = await page.goto(`${base}/controleer/melding?referentie=M-2026-ZZZZZZ&taal=pl`);
    expect(unknown!.status()).toBe(404);
    expect(await heading(page)).toBe('Nie znaleziono zgłoszenia');
    expect(await page.inputValue('#veld-referentie')).toBe('M-2026-ZZZZZZ');
    await expectAccessiblePage(page);

    const malformed = await page.goto(`${base}/controleer/melding?referentie=hallo`);
    expect(malformed!.status()).toBe(400);
    expect(await page.locator('.error-summary').innerText()).toContain('Vul het referentienummer in.');
    expect(await page.getAttribute('#veld-referentie', 'aria-invalid')).toBe('true');
    await expectAccessiblePage(page);
  });

  it('sends a complaint without JavaScript too, through the same service, and explains a blank one', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(`${base}/controleer?postcode=2671AB&huisnummer=31&taal=ro`);
    await page.getByLabel('Ce nu este în regulă?').fill('   ');
    await page.getByRole('button', { name: 'Trimiteți sesizarea' }).click();
    await page.waitForURL(`${base}/controleer/melding`);
    expect(await page.locator('#melding-fout').innerText()).toBe('Descrieți problema.');
    expect(await page.getAttribute('#omschrijving', 'aria-invalid')).toBe('true');

    await page.getByLabel('Ce nu este în regulă?').fill('Detectorul de fum nu funcționează.');
    const [response] = await Promise.all([
      page.waitForResponse(`${base}/controleer/melding`),
      page.getByRole('button', { name: 'Trimiteți sesizarea' }).click(),
    ]);
    expect(response.status()).toBe(201);
    await page.waitForLoadState();
    expect(await heading(page)).toBe('Sesizarea dumneavoastră a fost primită');
    const reference = await page.locator('[data-reference]').innerText();
    expect(reference).toMatch(REFERENCE);
    const [row] = await t.sql(`SELECT certificate_number, location_id, language FROM complaint WHERE reference = $1`, [reference]);
    expect(row).toEqual({ certificate_number: certified.number, location_id: certified.locationId, language: 'ro' });
    await page.screenshot({ path: `${SCREENS}/receipt-390.png`, fullPage: true });
  });

  it('serves its own assets under a strict Content-Security-Policy, and nothing inline', async () => {
    const page = await open();
    const response = await page.goto(`${base}/controleer/${certified.number}`);
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    const markup = await response!.text();
    expect(markup).not.toMatch(/<style|\sstyle=|<script>|\son[a-z]+=/i);
    const assets = [...markup.matchAll(/(?:href|src)="(\/controleer\/assets\/[^"]+)"/g)].map((m) => m[1]);
    // base.css (shared with the web app), controleer.css, controleer.js, keurmerk.svg.
    expect(assets).toHaveLength(4);
    for (const asset of assets) {
      const file = await page.request.get(`${base}${asset}`);
      expect(file.status()).toBe(200);
      expect(file.headers()['cache-control']).toContain('immutable');
    }
    expect((await page.request.get(`${base}/controleer/assets/nope.css`)).status()).toBe(404);
  });

  it.each([
    [390, 844],
    [1280, 800],
  ])('looks right at %i×%i (screenshots in /tmp/keurmerk-screens)', async (width, height) => {
    const page = await open({ viewport: { width, height } });
    await page.goto(`${base}/controleer/${certified.number}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SCREENS}/certified-${width}.png`, fullPage: true });
    await page.goto(`${base}/controleer`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await contrastProblems(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENS}/search-${width}.png`, fullPage: true });
    // Keyboard: the first Tab reaches the skip link, visibly.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.screenshot({ path: `${SCREENS}/search-focus-${width}.png` });
  });
});
