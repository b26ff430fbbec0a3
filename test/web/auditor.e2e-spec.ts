import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { createScenario, PASSING_MEASUREMENTS, PASSWORD, YES_NO_CODES, type Scenario, withNotice } from '../support/scenario';
import { describeBrowser, openBrowser, screenshot, signInAs, type BrowserSession, expectAccessiblePage } from '../support/browser';
import { PNG } from '../support/files';

const AUDITOR_EMAIL = 'sc-auditor@scenario.test';

describeBrowser('web app: the auditor', () => {
  let t: TestApp;
  let scenario: Scenario;
  let browser: BrowserSession;
  let house = 100;

  /** A location of landlord A, registered through the REST API. */
  const location = (): Promise<string> => scenario.location({ huisnummer: house++ });

  async function plan(locationId: string, when = new Date(withNotice(t.now())), auditor = scenario.id('auditor')): Promise<string> {
    const response = await t.http
      .post('/v1/inspecties')
      .set(scenario.as('admin'))
      .send({ locatieId: locationId, auditorId: auditor, soort: 'initieel', gepland: when.toISOString() });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  async function restAnswers(
    id: string,
  ): Promise<Record<string, { resultaat: string; meetwaarde: number | null; personenOndersteund: number | null }>> {
    const response = await t.http.get(`/v1/inspecties/${id}/antwoorden`).set(scenario.as('auditor')).expect(200);
    return Object.fromEntries((response.body as { criteriumCode: string }[]).map((a) => [a.criteriumCode, a])) as never;
  }

  async function restEvidence(id: string): Promise<{ id: string; criteriumCode: string }[]> {
    return (await t.http.get(`/v1/inspecties/${id}/bewijsstukken`).set(scenario.as('auditor')).expect(200)).body;
  }

  async function measure(page: Page, code: string, value: number): Promise<void> {
    await page.locator(`#veld-${code}-meetwaarde`).fill(String(value));
    // Leaving the field is what saves it ('change'), as on a phone.
    await page.locator(`#veld-${code}-meetwaarde`).press('Tab');
  }

  /*
   * Code run in the page is written as strings: the tests compile without the DOM's types, and a
   * type-checked `document` here would also make Node code that uses it compile. (Not through
   * waitForFunction: its string predicates need eval, which the page's CSP refuses.)
   */
  async function waitForSyncState(page: Page, text: string): Promise<void> {
    await page
      .locator('[data-sync-state]')
      .filter({ hasText: new RegExp(`^${text}$`) })
      .waitFor();
  }

  /** A request the page's own script could make: with the session cookie and the page's form token. */
  async function fetchFromPage(page: Page, path: string, init: { body: string; json?: boolean }): Promise<number> {
    return page.evaluate(`(async () => {
      const csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
      const headers = { 'X-CSRF-Token': csrf${init.json ? ", 'Content-Type': 'application/json'" : ''} };
      return (await fetch(${JSON.stringify(path)}, { method: 'PUT', headers, body: ${init.body} })).status;
    })()`);
  }

  /** From the top, so the sticky capacity bar is where a person first sees it. */
  async function pageShot(page: Page, name: string): Promise<void> {
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, name);
    await expectAccessiblePage(page);
  }

  beforeAll(async () => {
    t = await startTestApp();
    scenario = await createScenario(t);
    browser = await openBrowser(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('lists today’s, upcoming and submitted inspections, and walks one from first answer to submitted', async () => {
    const today = await plan(await location());
    // Planned with its 24 hours of notice. The test's clock is the real one, so the day comes by moving
    // the plan, as if it had been made yesterday.
    await t.sql(`UPDATE inspection SET planned_at = $2 WHERE id = $1`, [today, t.now()]);
    await plan(await location(), new Date(Date.now() + 3 * 24 * 3600 * 1000));
    await scenario.inspect(await location());

    const page = await (await browser.context()).newPage();
    await signInAs(page, AUDITOR_EMAIL, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/app/keuringen');
    const todayRows = page.locator('section[aria-labelledby="vandaag"] tbody tr');
    await expect(todayRows.count()).resolves.toBe(1);
    await expect(page.locator('section[aria-labelledby="gepland"] tbody tr').count()).resolves.toBe(1);
    await expect(page.locator('section[aria-labelledby="ingediend"] tbody tr').count()).resolves.toBe(1);
    await expect(todayRows.first().innerText()).resolves.toMatch(/Tuinbouwweg 100, 2671 AB Naaldwijk[\s\S]*Eerste keuring[\s\S]*Gepland/);
    await screenshot(page, 'auditor-keuringen-desktop');
    await expectAccessiblePage(page);

    await todayRows.first().getByRole('link').click();
    await page.waitForURL(`**/app/keuringen/${today}`);
    await expect(page.locator('h2#sectie-RU-titel').innerText()).resolves.toContain('Ruimte');

    // Nothing measured yet: no maximum is shown (the requested 14 are not a measurement).
    await expect(page.locator('[data-running-max]').innerText()).resolves.toBe('–');
    await expect(page.locator('[data-section-count="RU"]').innerText()).resolves.toMatch(/^0\//);
    // Live: 100 m² at 12 m² a person supports 8, and the maximum drops from the 14 requested to 8, in the warning colour.
    await page.locator('#veld-RU-01-meetwaarde').fill('100');
    await expect(page.locator('#criterium-RU-01 [data-supports]').innerText()).resolves.toBe('Ondersteunt 8 personen');
    await expect(page.locator('#criterium-RU-01 [data-supports]').getAttribute('class')).resolves.toContain('supports--short');
    await expect(page.locator('[data-running-max]').innerText()).resolves.toBe('8');
    await expect(page.locator('.capacity-bar').getAttribute('class')).resolves.toContain('capacity-bar--short');
    await page.locator('#veld-RU-01-meetwaarde').fill('180');
    await expect(page.locator('[data-running-max]').innerText()).resolves.toBe('14');
    await expect(page.locator('#criterium-RU-01 [data-supports]').getAttribute('class')).resolves.not.toContain('supports--short');

    for (const [code, value] of Object.entries(PASSING_MEASUREMENTS)) await measure(page, code, value);
    // The section index counts as the auditor answers, without a reload.
    await expect(page.locator('[data-section-count="RU"]').innerText()).resolves.not.toMatch(/^0\//);
    for (const code of YES_NO_CODES)
      await page.locator(`#criterium-${code} input[value="${code === 'BV-02' ? 'voldoet-niet' : 'voldoet'}"]`).check();
    // A failed criterion is not sent without its description: the remark opens and asks for one.
    await expect(page.locator('#criterium-BV-02 [data-answer-state]').innerText()).resolves.toBe(
      'Beschrijf wat niet voldoet, zodat de verhuurder het kan herstellen.',
    );
    await expect(page.locator('#veld-BV-02-opmerking').isVisible()).resolves.toBe(true);
    await page.locator('#veld-BV-02-opmerking').fill('Geen blusdeken bij de kookplaats');
    await page.locator('#veld-BV-02-opmerking').press('Tab');
    await page.locator('#veld-BV-02-foto').setInputFiles({ name: 'blusdeken.png', mimeType: 'image/png', buffer: PNG });
    // The queue sends in order: once the photo (queued last) is a link, every answer before it went too.
    await page.locator('#criterium-BV-02 [data-evidence-list] a').waitFor();
    await waitForSyncState(page, 'Alles opgeslagen');
    // VZ-01: 335 litres at 30 a person is the lowest capacity.
    await expect(page.locator('[data-running-max]').innerText()).resolves.toBe('11');
    await expect(page.locator('#criterium-BV-02 [data-evidence-list] a').innerText()).resolves.toBe('blusdeken.png');

    const answers = await restAnswers(today);
    expect(Object.keys(answers)).toHaveLength(Object.keys(PASSING_MEASUREMENTS).length + YES_NO_CODES.length);
    expect(answers['RU-01']).toMatchObject({ meetwaarde: 180, personenOndersteund: 15, resultaat: 'voldoet' });
    expect(answers['BV-02'].resultaat).toBe('voldoet-niet');
    expect((await restEvidence(today)).map((e) => e.criteriumCode)).toEqual(['BV-02']);
    await pageShot(page, 'auditor-checklist-desktop');

    // The summary comes first: the failing criterion, its severity and the maximum residents.
    await page.getByRole('link', { name: 'Overzicht en indienen' }).click();
    await page.waitForURL(`**/app/keuringen/${today}/indienen`);
    const summary = await page.locator('main').innerText();
    expect(summary).toMatch(/BV-02 Blusdeken bij de kookplaats\s+Major/);
    expect(summary).toMatch(/11\s+maximum bewoners/);
    await screenshot(page, 'auditor-indienen-desktop');
    await expectAccessiblePage(page);
    // Irreversible, so not at the first click: without the tick the page asks for it, and nothing is submitted.
    await page.locator('#veld-bevestigd').evaluate((box) => box.removeAttribute('required'));
    await page.getByRole('button', { name: 'Definitief indienen' }).click();
    await expect(page.locator('#veld-bevestigd-fout').innerText()).resolves.toBe('Vink eerst aan dat u de antwoorden hebt gecontroleerd.');
    expect((await t.http.get(`/v1/inspecties/${today}`).set(scenario.as('auditor')).expect(200)).body.status).not.toBe('ingediend');
    // The tick says what will happen: the one finding goes to the landlord with its deadline.
    await expect(page.locator('label', { has: page.locator('#veld-bevestigd') }).innerText()).resolves.toContain(
      'krijgt de verhuurder 1 bevinding',
    );
    await page.locator('#veld-bevestigd').check();
    await page.getByRole('button', { name: 'Definitief indienen' }).click();
    await page.waitForURL(`**/app/keuringen/${today}?ingediend=1`);
    const result = await page.locator('main').innerText();
    expect(result).toContain('De keuring is ingediend.');
    expect(result).toMatch(/Uitslag[\s\S]*11\s+maximum bewoners[\s\S]*BV-02 Blusdeken bij de kookplaats\s+Major/);
    expect((await t.http.get(`/v1/inspecties/${today}`).set(scenario.as('auditor')).expect(200)).body.status).toBe('ingediend');
    await expect(page.locator('#criterium-RU-01 input').count()).resolves.toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'auditor-uitslag-phone');
    await expectAccessiblePage(page);
  });

  it('keeps the checklist working offline and sends answers and a photo exactly once on reconnecting', async () => {
    const id = await plan(await location());
    const context = await browser.context({ phone: true });
    const page = await context.newPage();
    await signInAs(page, AUDITOR_EMAIL, PASSWORD);
    await screenshot(page, 'auditor-keuringen-phone');
    await expectAccessiblePage(page);
    await page.goto(`/app/keuringen/${id}`);
    // Kept by the service worker, which answers every navigation under /app/ from now on.
    await page.waitForSelector('html[data-offline-ready]', { state: 'attached' });
    await expect(page.locator('[data-offline-note]').innerText()).resolves.toBe('Deze keuring werkt ook zonder verbinding.');

    await context.setOffline(true);
    await measure(page, 'RU-01', 100);
    await page.locator('#criterium-VZ-04 input[value="voldoet"]').check();
    // Voldoet niet opens the remark by itself: it is required.
    await page.locator('#criterium-BZ-01 input[value="voldoet-niet"]').check();
    await page.locator('#veld-BZ-01-opmerking').fill('Twee bewoners te veel');
    await page.locator('#veld-BZ-01-opmerking').press('Tab');
    await page.locator('#veld-BZ-02-foto').setInputFiles({ name: 'slaapkamer.png', mimeType: 'image/png', buffer: PNG });
    await waitForSyncState(page, '4 wijzigingen wachten op verbinding');
    await expect(page.locator('#criterium-RU-01 [data-answer-state]').innerText()).resolves.toBe('Wacht op verbinding');

    // A reload without a connection opens the kept page, with the queued answers filled in.
    await page.reload();
    await expect(page.locator('h1').innerText()).resolves.toBe('Keuring');
    await waitForSyncState(page, '4 wijzigingen wachten op verbinding');
    await expect(page.locator('#veld-RU-01-meetwaarde').inputValue()).resolves.toBe('100');
    await expect(page.locator('#criterium-BZ-01 input[value="voldoet-niet"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('#criterium-BZ-02 [data-evidence-list]').innerText()).resolves.toContain(
      'slaapkamer.png — foto wacht op verbinding',
    );
    await expect(page.locator('[data-running-max]').innerText()).resolves.toBe('8');
    // The queued answers count in their sections (RU-01 measured, BZ-01 judged), before anything was sent.
    await expect(page.locator('[data-section-count="RU"]').innerText()).resolves.toMatch(/^1\//);
    await pageShot(page, 'auditor-checklist-phone-offline');
    expect(await restAnswers(id)).toEqual({});

    // Back online; the sync is set off twice at once, and the queue still sends everything once.
    await context.setOffline(false);
    await page.evaluate(`window.dispatchEvent(new Event('online')); window.dispatchEvent(new Event('online'));`);
    await waitForSyncState(page, 'Alles opgeslagen');
    const answers = await restAnswers(id);
    expect(Object.keys(answers).sort()).toEqual(['BZ-01', 'RU-01', 'VZ-04']);
    expect(answers['RU-01']).toMatchObject({ meetwaarde: 100, personenOndersteund: 8 });
    expect(answers['BZ-01']).toMatchObject({ resultaat: 'voldoet-niet', opmerking: 'Twee bewoners te veel' });
    expect((await restEvidence(id)).map((e) => e.criteriumCode)).toEqual(['BZ-02']);

    // A photo sent again under its client reference (a retry after a lost reply) is not stored twice.
    const [{ client_reference: reference }] = await t.sql<{ client_reference: string }>(
      'SELECT client_reference FROM document WHERE inspection_id = $1',
      [id],
    );
    const photo =
      `(() => {
      const form = new FormData();
      form.append('criteriumCode', 'BZ-02');
      form.append('bestand', new Blob([Uint8Array.from(atob('${PNG.toString('base64')}'), (c) => c.charCodeAt(0))], { type: 'image/png' ` +
      `}), 'slaapkamer.png');
      return form;
    })()`;
    const again = await fetchFromPage(page, `/app/keuringen/${id}/bewijs/${reference}`, { body: photo });
    expect(again).toBe(201);
    expect(await restEvidence(id)).toHaveLength(1);
    await page.reload();
    await waitForSyncState(page, 'Alles opgeslagen');
    await expect(page.locator('[data-sync-now]').isVisible()).resolves.toBe(false);
    await pageShot(page, 'auditor-checklist-phone');
  });

  it('works as plain forms without script, and names a wrong measurement', async () => {
    const id = await plan(await location());
    const context = await browser.browser.newContext({ baseURL: browser.baseUrl, locale: 'nl-NL', javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, AUDITOR_EMAIL, PASSWORD);
    await page.goto(`/app/keuringen/${id}`);
    await page.locator('#veld-PR-01-meetwaarde').fill('2.5');
    await page.locator('#criterium-PR-01').getByRole('button', { name: 'Antwoord opslaan' }).click();
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('Vul een geldige meetwaarde in');
    await page.locator('#veld-PR-01-meetwaarde').fill('3');
    await page.locator('#criterium-PR-01').getByRole('button', { name: 'Antwoord opslaan' }).click();
    await expect(page.locator('#criterium-PR-01 [data-supports]').innerText()).resolves.toBe('Ondersteunt 6 personen');
    await page.locator('#criterium-VZ-04 input[value="voldoet"]').check();
    await page.locator('#criterium-VZ-04').getByRole('button', { name: 'Antwoord opslaan' }).click();
    await page.locator('#veld-VZ-04-foto').setInputFiles({ name: 'wasruimte.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('#criterium-VZ-04').getByRole('button', { name: 'Foto uploaden' }).click();
    await expect(page.locator('#criterium-VZ-04 [data-evidence-list]').innerText()).resolves.toBe('wasruimte.png');
    const answers = await restAnswers(id);
    expect(answers['PR-01']).toMatchObject({ meetwaarde: 3, personenOndersteund: 6 });
    expect(answers['VZ-04'].resultaat).toBe('voldoet');
    expect(await restEvidence(id)).toHaveLength(1);
    await context.close();
  });

  it('speaks English to an English browser, the live figures too', async () => {
    const id = await plan(await location());
    const page = await (await browser.context({ locale: 'en-GB' })).newPage();
    await signInAs(page, AUDITOR_EMAIL, PASSWORD);
    await expect(page.locator('h2#vandaag').innerText()).resolves.toMatch(/^Today/);
    await page.goto(`/app/keuringen/${id}`);
    await expect(page.locator('.capacity-figure').innerText()).resolves.toMatch(/Maximum residents so far\s+–\s+of 14 requested/);
    // The norm speaks English too: sections, criteria and their guidance (issue 17).
    await expect(page.locator('h2#sectie-SA-titel').innerText()).resolves.toBe('SA · Sanitary facilities');
    await expect(page.locator('#criterium-BV-02 h3').innerText()).resolves.toBe('BV-02 Fire blanket at the hob');
    await expect(page.locator('#criterium-BV-02 .guidance p').getAttribute('lang')).resolves.toBe('en');
    await page.locator('#veld-SA-01-meetwaarde').fill('1');
    await expect(page.locator('#criterium-SA-01 [data-supports]').innerText()).resolves.toBe('Supports 8 persons');
    await page.locator('#veld-SA-01-meetwaarde').press('Tab');
    await page
      .locator('#criterium-SA-01 [data-answer-state]')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await waitForSyncState(page, 'Everything saved');
    expect((await restAnswers(id))['SA-01']).toMatchObject({ meetwaarde: 1, personenOndersteund: 8 });
  });

  it('shows another auditor’s inspection as not found, and refuses its answers', async () => {
    const id = await plan(await location());
    await t.http
      .post('/v1/gebruikers')
      .set(scenario.as('admin'))
      .send({
        email: 'andere-auditor@scenario.test',
        wachtwoord: PASSWORD,
        naam: 'Andere auditor',
        rol: 'auditor',
        organisatieId: scenario.id('body'),
      })
      .expect(201);
    const page = await (await browser.context()).newPage();
    await signInAs(page, 'andere-auditor@scenario.test', PASSWORD);
    await expect(page.locator('tbody tr').count()).resolves.toBe(0);
    const response = await page.goto(`/app/keuringen/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').innerText()).resolves.toBe('Niet gevonden');
    const status = await fetchFromPage(page, `/app/keuringen/${id}/antwoorden/VZ-04`, {
      body: `JSON.stringify({ resultaat: 'voldoet' })`,
      json: true,
    });
    expect(status).toBe(404);
    expect(await restAnswers(id)).toEqual({});
  });
});
