import { jest } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { renderCertificatePdf } from '@keurmerk/certificate-pdf';
import { CertificateLifecycleService, CertificateQueryService, formatCertificateNumber } from '@keurmerk/certificates';
import { FixedClock } from '@keurmerk/common';
import { ensureDevelopmentKeyRing, signPdf } from '@keurmerk/signing';
import { VERIFICATION_READER, VerificationCache } from '@keurmerk/verification';
import { createScenario, Scenario } from './support/scenario';
import { expectProblem, invalidParamNames, startTestApp, TestApp } from './support/test-app';
import { msUntil } from './support/until';

const SYSTEM = { kind: 'system' as const, id: null };

describe('public verification: by number, by address, bulk, PDF check, changes feed, register', () => {
  let t: TestApp;
  let s: Scenario;
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
  let certified: { locationId: string; number: string };
  let suspended: { locationId: string; number: string };
  let apiKey: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    s = await createScenario(t, 'ver');
    certified = await s.certifiedLocation({ huisnummer: 12 });
    suspended = await s.certifiedLocation({ huisnummer: 14 });
    await t.app.get(CertificateLifecycleService).changeStatus(suspended.number, 'geschorst', 'Klacht', SYSTEM);
    apiKey = (await t.http.post('/v1/api-sleutels').set(s.as('admin')).send({ naam: 'Vergunningen', gemeentecode: 'GM1783' }).expect(201))
      .body.sleutel;
  });
  afterAll(() => t.close());

  const verify = (query: Record<string, string | number>) => t.http.get('/v1/verificaties').query(query);

  describe('GET /v1/verificaties', () => {
    it('answers voldoet for a valid certificate, by number', async () => {
      const response = await verify({ certificaatnummer: certified.number, aantalBewoners: 11 });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        voldoet: true,
        redenen: [],
        certificaat: { certificaatnummer: certified.number, status: 'geldig', maximaalAantalBewoners: 11 },
      });
    });

    it('says te-veel-bewoners when the permit is for more residents than the maximum', async () => {
      const response = await verify({ certificaatnummer: certified.number, aantalBewoners: 12 });
      expect(response.body.voldoet).toBe(false);
      expect(response.body.redenen.map((r: { code: string }) => r.code)).toEqual(['te-veel-bewoners']);
    });

    it.each([
      [{ postcode: '2671 ab', huisnummer: '12' }],
      [{ postcode: '2671AB', huisnummer: 12 }],
      [{ postcode: ' 2671aB', huisnummer: '12' }],
    ])('finds it by address %j, normalised', async (query) => {
      const response = await verify(query);
      expect(response.body).toMatchObject({ voldoet: true, certificaat: { certificaatnummer: certified.number } });
    });

    it('gives the reason for a suspended certificate and for none at all', async () => {
      const response = await verify({ postcode: '2671AB', huisnummer: 14 });
      expect(response.body).toMatchObject({
        voldoet: false,
        redenen: [{ code: 'geschorst', omschrijving: expect.any(String) }],
        certificaat: { status: 'geschorst' },
      });
      const none = await verify({ postcode: '9999ZZ', huisnummer: 1 });
      expect(none.body).toEqual({
        voldoet: false,
        redenen: [{ code: 'geen-certificaat', omschrijving: expect.any(String) }],
        certificaat: null,
      });
      const unknown = await verify({ certificaatnummer: formatCertificateNumber(2026, 999998) });
      expect(unknown.body).toEqual({
        voldoet: false,
        redenen: [{ code: 'geen-certificaat', omschrijving: expect.any(String) }],
        certificaat: null,
      });
    });

    it('refuses a wrong check digit, malformed input, both or neither key, and unknown fields (400 naming them)', async () => {
      const wrong = certified.number.slice(0, -1) + String((Number(certified.number.at(-1)) + 5) % 10);
      const cases: [Record<string, string | number>, string[]][] = [
        [{ certificaatnummer: wrong }, ['certificaatnummer']],
        [{ certificaatnummer: 'KM-26-1' }, ['certificaatnummer']],
        [{ postcode: '0123AB', huisnummer: 1 }, ['postcode']],
        [{ postcode: '1234AB', huisnummer: 'twaalf' }, ['huisnummer']],
        [{ postcode: '1234AB', huisnummer: 1, huisletter: 'ab' }, ['huisletter']],
        [{ certificaatnummer: certified.number, postcode: '1234AB' }, ['certificaatnummer']],
        [{}, ['certificaatnummer']],
        [{ certificaatnummer: certified.number, aantalBewoners: 0 }, ['aantalBewoners']],
        [{ certificaatnummer: certified.number, extra: 1 }, ['extra']],
        [{ certificaatnummer: 'K'.repeat(5000) }, ['certificaatnummer']],
      ];
      const repeated = await t.http.get(`/v1/verificaties?postcode=2671AB&postcode=2671AC&huisnummer=12`);
      expectProblem(repeated, 400);
      expect(invalidParamNames(repeated)).toEqual(['postcode']);
      for (const [query, names] of cases) {
        const response = await verify(query);
        expectProblem(response, 400);
        expect({ query, names: [...new Set(invalidParamNames(response))] }).toEqual({ query, names });
      }
    });

    it('answers without credentials (the front door) exactly as through Fastify and Nest (with a municipal key)', async () => {
      const questions: Record<string, string | number>[] = [
        { certificaatnummer: certified.number },
        { certificaatnummer: certified.number, aantalBewoners: 12 },
        { postcode: '2671 ab', huisnummer: 14 },
        { postcode: '9999ZZ', huisnummer: 1 },
        { certificaatnummer: formatCertificateNumber(2026, 999998) },
      ];
      for (const query of questions) {
        const anonymous = await verify(query);
        const keyed = await verify(query).set('X-Api-Key', apiKey);
        expect({ query, status: anonymous.status, type: anonymous.headers['content-type'], body: anonymous.text }).toEqual({
          query,
          status: keyed.status,
          type: keyed.headers['content-type'],
          body: keyed.text,
        });
        for (const name of ['content-security-policy', 'x-content-type-options', 'api-version', 'x-request-id', 'ratelimit-remaining']) {
          expect({ name, value: anonymous.headers[name] }).toEqual({ name, value: expect.any(String) });
        }
        // The same headers in the same order, but for what differs per request or per caller: an answer
        // to a caller with credentials is not to be kept (no-store); a public one has no policy of its own.
        expect(anonymous.headers['cache-control']).toBeUndefined();
        const perRequest = new Set(['date', 'x-request-id', 'ratelimit-limit', 'ratelimit-remaining', 'cache-control']);
        const headers = (response: { headers: Record<string, string> }) =>
          Object.entries(response.headers).filter(([name]) => !perRequest.has(name));
        if (anonymous.status === 200) expect(headers(anonymous)).toEqual(headers(keyed));
        // Counted under each caller's own limit: the client address's and the key's.
        expect(anonymous.headers['ratelimit-limit']).not.toBe(keyed.headers['ratelimit-limit']);
      }
    });

    it('serves repeated questions from the cache and drops an entry the moment its certificate changes', async () => {
      const cache = t.app.get(VerificationCache);
      expect(cache.enabled).toBe(true);
      await verify({ certificaatnummer: certified.number });
      const hits = cache.hits;
      await verify({ certificaatnummer: certified.number });
      await verify({ postcode: '2671AB', huisnummer: 12 });
      expect(cache.hits).toBe(hits + 2);

      await t.app.get(CertificateLifecycleService).changeStatus(certified.number, 'geschorst', 'Controle', SYSTEM);
      let status = '';
      const byAddress = async () => (await verify({ postcode: '2671AB', huisnummer: 12 })).body.certificaat.status as string;
      await msUntil(async () => (status = await byAddress()) === 'geschorst', 1000);
      expect(status).toBe('geschorst');
      await t.app.get(CertificateLifecycleService).changeStatus(certified.number, 'geldig', 'Controle afgerond', SYSTEM);
      expect((await verify({ certificaatnummer: certified.number })).body.voldoet).toBe(true);
    });

    it('treats a certificate past its last valid day as verlopen before the nightly sweep', async () => {
      clock.set(new Date('2027-12-02T09:00:00Z'));
      try {
        const response = await verify({ certificaatnummer: certified.number });
        expect(response.body).toMatchObject({ voldoet: false, redenen: [{ code: 'verlopen' }], certificaat: { status: 'verlopen' } });
      } finally {
        clock.set(new Date('2026-12-01T10:00:00Z'));
      }
    });
    it('asks the cache once for a question it does not hold, and counts one miss', async () => {
      const cache = t.app.get(VerificationCache);
      cache.clear();
      const before = { hits: cache.hits, misses: cache.misses };
      expect((await verify({ certificaatnummer: certified.number })).status).toBe(200);
      expect({ hits: cache.hits - before.hits, misses: cache.misses - before.misses }).toEqual({ hits: 0, misses: 1 });
      expect((await verify({ certificaatnummer: certified.number })).status).toBe(200);
      expect({ hits: cache.hits - before.hits, misses: cache.misses - before.misses }).toEqual({ hits: 1, misses: 1 });
    });

    it('hands a question whose lookup fails to Fastify and Nest: one problem shape, and the next question is answered', async () => {
      t.app.get(VerificationCache).clear();
      const reader = t.app.get<DataSource>(VERIFICATION_READER);
      // The front door's lookup fails, then Nest's: the caller gets Nest's problem, not a dropped connection.
      const spy = jest
        .spyOn(reader, 'query')
        .mockRejectedValueOnce(new Error('connection lost'))
        .mockRejectedValueOnce(new Error('connection lost'));
      try {
        const failed = await verify({ certificaatnummer: certified.number });
        expect(failed.status).toBe(500);
        expect(failed.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(failed.headers['x-request-id']).toBeDefined();
        expect(spy).toHaveBeenCalledTimes(2);
        // Only the front door's lookup fails: Nest asks again and answers.
        spy.mockRejectedValueOnce(new Error('connection lost'));
        const retried = await verify({ certificaatnummer: certified.number });
        expect(retried.status).toBe(200);
        expect(retried.body).toMatchObject({ voldoet: true, certificaat: { certificaatnummer: certified.number } });
        expect(spy).toHaveBeenCalledTimes(4);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('POST /v1/bulkverificaties', () => {
    it('answers many requests in order, in one database round trip', async () => {
      t.app.get(VerificationCache).clear();
      const reader = t.app.get<DataSource>(VERIFICATION_READER);
      const spy = jest.spyOn(reader, 'query');
      const verzoeken = [
        { postcode: '2671AB', huisnummer: 14 },
        { certificaatnummer: certified.number, aantalBewoners: 5 },
        { postcode: '9999ZZ', huisnummer: 1 },
        ...Array.from({ length: 997 }, (_, i) => ({ postcode: '2671AB', huisnummer: 1000 + i })),
      ];
      const response = await t.http.post('/v1/bulkverificaties').set('X-Api-Key', apiKey).send({ verzoeken });
      expect(response.status).toBe(200);
      expect(response.body.resultaten).toHaveLength(1000);
      expect(
        response.body.resultaten
          .slice(0, 3)
          .map((r: { voldoet: boolean; redenen: { code: string }[] }) => [r.voldoet, r.redenen.map((x) => x.code)]),
      ).toEqual([
        [false, ['geschorst']],
        [true, []],
        [false, ['geen-certificaat']],
      ]);
      expect(spy).toHaveBeenCalledTimes(1);
      spy.mockRestore();
    });

    it('refuses more than 1000, bad items naming their index, and callers without a municipal key', async () => {
      const tooMany = await t.http
        .post('/v1/bulkverificaties')
        .set('X-Api-Key', apiKey)
        .send({ verzoeken: Array.from({ length: 1001 }, () => ({ certificaatnummer: certified.number })) });
      expectProblem(tooMany, 400);
      const bad = await t.http
        .post('/v1/bulkverificaties')
        .set('X-Api-Key', apiKey)
        .send({ verzoeken: [{ certificaatnummer: certified.number }, { postcode: 'x', huisnummer: 1 }, { foo: 1 }] });
      expectProblem(bad, 400);
      expect(invalidParamNames(bad)).toEqual(['verzoeken[1].postcode', 'verzoeken[2].certificaatnummer', 'verzoeken[2].foo']);
      expectProblem(await t.http.post('/v1/bulkverificaties').send({ verzoeken: [] }), 401);
      expectProblem(
        await t.http
          .post('/v1/bulkverificaties')
          .set(s.as('municipality'))
          .send({ verzoeken: [{ certificaatnummer: certified.number }] }),
        403,
      );
      expectProblem(await t.http.post('/v1/bulkverificaties').set('X-Api-Key', apiKey).send({ verzoeken: [] }), 400);
    });
  });

  describe('POST /v1/verificaties/documenten', () => {
    const check = (body: Buffer, type = 'application/pdf') =>
      t.http.post('/v1/verificaties/documenten').set('Content-Type', type).send(body);

    it('confirms a genuine certificate PDF and reports its status', async () => {
      const { bytes } = await t.app.get(CertificateQueryService).pdf(certified.number);
      const response = await check(bytes);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        handtekeningGeldig: true,
        documentOngewijzigd: true,
        certificaatnummer: certified.number,
        voldoet: true,
        certificaat: { status: 'geldig' },
      });
      const suspendedPdf = (await t.app.get(CertificateQueryService).pdf(suspended.number)).bytes;
      expect((await check(suspendedPdf)).body).toMatchObject({
        handtekeningGeldig: true,
        documentOngewijzigd: true,
        voldoet: false,
        certificaat: { status: 'geschorst' },
      });
    });

    it('reports altered, truncated, foreign and garbage files clearly, never a 500', async () => {
      const { bytes } = await t.app.get(CertificateQueryService).pdf(certified.number);
      const altered = Buffer.from(bytes);
      altered[bytes.length - Math.floor(bytes.length / 4)] ^= 0x01;
      const foreignRing = await ensureDevelopmentKeyRing(mkdtempSync(join(tmpdir(), 'keurmerk-foreign-')));
      const content = (
        await t.sql<{ content: Parameters<typeof renderCertificatePdf>[0] }>(`SELECT content FROM certificate WHERE number = $1`, [
          certified.number,
        ])
      )[0].content;
      const foreign = await signPdf(await renderCertificatePdf(content), foreignRing);
      const cases: [string, Buffer, string][] = [
        ['altered', altered, 'digest-mismatch'],
        ['truncated', bytes.subarray(0, Math.floor(bytes.length / 2)), ''],
        ['foreign', foreign, 'unknown-signer'],
        ['garbage', Buffer.from('this is not a pdf at all'), 'not-a-pdf'],
        ['unsigned pdf', await renderCertificatePdf(content).then((pdf) => pdf), ''],
      ];
      for (const [label, body, problem] of cases) {
        const response = await check(body);
        expect({ label, status: response.status }).toEqual({ label, status: 200 });
        expect({ label, ...response.body }).toMatchObject({
          label,
          handtekeningGeldig: false,
          documentOngewijzigd: false,
          voldoet: false,
          probleem: expect.any(String),
        });
        if (problem) expect({ label, probleem: response.body.probleem }).toEqual({ label, probleem: problem });
      }
    });

    it('answers 415 for another content type, 400 for nothing, 413 over 5 MiB', async () => {
      expectProblem(await check(Buffer.from('{}'), 'application/json'), 415);
      expectProblem(await check(Buffer.from('x'), 'text/plain'), 415);
      expectProblem(await t.http.post('/v1/verificaties/documenten').set('Content-Type', 'application/pdf'), 400);
      expectProblem(await check(Buffer.alloc(5 * 1024 * 1024 + 1, 0x25)), 413);
    });
  });

  describe('GET /v1/mutaties', () => {
    it('lists the changes in the key’s area, oldest first, paged', async () => {
      const response = await t.http
        .get('/v1/mutaties')
        .query({ sinds: '2026-01-01T00:00:00+01:00', paginaGrootte: 100 })
        .set('X-Api-Key', apiKey);
      expect(response.status).toBe(200);
      const changes = response.body.resultaten as {
        certificaatnummer: string;
        vorigeStatus: string | null;
        status: string;
        id: string;
        gemeentecode: string;
      }[];
      expect(changes.filter((c) => c.certificaatnummer === suspended.number).map((c) => `${c.vorigeStatus}>${c.status}`)).toEqual([
        'null>geldig',
        'geldig>geschorst',
      ]);
      expect(changes.every((c) => c.gemeentecode === 'GM1783')).toBe(true);
      const ids = changes.map((c) => Number(c.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      const page = await t.http
        .get('/v1/mutaties')
        .query({ sinds: '2026-01-01T00:00:00Z', paginaGrootte: 1, pagina: 2 })
        .set('X-Api-Key', apiKey);
      expect(page.body.resultaten[0].id).toBe(changes[1].id);
      expect(page.headers.link).toContain('rel="next"');
    });

    it('keeps a municipality to its own area and checks its input', async () => {
      expectProblem(
        await t.http.get('/v1/mutaties').query({ sinds: '2026-01-01T00:00:00Z', gemeentecode: 'GM0363' }).set('X-Api-Key', apiKey),
        403,
      );
      expectProblem(await t.http.get('/v1/mutaties').query({ sinds: 'gisteren' }).set('X-Api-Key', apiKey), 400);
      expectProblem(await t.http.get('/v1/mutaties').query({ sinds: '2026-01-01T00:00:00Z' }), 401);
      expectProblem(await t.http.get('/v1/mutaties').query({ sinds: '2026-01-01T00:00:00Z' }).set(s.as('verhuurderA')), 403);
      const admin = await t.http.get('/v1/mutaties').query({ sinds: '2026-01-01T00:00:00Z', gemeentecode: 'GM0363' }).set(s.as('admin'));
      expect(admin.body.totaal).toBe(0);
    });
  });

  describe('GET /v1/register', () => {
    it('streams every valid certificate as JSON, and as CSV on request', async () => {
      const json = await t.http.get('/v1/register');
      expect(json.status).toBe(200);
      expect(json.headers['content-type']).toContain('application/json');
      const numbers = (json.body as { certificaatnummer: string; status: string }[]).map((c) => c.certificaatnummer);
      expect(numbers).toContain(certified.number);
      expect(numbers).not.toContain(suspended.number);
      const csv = await t.http.get('/v1/register').set('Accept', 'text/csv');
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0]).toBe(
        'certificaatnummer,geldigVanaf,geldigTot,maximaalAantalBewoners,postcode,huisnummer,huisletter,huisnummertoevoeging,straatnaam' +
          ',woonplaats,gemeentecode,houderNaam,houderKvkNummer,normVersie',
      );
      expect(lines).toHaveLength(numbers.length + 1);
      expect(lines.find((l) => l.startsWith(certified.number))).toContain(',2671AB,12,,,Tuinbouwweg,Naaldwijk,GM1783,');
    });
  });
});
