import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import type { PersonPrincipal } from '@keurmerk/accounts';
import { Clock } from '@keurmerk/common';
import { ComplaintExceptionCode, ComplaintService } from '@keurmerk/complaints';
import { addDays } from '@keurmerk/norm';
import { PlanningRequestService } from '@keurmerk/surveillance';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app';
import { accounts, createScenario, PASSING_MEASUREMENTS, PASSWORD, type Scenario, YES_NO_CODES } from '../support/scenario';
import { describeBrowser, openBrowser, signInAs, type BrowserSession, expectNoAxeViolations } from '../support/browser';

const SHOTS = join(process.cwd(), '..', 'planning-shots');
const AXE = join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js');
const LANDLORD = 'pl-verhuurderA@scenario.test';
const FREE_AUDITOR = { email: 'bram@pl.test', name: 'Bram Beschikbaar' };
/** An unusual minute, so finding it on a page means the planned time and nothing else. */
const PLANNED_TIME = '07:47';
/** Room for a busy machine (several helpers' suites and browsers on two cores). */
const TEST_TIMEOUT = 240_000;

interface PlannedRequest {
  id: string;
  locatieId: string;
  reden: string;
  soort: string;
  uiterlijk: string;
  status: string;
  certificaatnummer?: string;
  inspectieId?: string;
}

/*
 * The beheerder's planning in Chromium: a complaint marked "inspectie nodig" becomes one planning
 * request; the planning page shows open requests by deadline with the overdue marked and the
 * auditors' load; planning from a request fills in location and kind and marks it planned. And the
 * landlord's location page shows nothing of that unannounced inspection until the auditor submits it.
 */
describeBrowser('web app: planning requests and unannounced inspections', () => {
  let t: TestApp;
  let s: Scenario;
  let browser: BrowserSession;
  let today: string;
  let admin: PersonPrincipal;
  let freeAuditor: { id: string; token: string };
  let overdueAt: { locationId: string; number: string };
  let complainedAbout: { locationId: string; number: string };
  let changedAt: { locationId: string; number: string };
  let uncertified: string;

  const shot = async (page: Page, name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    await expectNoAxeViolations(page);
  };
  const openRequests = async (): Promise<PlannedRequest[]> =>
    (await t.http.get('/v1/planningsverzoeken').set(s.as('admin')).query({ paginaGrootte: 100 }).expect(200)).body.resultaten;
  const complaintAbout = async (certificaatnummer: string): Promise<string> => {
    const { referentie } = (
      await t.http
        .post('/v1/meldingen')
        .send({ certificaatnummer, omschrijving: 'Er slapen veel meer mensen dan er bedden zijn.', taal: 'nl' })
        .expect(201)
    ).body;
    const [row] = await t.sql<{ id: string }>('SELECT id FROM complaint WHERE reference = $1', [referentie]);
    return row.id;
  };
  const adminPage = async (): Promise<Page> => browser.signedIn(ADMIN.email, ADMIN.password);

  beforeAll(async () => {
    t = await startTestApp();
    s = await createScenario(t, 'pl');
    freeAuditor = await accounts(t).user(FREE_AUDITOR.email, 'auditor', { organisatieId: s.id('body') }, FREE_AUDITOR.name);
    overdueAt = await s.certifiedLocation({ straatnaam: 'Achterstandweg', huisnummer: 1 });
    complainedAbout = await s.certifiedLocation({ straatnaam: 'Klachtenlaan', huisnummer: 2 });
    changedAt = await s.certifiedLocation({ straatnaam: 'Wijzigingstraat', huisnummer: 3 });
    uncertified = await s.location({ straatnaam: 'Nieuwbouwpad', huisnummer: 4 });
    today = t.app.get(Clock).today();
    const me = (await t.http.get('/v1/gebruikers/mij').set(s.as('admin')).expect(200)).body;
    admin = { kind: 'person', userId: me.id, role: 'beheerder' };
    browser = await openBrowser(t);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  }, TEST_TIMEOUT);

  it(
    'opens one melding request when the beheerder marks a complaint "inspectie nodig", however often',
    async () => {
      const first = await complaintAbout(complainedAbout.number);
      const page = await adminPage();
      await page.goto(`/app/beheer/meldingen/${first}`);
      await shot(page, 'complaint-before');
      await page.getByRole('button', { name: 'Inspectie nodig' }).click();
      await page.waitForURL(`**/app/beheer/meldingen/${first}?verzoek=1`);
      expect(await page.locator('.notice').textContent()).toContain('staat op de planning');
      expect(await page.locator('dl.facts').textContent()).toContain('Melding, onaangekondigde keuring, uiterlijk');
      // Asked for, the button is gone; planning directly stays possible.
      expect(await page.getByRole('button', { name: 'Inspectie nodig' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Onaangekondigde keuring plannen' }).waitFor();
      await shot(page, 'complaint-after');

      const requests = (await openRequests()).filter((r) => r.locatieId === complainedAbout.locationId);
      expect(requests).toEqual([
        expect.objectContaining({
          reden: 'melding',
          soort: 'onaangekondigd',
          status: 'open',
          uiterlijk: addDays(today, 28),
          certificaatnummer: complainedAbout.number,
        }),
      ]);
      const complaint = (await t.http.get(`/v1/meldingen/${first}`).set(s.as('admin')).expect(200)).body;
      expect(complaint.status).toBe('in-behandeling');

      // A second complaint about the same location rides on the open request: no second one.
      const second = await complaintAbout(complainedAbout.number);
      const again = await t.app.get(ComplaintService).requestInspection(admin, second);
      expect(again.planningRequestId).toBeNull();
      expect(again.complaint.status).toBe('in-behandeling');
      expect((await t.app.get(ComplaintService).requestInspection(admin, first)).planningRequestId).toBeNull();
      expect((await openRequests()).filter((r) => r.locatieId === complainedAbout.locationId)).toHaveLength(1);
      const logged = await t.sql<{ action: string; entity_type: string }>(
        `SELECT entity_type, action FROM event_log
        WHERE entity_type IN ('complaint', 'planning-request') AND action IN ('opened', 'inspection-requested')
        ORDER BY id`,
      );
      expect(logged).toEqual([
        { entity_type: 'planning-request', action: 'opened' },
        { entity_type: 'complaint', action: 'inspection-requested' },
        { entity_type: 'complaint', action: 'inspection-requested' },
      ]);

      // A closed complaint asks for nothing.
      await t.http
        .post(`/v1/meldingen/${second}/afhandelingen`)
        .set(s.as('admin'))
        .send({ toelichting: 'Samen met de eerste.' })
        .expect(201);
      await expect(t.app.get(ComplaintService).requestInspection(admin, second)).rejects.toMatchObject({
        reason: ComplaintExceptionCode.Closed,
      });
    },
    TEST_TIMEOUT,
  );

  it(
    'shows open requests by deadline with the overdue marked, and who has room, with no axe violations',
    async () => {
      const planning = t.app.get(PlanningRequestService);
      await t.app.get(DataSource).transaction(async (manager) => {
        await planning.openRequest(manager, {
          locationId: overdueAt.locationId,
          reason: 'herinspectie',
          kind: 'periodiek',
          dueDate: addDays(today, -5),
          certificateNumber: overdueAt.number,
        });
        await planning.openRequest(manager, {
          locationId: changedAt.locationId,
          reason: 'wijziging',
          kind: 'herinspectie',
          dueDate: addDays(today, 10),
        });
      });
      // Two inspections for the scenario's auditor in the coming weeks; the other has none.
      for (const days of [2, 8]) {
        await t.http
          .post('/v1/inspecties')
          .set(s.as('admin'))
          .send({
            locatieId: uncertified,
            auditorId: s.id('auditor'),
            soort: 'initieel',
            gepland: `${addDays(today, days)}T09:00:00Z`,
          })
          .expect(201);
      }

      // The pages allow no inline script (CSP); axe is injected into a context that bypasses it, for the test only.
      const context = await browser.browser.newContext({ baseURL: browser.baseUrl, locale: 'nl-NL', bypassCSP: true });
      const page = await context.newPage();
      await signInAs(page, ADMIN.email, ADMIN.password);
      await page.goto('/app/beheer/keuringen');
      const summary = page.locator('.planning-summary');
      expect((await summary.innerText()).replace(/\s+/g, ' ')).toContain('3 planningsverzoeken 1 te laat');
      expect(await summary.locator('li.is-late').count()).toBe(1);

      const rows = page.locator('.planning-requests tbody tr');
      expect(await rows.count()).toBe(3);
      const texts = (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
      expect(texts[0]).toContain('Achterstandweg 1');
      expect(texts[0]).toContain('Te laat');
      expect(texts[0]).toContain('5 dagen te laat');
      expect(texts[0]).toContain('Herinspectie vóór verloop');
      expect(texts[0]).toContain(overdueAt.number);
      expect(await rows.nth(0).getAttribute('class')).toContain('overdue');
      expect(texts[1]).toContain('Wijzigingstraat 3');
      expect(texts[1]).toContain('nog 10 dagen');
      expect(texts[1]).not.toContain('Te laat');
      // Opened without a number, the request names the location's current certificate.
      expect(texts[1]).toContain(changedAt.number);
      expect(texts[2]).toContain('Klachtenlaan 2');
      expect(texts[2]).toContain('Melding');
      expect(texts[2]).toContain('nog 28 dagen');

      const load = page.locator('.auditor-load tbody tr');
      const loadTexts = (await load.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
      expect(loadTexts).toHaveLength(2);
      expect(loadTexts[0]).toMatch(new RegExp(`^${FREE_AUDITOR.name}( 0){4} 0$`));
      expect(loadTexts[1]).toMatch(/^auditor .* 2$/);
      expect(await page.locator('.auditor-load thead th').count()).toBe(6);

      await shot(page, 'planning-desktop');
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } })
          .axe;
        return (await axe.run()).violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html) }));
      });
      expect(violations).toEqual([]);
      // The overview leads with the same counts, linking to the planning.
      await page.goto('/app/beheer');
      const overview = page.locator('.planning-summary');
      expect((await overview.innerText()).replace(/\s+/g, ' ')).toContain('3 planningsverzoeken 1 te laat');
      await expect(overview.locator('li.is-late a').getAttribute('href')).resolves.toBe('/app/beheer/keuringen#verzoeken');
      await shot(page, 'overview');
      await context.close();
      const phone = await browser.signedIn(ADMIN.email, ADMIN.password, { phone: true });
      await phone.goto('/app/beheer/keuringen');
      await shot(phone, 'planning-phone');
    },
    TEST_TIMEOUT,
  );

  it(
    'plans from a request with location and kind filled in, and the request is then ingepland',
    async () => {
      const request = (await openRequests()).find((r) => r.locatieId === complainedAbout.locationId && r.status === 'open')!;
      const page = await adminPage();
      await page.goto('/app/beheer/keuringen');
      await page.locator(`.planning-requests a[href*="verzoek=${request.id}"]`).click();
      await page.getByRole('heading', { name: 'Keuring plannen' }).waitFor();
      expect(await page.getByLabel('Soort keuring').inputValue()).toBe('onaangekondigd');
      expect(await page.locator('.request-facts').textContent()).toContain('Melding');
      expect(await page.locator('main .card').first().textContent()).toContain('Klachtenlaan 2');
      await shot(page, 'planning-form-from-request');

      await page.getByLabel('Auditor', { exact: true }).selectOption(freeAuditor.id);
      await page.locator('[data-conflicts] .notice').waitFor();
      await page.getByLabel('Datum').fill(addDays(today, 2));
      await page.getByLabel('Tijd').fill(PLANNED_TIME);
      await page.getByRole('button', { name: 'Keuring plannen' }).click();
      await page.waitForURL('**/app/beheer/keuringen?gepland=1');
      expect((await page.locator('.planning-summary').innerText()).replace(/\s+/g, ' ')).toContain('2 planningsverzoeken');
      expect(await page.locator('.planning-requests').textContent()).not.toContain('Klachtenlaan 2');
      // The free auditor now has one in the weeks shown.
      expect((await page.locator('.auditor-load tbody tr').allInnerTexts()).map((x) => x.replace(/\s+/g, ' ').trim())[0]).toMatch(
        new RegExp(`^${FREE_AUDITOR.name} .* 1$`),
      );

      const planned = (await t.http.get('/v1/planningsverzoeken').set(s.as('admin')).query({ status: 'ingepland' }).expect(200)).body
        .resultaten as PlannedRequest[];
      const mine = planned.find((r) => r.id === request.id)!;
      expect(mine).toMatchObject({ status: 'ingepland', inspectieId: expect.any(String) });
      const inspection = (await t.http.get(`/v1/inspecties/${mine.inspectieId}`).set(s.as('admin')).expect(200)).body;
      expect(inspection).toMatchObject({ soort: 'onaangekondigd', auditorId: freeAuditor.id, locatieId: complainedAbout.locationId });
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the landlord neither date, time nor auditor of the unannounced inspection until it is submitted',
    async () => {
      const [{ id: inspectionId }] = (
        await t.http
          .get('/v1/inspecties')
          .set(s.as('admin'))
          .query({ locatieId: complainedAbout.locationId, status: 'gepland' })
          .expect(200)
      ).body.resultaten as { id: string }[];
      const landlord = await browser.signedIn(LANDLORD, PASSWORD);
      await landlord.goto(`/app/locaties/${complainedAbout.locationId}`);
      const before = await landlord.locator('main').innerText();
      await landlord.goto('/app/locaties');
      const startBefore = await landlord.locator('main').innerText();
      for (const text of [before, startBefore]) {
        expect(text).not.toContain(PLANNED_TIME);
        expect(text).not.toContain('Onaangekondigde keuring');
        expect(text).not.toContain(FREE_AUDITOR.name);
      }
      await landlord.goto(`/app/locaties/${complainedAbout.locationId}`);
      await shot(landlord, 'landlord-location-before-submission');

      const auditor = { Authorization: `Bearer ${freeAuditor.token}` };
      const answer = (code: string, body: object) =>
        t.http.put(`/v1/inspecties/${inspectionId}/antwoorden/${code}`).set(auditor).send(body).expect(200);
      for (const [code, meetwaarde] of Object.entries(PASSING_MEASUREMENTS)) await answer(code, { meetwaarde });
      for (const code of YES_NO_CODES) await answer(code, { resultaat: 'voldoet' });
      await t.http.post(`/v1/inspecties/${inspectionId}/indieningen`).set(auditor).expect(201);

      await landlord.reload();
      const row = landlord.locator('#keuringen').locator('..').locator('tbody tr', { hasText: 'Onaangekondigde keuring' });
      expect(await row.count()).toBe(1);
      const shown = await row.innerText();
      expect(shown).toContain(PLANNED_TIME);
      // The date as the page writes it was nowhere on the page before.
      const date = shown
        .split('\t')[0]
        .replace(PLANNED_TIME, '')
        .replace(/[,\s]+$/, '');
      expect(date.length).toBeGreaterThan(5);
      expect(before).not.toContain(shown.split('\t')[0].trim());
      await shot(landlord, 'landlord-location-after-submission');
    },
    TEST_TIMEOUT,
  );
});
