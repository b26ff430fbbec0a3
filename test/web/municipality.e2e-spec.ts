import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { CertificateLifecycleService } from '@keurmerk/certificates';
import { startTestApp, type TestApp } from '../support/test-app';
import { createScenario, PASSWORD, type Scenario } from '../support/scenario';
import { describeBrowser, openBrowser, screenshot, type BrowserSession, expectAccessiblePage } from '../support/browser';
import { WebhookReceiver } from '../support/webhook-receiver';

const MUNICIPALITY_EMAIL = 'sc-municipality@scenario.test';

/*
 * The municipality's main path in Chromium: its certificates (not another municipality's), the CSV,
 * the status changes, a webhook subscription with its secret shown once and its delivery log, and an
 * API key made and revoked.
 */
describeBrowser('web app: the municipality', () => {
  let t: TestApp;
  let scenario: Scenario;
  let browser: BrowserSession;
  let inArea: string;
  let alsoInArea: string;
  let outOfArea: string;
  // Accepts with 204, which the delivery log then shows.
  const receiver = new WebhookReceiver(204);

  const signedIn = (options: { phone?: boolean } = {}): Promise<Page> => browser.signedIn(MUNICIPALITY_EMAIL, PASSWORD, options);

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
    scenario = await createScenario(t);
    inArea = (await scenario.certifiedLocation({ huisnummer: 5 })).number;
    alsoInArea = (await scenario.certifiedLocation({ huisnummer: 7 })).number;
    outOfArea = (await scenario.certifiedLocation({ huisnummer: 6, gemeentecode: 'GM0363', postcode: '1012AB' })).number;
    browser = await openBrowser(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
    await receiver.stop();
  });

  it('lists the certificates in its own area only, at phone and desktop width', async () => {
    const page = await signedIn();
    expect(new URL(page.url()).pathname).toBe('/app/gemeente');
    const table = await page.locator('table').textContent();
    expect(table).toContain(inArea);
    expect(table).toContain('Tuinbouwweg 5, 2671 AB Naaldwijk');
    expect(table).not.toContain(outOfArea);
    await screenshot(page, 'gemeente-desktop');
    await expectAccessiblePage(page);
    await screenshot(await signedIn({ phone: true }), 'gemeente-phone');

    await page.getByLabel('Status').selectOption('geschorst');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL('**/app/gemeente?*status=geschorst');
    expect(await page.locator('table').count()).toBe(0);
    expect(await page.locator('.empty').textContent()).toContain('Geen certificaten gevonden');
  });

  it('finds a certificate by number, by postcode and house number, or by street, within its own area', async () => {
    const page = await signedIn();
    const found = async (search: string): Promise<string[]> => {
      await page.getByLabel('Zoeken').fill(search);
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL((url) => url.searchParams.get('zoek') === search);
      return page.locator('tbody tr td:first-child').allTextContents();
    };
    expect(await found(inArea.toLowerCase())).toEqual([inArea]);
    expect(await found('2671 ab 7')).toEqual([alsoInArea]);
    expect((await found('2671AB')).sort()).toEqual([inArea, alsoInArea].sort());
    expect((await found('tuinbouw')).sort()).toEqual([inArea, alsoInArea].sort());
    // Street and number, a pasted whole address, a postcode in any spacing (issue 17).
    expect(await found('Tuinbouwweg 7')).toEqual([alsoInArea]);
    expect(await found('tuinbouwweg   5')).toEqual([inArea]);
    expect(await found('Tuinbouwweg 7, 2671 AB Naaldwijk')).toEqual([alsoInArea]);
    expect(await found('Tuinbouwweg 5 2671AB Naaldwijk')).toEqual([inArea]);
    expect(await found('2671ab5')).toEqual([inArea]);
    expect(await found('Tuinbouwweg 9')).toEqual([]);
    // Another municipality's certificate stays out of sight, by number as well.
    expect(await found(outOfArea)).toEqual([]);
    expect(await found('100%_')).toEqual([]);
  });

  it('downloads its valid certificates as CSV in the register’s format', async () => {
    const page = await signedIn();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Geldige certificaten downloaden (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^keurmerk-GM1783-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'certificaatnummer,geldigVanaf,geldigTot,maximaalAantalBewoners,postcode,huisnummer,huisletter,huisnummertoevoeging,straatnaam,w' +
        'oonplaats,gemeentecode,houderNaam,houderKvkNummer,normVersie',
    );
    expect(lines).toHaveLength(3);
    expect(lines.find((line) => line.startsWith(`${inArea},`))).toMatch(
      new RegExp(`^${inArea},.*,2671AB,5,,,Tuinbouwweg,Naaldwijk,GM1783,`),
    );
    expect(lines.some((line) => line.startsWith(`${alsoInArea},`))).toBe(true);
  });

  it('shows the status changes in its area since a date', async () => {
    const page = await signedIn();
    await page.goto('/app/gemeente/wijzigingen');
    const table = await page.locator('table').textContent();
    expect(table).toContain(inArea);
    expect(table).not.toContain(outOfArea);
    await page.getByLabel('Wijzigingen sinds').fill('2099-01-01');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.waitForURL('**/app/gemeente/wijzigingen?sinds=2099-01-01');
    expect(await page.locator('.empty').textContent()).toContain('Geen statuswijzigingen sinds');
  });

  it('subscribes with the secret shown once, and shows the delivery log', async () => {
    const page = await signedIn();
    await page.goto('/app/gemeente/abonnementen');
    const callbackUrl = receiver.url('/keurmerk');
    await page.getByLabel('Adres van uw ontvanger').fill(callbackUrl);
    await page.getByRole('button', { name: 'Abonneren' }).click();
    const secret = (await page.locator('[data-secret]').textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    expect(receiver.requests.map((r) => r.path)).toEqual(['/keurmerk']);
    await page.goto('/app/gemeente/abonnementen');
    expect(await page.content()).not.toContain(secret);
    expect(await page.locator('table').textContent()).toContain(callbackUrl);

    await page.getByRole('link', { name: 'Afleverlog' }).click();
    const log = await page.locator('table').textContent();
    expect(log).toContain('nl.keurmerk.test');
    expect(log).toContain('Afgeleverd');
    expect(log).toContain('HTTP 204');
  });

  it('makes an API key shown once, which works until it is revoked', async () => {
    const page = await signedIn();
    await page.goto('/app/gemeente/sleutels');
    await page.getByLabel('Naam').fill('Vergunningensysteem');
    await page.getByRole('button', { name: 'Sleutel maken' }).click();
    const key = (await page.locator('[data-secret]').textContent())!.trim();
    expect(key).toMatch(/^kmk_/);
    expect((await t.http.get('/v1/certificaten').set('X-API-Key', key)).status).toBe(200);

    await page.goto('/app/gemeente/sleutels');
    expect(await page.content()).not.toContain(key);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Intrekken Vergunningensysteem' }).click();
    await page.waitForURL('**/app/gemeente/sleutels?ingetrokken=1');
    expect(await page.locator('table').textContent()).toContain('Ingetrokken');
    expect((await t.http.get('/v1/certificaten').set('X-API-Key', key)).status).toBe(401);
  });

  it('downloads the list as filtered, with each certificate’s status', async () => {
    const certificates = t.app.get(CertificateLifecycleService);
    const system = { kind: 'system' as const, id: null };
    await certificates.changeStatus(alsoInArea, 'geschorst', 'Klacht over brandveiligheid', system);
    try {
      const page = await signedIn();
      await page.getByLabel('Status').selectOption('geschorst');
      await page.getByRole('button', { name: 'Filteren' }).click();
      await page.waitForURL('**/app/gemeente?*status=geschorst');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Deze lijst downloaden (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^keurmerk-GM1783-lijst-\d{4}-\d{2}-\d{2}\.csv$/);
      const lines = readFileSync((await download.path())!, 'utf8')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe(
        'certificaatnummer,status,statusGewijzigdOp,geldigVanaf,geldigTot,maximaalAantalBewoners,postcode,huisnummer,huisletter,huisnu' +
          'mmertoevoeging,straatnaam,woonplaats,houderNaam,houderKvkNummer,normVersie',
      );
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(new RegExp(`^${alsoInArea},geschorst,\\d{4}-.*,2671AB,7,,,Tuinbouwweg,Naaldwijk,`));

      // Unfiltered, it is every certificate of the area in any status; never another municipality's.
      const all = await page.request.get('/app/gemeente/lijst.csv');
      const rows = (await all.text()).trimEnd().split('\r\n').slice(1);
      expect(rows.map((row) => row.split(',').slice(0, 2).join(',')).sort()).toEqual(
        [`${inArea},geldig`, `${alsoInArea},geschorst`].sort(),
      );
    } finally {
      await certificates.changeStatus(alsoInArea, 'geldig', 'Klacht ongegrond', system);
    }
  });

  it('refuses a form post without the CSRF token with 403', async () => {
    const page = await signedIn();
    const response = await page.request.post('/app/gemeente/sleutels', { form: { naam: 'Zonder token' } });
    expect(response.status()).toBe(403);
    const keys = (await t.http.get('/v1/api-sleutels').set(scenario.as('municipality')).expect(200)).body.resultaten as { naam: string }[];
    expect(keys.map((k) => k.naam)).not.toContain('Zonder token');
  });
});
