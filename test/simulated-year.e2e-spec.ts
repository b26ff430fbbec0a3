import { CertificateIssuer, DailyCertificateProcessor } from '@keurmerk/certificates';
import { FixedClock } from '@keurmerk/common';
import { DailySurveillanceProcessor, MonthlySampleProcessor } from '@keurmerk/surveillance';
import {
  accounts,
  answerBody,
  createScenario,
  PASSING_MEASUREMENTS,
  PASSWORD,
  type Scenario,
  YES_NO_CODES,
  withNotice,
} from './support/scenario';
import { ADMIN, startTestApp, type TestApp } from './support/test-app';
import { until } from './support/until';
import { type Received, WebhookReceiver } from './support/webhook-receiver';

/**
 * Issue 14's acceptance: a year of the closed quality-control loop, driven through the API with the
 * injected clock (never a sleep). Twenty locations are certified in January; the worker's daily and
 * monthly jobs run as the clock moves; a municipality's webhook receiver listens. Along the way: a
 * sample, an unannounced visit its landlord never sees before submission, a periodic inspection that
 * measures less room (the certificate is replaced), a refused later inspection (suspension), a
 * suspension left alone (withdrawn after 90 days), an objection upheld by a second certifier
 * (reinstated), re-inspection requests 90 days before expiry, and expiry itself. After every step no
 * certificate whose validity an event ended is answered `voldoet`.
 */
const SLOW = 600_000;
const LOCATIONS = 20;

describe('a simulated year of closed quality control', () => {
  // Certified on Monday 5 January 2026: valid up to and including 4 January 2027.
  const clock = new FixedClock(new Date('2026-01-05T09:00:00Z'));
  const receiver = new WebhookReceiver();
  let t: TestApp;
  let s: Scenario;
  const certified: { locationId: string; number: string; huisnummer: number }[] = [];
  /** Certificates some event ended (replaced, withdrawn, expired): never `voldoet` again. */
  const ended = new Set<string>();

  const signIn = (who: string) => (who === 'admin' ? t.signIn(ADMIN.email, ADMIN.password) : t.signIn(`yr-${who}@scenario.test`, PASSWORD));
  const as = async (who: string) => ({ Authorization: `Bearer ${await signIn(who)}` });
  const at = (iso: string) => clock.set(new Date(iso));
  /** The worker's day: what its daily and monthly schedules run, in their order. */
  const workerDay = async () => {
    await t.app.get(DailyCertificateProcessor).process();
    await t.app.get(DailySurveillanceProcessor).process();
    await t.app.get(MonthlySampleProcessor).process();
  };
  const certificate = async (number: string) => (await t.http.get(`/v1/certificaten/${number}`).expect(200)).body;
  const verifyNumber = async (number: string) =>
    (await t.http.get('/v1/verificaties').query({ certificaatnummer: number }).expect(200)).body;
  const verifyAddress = async (huisnummer: number) =>
    (await t.http.get('/v1/verificaties').query({ postcode: '2671AB', huisnummer }).expect(200)).body;
  const decide = async (inspectionId: string, uitkomst: 'toekennen' | 'afwijzen', who = 'certifier') =>
    t.http
      .post(`/v1/inspecties/${inspectionId}/besluiten`)
      .set(await as(who))
      .send({ uitkomst, toelichting: `Besluit: ${uitkomst}` });
  const event = (type: string, subject: string) =>
    until(
      () => receiver.requests.find((r) => r.event.type === `nl.keurmerk.certificaat-${type}` && r.event.subject === subject),
      30_000,
      `certificaat-${type} for ${subject}`,
    ) as Promise<Received>;
  /** Planning requests for one reason (the API filters by status; the reason is picked out here). */
  const requests = async ({ reden, ...query }: Record<string, string>) =>
    (
      (
        await t.http
          .get('/v1/planningsverzoeken')
          .set(await as('admin'))
          .query({ paginaGrootte: 100, ...query })
          .expect(200)
      ).body.resultaten as { locatieId: string; reden: string; soort: string; uiterlijk: string; status: string }[]
    ).filter((request) => request.reden === reden);
  /** The promise a permit rests on: nothing an event ended is answered `voldoet`, by number or by address. */
  const noEndedCertificateIsValid = async () => {
    for (const number of ended) {
      const answer = await verifyNumber(number);
      expect([number, answer.voldoet]).toEqual([number, false]);
      expect(answer.certificaat.status).not.toBe('geldig');
    }
    for (const { huisnummer } of certified) {
      const answer = await verifyAddress(huisnummer);
      // An address whose certificate ended answers that certificate, never as voldoet.
      if (answer.certificaat && ended.has(answer.certificaat.certificaatnummer))
        expect([huisnummer, answer.voldoet]).toEqual([huisnummer, false]);
    }
  };
  /** A web app page as the signed-in person sees it: the sign-in form posted back with its token, as a browser would. */
  const webPage = async (email: string, path: string) => {
    const form = await t.http.get('/app/inloggen');
    const cookies = (response: { headers: Record<string, unknown> }) => [response.headers['set-cookie']].flat().map(String);
    const pair = (list: string[], name: string) => list.find((c) => new RegExp(`^(__Host-)?${name}=`).test(c))?.split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const signedIn = await t.http
      .post('/app/inloggen')
      .set('Cookie', pair(cookies(form), 'keurmerk_formulier'))
      .type('form')
      .send({ _csrf: csrf, email, wachtwoord: PASSWORD });
    expect(signedIn.status).toBe(303);
    return t.http.get(path).set('Cookie', pair(cookies(signedIn), 'keurmerk_sessie'));
  };
  /** Plans, answers (passing unless overridden) and submits an inspection, signed in afresh at the clock's time. */
  const inspect = async (locationId: string, overrides: Record<string, object>, soort: string, gepland = withNotice(clock.now())) => {
    const planned = await t.http
      .post('/v1/inspecties')
      .set(await as('admin'))
      .send({ locatieId: locationId, auditorId: s.id('auditor'), soort, gepland })
      .expect(201);
    return complete(planned.body.id as string, overrides);
  };
  /** The assigned auditor answers (passing unless overridden) and submits. */
  const complete = async (id: string, overrides: Record<string, object> = {}) => {
    const auditor = await as('auditor');
    const answer = (code: string, body: object) =>
      t.http.put(`/v1/inspecties/${id}/antwoorden/${code}`).set(auditor).send(answerBody(body)).expect(200);
    for (const [code, meetwaarde] of Object.entries(PASSING_MEASUREMENTS)) await answer(code, overrides[code] ?? { meetwaarde });
    for (const code of YES_NO_CODES) await answer(code, overrides[code] ?? { resultaat: 'voldoet' });
    await t.http.post(`/v1/inspecties/${id}/indieningen`).set(auditor).expect(201);
    return id;
  };
  const issued = async (number: string) => {
    await t.app.get(CertificateIssuer).issue(number);
    return number;
  };

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ clock, withWorker: true, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '200' } });
    s = await createScenario(t, 'yr');
    await accounts(t).user('yr-certifier2@scenario.test', 'certificeerder');
    await t.http
      .post('/v1/abonnementen')
      .set(s.as('municipality'))
      .send({ callbackUrl: receiver.url('/year') })
      .expect(201);
    for (let huisnummer = 1; huisnummer <= LOCATIONS; huisnummer++) {
      certified.push({ ...(await s.certifiedLocation({ huisnummer })), huisnummer });
    }
  }, SLOW);
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  it(
    'January: twenty locations certified, each answered geldig by number and by address',
    async () => {
      expect(certified).toHaveLength(LOCATIONS);
      for (const { number, huisnummer } of certified) {
        expect(await certificate(number)).toMatchObject({ status: 'geldig', geldigVanaf: '2026-01-05', geldigTot: '2027-01-04' });
        expect((await verifyAddress(huisnummer)).voldoet).toBe(true);
      }
      await workerDay();
      // Nothing expires within 90 days yet: no re-inspection asked.
      expect(await requests({ reden: 'herinspectie' })).toEqual([]);
    },
    SLOW,
  );

  it(
    'the sample: ceil(10 %) of the twenty drawn, each with an unannounced request; the worker draws by itself each month',
    async () => {
      const draw = await t.http
        .post('/v1/steekproeven')
        .set(await as('admin'))
        .send({ percentage: 10 })
        .expect(201);
      expect(draw.body).toMatchObject({ percentage: 10, aantalGecertificeerd: LOCATIONS });
      expect(draw.body.locatieIds).toHaveLength(Math.ceil(LOCATIONS * 0.1));
      const sampled = await requests({ reden: 'steekproef' });
      // January's own monthly draw (the worker ran on the 5th) asked for one more.
      expect(sampled.map((r) => r.locatieId)).toEqual(expect.arrayContaining(draw.body.locatieIds));
      expect(sampled.every((r) => r.soort === 'onaangekondigd')).toBe(true);

      // The first of February: the worker's monthly draw (a twelfth of 10 % a year of 20: one location).
      at('2026-02-01T08:00:00Z');
      await workerDay();
      const draws = (
        await t.http
          .get('/v1/steekproeven')
          .set(await as('admin'))
          .expect(200)
      ).body.resultaten as unknown[];
      // January's monthly draw, the beheerder's, February's monthly draw.
      expect(draws.length).toBe(3);
    },
    SLOW,
  );

  it(
    'an unannounced visit stays out of its landlord’s sight until the auditor submits it',
    async () => {
      const [{ locationId }] = certified;
      const planned = await t.http
        .post('/v1/inspecties')
        .set(await as('admin'))
        .send({ locatieId: locationId, auditorId: s.id('auditor'), soort: 'onaangekondigd', gepland: '2026-02-10T08:00:00+01:00' })
        .expect(201);
      const id = planned.body.id as string;
      const landlord = await as('verhuurderA');
      const listed = (await t.http.get('/v1/inspecties').set(landlord).query({ paginaGrootte: 100 }).expect(200)).body.resultaten;
      expect(listed.map((i: { id: string }) => i.id)).not.toContain(id);
      expect((await t.http.get(`/v1/inspecties/${id}`).set(landlord)).status).toBe(404);
      // The landlord's web page of the location shows neither the visit nor its date.
      const page = await webPage('yr-verhuurderA@scenario.test', `/app/locaties/${locationId}`);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('10 feb');
      expect(page.text).not.toMatch(/[Oo]naangekondigd/);

      at('2026-02-10T10:00:00Z');
      const submitted = await complete(id);
      expect((await t.http.get(`/v1/inspecties/${submitted}`).set(await as('verhuurderA'))).status).toBe(200);
    },
    SLOW,
  );

  it(
    'March: a periodic inspection measuring room for 5 replaces the certificate; the municipality hears certificaat-vervangen',
    async () => {
      at('2026-03-02T09:00:00Z');
      const replaced = certified[1];
      // 60 m² of usable floor area supports 5 persons at 12 m² each.
      const inspection = await inspect(replaced.locationId, { 'RU-01': { meetwaarde: 60 } }, 'periodiek');
      const granted = await decide(inspection, 'toekennen');
      expect(granted.status).toBe(201);
      const successor = await issued(granted.body.certificaatnummer as string);
      ended.add(replaced.number);

      expect(await certificate(replaced.number)).toMatchObject({ status: 'vervangen', vervangenDoor: successor });
      expect(await certificate(successor)).toMatchObject({ status: 'geldig', maximaalAantalBewoners: 5, geldigTot: '2027-03-01' });
      const announced = await event('vervangen', replaced.number);
      expect(announced.event.data).toMatchObject({ status: 'vervangen', vervangenDoor: successor });
      // By address: the successor, never the replaced one; by the old number: vervangen, naming the successor.
      expect((await verifyAddress(replaced.huisnummer)).certificaat.certificaatnummer).toBe(successor);
      const old = await verifyNumber(replaced.number);
      expect(old.voldoet).toBe(false);
      expect(old.redenen.map((r: { code: string }) => r.code)).toContain('vervangen');
      await noEndedCertificateIsValid();
    },
    SLOW,
  );

  it(
    'April: a refused later inspection suspends; left alone, the suspension ends in withdrawal on its 90th day',
    async () => {
      at('2026-04-01T09:00:00Z');
      const refused = certified[2];
      const inspection = await inspect(
        refused.locationId,
        { 'BV-02': { resultaat: 'voldoet-niet', opmerking: 'Geen blusdeken' } },
        'periodiek',
      );
      expect((await decide(inspection, 'afwijzen')).status).toBe(201);
      expect(await certificate(refused.number)).toMatchObject({ status: 'geschorst' });
      await event('geschorst', refused.number);
      expect((await verifyNumber(refused.number)).voldoet).toBe(false);

      // Day 89 of the suspension: still suspended. Day 90: withdrawn by the worker.
      at('2026-06-29T09:00:00Z');
      await workerDay();
      expect((await certificate(refused.number)).status).toBe('geschorst');
      at('2026-06-30T09:00:00Z');
      await workerDay();
      expect((await certificate(refused.number)).status).toBe('ingetrokken');
      await event('ingetrokken', refused.number);
      ended.add(refused.number);
      await noEndedCertificateIsValid();
    },
    SLOW,
  );

  it(
    'July: an objection against a suspension, upheld by a second certifier, reinstates the certificate',
    async () => {
      at('2026-07-01T09:00:00Z');
      const contested = certified[3];
      // A suspension by the beheerder (a resident's report of a locked bedroom, say), in force at once.
      await t.http
        .post(`/v1/certificaten/${contested.number}/statuswijzigingen`)
        .set(await as('admin'))
        .send({ status: 'geschorst', reden: 'Melding: afgesloten slaapkamer' })
        .expect(201);
      expect((await certificate(contested.number)).status).toBe('geschorst');
      expect((await verifyNumber(contested.number)).voldoet).toBe(false);

      at('2026-07-20T09:00:00Z');
      const objection = await t.http
        .post('/v1/bezwaren')
        .set(await as('verhuurderA'))
        .send({ certificaatnummer: contested.number, gronden: 'De contactpersoon stond op de informatiekaart.' });
      expect([objection.status, objection.body]).toEqual([
        201,
        expect.objectContaining({ status: 'ingediend', beslistermijn: '2026-08-31' }),
      ]);
      // The certifier who granted the certificate took part in the case: not the one to decide on the objection.
      const involved = await t.http
        .post(`/v1/bezwaren/${objection.body.id}/beslissingen`)
        .set(await as('certifier'))
        .send({ uitkomst: 'gegrond', toelichting: 'Eigen besluit' });
      expect(involved.status).toBe(403);
      const upheld = await t.http
        .post(`/v1/bezwaren/${objection.body.id}/beslissingen`)
        .set(await as('certifier2'))
        .send({ uitkomst: 'gegrond', toelichting: 'De contactpersoon was bekend; de schorsing vervalt.' });
      expect(upheld.status).toBe(201);
      expect((await certificate(contested.number)).status).toBe('geldig');
      await event('hersteld', contested.number);
      expect((await verifyAddress(contested.huisnummer)).voldoet).toBe(true);
      await noEndedCertificateIsValid();
    },
    SLOW,
  );

  it(
    'October: 90 days before expiry the worker asks once for every re-inspection still due',
    async () => {
      // 4 January 2027 is the last valid day; 90 days before it is 6 October 2026.
      at('2026-10-05T09:00:00Z');
      await workerDay();
      expect(await requests({ reden: 'herinspectie' })).toEqual([]);
      at('2026-10-06T09:00:00Z');
      await workerDay();
      await workerDay();
      const asked = await requests({ reden: 'herinspectie' });
      const stillValid = [];
      for (const c of certified) if ((await certificate(c.number)).status === 'geldig') stillValid.push(c.locationId);
      expect(asked.map((r) => r.locatieId).sort()).toEqual(stillValid.sort());
      expect(asked.every((r) => r.soort === 'periodiek' && r.uiterlijk === '2027-01-04' && r.status === 'open')).toBe(true);
      await noEndedCertificateIsValid();
    },
    SLOW,
  );

  it(
    'January 2027: what was not renewed expires the day after its last valid day, and is never answered geldig again',
    async () => {
      at('2027-01-04T22:59:00Z'); // 23:59 on 4 January in Amsterdam: still the last valid day.
      await workerDay();
      expect((await certificate(certified[0].number)).status).toBe('geldig');
      at('2027-01-04T23:01:00Z'); // 00:01 on 5 January in Amsterdam.
      await workerDay();
      for (const c of certified) {
        const status = (await certificate(c.number)).status;
        if (status === 'verlopen') ended.add(c.number);
        expect(['verlopen', 'vervangen', 'ingetrokken']).toContain(status);
      }
      await event('verlopen', certified[0].number);
      await noEndedCertificateIsValid();
      // The replacement of March is valid to 1 March 2027 and still answered geldig by address.
      expect((await verifyAddress(certified[1].huisnummer)).voldoet).toBe(true);
    },
    SLOW,
  );
});
