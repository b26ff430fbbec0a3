import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { CertificateIssuer } from '@keurmerk/certificates';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app';
import { createScenario, PASSWORD, type Scenario } from '../support/scenario';
import { describeBrowser, openBrowser, screenshot, signInAs, type BrowserSession } from '../support/browser';

const LANDLORD_A = 'lw-verhuurderA@scenario.test';
const REMARK = 'Klachtenregeling hangt niet op; bewoners kennen het telefoonnummer niet.';
const EXPLANATION = 'Toegekend met één minor bevinding: hang de klachtenregeling op in de gemeenschappelijke ruimte.';

const AXE_SOURCE = readFileSync(join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * axe-core in the page: every violation on what is shown, by rule and the first node, so a failure
 * says where. Evaluated through the DevTools protocol: the app's CSP rightly refuses an injected script tag.
 */
async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    type Axe = { run(): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> };
    const result = await (globalThis as unknown as { axe: Axe }).axe.run();
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html ?? ''}`);
  });
  expect(violations).toEqual([]);
}

/**
 * The landlord's location page after registration (change beds, deregister with a confirmation), the
 * inspection report page it links to after the decision (each finding's remark beside its deadline),
 * and the beheerder's address claims with a transfer to the claimant (issue 15 items 1 and 4, issue 17 item 1).
 */
describeBrowser('web app: operating locations and the inspection report', () => {
  let t: TestApp;
  let s: Scenario;
  let browser: BrowserSession;
  let certified: { locationId: string; number: string };
  let inspectionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    s = await createScenario(t, 'lw');
    browser = await openBrowser(t);
    // A location certified with one open minor finding and the certifier's explanation.
    const locationId = await s.location({ huisnummer: 12 });
    inspectionId = await s.inspect(locationId, { 'BH-02': { resultaat: 'voldoet-niet', opmerking: REMARK } });
    const decided = await t.http
      .post(`/v1/inspecties/${inspectionId}/besluiten`)
      .set(s.as('certifier'))
      .send({ uitkomst: 'toekennen', toelichting: EXPLANATION })
      .expect(201);
    await t.app.get(CertificateIssuer).issue(decided.body.certificaatnummer);
    certified = { locationId, number: decided.body.certificaatnummer };
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the remark beside the deadline, links to the report, and takes a change of beds without raising the maximum', async () => {
    const page = await browser.signedIn(LANDLORD_A, PASSWORD);
    await page.goto(`/app/locaties/${certified.locationId}`);
    const finding = page.locator('.finding').first();
    await expect(finding.locator('.finding-meta').innerText()).resolves.toContain('Herstellen vóór');
    await expect(finding.locator('.finding-remark').innerText()).resolves.toContain(REMARK);
    await expect(page.getByRole('link', { name: /Rapport bekijken/ }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'locatie-beheer-desktop');

    await page.getByLabel('Aantal slaapplaatsen').fill('20');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.waitForURL(/gewijzigd=herinspectie/);
    await expect(page.locator('.notice').innerText()).resolves.toContain('herinspectie');
    await expect(page.locator('#veld-aantalSlaapplaatsen').inputValue()).resolves.toBe('20');
    // The certificate keeps its maximum until a new decision.
    const verification = await t.http.get('/v1/verificaties').query({ certificaatnummer: certified.number }).expect(200);
    expect(verification.body.certificaat.maximaalAantalBewoners).toBe(11);
    await expect(page.locator('.current-cert').innerText()).resolves.toContain('11');

    // A number out of bounds is said beside the field; nothing changes.
    await page.getByLabel('Aantal slaapplaatsen').fill('100000');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.locator('#veld-aantalSlaapplaatsen-fout').waitFor();
    await expect(page.locator('#veld-aantalSlaapplaatsen-fout').innerText()).resolves.toContain('heel getal');
  });

  it('opens the report page with the decision, the explanation and every answer, and its PDF', async () => {
    const page = await browser.signedIn(LANDLORD_A, PASSWORD);
    await page.goto(`/app/locaties/${certified.locationId}`);
    await page.getByRole('link', { name: /Rapport bekijken/ }).click();
    await page.waitForURL(`**/keuringen/${inspectionId}/rapport`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Inspectierapport');
    await expect(page.locator('.explanation').innerText()).resolves.toBe(EXPLANATION);
    await expect(page.locator('.report-figures').innerText()).resolves.toContain('11');
    const finding = page.locator('#rapport-bevindingen').locator('..').locator('.finding').first();
    await expect(finding.innerText()).resolves.toContain('BH-02');
    await expect(finding.locator('.finding-meta').innerText()).resolves.toContain('Herstellen vóór');
    await expect(finding.locator('.finding-remark').innerText()).resolves.toContain(REMARK);
    await expect(page.locator('table.report-answers').count()).resolves.toBeGreaterThan(5);
    await expectNoAxeViolations(page);
    await screenshot(page, 'inspectierapport-desktop');

    const pdf = await page.request.get(`/app/locaties/${certified.locationId}/keuringen/${inspectionId}/rapport.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    const phone = await browser.signedIn(LANDLORD_A, PASSWORD, { phone: true });
    await phone.goto(`/app/locaties/${certified.locationId}/keuringen/${inspectionId}/rapport`);
    await screenshot(phone, 'inspectierapport-phone');
  });

  it('has no report page before the decision', async () => {
    const locationId = await s.location({ huisnummer: 13 });
    const undecided = await s.inspect(locationId);
    const page = await browser.signedIn(LANDLORD_A, PASSWORD);
    const response = await page.goto(`/app/locaties/${locationId}/keuringen/${undecided}/rapport`);
    expect(response?.status()).toBe(404);
    await page.goto(`/app/locaties/${locationId}`);
    await expect(page.getByRole('link', { name: /Rapport bekijken/ }).count()).resolves.toBe(0);
  });

  it('deregisters only with the box ticked, then withdraws the certificate and shows the location as deregistered', async () => {
    const page = await browser.signedIn(LANDLORD_A, PASSWORD);
    await page.goto(`/app/locaties/${certified.locationId}`);
    await expect(page.locator('.consequences').innerText()).resolves.toContain(certified.number);
    await page.getByLabel('Reden van afmelding').fill('Pand verkocht aan de gemeente');
    await page.getByRole('button', { name: 'Locatie afmelden' }).click();
    await page.locator('#veld-bevestigd-fout').waitFor();
    await expect(page.locator('#veld-reden').inputValue()).resolves.toBe('Pand verkocht aan de gemeente');
    await screenshot(page, 'locatie-afmelden-bevestigen-desktop');
    expect((await t.http.get(`/v1/locaties/${certified.locationId}`).set(s.as('verhuurderA')).expect(200)).body.status).toBe('actief');

    await page.getByLabel('Ik begrijp dat afmelden definitief is').check();
    await page.getByRole('button', { name: 'Locatie afmelden' }).click();
    await page.waitForURL(/afgemeld=1/);
    await expect(page.locator('.notice').innerText()).resolves.toContain('afgemeld');
    await expect(page.locator('#afgemeld').locator('..').innerText()).resolves.toContain('Pand verkocht aan de gemeente');
    await expect(page.getByRole('button', { name: 'Locatie afmelden' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'locatie-afgemeld-desktop');
    const verification = await t.http.get('/v1/verificaties').query({ certificaatnummer: certified.number }).expect(200);
    expect(verification.body.certificaat.status).toBe('ingetrokken');
  });

  it('lists a second claim for the beheerder, who transfers the location to the claimant', async () => {
    const holder = await s.location({ huisnummer: 14 });
    const claim = await t.http
      .post('/v1/locaties')
      .set(s.as('verhuurderB'))
      .send({
        adres: { postcode: '2671AB', huisnummer: 14, straatnaam: 'Tuinbouwweg', woonplaats: 'Naaldwijk' },
        gemeentecode: 'GM1783',
        soortHuisvesting: 'woning',
        nieuwbouw: false,
        aantalSlaapplaatsen: 8,
      })
      .expect(409);
    expect(JSON.stringify(claim.body)).not.toContain('lw Verhuur A');

    const page = await (await browser.context()).newPage();
    await signInAs(page, ADMIN.email, ADMIN.password);
    await page.goto('/app/beheer/locaties');
    const item = page.locator('.claim').first();
    await expect(item.innerText()).resolves.toContain('lw Verhuur B B.V.');
    await expect(item.innerText()).resolves.toContain('lw Verhuur A B.V.');
    await expectNoAxeViolations(page);
    await screenshot(page, 'beheer-adresclaims-desktop');

    await item.getByLabel('Reden van overdracht').fill('Eigendomsakte van B gezien');
    await item.getByRole('button', { name: 'Overdragen aan de claimant' }).click();
    await page.waitForURL(`**/app/beheer/locaties/${holder}?overgedragen=1`);
    await expect(page.locator('.notice').innerText()).resolves.toContain('overgedragen');
    await screenshot(page, 'beheer-locatie-overgedragen-desktop');
    const moved = await t.http.get(`/v1/locaties/${holder}`).set(s.as('verhuurderB')).expect(200);
    expect(moved.body.organisatieId).toBe(s.id('landlordB'));
    await page.goto('/app/beheer/locaties');
    await expect(page.locator('.claim').count()).resolves.toBe(0);
  });
});
