import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { addDays, amsterdamParts } from '@keurmerk/norm';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app';
import { createScenario, PASSWORD, type Scenario } from '../support/scenario';
import { PDF, PNG } from '../support/files';
import {
  describeBrowser,
  expectAccessiblePage,
  expectNoAxeViolations,
  openBrowser,
  screenshot,
  signInAs,
  type BrowserSession,
} from '../support/browser';

/*
 * The beheerder's main path in Chromium: the overview's counts, planning an inspection where the
 * auditor's conflict shows before submitting, an application's documents judged before planning,
 * a new user, and a norm draft compared and published.
 */
describeBrowser('web app: the beheerder', () => {
  let t: TestApp;
  let scenario: Scenario;
  let browser: BrowserSession;
  let conflictedAuditor: string;
  let house = 300;

  async function appliedLocation(): Promise<string> {
    const locationId = await scenario.location({ huisnummer: house++ });
    await t.http.post('/v1/aanvragen').set(scenario.as('verhuurderA')).send({ locatieId: locationId }).expect(201);
    return locationId;
  }

  const signedIn = (options: { phone?: boolean } = {}): Promise<Page> => browser.signedIn(ADMIN.email, ADMIN.password, options);

  beforeAll(async () => {
    t = await startTestApp();
    scenario = await createScenario(t);
    // A second auditor of the same body, who declared a relation with landlord A: planning must refuse them.
    const created = await t.http
      .post('/v1/gebruikers')
      .set(scenario.as('admin'))
      .send({
        email: 'verbonden-auditor@scenario.test',
        wachtwoord: PASSWORD,
        naam: 'Vera Verbonden',
        rol: 'auditor',
        organisatieId: scenario.id('body'),
      })
      .expect(201);
    conflictedAuditor = created.body.id;
    await t.http
      .post('/v1/belangenverklaringen')
      .set(scenario.as('admin'))
      .send({ auditorId: conflictedAuditor, organisatieId: scenario.id('landlordA'), omschrijving: 'Was adviseur van deze verhuurder' })
      .expect(201);
    browser = await openBrowser(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('shows the counts by status on the overview, at phone and desktop width', async () => {
    await appliedLocation();
    const page = await signedIn();
    expect(new URL(page.url()).pathname).toBe('/app/beheer');
    const applications = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Aanvragen' }) });
    const submitted = applications.locator('li').filter({ hasText: 'Ingediend' });
    expect((await submitted.locator('strong').textContent())?.trim()).toBe('1');
    await expect(submitted.locator('a').getAttribute('href')).resolves.toBe('/app/beheer/keuringen');
    await page.getByRole('heading', { name: 'Bevindingen over de hersteltermijn' }).waitFor();
    await screenshot(page, 'beheer-desktop');
    await expectAccessiblePage(page);
    const phone = await signedIn({ phone: true });
    await screenshot(phone, 'beheer-phone');
    await expectAccessiblePage(phone);
  });

  // First: a later test publishes a new norm version, whose criteria the scenario's inspection does not answer.
  it('lists complaints with an excerpt, the language by name, urgency hints and the location’s certificate', async () => {
    const { number } = await scenario.certifiedLocation({ huisnummer: house++ });
    const text =
      'Mieszka nas tu szesnaście osób, jest za dużo osób na jeden pokój. Nie ma gaśnicy w kuchni i czujnik dymu nie działa od ' +
      'tygodni, a właściciel mówi, że to nie jego sprawa i że mamy czekać.';
    const filed = await t.http.post('/v1/meldingen').send({ certificaatnummer: number, omschrijving: text, taal: 'pl' }).expect(201);
    const page = await signedIn();
    await page.goto('/app/beheer/meldingen');
    const row = page.locator('table.complaints tbody tr', { hasText: filed.body.referentie });
    const cells = await row.innerText();
    expect(cells).toContain('Mieszka nas tu szesnaście osób');
    expect(cells).toContain('…');
    expect(cells).not.toContain('mamy czekać');
    expect(cells).toContain('(Pools)');
    expect(await row.locator('.excerpt').getAttribute('lang')).toBe('pl');
    expect(await row.locator('.badge--bad').allInnerTexts()).toEqual(['Overbewoning?', 'Brandveiligheid?']);
    const certificate = row.getByRole('link', { name: number });
    expect(await certificate.getAttribute('href')).toBe(`/controleer/${number}`);
    expect(cells).toContain('Geldig');
    await expectAccessiblePage(page);
    await screenshot(page, 'admin-meldingen-desktop');

    await row.getByRole('link', { name: filed.body.referentie }).click();
    expect(await page.locator('.facts').innerText()).toMatch(/Taal\s+Pools/);
    await expectAccessiblePage(page);

    const english = await browser.signedIn(ADMIN.email, ADMIN.password, { locale: 'en-GB', phone: true });
    await english.goto('/app/beheer/meldingen');
    const englishRow = await english.locator('table.complaints tbody tr', { hasText: filed.body.referentie }).innerText();
    expect(englishRow).toContain('(Polish)');
    expect(englishRow).toContain('Fire safety?');
    await expectAccessiblePage(english);
    await screenshot(english, 'admin-meldingen-phone-en');
  });

  it('plans an inspection: a conflicted auditor is shown as such before submitting, a free one is planned', async () => {
    const locationId = await appliedLocation();
    const page = await signedIn();
    await page.goto('/app/beheer/keuringen');
    await page.locator(`a[href="/app/beheer/keuringen/nieuw?locatie=${locationId}"]`).click();
    await page.getByRole('heading', { name: 'Keuring plannen' }).waitFor();

    await page.getByLabel('Auditor', { exact: true }).selectOption(conflictedAuditor);
    const warning = page.locator('[data-conflicts] .conflicts');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(
      'De auditor heeft een relatie met de verhuurder verklaard: Was adviseur van deze verhuurder',
    );
    // Nothing was planned by choosing.
    expect((await t.http.get(`/v1/inspecties?locatieId=${locationId}`).set(scenario.as('admin')).expect(200)).body.totaal).toBe(0);
    await screenshot(page, 'beheer-planning-desktop');
    await expectAccessiblePage(page);
    const phone = await signedIn({ phone: true });
    await phone.goto(`/app/beheer/keuringen/nieuw?locatie=${locationId}`);
    await phone.getByLabel('Auditor', { exact: true }).selectOption(conflictedAuditor);
    await phone.locator('[data-conflicts] .conflicts').waitFor();
    await screenshot(phone, 'beheer-planning-phone');
    await expectAccessiblePage(phone);

    await page.getByLabel('Auditor', { exact: true }).selectOption(scenario.id('auditor'));
    await page.locator('[data-conflicts] .notice').waitFor();
    expect(await page.locator('[data-conflicts] .conflicts').count()).toBe(0);
    // The form suggests the first 09:00 at least 24 hours away: an announced inspection needs that notice.
    const { date: today, time } = amsterdamParts(t.now());
    expect(await page.getByLabel('Datum').inputValue()).toBe(addDays(today, time < '09:00' ? 1 : 2));
    expect(await page.getByLabel('Tijd').inputValue()).toBe('09:00');
    // Tonight is always too soon: refused beside the date, in Dutch, with the earliest moment; nothing planned.
    await page.getByLabel('Datum').fill(today);
    await page.getByLabel('Tijd').fill('23:59');
    await page.getByRole('button', { name: 'Keuring plannen' }).click();
    const dateError = page.locator('#veld-datum-fout');
    await dateError.waitFor();
    expect(await dateError.textContent()).toContain('Te kort dag: een aangekondigde keuring plant u ten minste 24 uur vooruit.');
    expect((await t.http.get(`/v1/inspecties?locatieId=${locationId}`).set(scenario.as('admin')).expect(200)).body.totaal).toBe(0);
    await screenshot(page, 'beheer-planning-notice-too-short');
    // Three days ahead is enough notice.
    const day = addDays(today, 3);
    await page.getByLabel('Datum').fill(day);
    await page.getByLabel('Tijd').fill('09:30');
    await page.getByRole('button', { name: 'Keuring plannen' }).click();
    await page.waitForURL('**/app/beheer/keuringen?gepland=1');
    expect(await page.locator('.notice').textContent()).toContain('De keuring is gepland.');

    const planned = (await t.http.get(`/v1/inspecties?locatieId=${locationId}`).set(scenario.as('admin')).expect(200)).body.resultaten;
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({
      auditorId: scenario.id('auditor'),
      soort: 'initieel',
      status: 'gepland',
      // 09:30 in Amsterdam: 08:30 UTC in winter, 07:30 in summer.
      gepland: expect.stringMatching(new RegExp(`^${day}T0[78]:30:00\\.000Z$`)),
    });
    const application = (await t.http.get(`/v1/aanvragen?locatieId=${locationId}`).set(scenario.as('admin')).expect(200)).body
      .resultaten[0];
    expect(application.status).toBe('in-behandeling');
  });

  it('shows the conflict without script through the check button, and refuses planning the conflicted auditor', async () => {
    const locationId = await appliedLocation();
    const context = await browser.browser.newContext({ baseURL: browser.baseUrl, locale: 'nl-NL', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await signInAs(page, ADMIN.email, ADMIN.password);
      await page.goto(`/app/beheer/keuringen/nieuw?locatie=${locationId}`);
      await page.getByLabel('Auditor', { exact: true }).selectOption(conflictedAuditor);
      await page.getByRole('button', { name: 'Controleer op conflicten' }).click();
      await page.locator('.conflicts').waitFor();
      expect(await page.locator('.conflicts').textContent()).toContain('relatie met de verhuurder');
      // The choice is kept, and planning it anyway is refused with the reasons.
      expect(await page.getByLabel('Auditor', { exact: true }).inputValue()).toBe(conflictedAuditor);
      await page.getByRole('button', { name: 'Keuring plannen' }).click();
      await page.locator('.error-summary').waitFor();
      expect(await page.locator('.error-summary').textContent()).toContain('Deze auditor kan deze keuring niet doen');
      expect((await t.http.get(`/v1/inspecties?locatieId=${locationId}`).set(scenario.as('admin')).expect(200)).body.totaal).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('creates a user, after naming what is missing', async () => {
    const page = await signedIn();
    await page.goto('/app/beheer/gebruikers');
    await page.getByRole('link', { name: 'Gebruiker toevoegen' }).click();
    await page.getByLabel('Naam').fill('Nieuwe Verhuurder');
    await page.getByLabel('E-mailadres').fill('nieuw@verhuur.test');
    await page.getByLabel('Eerste wachtwoord').fill('een-lang-wachtwoord-2');
    await page.getByLabel('Rol').selectOption('verhuurder');
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    // A landlord belongs to an organisation: the service's rule, shown beside the field.
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('#veld-organisatieId-fout').textContent()).toContain('Kies de organisatie');
    await page.getByLabel('Eerste wachtwoord').fill('een-lang-wachtwoord-2');
    await page.getByLabel('Organisatie', { exact: true }).selectOption(scenario.id('landlordA'));
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.waitForURL('**/app/beheer/gebruikers?aangemaakt=1');
    expect(await page.locator('table').textContent()).toContain('nieuw@verhuur.test');
    expect(await t.signIn('nieuw@verhuur.test', 'een-lang-wachtwoord-2')).toEqual(expect.any(String));
  });

  it('writes a norm draft from the newest version, compares it with that version and publishes it', async () => {
    const page = await signedIn();
    await page.goto('/app/beheer/normen');
    await page.getByRole('link', { name: 'Nieuw concept' }).click();
    const editor = page.getByLabel('Normdocument (JSON)');
    const draft = JSON.parse(await editor.inputValue()) as {
      versie: string;
      secties: { code: string; criteria: { code: string; titel: string; punten: number }[] }[];
    };
    expect(draft.versie).toBe('2026.2');
    const section = draft.secties[0];
    const removed = section.criteria.pop()!;
    const changed = section.criteria[0];
    section.criteria.push({ ...changed, code: `${section.code}-99`, titel: 'Nieuw criterium' });
    changed.titel = `${changed.titel} (herzien)`;
    changed.punten += 1;
    await editor.fill(JSON.stringify(draft, null, 2));
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.waitForURL('**/app/beheer/normen/2026.2?opgeslagen=1');
    expect(await page.locator('.facts').textContent()).toContain('Concept');

    await page.getByRole('link', { name: 'Vergelijk met de vorige versie' }).click();
    await page.waitForURL('**/app/beheer/normen/2026.2/vergelijking');
    expect(await page.locator(`li.diff-added[data-criterion="${section.code}-99"]`).textContent()).toContain('Nieuw criterium');
    expect(await page.locator(`li.diff-removed[data-criterion="${removed.code}"]`).count()).toBe(1);
    const changedItem = page.locator(`li.diff-changed[data-criterion="${changed.code}"]`);
    expect(await changedItem.locator('tbody th').allTextContents()).toEqual(['titel', 'punten']);
    expect(await changedItem.locator('td.diff-added').first().textContent()).toContain('(herzien)');
    await screenshot(page, 'beheer-norm-vergelijking-desktop');
    await expectAccessiblePage(page);

    await page.goto('/app/beheer/normen/2026.2');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.waitForURL('**/app/beheer/normen/2026.2?gepubliceerd=1');
    expect((await t.http.get('/v1/normen/2026.2').expect(200)).body.status).toBe('gepubliceerd');
    // A published version offers no editor any more.
    expect(await page.getByLabel('Normdocument (JSON)').count()).toBe(0);
  });

  it('answers a complaint with an unannounced inspection and closes it', async () => {
    const number = house;
    await appliedLocation();
    const filed = await t.http
      .post('/v1/meldingen')
      .send({ adres: { postcode: '2671AB', huisnummer: number }, omschrijving: 'Te veel mensen in één kamer.', taal: 'nl' })
      .expect(201);
    const page = await signedIn();
    await page.goto('/app/beheer/meldingen?status=ontvangen');
    await page.getByRole('link', { name: filed.body.referentie }).click();
    expect(await page.locator('.complaint-text').textContent()).toBe('Te veel mensen in één kamer.');
    await page.getByRole('link', { name: 'Onaangekondigde keuring plannen' }).click();
    await page.getByLabel('Auditor', { exact: true }).selectOption(scenario.id('auditor'));
    await page.locator('[data-conflicts] .notice').waitFor();
    await page.getByRole('button', { name: 'Keuring plannen' }).click();
    await page.waitForURL('**?gepland=1');
    expect(await page.locator('.facts').textContent()).toContain('Onaangekondigde keuring');

    await page.getByLabel('Wat is er met de melding gedaan?').fill('Keuring uitgevoerd; bezetting teruggebracht.');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Melding afhandelen' }).click();
    await page.waitForURL('**?afgehandeld=1');
    expect(await page.locator('.facts').textContent()).toContain('Afgehandeld');
  });

  it('shows how many required documents a waiting application has, and on its page which are there and which are missing', async () => {
    const locationId = await scenario.location({ huisnummer: house++ });
    const landlord = scenario.as('verhuurderA');
    const application = (await t.http.post('/v1/aanvragen').set(landlord).send({ locatieId: locationId }).expect(201)).body.id as string;
    const upload = async (soort: string, bytes: Buffer, fileName: string): Promise<string> =>
      (
        await t.http
          .post(`/v1/aanvragen/${application}/documenten`)
          .set(landlord)
          .field('soort', soort)
          .attach('bestand', bytes, fileName)
          .expect(201)
      ).body.id;
    await upload('plattegrond', PNG, 'plattegrond.png');
    const lease = await upload('eigendom-of-huur', PDF, 'huurcontract.pdf');
    const applicationPath = `/app/beheer/aanvragen/${application}`;

    const page = await signedIn();
    await page.goto('/app/beheer/keuringen');
    const row = page.locator('section[aria-labelledby="wachtend"] tbody tr').filter({ has: page.locator(`a[href="${applicationPath}"]`) });
    expect(await row.locator('[data-label="Documenten"]').innerText()).toBe('2 van 5 documenten');
    await expectNoAxeViolations(page);

    await row.locator(`a[href="${applicationPath}"]`).click();
    await page.waitForURL(`**${applicationPath}`);
    expect(await page.locator('h1').innerText()).toMatch(/^Aanvraag Tuinbouwweg \d+, 2671 AB Naaldwijk$/);
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toMatch(/Gemeente\s+Westland \(GM1783\)/);
    expect(facts).toMatch(/Status\s+Ingediend/);
    expect(facts).toContain('sc Verhuur A B.V.');
    const present = page.locator('.required-document--present');
    const missing = page.locator('.required-document--missing');
    expect(await present.locator('.required-document__name').allInnerTexts()).toEqual([
      'Eigendomsbewijs of huurcontract met de eigenaar',
      'Plattegrond met de indeling en het gebruik van de ruimten',
    ]);
    expect(await missing.locator('.required-document__name').allInnerTexts()).toEqual([
      'Brandveiligheidsrapport of gebruiksmelding',
      'Huisregels voor de bewoners',
      'Model-huurovereenkomst voor de bewoners',
    ]);
    expect(await missing.locator('.badge').allInnerTexts()).toEqual(['Ontbreekt', 'Ontbreekt', 'Ontbreekt']);
    expect(await page.getByText('3 gevraagde documenten ontbreken.').count()).toBe(1);
    await expectAccessiblePage(page);
    mkdirSync('/tmp/shots', { recursive: true });
    await page.screenshot({ path: '/tmp/shots/admin-application.png', fullPage: true });
    const phone = await signedIn({ phone: true });
    await phone.goto(applicationPath);
    await phone.screenshot({ path: '/tmp/shots/admin-application-phone.png', fullPage: true });
    await expectNoAxeViolations(phone);

    const download = page.getByRole('link', { name: 'huurcontract.pdf' });
    expect(await download.getAttribute('href')).toBe(`${applicationPath}/documenten/${lease}`);
    const file = await page.request.get(`${applicationPath}/documenten/${lease}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect((await file.body()).equals(PDF)).toBe(true);
    // A document of another application is not this one's to offer.
    const other = (
      await t.http
        .post('/v1/aanvragen')
        .set(landlord)
        .send({ locatieId: await scenario.location({ huisnummer: house++ }) })
    ).body.id as string;
    expect((await page.request.get(`/app/beheer/aanvragen/${other}/documenten/${lease}`)).status()).toBe(404);
    expect((await page.request.get('/app/beheer/aanvragen/geen-id')).status()).toBe(404);

    // The landlord has its own pages: the beheerder's are no access, the document included.
    const landlordPage = await browser.signedIn('sc-verhuurderA@scenario.test', PASSWORD);
    expect((await landlordPage.request.get(applicationPath)).status()).toBe(403);
    expect((await landlordPage.request.get(`${applicationPath}/documenten/${lease}`)).status()).toBe(403);

    await page.getByRole('link', { name: 'Keuring plannen' }).click();
    await page.waitForURL(`**/app/beheer/keuringen/nieuw?locatie=${locationId}&soort=initieel`);
    expect(await page.getByLabel('Soort keuring').inputValue()).toBe('initieel');
    await expectNoAxeViolations(page);
  });

  it('refuses a form post without the CSRF token with 403', async () => {
    const page = await signedIn();
    const response = await page.request.post('/app/beheer/gebruikers', {
      form: { naam: 'Zonder token', email: 'zonder@token.test', wachtwoord: 'een-lang-wachtwoord-3', rol: 'certificeerder' },
    });
    expect(response.status()).toBe(403);
    expect(
      (await t.http.get('/v1/gebruikers?rol=certificeerder').set(scenario.as('admin')).expect(200)).body.resultaten.map(
        (u: { email: string }) => u.email,
      ),
    ).not.toContain('zonder@token.test');
  });
});
