import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { createScenario, PASSWORD, type Scenario } from '../support/scenario';
import { describeBrowser, openBrowser, screenshot, type BrowserSession, expectAccessiblePage } from '../support/browser';
import { PDF, PNG } from '../support/files';

const LANDLORD_A = 'll-verhuurderA@scenario.test';
const LANDLORD_B = 'll-verhuurderB@scenario.test';

describeBrowser('web app: the landlord', () => {
  let t: TestApp;
  let scenario: Scenario;
  let browser: BrowserSession;
  let house = 200;

  /** A location of landlord A, registered through the REST API. */
  const restLocation = (): Promise<string> => scenario.location({ postcode: '2671CD', straatnaam: 'Kasweg', huisnummer: house++ });

  const signedIn = (email: string, options: { phone?: boolean } = {}): Promise<Page> => browser.signedIn(email, PASSWORD, options);

  beforeAll(async () => {
    t = await startTestApp();
    scenario = await createScenario(t, 'll');
    browser = await openBrowser(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('registers a location through the form, applies, and uploads a document that is then listed', async () => {
    const page = await signedIn(LANDLORD_A);
    expect(new URL(page.url()).pathname).toBe('/app/locaties');
    await expect(page.locator('.empty').innerText()).resolves.toContain('nog geen locaties');

    await page.getByRole('link', { name: 'Locatie registreren' }).first().click();
    await page.waitForURL('**/app/locaties/nieuw');
    // First with mistakes: each is said beside its field, and what was typed stays.
    await page.getByLabel('Postcode').fill('0123 AB');
    await page.getByLabel('Huisnummer').fill('7');
    await page.getByLabel('Straatnaam').fill('Dorpsstraat');
    await page.getByLabel('Woonplaats').fill('Naaldwijk');
    await page.getByLabel('Gemeentecode').fill('GM9999');
    await page.getByLabel('Aantal slaapplaatsen').fill('12');
    await page.getByRole('button', { name: 'Locatie registreren' }).click();
    await page.locator('.error-summary').waitFor();
    await expect(page.locator('#veld-adres-postcode-fout').innerText()).resolves.toContain('vier cijfers en twee letters');
    await expect(page.locator('#veld-gemeentecode-fout').innerText()).resolves.toContain('bestaande gemeente');
    await expect(page.locator('#veld-soortHuisvesting-fout').innerText()).resolves.toContain('soort huisvesting');
    await expect(page.locator('#veld-nieuwbouw-fout').isVisible()).resolves.toBe(true);
    await expect(page.locator('#veld-adres-straatnaam').inputValue()).resolves.toBe('Dorpsstraat');
    await expect(page.locator('#veld-adres-huisnummer').getAttribute('aria-invalid')).resolves.toBeNull();
    await screenshot(page, 'landlord-registreren-desktop');
    await expectAccessiblePage(page);

    await page.getByLabel('Postcode').fill('2671 ab');
    await page.getByLabel('Gemeentecode').fill('GM1783');
    await page.getByLabel('Soort huisvesting').selectOption('woning');
    await page.getByLabel('Nee').check();
    await page.getByRole('button', { name: 'Locatie registreren' }).click();
    await page.waitForURL(/\/app\/locaties\/[0-9a-f-]{36}\?geregistreerd=1$/);
    const locationId = new URL(page.url()).pathname.split('/').pop()!;
    await expect(page.locator('h1').innerText()).resolves.toBe('Dorpsstraat 7, 2671 AB Naaldwijk');
    await expect(page.locator('.notice').innerText()).resolves.toContain('geregistreerd');
    const stored = await t.http.get(`/v1/locaties/${locationId}`).set(scenario.as('verhuurderA')).expect(200);
    expect(stored.body.aantalSlaapplaatsen).toBe(12);

    await page.getByRole('button', { name: 'Keurmerk aanvragen' }).click();
    await page.waitForURL(/aangevraagd=1/);
    await expect(page.locator('#aanvraag').locator('..').locator('.badge').first().innerText()).resolves.toBe('Ingediend');

    // The landlord is told which documents are asked for, by name, and that all are missing yet.
    const required = page.locator('.required-documents').first();
    await expect(required.locator('.required-document--missing').count()).resolves.toBe(5);
    await expect(required.innerText()).resolves.toContain('Brandveiligheidsrapport of gebruiksmelding');

    await page.getByLabel('Soort document').selectOption('plattegrond');
    await page.getByLabel('Document toevoegen').setInputFiles({ name: 'plattegrond.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await page.waitForURL(/document=1/);
    const floorPlan = page.locator('.required-documents .required-document', { hasText: 'Plattegrond' });
    await expect(floorPlan.innerText()).resolves.toContain('Aanwezig');
    await expect(floorPlan.getByRole('link', { name: 'plattegrond.pdf' }).count()).resolves.toBe(1);
    await expect(page.locator('.required-documents .required-document--missing').count()).resolves.toBe(4);
    await expectAccessiblePage(page);
    await screenshot(page, 'landlord-aanvraag-documenten-desktop');
    const link = page.locator('table.documents a', { hasText: 'plattegrond.pdf' });
    await expect(link.count()).resolves.toBe(1);
    const download = await page.request.get((await link.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['cache-control']).toBe('private, no-store');
    expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);

    // Not a PDF, JPEG or PNG: said beside the field, nothing stored.
    await page
      .getByLabel('Document toevoegen')
      .setInputFiles({ name: 'notities.txt', mimeType: 'text/plain', buffer: Buffer.from('hallo') });
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await page.locator('#veld-bestand-fout').waitFor();
    await expect(page.locator('#veld-bestand-fout').innerText()).resolves.toContain('PDF, JPEG of PNG');
    await expect(page.locator('table.documents tbody tr').count()).resolves.toBe(1);

    await page.goto('/app/locaties');
    const row = page.locator('table.locations tbody tr', { hasText: 'Dorpsstraat 7' });
    await expect(row.innerText()).resolves.toContain('Geen certificaat');
    await expect(row.innerText()).resolves.toContain('Ingediend');
  });

  it('shows a certified location’s certificate status, number, validity and deadlines, and downloads its PDF', async () => {
    const { locationId, number } = await scenario.certifiedLocation({ postcode: '2671EF' });
    const certificate = (await t.http.get(`/v1/certificaten/${number}`).expect(200)).body as { geldigTot: string };
    const page = await signedIn(LANDLORD_A);
    const row = page.locator('table.locations tbody tr', { hasText: '2671 EF' });
    await expect(row.locator('.badge').first().innerText()).resolves.toBe('Geldig');
    await expect(row.innerText()).resolves.toContain(number);
    const validUntil = new Intl.DateTimeFormat('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Amsterdam',
    }).format(new Date(`${certificate.geldigTot}T12:00:00Z`));
    await expect(row.innerText()).resolves.toContain(`Certificaat geldig tot ${validUntil}`);
    await screenshot(page, 'landlord-locaties-desktop');
    await expectAccessiblePage(page);

    await row.getByRole('link').first().click();
    await page.waitForURL(`**/app/locaties/${locationId}`);
    await expect(page.locator('.current-cert').innerText()).resolves.toContain(number);
    const pdfLink = page.getByRole('link', { name: `PDF downloaden ${number}` });
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    expect(download.suggestedFilename()).toBe(`keurmerk-${number}.pdf`);
    const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.body())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    // The inspection that led to it is listed, decided.
    await expect(page.locator('#keuringen').locator('..').innerText()).resolves.toContain('Besloten');
    await screenshot(page, 'landlord-locatie-desktop');
    await expectAccessiblePage(page);

    // Another location of the same landlord does not hand out this certificate under its address.
    const other = await restLocation();
    const crossed = await page.request.get(`/app/locaties/${other}/certificaten/${number}`);
    expect(crossed.status()).toBe(404);
  });

  it('answers a finding with a description and photo evidence', async () => {
    const locationId = await restLocation();
    await scenario.inspect(locationId, { 'BH-02': { resultaat: 'voldoet-niet' } });
    const page = await signedIn(LANDLORD_A, { phone: true });
    await page.goto('/app/locaties');
    await screenshot(page, 'landlord-locaties-phone');
    await expectAccessiblePage(page);
    await page.goto(`/app/locaties/${locationId}`);
    const finding = page.locator('.finding', { hasText: 'BH-02' });
    await expect(finding.locator('.badge').nth(1).innerText()).resolves.toBe('Open');
    await expect(page.locator('ul.deadlines').innerText()).resolves.toContain('Herstel BH-02 vóór');
    await screenshot(page, 'landlord-locatie-phone');
    await expectAccessiblePage(page);

    // A blank description passes the browser's check, not the server's: said beside the field.
    await finding.getByLabel('Wat is er hersteld?').fill('   ');
    await finding.getByRole('button', { name: 'Herstel melden' }).click();
    await page.locator('.finding .error').first().waitFor();
    await expect(page.locator('.finding', { hasText: 'BH-02' }).locator('.error').innerText()).resolves.toContain(
      'Beschrijf wat er is hersteld',
    );

    const again = page.locator('.finding', { hasText: 'BH-02' });
    // Longer than one KiB, so a multipart field limit that cut text short would show in what is stored.
    const description =
      `Nieuwe huisregels in vijf talen opgehangen in de hal. ${'Toelichting per kamer en verdieping. '.repeat(60)}`.trim();
    await again.getByLabel('Wat is er hersteld?').fill(description);
    await again.getByLabel(/Bewijs/).setInputFiles({ name: 'huisregels.png', mimeType: 'image/png', buffer: PNG });
    await again.getByRole('button', { name: 'Herstel melden' }).click();
    await page.waitForURL(/herstel=1/);
    const reported = page.locator('.finding', { hasText: 'BH-02' });
    await expect(reported.locator('.badge').nth(1).innerText()).resolves.toBe('Herstel gemeld');
    await expect(reported.innerText()).resolves.toContain('Wacht op beoordeling');
    const evidence = reported.getByRole('link', { name: 'huisregels.png' });
    const image = await page.request.get((await evidence.getAttribute('href'))!);
    expect(image.headers()['content-type']).toBe('image/png');
    expect(Buffer.from(await image.body()).equals(PNG)).toBe(true);

    const rest = (await t.http.get(`/v1/bevindingen?locatieId=${locationId}`).set(scenario.as('verhuurderA')).expect(200)).body as {
      resultaten: { status: string }[];
    };
    expect(rest.resultaten.map((item) => item.status)).toEqual(['herstel-gemeld']);
    const [stored] = await t.sql<{ description: string }>(
      `SELECT r.description FROM repair_report r JOIN finding f ON f.id = r.finding_id WHERE f.location_id = $1`,
      [locationId],
    );
    expect(stored.description).toBe(description);
  });

  it('shows another landlord the not-found page for the first landlord’s location, documents and certificate', async () => {
    const locationId = await restLocation();
    const application = (await t.http.post('/v1/aanvragen').set(scenario.as('verhuurderA')).send({ locatieId: locationId }).expect(201))
      .body.id as string;
    const document = (
      await t.http
        .post(`/v1/aanvragen/${application}/documenten`)
        .set(scenario.as('verhuurderA'))
        .attach('bestand', PDF, { filename: 'contract.pdf', contentType: 'application/pdf' })
        .expect(201)
    ).body.id as string;
    const { locationId: certified, number } = await scenario.certifiedLocation({ postcode: '2671GH' });

    const page = await signedIn(LANDLORD_B);
    for (const path of [
      `/app/locaties/${locationId}`,
      `/app/locaties/${locationId}/aanvragen/${application}/documenten/${document}`,
      `/app/locaties/${certified}/certificaten/${number}`,
      '/app/locaties/niet-een-id',
    ]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1').innerText()).resolves.toBe('Niet gevonden');
    }
    // Nor can it post to it: applying for the other landlord's location is not found either.
    await page.goto('/app/locaties');
    const token = await page.locator('meta[name="csrf-token"]').getAttribute('content');
    const apply = await page.request.post(`/app/locaties/${locationId}/aanvragen`, { form: { _csrf: token! }, maxRedirects: 0 });
    expect(apply.status()).toBe(404);
    await expect(page.locator('.empty').innerText()).resolves.toContain('nog geen locaties');
  });

  it('refuses a form post without the form token (403) and registers nothing', async () => {
    const page = await signedIn(LANDLORD_A);
    const before = await t.sql<{ count: string }>('SELECT count(*)::text AS count FROM location');
    const response = await page.request.post('/app/locaties/nieuw', {
      form: {
        'adres.postcode': '2671XY',
        'adres.huisnummer': '1',
        'adres.straatnaam': 'Kasweg',
        'adres.woonplaats': 'Naaldwijk',
        gemeentecode: 'GM1783',
        soortHuisvesting: 'woning',
        nieuwbouw: 'nee',
        aantalSlaapplaatsen: '4',
      },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    const after = await t.sql<{ count: string }>('SELECT count(*)::text AS count FROM location');
    expect(after[0].count).toBe(before[0].count);
  });
});
