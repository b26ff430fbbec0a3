import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { describeBrowser, openBrowser, screenshot, signInAs, type BrowserSession, expectAccessiblePage } from '../support/browser';
import { LocatieserverStub, type StubAddress } from '../support/locatieserver-stub';
import { createScenario, PASSWORD, type Scenario } from '../support/scenario';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app';

// Sessions are browser cookies with real expiry dates: this test runs on the real clock.
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

const LANDLORD = 'ins-verhuurderA@scenario.test';

const address = (huisnummer: number, lon: number, lat: number): StubAddress => ({
  postcode: '2671AB',
  huisnummer,
  straatnaam: 'Tuinbouwweg',
  woonplaatsnaam: 'Naaldwijk',
  gemeentecode: '1783',
  gemeentenaam: 'Westland',
  lon,
  lat,
  nummeraanduiding_id: `17832000000${String(10000 + huisnummer)}`,
});

/** axe-core in the page (a context that lets the injected script run past the CSP); the violations, by rule and nodes. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } })
      .axe;
    return axe.run();
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/*
 * The municipality's figures and map in Chromium: a report above the maximum shows at once (top of the
 * table, red on the map), the figures equal what the test made, the map draws every located location
 * on the tiles of KAART_TEGELS_URL (here the stub's), the CSVs download, and axe-core finds nothing.
 */
describeBrowser('web app: municipal insight', () => {
  const stub = new LocatieserverStub([
    address(1, 4.2093, 51.9957),
    address(2, 4.2131, 51.9921),
    address(3, 4.2011, 51.9985),
    address(70, 4.2055, 51.9966),
  ]);
  let t: TestApp;
  let s: Scenario;
  let browser: BrowserSession;
  const located: { locationId: string; number: string }[] = [];

  const axePage = async (email: string, password: string): Promise<Page> => {
    const context = await browser.browser.newContext({
      baseURL: browser.baseUrl,
      locale: 'nl-NL',
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signInAs(page, email, password);
    return page;
  };

  beforeAll(async () => {
    const lookup = await stub.start();
    t = await startTestApp({ env: { ADRES_LOOKUP_URL: lookup, KAART_TEGELS_URL: stub.tileUrl } });
    s = await createScenario(t, 'ins');
    for (let i = 0; i < 3; i++) located.push(await s.certifiedLocation());
    // Not in the stub's BAG: no coordinates, so in the table but not on the map.
    await s.certifiedLocation({ huisnummer: 50 });
    const [{ maximum }] = await t.sql<{ maximum: number }>(`SELECT maximum_residents AS maximum FROM certificate WHERE number = $1`, [
      located[1].number,
    ]);
    await t.http
      .post(`/v1/locaties/${located[1].locationId}/bezettingen`)
      .set(s.as('verhuurderA'))
      .send({ peildatum: today(), aantalBewoners: maximum + 7 })
      .expect(201);
    await t.http
      .post(`/v1/locaties/${located[0].locationId}/bezettingen`)
      .set(s.as('verhuurderA'))
      .send({ peildatum: today(), aantalBewoners: 6 })
      .expect(201);
    await t.http
      .post(`/v1/certificaten/${located[2].number}/statuswijzigingen`)
      .set(s.as('certifier'))
      .send({ status: 'geschorst', reden: 'Rookmelders ontbreken' })
      .expect(201);
    await t.http.post('/v1/meldingen').send({ certificaatnummer: located[0].number, omschrijving: 'Schimmel', taal: 'nl' }).expect(201);
    browser = await openBrowser(t);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await stub.close();
  }, 180_000);

  it('shows the over-occupied location first, the figures of the register, and the map on its tiles', async () => {
    const page = await browser.signedIn('ins-municipality@scenario.test', PASSWORD);
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto('/app/gemeente/inzicht');
    await page.locator('#kaart[data-klaar="3"]').waitFor();
    const first = page.locator('table.occupancy tbody tr').first();
    expect(await first.textContent()).toContain('Tuinbouwweg 2, 2671 AB Naaldwijk');
    expect(await first.textContent()).toContain('Boven maximum');
    expect(await page.locator('table.occupancy tbody tr').count()).toBe(4);
    const figures = await page.locator('.key-figures').innerText();
    expect(figures).toMatch(/Locaties met geldig certificaat\s+3/);
    expect(figures).toMatch(/Locaties boven het maximum\s+1/);
    expect(figures).toMatch(/Meldingen in de laatste 30 dagen\s+1/);
    expect(await page.locator('h1').textContent()).toBe('Cijfers en kaart');
    expect(await page.locator('.lead').textContent()).toContain('Westland (GM1783)');
    // One circle per located location, coloured by status and occupancy.
    expect(await page.locator('#kaart path.marker--bad').count()).toBe(1);
    expect(await page.locator('#kaart path.marker--ok').count()).toBe(1);
    expect(await page.locator('#kaart path.marker--warn').count()).toBe(1);
    // Tiles from KAART_TEGELS_URL, allowed by the Content-Security-Policy.
    await page.locator('#kaart img.leaflet-tile-loaded').first().waitFor();
    expect(stub.tiles).toBeGreaterThan(0);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await screenshot(page, 'gemeente-inzicht');
    await expectAccessiblePage(page);
  }, 180_000);

  it('offers every table as CSV', async () => {
    const page = await browser.signedIn('ins-municipality@scenario.test', PASSWORD);
    await page.goto('/app/gemeente/inzicht');
    const links = await page
      .locator('a[download][href^="/app/gemeente/inzicht/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.sort()).toEqual(
      ['bezetting', 'maanden', 'soort', 'status', 'verloopt', 'woonplaats'].map((name) => `/app/gemeente/inzicht/${name}.csv`),
    );
    const csv = await page.evaluate(async () => (await fetch('/app/gemeente/inzicht/bezetting.csv')).text());
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^postcode,huisnummer,/);
    expect(lines[1]).toContain(',Tuinbouwweg,Naaldwijk,woning,');
    expect(lines[1]).toContain(',ja,');
    expect(lines).toHaveLength(5);
    const status = await page.evaluate(async () => (await fetch('/app/gemeente/inzicht/status.csv')).text());
    expect(status).toBe(
      'status,locaties,maximaalAantalBewoners\r\ngeldig,3,' +
        status.split('\r\n')[1].split(',')[2] +
        '\r\ngeschorst,1,' +
        status.split('\r\n')[2].split(',')[2] +
        '\r\n',
    );
  }, 180_000);

  it('is clean for axe-core: the municipality’s page and the beheerder’s national page', async () => {
    const municipal = await axePage('ins-municipality@scenario.test', PASSWORD);
    await municipal.goto('/app/gemeente/inzicht');
    await municipal.locator('#kaart[data-klaar]').waitFor();
    expect(await axeViolations(municipal)).toEqual([]);
    const national = await axePage(ADMIN.email, ADMIN.password);
    await national.goto('/app/beheer/cijfers');
    expect(await national.locator('h1').textContent()).toBe('Landelijke cijfers');
    const perMunicipality = await national.locator('[role="region"][aria-label="Per gemeente"] tbody').innerText();
    expect(perMunicipality).toMatch(/Westland \(GM1783\)\s+3\s+1/);
    expect(await axeViolations(national)).toEqual([]);
    await screenshot(national, 'beheer-cijfers');
    await expectAccessiblePage(national);
  }, 180_000);

  it('fills the landlord’s address from postcode and number, and the form still works when the lookup fails', async () => {
    const page = await axePage(LANDLORD, PASSWORD);
    await page.goto('/app/locaties/nieuw');
    await page.getByLabel('Postcode').fill('2671 ab');
    await page.getByLabel('Huisnummer').fill('70');
    await page.getByLabel('Huisnummer').blur();
    await page.locator('#adres-status', { hasText: 'Westland (GM1783)' }).waitFor();
    expect(await page.getByLabel('Straat').inputValue()).toBe('Tuinbouwweg');
    expect(await page.getByLabel('Woonplaats').inputValue()).toBe('Naaldwijk');
    expect(await page.locator('[name="gemeentecode"]').inputValue()).toBe('GM1783');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'verhuurder-adres-gevonden');
    await expectAccessiblePage(page);
    await page.getByLabel('Soort huisvesting').selectOption('woning');
    await page.getByLabel('Nee').check();
    await page.getByLabel('Aantal slaapplaatsen').fill('8');
    await page.getByRole('button', { name: 'Locatie registreren' }).click();
    await page.waitForURL('**/app/locaties/*?geregistreerd=1');
    const id = new URL(page.url()).pathname.split('/').pop();
    const [row] = await t.sql(`SELECT street, municipality_code, latitude, longitude FROM location WHERE id = $1`, [id]);
    expect(row).toEqual({ street: 'Tuinbouwweg', municipality_code: 'GM1783', latitude: 51.9966, longitude: 4.2055 });
    expect(await page.locator('.facts').innerText()).toContain('Westland (GM1783)');

    // The lookup fails: nothing is filled, the landlord types the address, and registration works without coordinates.
    stub.mode = 'error';
    try {
      await page.goto('/app/locaties/nieuw');
      await page.getByLabel('Postcode').fill('2671AB');
      await page.getByLabel('Huisnummer').fill('71');
      await page.getByLabel('Huisnummer').blur();
      await page.getByLabel('Straat').fill('Tuinbouwweg');
      await page.getByLabel('Woonplaats').fill('Naaldwijk');
      await page.locator('[name="gemeentecode"]').fill('GM1783');
      await page.getByLabel('Soort huisvesting').selectOption('woning');
      await page.getByLabel('Nee').check();
      await page.getByLabel('Aantal slaapplaatsen').fill('8');
      await page.getByRole('button', { name: 'Locatie registreren' }).click();
      await page.waitForURL('**/app/locaties/*?geregistreerd=1');
      expect(await page.locator('#adres-status').count()).toBe(0);
      const [typed] = await t.sql(`SELECT latitude, longitude FROM location WHERE house_number = 71`);
      expect(typed).toEqual({ latitude: null, longitude: null });
    } finally {
      stub.mode = 'answer';
    }
  }, 180_000);

  it('lets the landlord report residents per location, showing what was last reported', async () => {
    const page = await axePage(LANDLORD, PASSWORD);
    await page.goto(`/app/locaties/${located[0].locationId}`);
    await page.getByRole('link', { name: 'Bewoners melden' }).click();
    await page.waitForURL(`**/app/locaties/${located[0].locationId}/bezetting`);
    expect(await page.locator('.lead').textContent()).toContain('Laatst gemeld: 6 bewoners');
    await page.getByLabel('Aantal bewoners').fill('9');
    await page.getByRole('button', { name: 'Melden' }).click();
    await page.waitForURL('**/bezetting?gemeld=9*');
    expect(await page.locator('.notice').textContent()).toContain('Gemeld: 9 bewoners');
    expect(await page.locator('.lead').textContent()).toContain('Laatst gemeld: 9 bewoners');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'verhuurder-bewoners');
    await expectAccessiblePage(page);

    await page.getByLabel('Peildatum').fill('2099-01-01');
    await page.getByLabel('Aantal bewoners').fill('3');
    await page.getByRole('button', { name: 'Melden' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('niet later dan vandaag');
    expect(await axeViolations(page)).toEqual([]);
    const [{ reports }] = await t.sql<{ reports: number }>(`SELECT count(*)::int AS reports FROM occupancy_report WHERE location_id = $1`, [
      located[0].locationId,
    ]);
    expect(reports).toBe(1);
  }, 180_000);
});
