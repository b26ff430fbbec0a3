import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { answerBody, createScenario, PASSING_MEASUREMENTS, PASSWORD, YES_NO_CODES, type Scenario, withNotice } from '../support/scenario';
import { CertificateIssuer } from '@keurmerk/certificates';
import { PDF } from '../support/files';
import { describeBrowser, expectAccessiblePage, openBrowser, screenshot, type BrowserSession } from '../support/browser';

const CERTIFIER = 'cf-certifier@scenario.test';

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A small striped PNG photo, so the screenshots show what a certifier sees. */
function photo(width = 320, height = 240): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push(...(Math.floor((x + y) / 24) % 2 === 0 ? [70, 120, 170] : [230, 200, 120]));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PHOTO = photo();

type Box = { top: number; bottom: number; left: number; right: number };

/**
 * Where the answers and the decision's aside are, read in one go: two separate reads can straddle a
 * layout shift (a lazy photo loading, the error summary taking focus) and compare two moments.
 */
function boxes(page: Page): Promise<Record<'answers' | 'aside', Box>> {
  return page.evaluate(`(() => {
    const box = (selector) => {
      const { top, bottom, left, right } = document.querySelector(selector).getBoundingClientRect();
      return { top, bottom, left, right };
    };
    return { answers: box('.answers'), aside: box('.decision-aside') };
  })()`);
}

describeBrowser('web app: the certifier', () => {
  let t: TestApp;
  let scenario: Scenario;
  let browser: BrowserSession;
  let house = 300;

  /** A location of landlord A, registered through the REST API. */
  const location = (): Promise<string> => scenario.location({ postcode: '2671KL', straatnaam: 'Middel Broekweg', huisnummer: house++ });

  /** A submitted inspection with photos, every answer passing unless overridden, by the given auditor. */
  async function submitted(
    overrides: Record<string, object> = {},
    auditor = 'auditor',
    /** Apply first, with a floor plan: the inspection then answers that application. */
    withApplication = false,
  ): Promise<{ inspectionId: string; locationId: string }> {
    const locationId = await location();
    if (withApplication) {
      const application = (await t.http.post('/v1/aanvragen').set(scenario.as('verhuurderA')).send({ locatieId: locationId }).expect(201))
        .body.id as string;
      const uploaded = await t.http
        .post(`/v1/aanvragen/${application}/documenten`)
        .set(scenario.as('verhuurderA'))
        .attach('bestand', PDF, { filename: 'plattegrond.pdf', contentType: 'application/pdf' })
        .expect(201);
      // The REST API names no kind; the web form does. Set here as the landlord's form would have.
      await t.sql(`UPDATE document SET kind = 'plattegrond' WHERE id = $1`, [uploaded.body.id]);
    }
    const planned = await t.http
      .post('/v1/inspecties')
      .set(scenario.as('admin'))
      .send({ locatieId: locationId, auditorId: scenario.id(auditor), soort: 'initieel', gepland: withNotice(t.now()) });
    expect(planned.status).toBe(201);
    const id = planned.body.id as string;
    const answer = (code: string, body: object) =>
      t.http.put(`/v1/inspecties/${id}/antwoorden/${code}`).set(scenario.as(auditor)).send(body).expect(200);
    for (const [code, meetwaarde] of Object.entries(PASSING_MEASUREMENTS))
      await answer(code, answerBody(overrides[code] ?? { meetwaarde }));
    for (const code of YES_NO_CODES) await answer(code, answerBody(overrides[code] ?? { resultaat: 'voldoet' }));
    for (const [code, name] of [
      ['RU-01', 'slaapkamer.png'],
      ['BV-02', 'blusdeken.png'],
    ]) {
      await t.http
        .post(`/v1/inspecties/${id}/bewijsstukken`)
        .set(scenario.as(auditor))
        .field('criteriumCode', code)
        .attach('bestand', PHOTO, { filename: name, contentType: 'image/png' })
        .expect(201);
    }
    await t.http.post(`/v1/inspecties/${id}/indieningen`).set(scenario.as(auditor)).expect(201);
    return { inspectionId: id, locationId };
  }

  const signedIn = (email: string, options: { phone?: boolean } = {}): Promise<Page> => browser.signedIn(email, PASSWORD, options);

  beforeAll(async () => {
    t = await startTestApp();
    scenario = await createScenario(t, 'cf');
    browser = await openBrowser(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('opens a submitted inspection, sees answers, photos and findings, grants it and sees the result', async () => {
    const { inspectionId } = await submitted(
      { 'BH-02': { resultaat: 'voldoet-niet', opmerking: 'Klachtenprocedure alleen in het Nederlands.' } },
      'auditor',
      true,
    );
    const page = await signedIn(CERTIFIER);
    expect(new URL(page.url()).pathname).toBe('/app/besluiten');
    const row = page.locator('table.waiting tbody tr', { hasText: 'Middel Broekweg 300' });
    await expect(row.innerText()).resolves.toContain('1 minor');
    await expect(row.innerText()).resolves.toContain('auditor');
    await screenshot(page, 'certifier-besluiten-desktop');
    await expectAccessiblePage(page);

    await row.getByRole('link').click();
    await page.waitForURL(`**/app/besluiten/${inspectionId}`);
    await expect(page.locator('#criterium-RU-01').innerText()).resolves.toMatch(/Gemeten: 180 m²/);
    await expect(page.locator('#criterium-BH-02').innerText()).resolves.toContain('Voldoet niet');
    await expect(page.locator('#criterium-BH-02').innerText()).resolves.toContain('Klachtenprocedure alleen in het Nederlands.');
    await expect(page.locator('.finding-list').innerText()).resolves.toContain('BH-02');
    // The photos are shown inline, streamed privately with their own type.
    const image = page.locator('#criterium-RU-01 img');
    await expect(image.getAttribute('alt')).resolves.toBe('Foto: slaapkamer.png');
    await expect(image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth)).resolves.toBe(320);
    const bytes = await page.request.get((await image.getAttribute('src'))!);
    expect(bytes.headers()['content-type']).toBe('image/png');
    expect(bytes.headers()['cache-control']).toBe('private, no-store');
    // Side by side on a desktop: the answers left of the result and decision.
    const desktop = await boxes(page);
    expect(desktop.aside.left).toBeGreaterThan(desktop.answers.right - 1);
    // Photos further down load when scrolled to (loading="lazy"); the screenshot shows them loaded.
    const lower = page.locator('#criterium-BV-02 img');
    await lower.scrollIntoViewIfNeeded();
    await expect(
      lower.evaluate((element) =>
        (element as unknown as { decode(): Promise<void> })
          .decode()
          .then(() => (element as unknown as { naturalWidth: number }).naturalWidth),
      ),
    ).resolves.toBe(320);
    await expectAccessiblePage(page);
    await screenshot(page, 'certifier-besluit-desktop');

    // The application's documents, against what the norm version asks, where the decision is made.
    const documents = page.locator('#aanvraagdocumenten').locator('..');
    await expect(documents.locator('.required-document--missing').count()).resolves.toBe(4);
    const plan = documents.getByRole('link', { name: 'plattegrond.pdf' });
    const planBytes = await page.request.get((await plan.getAttribute('href'))!);
    expect(planBytes.status()).toBe(200);
    expect(planBytes.headers()['content-type']).toBe('application/pdf');

    // What the decision does is said before it is made: 11 residents, 12 months, nothing to replace.
    const consequences = await page.locator('.consequences').innerText();
    expect(consequences).toContain('Toekennen: er wordt een certificaat uitgegeven voor 11 bewoners, 12 maanden geldig.');
    expect(consequences).toContain('Afwijzen: de locatie krijgt geen certificaat.');

    // Without an explanation: said beside the field.
    await page.getByLabel('Toekennen').check();
    await page.getByLabel('Toelichting').fill('  ');
    await page.locator('#veld-bevestigd').check();
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.locator('#veld-toelichting-fout').waitFor();
    // The tick is not kept: each attempt confirms anew.
    await expect(page.locator('#veld-bevestigd').isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Toekennen').isChecked()).resolves.toBe(true);

    // Without the tick (the browser's own check bypassed, as an old browser would): 400, nothing decided.
    await page.getByLabel('Toelichting').fill('Voldoet; de minor wordt binnen de termijn hersteld.');
    await page.locator('#veld-bevestigd').evaluate((box) => ((box as unknown as { required: boolean }).required = false));
    const [unticked] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Besluit vastleggen' }).click(),
    ]);
    expect(unticked.status()).toBe(400);
    await expect(page.locator('#veld-bevestigd-fout').innerText()).resolves.toContain('Er is nog niets besloten.');
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('Vink aan dat u hebt gelezen wat het besluit doet.');
    await expectAccessiblePage(page);
    await screenshot(page, 'certifier-besluit-onbevestigd-desktop');
    const still = await t.http.get(`/v1/inspecties/${inspectionId}`).set(scenario.as('certifier')).expect(200);
    expect(still.body.status).toBe('ingediend');

    await page.getByLabel('Ik heb gelezen wat het besluit doet en leg het definitief vast.').check();
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.waitForURL(/besloten=1/);
    await expect(page.locator('.notice').innerText()).resolves.toMatch(/toegekend\. Certificaat KM-\d{4}-\d{6}-\d wordt uitgegeven/);
    await expect(page.locator('.decision-result').innerText()).resolves.toContain('Toegekend');
    await expect(page.locator('.decision-result .issued').innerText()).resolves.toContain('vernieuw de pagina');
    await expect(page.locator('.decision-form').count()).resolves.toBe(0);
    await expectAccessiblePage(page);

    // Once the issuer has published it, the same page links to the certificate.
    const number = new URL(page.url()).searchParams.get('certificaat')!;
    await t.app.get(CertificateIssuer).issue(number);
    await page.reload();
    await expect(page.locator('.decision-result .issued').innerText()).resolves.toBe(
      `Certificaat ${number} is uitgegeven. Certificaat bekijken`,
    );
    await page.getByRole('link', { name: 'Certificaat bekijken' }).click();
    await page.waitForURL(`**/controleer/${number}`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Certificaat is geldig');
    const decision = (await t.http.get(`/v1/inspecties/${inspectionId}/besluit`).set(scenario.as('certifier')).expect(200)).body;
    expect(decision.uitkomst).toBe('toekennen');

    await page.goto('/app/besluiten');
    await expect(page.locator('table.waiting tbody tr', { hasText: 'Middel Broekweg 300' }).count()).resolves.toBe(0);
  });

  it('shows why a grant is refused: open blocking findings, and the auditor deciding on its own inspection', async () => {
    const { inspectionId } = await submitted({ 'VZ-04': { resultaat: 'voldoet-niet' } });
    const page = await signedIn(CERTIFIER, { phone: true });
    await screenshot(page, 'certifier-besluiten-phone');
    await page.goto(`/app/besluiten/${inspectionId}`);
    await screenshot(page, 'certifier-besluit-phone');
    await expectAccessiblePage(page);
    await page.getByLabel('Toekennen').check();
    await page.getByLabel('Toelichting').fill('Toch toekennen?');
    await page.locator('#veld-bevestigd').check();
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.locator('.error-summary').waitFor();
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('kan niet worden toegekend');
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('VZ-04');
    // Stacked on a phone: the result and decision above the answers.
    const phone = await boxes(page);
    expect(phone.answers.top).toBeGreaterThan(phone.aside.bottom - 1);

    // An auditor who later became a certifier may not decide on its own inspection (four eyes).
    await t.http
      .post('/v1/gebruikers')
      .set(scenario.as('admin'))
      .send({ email: 'cf-dubbel@scenario.test', wachtwoord: PASSWORD, naam: 'Dubbel', rol: 'auditor', organisatieId: scenario.id('body') })
      .expect(201);
    const [{ id: dual }] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE email = 'cf-dubbel@scenario.test'`);
    const own = await ownInspectionOf(dual);
    await t.sql(`UPDATE user_account SET role = 'certificeerder', organisation_id = NULL WHERE id = $1`, [dual]);
    const dualPage = await signedIn('cf-dubbel@scenario.test');
    await dualPage.goto(`/app/besluiten/${own}`);
    await dualPage.getByLabel('Afwijzen').check();
    await dualPage.getByLabel('Toelichting').fill('Mijn eigen keuring.');
    await dualPage.locator('#veld-bevestigd').check();
    const [response] = await Promise.all([
      dualPage.waitForResponse((r) => r.request().method() === 'POST'),
      dualPage.getByRole('button', { name: 'Besluit vastleggen' }).click(),
    ]);
    expect(response.status()).toBe(403);
    await expect(dualPage.locator('.error-summary').innerText()).resolves.toContain('vier-ogenprincipe');
    const undecided = await t.http.get(`/v1/inspecties/${own}`).set(scenario.as('certifier')).expect(200);
    expect(undecided.body.status).toBe('ingediend');
  });

  /** An inspection planned for, answered and submitted by a freshly made auditor. */
  async function ownInspectionOf(auditorId: string): Promise<string> {
    const token = await t.signIn('cf-dubbel@scenario.test', PASSWORD);
    const locationId = await location();
    const planned = await t.http
      .post('/v1/inspecties')
      .set(scenario.as('admin'))
      .send({ locatieId: locationId, auditorId, soort: 'initieel', gepland: withNotice(t.now()) })
      .expect(201);
    const id = planned.body.id as string;
    const auth = { Authorization: `Bearer ${token}` };
    for (const [code, meetwaarde] of Object.entries(PASSING_MEASUREMENTS))
      await t.http.put(`/v1/inspecties/${id}/antwoorden/${code}`).set(auth).send({ meetwaarde }).expect(200);
    for (const code of YES_NO_CODES)
      await t.http.put(`/v1/inspecties/${id}/antwoorden/${code}`).set(auth).send({ resultaat: 'voldoet' }).expect(200);
    await t.http.post(`/v1/inspecties/${id}/indieningen`).set(auth).expect(201);
    return id;
  }

  it('reviews a reported repair with its evidence and accepts it', async () => {
    const { locationId } = await submitted({ 'VZ-04': { resultaat: 'voldoet-niet' } });
    const findings = (await t.http.get(`/v1/bevindingen?locatieId=${locationId}`).set(scenario.as('verhuurderA')).expect(200)).body
      .resultaten as { id: string }[];
    await t.http
      .post(`/v1/bevindingen/${findings[0].id}/herstelmeldingen`)
      .set(scenario.as('verhuurderA'))
      .field('omschrijving', 'Tweede wasmachine geplaatst.')
      .attach('bestand', PHOTO, { filename: 'wasruimte.png', contentType: 'image/png' })
      .expect(201);

    const page = await signedIn(CERTIFIER);
    await page.getByRole('link', { name: 'Herstel beoordelen' }).click();
    await page.waitForURL('**/app/besluiten/bevindingen');
    const item = page.locator('.review', { hasText: 'Middel Broekweg' }).filter({ hasText: 'VZ-04' });
    await expect(item.innerText()).resolves.toContain('Tweede wasmachine geplaatst.');
    const evidence = item.locator('img');
    await expect(evidence.getAttribute('alt')).resolves.toBe('Bewijs: wasruimte.png');
    const image = await page.request.get((await evidence.getAttribute('src'))!);
    expect(image.headers()['content-type']).toBe('image/png');
    await screenshot(page, 'certifier-herstel-desktop');
    await expectAccessiblePage(page);

    await item.getByLabel('Accepteren: bevinding sluiten').check();
    await item.getByLabel('Toelichting').fill('Foto toont de tweede wasmachine.');
    await item.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    await page.waitForURL(/beoordeeld=1/);
    await expect(page.locator('.notice').innerText()).resolves.toContain('vastgelegd');
    const finding = (await t.http.get(`/v1/bevindingen/${findings[0].id}`).set(scenario.as('certifier')).expect(200)).body;
    expect(finding.status).toBe('gesloten');
    await expect(page.locator('.review', { hasText: 'Tweede wasmachine geplaatst.' }).count()).resolves.toBe(0);
  });

  it('refuses a decision posted without the form token (403) and decides nothing', async () => {
    const { inspectionId } = await submitted();
    const page = await signedIn(CERTIFIER);
    const response = await page.request.post(`/app/besluiten/${inspectionId}`, {
      form: { uitkomst: 'toekennen', toelichting: 'Zonder token' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    const inspection = (await t.http.get(`/v1/inspecties/${inspectionId}`).set(scenario.as('certifier')).expect(200)).body;
    expect(inspection.status).toBe('ingediend');
    // With the page's token the same post is accepted: the refusal was the token's.
    const token = await page.locator('meta[name="csrf-token"]').getAttribute('content');
    const accepted = await page.request.post(`/app/besluiten/${inspectionId}`, {
      form: { _csrf: token!, uitkomst: 'afwijzen', toelichting: 'Met token', bevestigd: 'ja' },
      maxRedirects: 0,
    });
    expect(accepted.status()).toBe(303);
  });
});
