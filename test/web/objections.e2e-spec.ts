import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { CertificateIssuer } from '@keurmerk/certificates';
import { FixedClock } from '@keurmerk/common';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app';
import { accounts, createScenario, PASSING_MEASUREMENTS, PASSWORD, YES_NO_CODES, type Scenario, withNotice } from '../support/scenario';
import { describeBrowser, openBrowser, screenshot, type BrowserSession, expectNoAxeViolations } from '../support/browser';

const LANDLORD = 'wb-verhuurderA@scenario.test';
const CERTIFIER = 'wb-certifier@scenario.test';
const OTHER_CERTIFIER = 'wb-certifierB@scenario.test';

/**
 * The objection pages in Chromium: the landlord files one from its location's page and follows it;
 * a certifier sees only the objections it may decide and decides one (the refusing certifier gets no
 * form); the administrator sees every objection, the overdue one first and marked in words.
 */
describeBrowser('web app: objections', () => {
  // 2 March 2026 in Amsterdam; the clock moves to 20 April before anyone opens a page.
  const clock = new FixedClock(new Date('2026-03-02T09:00:00Z'));
  let t: TestApp;
  let s: Scenario;
  let browser: BrowserSession;
  let house = 10;
  let refusedNow: { locationId: string; inspectionId: string };
  let overdueId: string;

  const as = async (email: string, password = PASSWORD) => ({ Authorization: `Bearer ${await t.signIn(email, password)}` });
  async function inspected(): Promise<{ locationId: string; inspectionId: string }> {
    const location = await t.http
      .post('/v1/locaties')
      .set(await as(LANDLORD))
      .send({
        adres: { postcode: '2671KL', huisnummer: house++, straatnaam: 'Bezwaarlaan', woonplaats: 'Naaldwijk' },
        gemeentecode: 'GM1783',
        soortHuisvesting: 'woning',
        nieuwbouw: false,
        aantalSlaapplaatsen: 14,
      })
      .expect(201);
    const planned = await t.http
      .post('/v1/inspecties')
      .set(await as(ADMIN.email, ADMIN.password))
      .send({ locatieId: location.body.id, auditorId: s.id('auditor'), soort: 'initieel', gepland: withNotice(clock.now()) })
      .expect(201);
    const auditor = await as('wb-auditor@scenario.test');
    const id = planned.body.id as string;
    for (const [code, meetwaarde] of Object.entries(PASSING_MEASUREMENTS))
      await t.http.put(`/v1/inspecties/${id}/antwoorden/${code}`).set(auditor).send({ meetwaarde }).expect(200);
    for (const code of YES_NO_CODES)
      await t.http.put(`/v1/inspecties/${id}/antwoorden/${code}`).set(auditor).send({ resultaat: 'voldoet' }).expect(200);
    await t.http.post(`/v1/inspecties/${id}/indieningen`).set(auditor).expect(201);
    return { locationId: location.body.id as string, inspectionId: id };
  }
  async function decided(uitkomst: 'toekennen' | 'afwijzen') {
    const inspection = await inspected();
    const decision = await t.http
      .post(`/v1/inspecties/${inspection.inspectionId}/besluiten`)
      .set(await as(CERTIFIER))
      .send({ uitkomst, toelichting: uitkomst === 'afwijzen' ? 'Rookmelders ontbreken in twee slaapkamers.' : 'Voldoet.' })
      .expect(201);
    return { ...inspection, number: decision.body.certificaatnummer as string | undefined };
  }

  beforeAll(async () => {
    t = await startTestApp({ clock });
    s = await createScenario(t, 'wb');
    await accounts(t).user(OTHER_CERTIFIER, 'certificeerder', {}, 'Bea Bezwaar');
    // Filed on 2 March: its beslistermijn (13 April) has passed by the time the pages are opened.
    const old = await decided('afwijzen');
    overdueId = (
      await t.http
        .post('/v1/bezwaren')
        .set(await as(LANDLORD))
        .send({ inspectieId: old.inspectionId, gronden: 'De rookmelders hingen er wel; zie de foto’s.' })
        .expect(201)
    ).body.id;

    clock.set(new Date('2026-04-20T08:00:00Z'));
    refusedNow = await decided('afwijzen');
    // Suspended by the second certifier: an objection it may not decide, so its list leaves it out.
    const granted = await decided('toekennen');
    await t.app.get(CertificateIssuer).issue(granted.number!);
    await t.http
      .post(`/v1/certificaten/${granted.number}/statuswijzigingen`)
      .set(await as(OTHER_CERTIFIER))
      .send({ status: 'geschorst', reden: 'Brandmelder defect gemeld' })
      .expect(201);
    await t.http
      .post('/v1/bezwaren')
      .set(await as(LANDLORD))
      .send({ certificaatnummer: granted.number, gronden: 'De brandmelder is dezelfde dag vervangen.' })
      .expect(201);
    browser = await openBrowser(t);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the landlord files an objection from the location page and follows it', async () => {
    const page = await browser.signedIn(LANDLORD, PASSWORD);
    await page.goto(`/app/locaties/${refusedNow.locationId}`);
    const section = page.locator('section.objections');
    await expect(section.textContent()).resolves.toContain('Afwijzing van 20 april 2026');
    await screenshot(page, 'objections-landlord-location');
    await expectNoAxeViolations(page);
    await section.getByRole('link', { name: 'Bezwaar maken' }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('Bezwaar maken');
    // Only spaces pass the browser's own check; the server refuses them, naming the field.
    await page.getByLabel('Gronden van uw bezwaar').fill('   ');
    await page.getByRole('button', { name: 'Bezwaar indienen' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Geef de gronden van uw bezwaar.');
    await page.getByLabel('Gronden van uw bezwaar').fill('Twee rookmelders waren aanwezig maar hingen in de gang; foto’s meegestuurd.');
    await page.getByRole('button', { name: 'Bezwaar indienen' }).click();
    await page.waitForURL(/\/app\/bezwaren\/[0-9a-f-]+\?ingediend=1/);
    expect(await page.locator('main').textContent()).toContain('Uw bezwaar is ingediend. U krijgt uiterlijk 1 juni 2026 een beslissing.');
    await screenshot(page, 'objections-landlord-filed');
    await expectNoAxeViolations(page);
    await page.goto('/app/bezwaren');
    await expect(page.locator('tbody tr').count()).resolves.toBe(3);
    await screenshot(page, 'objections-landlord-list');
    await expectNoAxeViolations(page);
    // Filed: the location page no longer offers it.
    await page.goto(`/app/locaties/${refusedNow.locationId}`);
    await expect(page.getByRole('link', { name: 'Bezwaar maken' }).count()).resolves.toBe(0);
  }, 180_000);

  it('a certifier sees only what it may decide, and decides', async () => {
    const page = await browser.signedIn(OTHER_CERTIFIER, PASSWORD);
    await page.goto('/app/besluiten/bezwaren');
    // Two refusals it took no part in; the suspension it made itself is left out.
    await expect(page.locator('tbody tr').count()).resolves.toBe(2);
    await expect(page.locator('tbody tr.overdue').count()).resolves.toBe(1);
    await screenshot(page, 'objections-certifier-list');
    await expectNoAxeViolations(page);
    const filed = await t.http
      .get('/v1/bezwaren')
      .query({ locatieId: refusedNow.locationId })
      .set(await as(LANDLORD))
      .expect(200);
    const objectionId = filed.body.resultaten[0].id as string;
    await page.goto(`/app/besluiten/bezwaren/${objectionId}`);
    // A toelichting but no outcome: the page says what is missing and keeps what was typed.
    await page.getByLabel('Toelichting').fill('De foto’s tonen werkende rookmelders binnen 3 m van de slaapkamers.');
    await page.getByRole('button', { name: 'Beslissing vastleggen' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Kies gegrond of ongegrond.');
    await expect(page.getByLabel('Toelichting').inputValue()).resolves.toContain('werkende rookmelders');
    await page.getByLabel('Gegrond: het besluit wordt teruggedraaid').check();
    await screenshot(page, 'objections-certifier-decide');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Beslissing vastleggen' }).click();
    await page.waitForURL(/\?beslist=1/);
    expect(await page.locator('main').textContent()).toContain('Het besluit is heropend');
    await screenshot(page, 'objections-certifier-decided');
    await expectNoAxeViolations(page);
    const inspection = await t.http
      .get(`/v1/inspecties/${refusedNow.inspectionId}`)
      .set(await as(ADMIN.email, ADMIN.password))
      .expect(200);
    expect(inspection.body.status).toBe('ingediend');

    // The certifier who refused gets no form on the other refusal's objection.
    const refuser = await browser.signedIn(CERTIFIER, PASSWORD);
    await refuser.goto('/app/besluiten/bezwaren');
    await expect(refuser.locator('tbody tr').count()).resolves.toBe(0);
    expect(await refuser.locator('main').textContent()).toContain('beslist een collega');
    await refuser.goto(`/app/besluiten/bezwaren/${overdueId}`);
    expect(await refuser.locator('main').textContent()).toContain('Een andere certificeerder beslist op dit bezwaar.');
    await expect(refuser.getByRole('button', { name: 'Beslissing vastleggen' }).count()).resolves.toBe(0);
    // Nor may it decide the reopened inspection again: its refused decision was revised.
    await refuser.goto(`/app/besluiten/${refusedNow.inspectionId}`);
    await refuser.getByLabel('Toekennen').check();
    await refuser.getByLabel('Toelichting').fill('Dan toch toekennen.');
    await refuser.locator('#veld-bevestigd').check();
    await refuser.getByRole('button', { name: 'Besluit vastleggen' }).click();
    expect(await refuser.locator('.error-summary').textContent()).toContain('Uw eerdere besluit over deze keuring is na bezwaar herzien.');
    await screenshot(refuser, 'objections-certifier-revised-decider');
    await expectNoAxeViolations(refuser);
  }, 180_000);

  it('the administrator sees every objection, the overdue one first and marked', async () => {
    const page = await browser.signedIn(ADMIN.email, ADMIN.password);
    await page.goto('/app/beheer/bezwaren');
    const rows = page.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    await expect(rows.first().getAttribute('class')).resolves.toBe('overdue');
    expect(await rows.first().textContent()).toContain('Beslistermijn overschreden');
    expect(await page.locator('main').textContent()).toContain('2 bezwaren wachten op een beslissing, waarvan 1 over de beslistermijn');
    await screenshot(page, 'objections-admin-list');
    await expectNoAxeViolations(page);
    await page.goto('/app/beheer/bezwaren?status=besloten');
    await expect(rows.count()).resolves.toBe(1);
    await rows.first().getByRole('link').click();
    expect(await page.locator('main').textContent()).toContain('Gegrond');
    await screenshot(page, 'objections-admin-detail');
    await expectNoAxeViolations(page);
    const english = await browser.signedIn(ADMIN.email, ADMIN.password, { locale: 'en-GB' });
    await english.goto('/app/beheer/bezwaren');
    expect(await english.locator('main').textContent()).toContain('Decision term exceeded');
  }, 180_000);
});
