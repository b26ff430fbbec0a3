import { createHmac, timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { CertificateLifecycleService, CertificateRepository } from '@keurmerk/certificates';
import { Clock, SystemClock } from '@keurmerk/common';
import { EventLog, SYSTEM_ACTOR } from '@keurmerk/events';
import { WebhookDeliveryService, WebhookSender, WebhookTargetPolicy } from '@keurmerk/webhooks';
import { createScenario, PASSWORD, Scenario } from './support/scenario';
import { expectProblem, invalidParamNames, startTestApp, TestApp } from './support/test-app';
import { holds, pause, until } from './support/until';
import { type Received, WebhookReceiver } from './support/webhook-receiver';

/** The scheme's OIN (KEURMERK_OIN): CloudEvents name their source by it (NL GOV profile). */
const OIN = '00000001003214345000';

/** Standard Webhooks verification, written from the specification with node:crypto only. */
function signatureValid(secret: string, received: Received): boolean {
  const id = String(received.headers['webhook-id']);
  const timestamp = Number(received.headers['webhook-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = Buffer.from(createHmac('sha256', key).update(`${id}.${timestamp}.${received.body}`).digest('base64'));
  return String(received.headers['webhook-signature'])
    .split(' ')
    .map((part) => part.split(','))
    .some(
      ([version, signature]) =>
        version === 'v1' && Buffer.from(signature ?? '').length === expected.length && timingSafeEqual(Buffer.from(signature), expected),
    );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('webhooks for municipalities', () => {
  let t: TestApp;
  let s: Scenario;
  const receiver = new WebhookReceiver();
  let otherMunicipality: { Authorization: string };
  let apiKey: { 'X-Api-Key': string };
  // The main subscription: GM1783's user, with an Authorization value.
  let main: { id: string; secret: string };
  const latencies: { sinceRequest: number; sinceAnswer: number }[] = [];

  const subscriptionCount = async () => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM subscription`))[0].n;
  const subscribe = (who: Record<string, string>, body: object) => t.http.post('/v1/abonnementen').set(who).send(body);
  const change = (who: string, number: string, status: string) =>
    t.http
      .post(`/v1/certificaten/${number}/statuswijzigingen`)
      .set(s.as(who))
      .send({ status, reden: `Webhooktest: ${status}` })
      .expect(201);
  const deliveries = async (id: string, who: Record<string, string> = s.as('municipality')) =>
    (await t.http.get(`/v1/abonnementen/${id}/afleveringen?paginaGrootte=100`).set(who).expect(200)).body.resultaten as {
      eventId: string;
      type: string;
      certificaatnummer: string | null;
      status: string;
      aantalPogingen: number;
      pogingen: { statuscode: number | null; fout: string | null; duurMs: number; tijdstip: string }[];
    }[];
  type Delivery = Awaited<ReturnType<typeof deliveries>>[number];
  /**
   * The worker records an answer a moment after the receiver has it: the deliveries once `recorded`
   * holds for them, or as they stand after 10 s (the assertions that follow then say what is wrong).
   */
  const deliveriesOnce = (id: string, recorded: (rows: Delivery[]) => boolean): Promise<Delivery[]> =>
    until(
      async () => {
        const rows = await deliveries(id);
        return recorded(rows) && rows;
      },
      10_000,
      'the deliveries to be recorded',
    ).catch(() => deliveries(id));

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({
      env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_BASE_MS: '200', KEURMERK_OIN: OIN },
      withWorker: true,
    });
    s = await createScenario(t, 'wh');
    const admin = { Authorization: `Bearer ${await t.adminToken()}` };
    await t.http
      .post('/v1/gebruikers')
      .set(admin)
      .send({ email: 'wh-amsterdam@scenario.test', wachtwoord: PASSWORD, naam: 'Amsterdam', rol: 'gemeente', gemeentecode: 'GM0363' })
      .expect(201);
    otherMunicipality = { Authorization: `Bearer ${await t.signIn('wh-amsterdam@scenario.test', PASSWORD)}` };
    apiKey = {
      'X-Api-Key': (
        await t.http.post('/v1/api-sleutels').set(admin).send({ naam: 'Vergunningen Westland', gemeentecode: 'GM1783' }).expect(201)
      ).body.sleutel,
    };
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    if (latencies.length > 0) {
      const sorted = (key: 'sinceRequest' | 'sinceAnswer') => latencies.map((l) => l[key]).sort((a, b) => a - b);
      const figures = (key: 'sinceRequest' | 'sinceAnswer') => {
        const v = sorted(key);
        return `min ${v[0].toFixed(0)} / median ${v[Math.floor(v.length / 2)].toFixed(0)} / max ${v[v.length - 1].toFixed(0)} ms`;
      };
      console.log(
        `webhook delivery latency over ${latencies.length} status changes (${
          t?.database.embedded ? 'PGlite' : 'PostgreSQL'
        }, worker polling 0.5 s): ` +
          `from the status-change request ${figures('sinceRequest')}; from its 201 answer ${figures('sinceAnswer')}`,
      );
    }
  });

  describe('subscribing', () => {
    it('sends a signed test event, then stores the subscription and shows the secret once', async () => {
      const response = await subscribe(s.as('municipality'), { callbackUrl: receiver.url('/gm1783'), auth: 'Bearer ontvanger-token-1783' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        callbackUrl: receiver.url('/gm1783'),
        gemeentecode: 'GM1783',
        authIngesteld: true,
        aangemaaktOp: expect.stringMatching(/Z$/),
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
      });
      main = { id: response.body.id, secret: response.body.secret };

      const [test] = receiver.requests.filter((r) => r.path === '/gm1783');
      expect(test.headers['content-type']).toBe('application/cloudevents+json');
      expect(test.headers.authorization).toBe('Bearer ontvanger-token-1783');
      expect(test.headers['webhook-id']).toBe(test.event.id);
      expect(signatureValid(main.secret, test)).toBe(true);
      expect(signatureValid('whsec_' + Buffer.alloc(32, 1).toString('base64'), test)).toBe(false);
      expect(test.event).toEqual({
        specversion: '1.0',
        id: expect.stringMatching(UUID),
        source: `urn:nld:oin:${OIN}:systeem:keurmerk`,
        type: 'nl.keurmerk.test',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        subject: main.id,
        datacontenttype: 'application/json',
        data: { abonnementId: main.id, gemeentecode: 'GM1783' },
      });

      // Never again: not in the resource, the collection, or the event log.
      const shown = await t.http.get(`/v1/abonnementen/${main.id}`).set(s.as('municipality')).expect(200);
      expect(shown.body).toEqual({
        id: main.id,
        callbackUrl: receiver.url('/gm1783'),
        gemeentecode: 'GM1783',
        authIngesteld: true,
        aangemaaktOp: response.body.aangemaaktOp,
      });
      const listed = await t.http.get('/v1/abonnementen').set(s.as('municipality')).expect(200);
      expect(listed.body.resultaten).toEqual([shown.body]);
      expect(JSON.stringify(listed.body)).not.toMatch(/whsec_|ontvanger-token/);
      const logged = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM event_log WHERE after::text LIKE '%whsec_%' OR after::text LIKE '%ontvanger-token%'`,
      );
      expect(logged[0].n).toBe(0);
      const [stored] = await t.sql<{ secret: string; auth_header: string }>(`SELECT secret, auth_header FROM subscription WHERE id = $1`, [
        main.id,
      ]);
      expect(stored).toEqual({ secret: main.secret, auth_header: 'Bearer ontvanger-token-1783' });

      const [delivery] = await deliveries(main.id);
      expect(delivery).toMatchObject({
        eventId: test.event.id,
        type: 'nl.keurmerk.test',
        certificaatnummer: null,
        status: 'afgeleverd',
        aantalPogingen: 1,
      });
      expect(delivery.pogingen).toEqual([{ tijdstip: expect.any(String), statuscode: 200, fout: null, duurMs: expect.any(Number) }]);
    });

    it('refuses a receiver that does not answer 2xx, or is not there, and stores nothing', async () => {
      const before = await subscriptionCount();
      receiver.answers.push(500);
      const refused = await subscribe(s.as('municipality'), { callbackUrl: receiver.url('/weigert') });
      expectProblem(refused, 400);
      expect(refused.body.invalidParams).toEqual([
        { name: 'callbackUrl', code: 'not-accepted', reason: expect.stringContaining('HTTP 500') },
      ]);
      expect(receiver.requests.filter((r) => r.path === '/weigert')).toHaveLength(1);

      const closed = new WebhookReceiver();
      await closed.start();
      const deadUrl = closed.url('/nergens');
      await closed.stop();
      const unreachable = await subscribe(s.as('municipality'), { callbackUrl: deadUrl });
      expectProblem(unreachable, 400);
      expect(unreachable.body.invalidParams).toEqual([
        { name: 'callbackUrl', code: 'not-accepted', reason: expect.stringContaining('connection refused') },
      ]);
      expect(await subscriptionCount()).toBe(before);
    });

    it('refuses bad input naming each field, and writes and sends nothing', async () => {
      const before = { subscriptions: await subscriptionCount(), requests: receiver.requests.length };
      const cases: [object, string[]][] = [
        [{ callbackUrl: 'geen url' }, ['callbackUrl']],
        [{ callbackUrl: 'ftp://example.nl/events' }, ['callbackUrl']],
        [{ callbackUrl: 'https://gebruiker:wachtwoord@example.nl/events' }, ['callbackUrl']],
        [{}, ['callbackUrl']],
        [{ callbackUrl: 42 }, ['callbackUrl']],
        [{ callbackUrl: receiver.url('/x'), onbekend: true }, ['onbekend']],
        [{ callbackUrl: receiver.url('/x'), auth: 'Bearer a\r\nX-Evil: 1' }, ['auth']],
        [{ callbackUrl: receiver.url('/x'), auth: '' }, ['auth']],
        [{ callbackUrl: 'x', gemeentecode: 'Amsterdam', extra: 1 }, ['callbackUrl', 'extra', 'gemeentecode']],
      ];
      for (const [body, names] of cases) {
        const response = await subscribe(s.as('municipality'), body);
        expectProblem(response, 400);
        expect([...new Set(invalidParamNames(response))]).toEqual(names);
      }
      const ftp = await subscribe(s.as('municipality'), { callbackUrl: 'ftp://example.nl/events' });
      expect(ftp.body.invalidParams[0].reason).toMatch(/https/);
      expect(await subscriptionCount()).toBe(before.subscriptions);
      expect(receiver.requests.length).toBe(before.requests);
    });

    it('lets a municipality subscribe for its own code only, and a beheerder for any existing one', async () => {
      const before = receiver.requests.length;
      expectProblem(await subscribe(s.as('municipality'), { callbackUrl: receiver.url('/x'), gemeentecode: 'GM0363' }), 403);
      expectProblem(await subscribe(apiKey, { callbackUrl: receiver.url('/x'), gemeentecode: 'GM0363' }), 403);
      const unknown = await subscribe(s.as('municipality'), { callbackUrl: receiver.url('/x'), gemeentecode: 'GM9999' });
      expectProblem(unknown, 400);
      expect(invalidParamNames(unknown)).toEqual(['gemeentecode']);
      const withoutCode = await subscribe(s.as('admin'), { callbackUrl: receiver.url('/x') });
      expectProblem(withoutCode, 400);
      expect(invalidParamNames(withoutCode)).toEqual(['gemeentecode']);
      expect(receiver.requests.length).toBe(before);

      const forAmsterdam = await subscribe(s.as('admin'), { callbackUrl: receiver.url('/beheer-0363'), gemeentecode: 'GM0363' });
      expect(forAmsterdam.status).toBe(201);
      expect(forAmsterdam.body.gemeentecode).toBe('GM0363');
      // Amsterdam's own people manage it; Westland does not see it.
      expect((await t.http.get(`/v1/abonnementen/${forAmsterdam.body.id}`).set(otherMunicipality)).status).toBe(200);
      expectProblem(await t.http.get(`/v1/abonnementen/${forAmsterdam.body.id}`).set(s.as('municipality')), 404);
      await t.http.delete(`/v1/abonnementen/${forAmsterdam.body.id}`).set(otherMunicipality).expect(204);
    });
  });

  describe('access', () => {
    it('hides a subscription from another municipality (404) and refuses other roles (403) and anonymous callers (401)', async () => {
      for (const path of [`/v1/abonnementen/${main.id}`, `/v1/abonnementen/${main.id}/afleveringen`]) {
        expectProblem(await t.http.get(path).set(otherMunicipality), 404);
        for (const who of ['verhuurderA', 'auditor', 'certifier']) expectProblem(await t.http.get(path).set(s.as(who)), 403);
        expectProblem(await t.http.get(path), 401);
      }
      expectProblem(await t.http.delete(`/v1/abonnementen/${main.id}`).set(otherMunicipality), 404);
      expect((await t.http.get('/v1/abonnementen').set(otherMunicipality).expect(200)).body.resultaten).toEqual([]);
      for (const who of ['verhuurderA', 'auditor']) expectProblem(await subscribe(s.as(who), { callbackUrl: receiver.url('/x') }), 403);
      expectProblem(await subscribe({}, { callbackUrl: receiver.url('/x') }), 401);
      expectProblem(await t.http.get('/v1/abonnementen'), 401);
      expectProblem(await t.http.get('/v1/abonnementen/niet-een-uuid').set(s.as('municipality')), 400);
      // The beheerder sees every municipality's.
      const all = await t.http.get('/v1/abonnementen').set(s.as('admin')).expect(200);
      expect(all.body.resultaten.map((r: { id: string }) => r.id)).toContain(main.id);
    });

    it('lets the municipality’s API key manage the municipality’s subscriptions', async () => {
      expect((await t.http.get(`/v1/abonnementen/${main.id}`).set(apiKey)).status).toBe(200);
      const created = await subscribe(apiKey, { callbackUrl: receiver.url('/sleutel') });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ gemeentecode: 'GM1783', authIngesteld: false });
      expect(receiver.requests.find((r) => r.path === '/sleutel')?.headers.authorization).toBeUndefined();
      const listed = await t.http.get('/v1/abonnementen').set(s.as('municipality')).expect(200);
      expect(listed.body.totaal).toBe(2);
      expect(listed.headers.link).toContain('rel="first"');

      // Ended: gone from the API, and no longer delivered to.
      await t.http.delete(`/v1/abonnementen/${created.body.id}`).set(apiKey).expect(204);
      expectProblem(await t.http.get(`/v1/abonnementen/${created.body.id}`).set(apiKey), 404);
      expectProblem(await t.http.delete(`/v1/abonnementen/${created.body.id}`).set(apiKey), 404);
      const { number } = await s.certifiedLocation();
      await until(() => receiver.delivered('/gm1783', number).length === 1, 20_000, 'the toegekend event');
      expect(receiver.requests.filter((r) => r.path === '/sleutel')).toHaveLength(1);
    });
  });

  describe('delivery', () => {
    let amsterdam: { id: string; secret: string };

    it('POSTs every status change in the subscribed gemeentecode as a signed CloudEvent', async () => {
      const { number } = await s.certifiedLocation();
      const issued = await until(() => receiver.delivered('/gm1783', number)[0], 20_000, 'the toegekend event');
      expect(issued.event.type).toBe('nl.keurmerk.certificaat-toegekend');
      const certificate = (await t.http.get(`/v1/certificaten/${number}`).expect(200)).body;

      const steps: [string, string, string][] = [
        ['certifier', 'geschorst', 'nl.keurmerk.certificaat-geschorst'],
        ['admin', 'geldig', 'nl.keurmerk.certificaat-hersteld'],
        ['certifier', 'geschorst', 'nl.keurmerk.certificaat-geschorst'],
        ['admin', 'ingetrokken', 'nl.keurmerk.certificaat-ingetrokken'],
      ];
      for (const [who, status, type] of steps) {
        const seen = receiver.delivered('/gm1783', number).length;
        // Out of step with the worker's 0.5 s polling, as real changes are.
        await pause(Math.random() * 500);
        const requested = performance.now();
        await change(who, number, status);
        const answered = performance.now();
        const received = await until(() => receiver.delivered('/gm1783', number)[seen], 20_000, `the ${status} event`);
        latencies.push({ sinceRequest: received.at - requested, sinceAnswer: received.at - answered });

        expect(received.headers['content-type']).toBe('application/cloudevents+json');
        expect(received.headers.authorization).toBe('Bearer ontvanger-token-1783');
        expect(received.headers['webhook-id']).toBe(received.event.id);
        expect(signatureValid(main.secret, received)).toBe(true);
        expect(received.event).toEqual({
          specversion: '1.0',
          id: expect.stringMatching(UUID),
          source: `urn:nld:oin:${OIN}:systeem:keurmerk`,
          type,
          time: expect.stringMatching(/Z$/),
          subject: number,
          datacontenttype: 'application/json',
          dataref: `http://keurmerk.test/v1/certificaten/${number}`,
          data: {
            certificaatnummer: number,
            status,
            gemeentecode: 'GM1783',
            adres: certificate.adres,
            maximaalAantalBewoners: certificate.maximaalAantalBewoners,
            geldigTot: certificate.geldigTot,
          },
        });
      }
      const events = receiver.delivered('/gm1783', number);
      expect(events.map((e) => e.event.type)).toEqual(['nl.keurmerk.certificaat-toegekend', ...steps.map(([, , type]) => type)]);
      expect(new Set(events.map((e) => e.event.id)).size).toBe(events.length);
      const [change0] = await t.sql<{ occurred_at: Date }>(
        `SELECT occurred_at FROM certificate_status_change WHERE certificate_number = $1 ORDER BY id DESC LIMIT 1`,
        [number],
      );
      expect(events.at(-1)!.event.time).toBe(change0.occurred_at.toISOString());
    });

    it('does not deliver a change in another gemeentecode, which goes to that municipality’s subscription', async () => {
      const created = await subscribe(otherMunicipality, { callbackUrl: receiver.url('/gm0363') });
      expect(created.status).toBe(201);
      amsterdam = { id: created.body.id, secret: created.body.secret };
      const { number } = await s.certifiedLocation({ gemeentecode: 'GM0363', postcode: '1012AB' });
      await change('certifier', number, 'geschorst');
      const arrived = await until(
        () => receiver.delivered('/gm0363', number).length === 2 && receiver.delivered('/gm0363', number),
        20_000,
        'the GM0363 events',
      );
      expect(arrived.map((r) => r.event.type)).toEqual(['nl.keurmerk.certificaat-toegekend', 'nl.keurmerk.certificaat-geschorst']);
      expect(arrived.every((r) => signatureValid(amsterdam.secret, r) && !signatureValid(main.secret, r))).toBe(true);
      expect(arrived[1].event.data).toMatchObject({ gemeentecode: 'GM0363', status: 'geschorst' });
      // A Westland change made after these arrives at Westland; had the Amsterdam ones been sent there, they would be before it.
      const { number: westland } = await s.certifiedLocation();
      await until(() => receiver.delivered('/gm1783', westland).length === 1, 20_000, 'the Westland event');
      expect(receiver.requests.filter((r) => r.path === '/gm1783' && r.event.subject === number)).toEqual([]);
      expect((await deliveries(main.id)).some((d) => d.certificaatnummer === number)).toBe(false);
    });

    it('keeps every event while the receiver is down and delivers each, in order, once it is back', async () => {
      const { number } = await s.certifiedLocation();
      await until(() => receiver.delivered('/gm1783', number).length === 1, 20_000, 'the toegekend event');
      const port = receiver.port;
      await receiver.stop();

      await change('certifier', number, 'geschorst');
      await change('admin', number, 'geldig');
      await change('admin', number, 'ingetrokken');
      const down = await until(
        async () => {
          const list = (await deliveries(main.id)).filter(
            (d) => d.certificaatnummer === number && d.type !== 'nl.keurmerk.certificaat-toegekend',
          );
          return list.length === 3 && list.find((d) => d.type === 'nl.keurmerk.certificaat-geschorst')!.aantalPogingen >= 3 && list;
        },
        20_000,
        'three failed attempts',
      );
      const head = down.find((d) => d.type === 'nl.keurmerk.certificaat-geschorst')!;
      expect(head.status).toBe('mislukt');
      expect(head.pogingen.slice(0, 3)).toEqual(
        Array(3).fill({ tijdstip: expect.any(String), statuscode: null, fout: 'connection refused', duurMs: expect.any(Number) }),
      );
      // The ones behind it wait their turn, so they cannot overtake it.
      expect(down.filter((d) => d !== head).map((d) => [d.status, d.aantalPogingen])).toEqual([
        ['wachtend', 0],
        ['wachtend', 0],
      ]);
      // Backing off: the waits between attempts grow (base 200 ms, times four).
      const times = head.pogingen.map((p) => Date.parse(p.tijdstip));
      expect(times[2] - times[1]).toBeGreaterThan(times[1] - times[0]);
      expect(times[2] - times[1]).toBeGreaterThanOrEqual(800);

      await receiver.start(port);
      const arrived = await until(
        () => receiver.delivered('/gm1783', number).length >= 4 && receiver.delivered('/gm1783', number),
        30_000,
        'the three events after the outage',
      );
      expect(arrived.map((r) => r.event.type)).toEqual([
        'nl.keurmerk.certificaat-toegekend',
        'nl.keurmerk.certificaat-geschorst',
        'nl.keurmerk.certificaat-hersteld',
        'nl.keurmerk.certificaat-ingetrokken',
      ]);
      expect(arrived.every((r) => signatureValid(main.secret, r))).toBe(true);
      const mine = (rows: Delivery[]) => rows.filter((d) => d.certificaatnummer === number);
      const after = mine(await deliveriesOnce(main.id, (rows) => mine(rows).every((d) => d.status === 'afgeleverd')));
      expect(after.every((d) => d.status === 'afgeleverd')).toBe(true);
      // Each delivery kept its CloudEvent id through the retries, and that id is what arrived.
      expect(new Set(after.map((d) => d.eventId))).toEqual(new Set(arrived.map((r) => r.event.id)));
      const retried = after.find((d) => d.type === 'nl.keurmerk.certificaat-geschorst')!;
      expect(retried.aantalPogingen).toBeGreaterThanOrEqual(4);
      expect(retried.pogingen.at(-1)).toMatchObject({ statuscode: 200, fout: null });
      expect(retried.pogingen.slice(0, -1).every((p) => p.statuscode === null && p.fout === 'connection refused')).toBe(true);
    });

    it('retries a receiver that resets the connection or does not answer in time', async () => {
      const { number } = await s.certifiedLocation();
      await until(() => receiver.delivered('/gm1783', number).length === 1, 20_000, 'the toegekend event');
      receiver.answers.push('reset', 'hang', 503);
      await change('certifier', number, 'geschorst');
      const [arrived] = await until(
        () => receiver.delivered('/gm1783', number).length === 2 && receiver.delivered('/gm1783', number).slice(1),
        40_000,
        'the geschorst event',
      );
      const attempts = receiver.requests.filter((r) => r.path === '/gm1783' && r.event.id === arrived.event.id);
      expect(attempts.map((r) => r.answer)).toEqual(['reset', 'hang', 503, 'ok']);
      const ofArrived = (rows: Delivery[]) => rows.find((d) => d.eventId === arrived.event.id);
      const delivery = ofArrived(await deliveriesOnce(main.id, (rows) => ofArrived(rows)?.status === 'afgeleverd'))!;
      expect(delivery).toMatchObject({ status: 'afgeleverd', aantalPogingen: 4 });
      expect(delivery.pogingen.map((p) => [p.statuscode, p.fout])).toEqual([
        [null, 'connection reset'],
        [null, 'no answer within 10 s'],
        [503, null],
        [200, null],
      ]);
      expect(delivery.pogingen[1].duurMs).toBeGreaterThanOrEqual(9_900);
    }, 60_000);

    it('gives up on an event 24 hours after it arose, and goes on with the next', async () => {
      const created = await subscribe(s.as('municipality'), { callbackUrl: receiver.url('/oud') });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      receiver.failing.set('/oud', 500);
      try {
        const { number } = await s.certifiedLocation();
        await change('certifier', number, 'geschorst');
        const ofThis = async () => (await deliveries(id)).filter((d) => d.certificaatnummer === number);
        await until(
          async () => (await ofThis()).find((d) => d.type === 'nl.keurmerk.certificaat-toegekend')?.aantalPogingen,
          20_000,
          'a failed attempt',
        );
        // As if the receiver had been failing for a day.
        await t.sql(
          `UPDATE delivery SET created_at = created_at - interval '25 hours' WHERE subscription_id = $1 AND event_type = ` +
            `'nl.keurmerk.certificaat-toegekend'`,
          [id],
        );
        const [next] = await until(
          async () => {
            const list = await ofThis();
            const tried = list.filter((d) => d.type === 'nl.keurmerk.certificaat-geschorst' && d.aantalPogingen > 0);
            return list.find((d) => d.type === 'nl.keurmerk.certificaat-toegekend')?.status === 'opgegeven' && tried.length > 0 && tried;
          },
          20_000,
          'the toegekend delivery abandoned and the next one tried',
        );
        expect(next.status).toBe('mislukt');
        expect(next.pogingen[0]).toMatchObject({ statuscode: 500, fout: null });
        receiver.failing.delete('/oud');
        const [arrived] = await until(
          () => receiver.delivered('/oud', number).length > 0 && receiver.delivered('/oud', number),
          20_000,
          'the geschorst event',
        );
        expect(arrived.event.type).toBe('nl.keurmerk.certificaat-geschorst');
        const mine = (rows: Delivery[]) => rows.filter((d) => d.certificaatnummer === number);
        const final = mine(
          await deliveriesOnce(id, (rows) =>
            mine(rows).some((d) => d.type === 'nl.keurmerk.certificaat-geschorst' && d.status === 'afgeleverd'),
          ),
        );
        expect(final.map((d) => [d.type, d.status])).toEqual([
          ['nl.keurmerk.certificaat-geschorst', 'afgeleverd'],
          ['nl.keurmerk.certificaat-toegekend', 'opgegeven'],
        ]);
      } finally {
        receiver.failing.delete('/oud');
        await t.http.delete(`/v1/abonnementen/${id}`).set(s.as('municipality')).expect(204);
      }
    });

    it('writes deliveries that a process without the fan-out missed, when the sweep runs', async () => {
      const { number } = await s.certifiedLocation();
      await until(() => receiver.delivered('/gm1783', number).length === 1, 20_000, 'the toegekend event');
      // The status path without an observer, as a process without the webhooks module has.
      const bare = new CertificateLifecycleService(t.app.get(CertificateRepository), t.app.get(EventLog), t.app.get(Clock));
      await bare.changeStatus(number, 'geschorst', 'Buiten de fan-out om', SYSTEM_ACTOR);
      const written = () =>
        t.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM delivery d JOIN certificate_status_change c ON c.id = d.status_change_id WHERE ` +
            `c.certificate_number = $1 AND c.to_status = 'geschorst'`,
          [number],
        );
      expect((await written())[0].n).toBe(0);
      // The sweep also runs every minute on its own; whichever runs first writes the delivery, once.
      const sweeps = [await t.app.get(WebhookDeliveryService).sweep(), await t.app.get(WebhookDeliveryService).sweep()];
      expect(sweeps[0].written).toBeLessThanOrEqual(1);
      expect(sweeps[1].written).toBe(0);
      expect((await written())[0].n).toBe(1);
      const [late] = await until(
        () => receiver.delivered('/gm1783', number).length === 2 && receiver.delivered('/gm1783', number).slice(1),
        20_000,
        'the swept event',
      );
      expect(late.event).toMatchObject({ type: 'nl.keurmerk.certificaat-geschorst', subject: number, data: { status: 'geschorst' } });
    });

    it('sends an event once when several drainers race for the same subscription', async () => {
      const { number } = await s.certifiedLocation();
      await until(() => receiver.delivered('/gm1783', number).length === 1, 20_000, 'the toegekend event');
      await change('certifier', number, 'geschorst');
      const service = t.app.get(WebhookDeliveryService);
      await Promise.all([1, 2, 3, 4].map(() => service.drain(main.id)));
      await until(() => receiver.delivered('/gm1783', number).length === 2, 20_000, 'the geschorst event');
      const requests = () => receiver.requests.filter((r) => r.path === '/gm1783' && r.event.subject === number);
      await holds(() => requests().length <= 2, 1000, 'no third request');
      expect(receiver.requests.filter((r) => r.path === '/gm1783' && r.event.subject === number).map((r) => r.event.type)).toEqual([
        'nl.keurmerk.certificaat-toegekend',
        'nl.keurmerk.certificaat-geschorst',
      ]);
      const geschorst = (await deliveries(main.id)).find(
        (d) => d.certificaatnummer === number && d.type === 'nl.keurmerk.certificaat-geschorst',
      )!;
      expect(geschorst).toMatchObject({ status: 'afgeleverd', aantalPogingen: 1 });
      expect(geschorst.pogingen).toHaveLength(1);
    });
  });

  describe('SSRF', () => {
    let strict: TestApp;

    beforeAll(async () => {
      strict = await startTestApp({ env: { WEBHOOK_RETRY_BASE_MS: '200' } });
    });
    afterAll(() => strict?.close());

    it('refuses callback URLs on loopback, private or link-local addresses when private targets are not allowed', async () => {
      const admin = { Authorization: `Bearer ${await strict.adminToken()}` };
      const before = receiver.requests.length;
      const cases: [string, string][] = [
        [receiver.url('/ssrf'), 'scheme'],
        [`https://127.0.0.1:${receiver.port}/ssrf`, 'private-address'],
        [`https://localhost:${receiver.port}/ssrf`, 'private-address'],
        [`https://[::1]:${receiver.port}/ssrf`, 'private-address'],
        [`https://[::ffff:127.0.0.1]:${receiver.port}/ssrf`, 'private-address'],
        ['https://169.254.169.254/latest/meta-data/', 'private-address'],
        ['https://10.0.0.8/ssrf', 'private-address'],
        ['https://100.64.1.1/ssrf', 'private-address'],
        ['https://[fd00::1]/ssrf', 'private-address'],
        ['https://0x7f.1/ssrf', 'private-address'],
      ];
      for (const [callbackUrl, code] of cases) {
        const response = await strict.http.post('/v1/abonnementen').set(admin).send({ callbackUrl, gemeentecode: 'GM1783' });
        expectProblem(response, 400);
        expect({ callbackUrl, params: response.body.invalidParams }).toEqual({
          callbackUrl,
          params: [expect.objectContaining({ name: 'callbackUrl', code })],
        });
      }
      expect((await strict.sql<{ n: number }>(`SELECT count(*)::int AS n FROM subscription`))[0].n).toBe(0);
      expect(receiver.requests.length).toBe(before);
    });

    it('checks the address again on every delivery, at connection time', async () => {
      const sender = new WebhookSender(
        new WebhookTargetPolicy({ embedded: false, webhooks: { allowPrivateTargets: false, retryBaseMs: 200 } }),
        new SystemClock(),
      );
      const before = receiver.requests.length;
      const message = { id: 'evt-ssrf', body: '{}', secret: 'whsec_' + Buffer.alloc(32, 7).toString('base64') };
      // A name that resolves to loopback is refused by the lookup the connection uses.
      expect(await sender.send(`https://localhost:${receiver.port}/ssrf`, message)).toMatchObject({
        delivered: false,
        statusCode: null,
        error: expect.stringMatching(/^address (127\.0\.0\.1|::1) is not allowed \(loopback\)$/),
      });
      expect(await sender.send(`https://127.0.0.1:${receiver.port}/ssrf`, message)).toMatchObject({
        delivered: false,
        error: 'address 127.0.0.1 is not allowed (loopback)',
      });
      expect(await sender.send(receiver.url('/ssrf'), message)).toMatchObject({ delivered: false, error: 'https is required' });
      expect(receiver.requests.length).toBe(before);
      // The same sender with private targets allowed does reach it.
      const lenient = new WebhookSender(
        new WebhookTargetPolicy({ embedded: false, webhooks: { allowPrivateTargets: true, retryBaseMs: 200 } }),
        new SystemClock(),
      );
      expect(await lenient.send(receiver.url('/ssrf'), message)).toMatchObject({ delivered: true, statusCode: 200, error: null });
    });
  });
});
