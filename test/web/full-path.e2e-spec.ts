import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app';
import { createScenario, PASSING_MEASUREMENTS, PASSWORD, YES_NO_CODES, type Scenario } from '../support/scenario';
import { describeBrowser, expectAccessiblePage, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { PDF } from '../support/files';
import { until } from '../support/until';

const LANDLORD = 'fp-verhuurderA@scenario.test';
const AUDITOR = 'fp-auditor@scenario.test';
const CERTIFIER = 'fp-certifier@scenario.test';
const MUNICIPALITY = 'fp-municipality@scenario.test';
const ADDRESS = 'Kasweg 12, 2671 AB Naaldwijk';
/** How long the worker may take to render, sign and store the certificate once it is granted. */
const ISSUE_WAIT_MS = 30_000;

/*
 * The issue's "done when": one location carried from registration to certificate by the people who
 * do the work, each in their own browser, every step through the pages under /app. Only the
 * accounts are made over REST (the beheerder's user pages have their own test); the checks at the
 * end read REST and SQL to prove the pages did what they showed.
 */
describeBrowser('web app: one location from application to certificate', () => {
  let t: TestApp;
  let scenario: Scenario;
  let browser: BrowserSession;

  /** Each person in a fresh context: own cookies, and the auditor's service worker stays with the auditor. */
  const signedIn = (email: string, password = PASSWORD): Promise<Page> => browser.signedIn(email, password);

  function menu(page: Page, name: string) {
    return page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true });
  }

  beforeAll(async () => {
    // The worker issues the certificate, as in production: nothing here calls CertificateIssuer.issue.
    t = await startTestApp({ withWorker: true });
    scenario = await createScenario(t, 'fp');
    browser = await openBrowser(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('registers, applies, plans, inspects, grants, issues, and shows the certificate to landlord and municipality', async () => {
    // 1. The landlord registers the location and applies, with a floor plan as the notice asks.
    const landlord = await signedIn(LANDLORD);
    await menu(landlord, 'Locatie registreren').click();
    await landlord.waitForURL('**/app/locaties/nieuw');
    await expectAccessiblePage(landlord);
    await landlord.getByLabel('Postcode').fill('2671 AB');
    await landlord.getByLabel('Huisnummer').fill('12');
    await landlord.getByLabel('Straatnaam').fill('Kasweg');
    await landlord.getByLabel('Woonplaats').fill('Naaldwijk');
    await landlord.getByLabel('Gemeentecode').fill('GM1783');
    await landlord.getByLabel('Soort huisvesting').selectOption('woning');
    await landlord.getByLabel('Nee').check();
    await landlord.getByLabel('Aantal slaapplaatsen').fill('14');
    await landlord.getByRole('button', { name: 'Locatie registreren' }).click();
    await landlord.waitForURL(/\/app\/locaties\/[0-9a-f-]{36}\?geregistreerd=1$/);
    await expectAccessiblePage(landlord);
    const locationId = new URL(landlord.url()).pathname.split('/').pop()!;
    const locationPath = `/app/locaties/${locationId}`;
    await expect(landlord.locator('h1').innerText()).resolves.toBe(ADDRESS);

    await landlord.getByRole('button', { name: 'Keurmerk aanvragen' }).click();
    await landlord.waitForURL(/aangevraagd=1/);
    await landlord.getByLabel('Document toevoegen').setInputFiles({ name: 'plattegrond.pdf', mimeType: 'application/pdf', buffer: PDF });
    await landlord.getByRole('button', { name: 'Uploaden' }).click();
    await landlord.waitForURL(/document=1/);
    await expect(landlord.locator('table.documents').innerText()).resolves.toContain('plattegrond.pdf');
    await expect(landlord.locator('.current-cert').count()).resolves.toBe(0);

    // 2. The beheerder finds the application waiting and plans it with the scenario's auditor, who
    // belongs to an accredited body and has no relation with the landlord: the form says so first.
    const admin = await signedIn(ADMIN.email, ADMIN.password);
    await menu(admin, 'Keuringen plannen').click();
    await admin.waitForURL('**/app/beheer/keuringen');
    await expectAccessiblePage(admin);
    await admin.locator(`a[href="/app/beheer/keuringen/nieuw?locatie=${locationId}"]`).click();
    await admin.getByRole('heading', { name: 'Keuring plannen' }).waitFor();
    await expect(admin.locator('main').innerText()).resolves.toContain(ADDRESS);
    await admin.getByLabel('Auditor', { exact: true }).selectOption(scenario.id('auditor'));
    await expect(admin.locator('[data-conflicts] .notice').innerText()).resolves.toContain('Geen belangenconflict');
    // The form's own date and time: the first 09:00 with the 24 hours' notice an announced inspection needs.
    await admin.getByRole('button', { name: 'Keuring plannen' }).click();
    await admin.waitForURL('**/app/beheer/keuringen?gepland=1');
    await expect(admin.locator('.notice').innerText()).resolves.toContain('De keuring is gepland.');
    // Its day comes: the clock is the real one, so the plan moves to now, as if it had been made days ago. The
    // certificate (valid from the day of the decision) must not predate the inspection it rests on.
    await t.sql(`UPDATE inspection SET planned_at = $2 WHERE location_id = $1`, [locationId, t.now()]);

    // 3. The auditor opens it from today's work and answers every criterion of the checklist.
    const auditor = await signedIn(AUDITOR);
    const planned = auditor.locator('section[aria-labelledby="vandaag"] tbody tr', { hasText: ADDRESS });
    await planned.getByRole('link').click();
    await auditor.waitForURL(/\/app\/keuringen\/[0-9a-f-]{36}$/);
    await expectAccessiblePage(auditor);
    const inspectionId = new URL(auditor.url()).pathname.split('/').pop()!;
    // Every criterion the pinned norm asks is one of those answered below: none is left for later.
    const criteria = await Promise.all(
      (await auditor.locator('article.criterion').all()).map((criterion) => criterion.getAttribute('data-criterion')),
    );
    expect(criteria.sort()).toEqual([...Object.keys(PASSING_MEASUREMENTS), ...YES_NO_CODES].sort());
    for (const [code, value] of Object.entries(PASSING_MEASUREMENTS)) {
      await auditor.locator(`#veld-${code}-meetwaarde`).fill(String(value));
      // Leaving the field is what saves it, as on a phone.
      await auditor.locator(`#veld-${code}-meetwaarde`).press('Tab');
    }
    for (const code of YES_NO_CODES) await auditor.locator(`#criterium-${code} input[value="voldoet"]`).check();
    await auditor
      .locator('[data-sync-state]')
      .filter({ hasText: /^Alles opgeslagen$/ })
      .waitFor();
    // VZ-01: 335 litres at 30 a person is the lowest capacity, below the 14 beds applied for.
    await expect(auditor.locator('[data-running-max]').innerText()).resolves.toBe('11');

    await auditor.getByRole('link', { name: 'Overzicht en indienen' }).click();
    await auditor.waitForURL(`**/app/keuringen/${inspectionId}/indienen`);
    await expectAccessiblePage(auditor);
    await expect(auditor.locator('.unanswered').count()).resolves.toBe(0);
    await expect(auditor.locator('main').innerText()).resolves.toMatch(/11\s+maximum bewoners/);
    await auditor.locator('#veld-bevestigd').check();
    await auditor.getByRole('button', { name: 'Definitief indienen' }).click();
    await auditor.waitForURL(`**/app/keuringen/${inspectionId}?ingediend=1`);
    await expect(auditor.locator('main').innerText()).resolves.toContain('De keuring is ingediend.');

    // 4. The certifier (not the auditor: four eyes) takes it from the queue and grants it.
    const certifier = await signedIn(CERTIFIER);
    expect(new URL(certifier.url()).pathname).toBe('/app/besluiten');
    await certifier.locator('table.waiting tbody tr', { hasText: ADDRESS }).getByRole('link').click();
    await certifier.waitForURL(`**/app/besluiten/${inspectionId}`);
    await expectAccessiblePage(certifier);
    await expect(certifier.locator('#criterium-VZ-01').innerText()).resolves.toContain('335');
    await certifier.getByLabel('Toekennen').check();
    await certifier.getByLabel('Toelichting').fill('Alle criteria voldoen; 11 bewoners volgens de koelcapaciteit.');
    await certifier.getByLabel('Ik heb gelezen wat het besluit doet en leg het definitief vast.').check();
    await certifier.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await certifier.waitForURL(/besloten=1/);
    // The worker issues on its own; it may already have published by the time the page is drawn.
    const granted = /toegekend\. Certificaat (KM-\d{4}-\d{6}-\d) (wordt|is) uitgegeven/.exec(
      await certifier.locator('.notice').innerText(),
    );
    expect(granted).not.toBeNull();
    const number = granted![1];

    // 5. Issuing is the worker's: the landlord's page shows the certificate once it is rendered and signed.
    await landlord.goto(locationPath);
    await until(
      async () => {
        if ((await landlord.locator('.current-cert').count()) > 0) return true;
        await landlord.reload();
        return false;
      },
      ISSUE_WAIT_MS,
      `certificate ${number} on the landlord's page`,
      500,
    );
    const current = await landlord.locator('.current-cert').innerText();
    expect(current).toContain(number);
    expect(current).toContain('Geldig');
    expect(current).toMatch(/Max\. bewoners\s+11/);
    // With a current certificate, applying again is its renewal, and the page says so.
    await expect(landlord.locator('#aanvraag + p').innerText()).resolves.toContain('Vraag op tijd een herkeuring aan');
    await expect(landlord.getByRole('button', { name: 'Herkeuring aanvragen' }).count()).resolves.toBe(1);
    await expect(landlord.getByRole('button', { name: 'Keurmerk aanvragen' }).count()).resolves.toBe(0);

    // 6. The landlord downloads the signed PDF from the location page…
    const pdfLink = landlord.getByRole('link', { name: `PDF downloaden ${number}` });
    const [download] = await Promise.all([landlord.waitForEvent('download'), pdfLink.click()]);
    expect(download.suggestedFilename()).toBe(`keurmerk-${number}.pdf`);
    const pdf = await landlord.request.get((await pdfLink.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.body())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    // …and Westland (GM1783), where the location is, finds it among its certificates.
    const municipality = await signedIn(MUNICIPALITY);
    expect(new URL(municipality.url()).pathname).toBe('/app/gemeente');
    const row = municipality.locator('tbody tr', { hasText: number });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.innerText()).resolves.toContain('Kasweg 12');
    await expect(row.innerText()).resolves.toContain('Geldig');
    await screenshot(municipality, 'full-path-gemeente-desktop');
    await expectAccessiblePage(municipality);
    await screenshot(landlord, 'full-path-landlord-locatie-desktop');
    await expectAccessiblePage(landlord);

    // What the pages showed is what was recorded: the public register and the tables agree.
    const published = (await t.http.get(`/v1/certificaten/${number}`).expect(200)).body as Record<string, unknown>;
    expect(published).toMatchObject({ certificaatnummer: number, status: 'geldig', maximaalAantalBewoners: 11, gemeentecode: 'GM1783' });
    const [record] = await t.sql<{
      location_id: string;
      organisation_id: string;
      inspection_status: string;
      application_status: string;
      documents: string;
    }>(
      `SELECT c.location_id, c.organisation_id, i.status AS inspection_status, a.status AS application_status,
              (SELECT count(*)::text FROM document d WHERE d.application_id = a.id) AS documents
         FROM certificate c
         JOIN inspection i ON i.location_id = c.location_id
         JOIN application a ON a.id = i.application_id
        WHERE c.number = $1`,
      [number],
    );
    expect(record).toMatchObject({
      location_id: locationId,
      organisation_id: scenario.id('landlordA'),
      inspection_status: 'besloten',
      application_status: 'afgerond',
      documents: '1',
    });
  }, 180_000);
});
