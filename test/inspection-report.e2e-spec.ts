import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type request from 'supertest';
import { PNG } from './support/files';
import { createScenario, PASSING_MEASUREMENTS, type Scenario, YES_NO_CODES, withNotice } from './support/scenario';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

/** Supertest buffers only text and JSON; the PDF is collected as bytes, a problem still parsed as JSON. */
function binary(response: request.Response, callback: (error: Error | null, body: unknown) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => {
    const bytes = Buffer.concat(chunks);
    callback(null, /json/.test(String(response.headers['content-type'])) ? JSON.parse(bytes.toString('utf8')) : bytes);
  });
}

/** The text of a PDF as poppler's pdftotext reads it (what a person or a screen reader gets out of it). */
function pdfText(pdf: Buffer): string {
  const directory = mkdtempSync(join(tmpdir(), 'keurmerk-report-'));
  writeFileSync(join(directory, 'report.pdf'), pdf);
  return execFileSync('pdftotext', ['-layout', join(directory, 'report.pdf'), '-'], { encoding: 'utf8' });
}

const EXPLANATION = 'Afgewezen: de blusdeken bij het fornuis ontbreekt. Na herstel volgt een herinspectie van BV-02.';
const REMARK = 'Geen blusdeken in de keuken; de haak hangt leeg naast het fornuis.';

/** The landlord's inspection report (issue 15 item 4): who gets it when, and what it says. */
describe('the inspection report', () => {
  let t: TestApp;
  let s: Scenario;
  let inspectionId: string;

  const report = (who: string) => t.http.get(`/v1/inspecties/${inspectionId}/rapport`).set(s.as(who)).buffer(true).parse(binary);

  beforeAll(async () => {
    t = await startTestApp();
    s = await createScenario(t, 'ir');
    const locationId = await s.location();
    const planned = await t.http
      .post('/v1/inspecties')
      .set(s.as('admin'))
      .send({ locatieId: locationId, auditorId: s.id('auditor'), soort: 'initieel', gepland: withNotice(t.now()) })
      .expect(201);
    inspectionId = planned.body.id;
    const answer = (code: string, body: object) =>
      t.http.put(`/v1/inspecties/${inspectionId}/antwoorden/${code}`).set(s.as('auditor')).send(body).expect(200);
    for (const [code, meetwaarde] of Object.entries(PASSING_MEASUREMENTS)) await answer(code, { meetwaarde });
    for (const code of YES_NO_CODES) {
      await answer(code, code === 'BV-02' ? { resultaat: 'voldoet-niet', opmerking: REMARK } : { resultaat: 'voldoet' });
    }
    for (const name of ['keuken.png', 'haak.png']) {
      await t.http
        .post(`/v1/inspecties/${inspectionId}/bewijsstukken`)
        .set(s.as('auditor'))
        .field('criteriumCode', 'BV-02')
        .attach('bestand', PNG, name)
        .expect(201);
    }
    await t.http.post(`/v1/inspecties/${inspectionId}/indieningen`).set(s.as('auditor')).expect(201);
  }, 300_000);
  afterAll(() => t?.close());

  it('is refused to the landlord before the decision (404), to a municipality (403) and to another landlord (404)', async () => {
    expectProblem(await report('verhuurderA'), 404);
    expectProblem(await report('verhuurderB'), 404);
    expectProblem(await report('municipality'), 403);
    await t.http.get('/v1/inspecties/00000000-0000-4000-8000-000000000000/rapport').set(s.as('admin')).expect(404);
  });

  it('is there for staff and the inspection’s auditor before the decision, saying no decision yet', async () => {
    for (const who of ['admin', 'certifier', 'auditor']) {
      const response = await report(who);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
    }
    expect(pdfText((await report('auditor')).body as Buffer)).toContain('Er is nog geen besluit over deze inspectie.');
  });

  it('after the decision, gives the landlord every answer, each finding with remark and deadline, photos, score, maximum', async () => {
    await t.http
      .post(`/v1/inspecties/${inspectionId}/besluiten`)
      .set(s.as('certifier'))
      .send({ uitkomst: 'afwijzen', toelichting: EXPLANATION })
      .expect(201);
    const response = await report('verhuurderA');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const pdf = response.body as Buffer;
    if (process.env.REPORT_PDF_OUT) writeFileSync(process.env.REPORT_PDF_OUT, pdf);
    // pdftotext -layout keeps lines; a long explanation may wrap, so compare with white space collapsed.
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain(EXPLANATION);
    expect(text).toContain('Besluit: afgewezen');
    expect(text).toContain(REMARK);
    const [finding] = await t.sql<{ repair_deadline: string }>(`SELECT repair_deadline::text FROM finding WHERE inspection_id = $1`, [
      inspectionId,
    ]);
    const [year, month, day] = finding.repair_deadline.split('-');
    expect(text).toContain(`Major · herstellen vóór ${day}-${month}-${year}`);
    // Score 95 of the worked example less the blanket's points; maximum 11 (the fridge); two photos.
    const [{ score }] = await t.sql<{ score: number }>(`SELECT (result ->> 'score')::int AS score FROM inspection WHERE id = $1`, [
      inspectionId,
    ]);
    // The four boxes: score, maximum residents, knock-out / major / minor, photos.
    expect(text).toContain(`${score}% 11 0/1/0 2`);
    for (const code of [...Object.keys(PASSING_MEASUREMENTS), ...YES_NO_CODES]) expect(text).toContain(code);
    expect(text).toContain('180 m² · 15 personen');
  });
});
