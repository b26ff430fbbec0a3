import { mkdirSync } from 'node:fs';
import { CertificateIssuer } from '@keurmerk/certificates';
import { FixedClock } from '@keurmerk/common';
import { describeBrowser, openBrowser, type BrowserSession } from './support/browser';
import { createScenario } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

const SCREENS = process.env.SCREENS_DIR ?? '/tmp/keurmerk-screens';

/** A resident scanning the QR code of a replaced certificate is told so, in their language, and led to the new one. */
describeBrowser('the residents’ page for a replaced certificate, in real Chromium', () => {
  let t: TestApp;
  let session: BrowserSession;
  let old: string;
  let successor: string;

  beforeAll(async () => {
    t = await startTestApp({ clock: new FixedClock(new Date('2026-12-01T10:00:00Z')) });
    const s = await createScenario(t, 'rep');
    const certified = await s.certifiedLocation({ huisnummer: 41 });
    old = certified.number;
    successor = await s.decide(await s.inspect(certified.locationId, { 'RU-01': { meetwaarde: 60 } }, 'periodiek'));
    await t.app.get(CertificateIssuer).issue(successor);
    session = await openBrowser(t);
    mkdirSync(SCREENS, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await session?.close();
    await t?.close();
  });

  it.each([
    ['nl', 'Niet meer geldig: vervangen', 'Bekijk het nieuwe certificaat'],
    ['bg', 'Вече не е валиден: заменен', 'Вижте новия сертификат'],
  ])(
    'says in %s that the certificate was replaced, and the link leads to the valid successor',
    async (taal, title, link) => {
      const context = await session.context({ phone: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${session.baseUrl}/controleer/${old}?taal=${taal}`);
      expect(await page.locator('.verdict').getAttribute('data-status')).toBe('vervangen');
      expect(await page.locator('h1').innerText()).toBe(title);
      const successorLink = page.locator('[data-successor]');
      expect(await successorLink.innerText()).toContain(link);
      await page.screenshot({ path: `${SCREENS}/replaced-${taal}.png`, fullPage: true });
      await successorLink.click();
      await page.waitForURL(new RegExp(`/controleer/${successor}`));
      expect(await page.locator('.verdict').getAttribute('data-status')).toBe('geldig');
      expect(await page.locator('.capacity__number').innerText()).toBe('5');
      expect(errors).toEqual([]);
      await context.close();
    },
    120_000,
  );
});
