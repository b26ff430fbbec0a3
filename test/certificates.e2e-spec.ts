import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@keurmerk/config';
import { Metrics } from '@keurmerk/metrics';
import {
  CertificateIssuer,
  CertificateLifecycleService,
  CertificateQueryService,
  CertificateRepository,
  developmentKeyDirectory,
  KEY_RING,
  parseCertificateNumber,
  PublishedKeysService,
  CompanySanctionService,
} from '@keurmerk/certificates';
import { Clock, FixedClock } from '@keurmerk/common';
import { EventLog } from '@keurmerk/events';
import { KeyRing, rotateDevelopmentKey, verifyPdfSignature } from '@keurmerk/signing';
import { EmbeddedS3, ObjectStorage } from '@keurmerk/storage';
import { createScenario, Scenario } from './support/scenario';
import { expectProblem, invalidParamNames, startTestApp, TestApp } from './support/test-app';

function pdfsig(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'keurmerk-pdfsig-'));
  try {
    writeFileSync(join(dir, 'c.pdf'), pdf);
    try {
      return execFileSync('pdfsig', [join(dir, 'c.pdf')], { encoding: 'utf8' });
    } catch (error) {
      return String((error as { stdout?: string }).stdout ?? error);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('certificates: issuance, signed PDF, credential, lifecycle, keys', () => {
  let t: TestApp;
  let s: Scenario;
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
  let first: { locationId: string; number: string };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    s = await createScenario(t, 'cert');
    first = await s.certifiedLocation({ huisnummer: 1 });
  });
  afterAll(() => t.close());

  describe('issuance', () => {
    it('numbers the certificate KM-<year>-<6 digits>-<Luhn> and publishes it valid for 12 months', async () => {
      expect(first.number).toMatch(/^KM-2026-\d{6}-\d$/);
      expect(parseCertificateNumber(first.number).valid).toBe(true);
      const response = await t.http.get(`/v1/certificaten/${first.number}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        certificaatnummer: first.number,
        status: 'geldig',
        geldigVanaf: '2026-12-01',
        geldigTot: '2027-11-30',
        maximaalAantalBewoners: 11,
        adres: { postcode: '2671AB', huisnummer: 1, straatnaam: 'Tuinbouwweg', woonplaats: 'Naaldwijk' },
        gemeentecode: 'GM1783',
        houder: { naam: 'cert Verhuur A B.V.', kvkNummer: expect.stringMatching(/^\d{8}$/) },
        normVersie: '2026.1',
        pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        statusGewijzigdOp: '2026-12-01T10:00:00.000Z',
      });
    });

    it('serves a PAdES-signed PDF that pdfsig validates, whose hash is the registry’s', async () => {
      const response = await t.http
        .get(`/v1/certificaten/${first.number}/pdf`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const pdf = response.body as Buffer;
      const report = pdfsig(pdf);
      expect(report).toContain('Signature is Valid');
      expect(report).toContain('Total document signed');
      expect(report).toContain('ETSI.CAdES.detached');
      const { body } = await t.http.get(`/v1/certificaten/${first.number}`);
      const verification = await verifyPdfSignature(pdf, t.app.get<KeyRing>(KEY_RING));
      expect(verification).toMatchObject({
        valid: true,
        signedByThisScheme: true,
        coversWholeDocument: true,
        padesBaselineB: true,
        sha256: body.pdfSha256,
      });

      // One changed byte in the signed content (the last third of the file is page content and fonts).
      const flipped = Buffer.from(pdf);
      flipped[pdf.length - Math.floor(pdf.length / 4)] ^= 0x01;
      expect(pdfsig(flipped)).not.toContain('Signature is Valid');
      expect((await verifyPdfSignature(flipped, t.app.get<KeyRing>(KEY_RING))).valid).toBe(false);
    });

    it('serves a credential: a JWS typ vc+jwt whose kid is in the JWKS', async () => {
      const response = await t.http.get(`/v1/certificaten/${first.number}/vc`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('application/vc+jwt');
      const jws = response.text;
      const header = decodeProtectedHeader(jws);
      expect(header).toMatchObject({ typ: 'vc+jwt', kid: expect.any(String), alg: expect.stringMatching(/^(ES256|RS256)$/) });
      const keys = await t.http.get('/.well-known/jwks.json');
      expect(keys.status).toBe(200);
      const { payload } = await jwtVerify(jws, createLocalJWKSet(keys.body), { typ: 'vc+jwt', currentDate: clock.now() });
      expect(payload).toMatchObject({
        sub: first.number,
        vc: { credentialSubject: { certificaatnummer: first.number, status: 'geldig', maximaalAantalBewoners: 11 } },
      });
      // Signed once at issuance and stored: its status is as of then, and it names where the live status is.
      expect(payload).toMatchObject({
        vc: { credentialStatus: { id: `http://keurmerk.test/v1/certificaten/${first.number}`, type: 'KeurmerkCertificaatStatus' } },
      });
      expect((await t.http.get(`/v1/certificaten/${first.number}/vc`)).text).toBe(jws);
      const [h, p, sig] = jws.split('.');
      const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, sub: 'KM-2026-999999-0' })).toString('base64url')}.${sig}`;
      await expect(jwtVerify(tampered, createLocalJWKSet(keys.body))).rejects.toThrow();
      expect(p).toBeTruthy();
    });

    it('answers 400 for a malformed number or a wrong check digit, 404 for an unknown one', async () => {
      const wrongCheck = first.number.slice(0, -1) + String((Number(first.number.at(-1)) + 1) % 10);
      const bad = await t.http.get(`/v1/certificaten/${wrongCheck}`);
      expectProblem(bad, 400);
      expect(invalidParamNames(bad)).toEqual(['nummer']);
      expectProblem(await t.http.get('/v1/certificaten/KM-2026-12'), 400);
      expectProblem(await t.http.get('/v1/certificaten/KM-2026-999999-0/pdf'), 400);
      const unknown = `KM-2026-999998-${
        parseCertificateNumber('KM-2026-999998-0').valid
          ? 0
          : [...Array(10).keys()].find((d) => parseCertificateNumber(`KM-2026-999998-${d}`).valid)
      }`;
      expectProblem(await t.http.get(`/v1/certificaten/${unknown}`), 404);
    });

    it('is not public while being issued, and completes after an S3 outage without a second certificate', async () => {
      const locationId = await s.location({ huisnummer: 50 });
      const number = await s.decide(await s.inspect(locationId));
      expectProblem(await t.http.get(`/v1/certificaten/${number}`), 404);

      const port = t.s3.port;
      await t.s3.stop();
      await expect(t.app.get(CertificateIssuer).issue(number)).rejects.toMatchObject({ code: 'unavailable' });
      expectProblem(await t.http.get(`/v1/certificaten/${number}`), 404);
      t.s3 = await EmbeddedS3.start({ directory: t.config.dataDir, bucket: t.config.objectStore.bucket, port });

      // A crash between storing the signed PDF and publishing: the publish transaction fails once.
      const db = t.app.get(DataSource);
      const transaction = db.transaction.bind(db);
      let crashed = false;
      (db as { transaction: unknown }).transaction = async (...args: unknown[]) => {
        if (!crashed) {
          crashed = true;
          throw new Error('process killed between signing and publishing');
        }
        return (transaction as (...a: unknown[]) => Promise<unknown>)(...args);
      };
      try {
        await expect(t.app.get(CertificateIssuer).issue(number)).rejects.toThrow('process killed');
        expectProblem(await t.http.get(`/v1/certificaten/${number}`), 404);
        expect(await t.app.get(CertificateIssuer).issue(number)).toBe('issued');
        expect(await t.app.get(CertificateIssuer).issue(number)).toBe('already-issued');
      } finally {
        (db as { transaction: unknown }).transaction = transaction;
      }
      const rows = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM certificate WHERE location_id = $1`, [locationId]);
      expect(rows[0].n).toBe(1);
      const published = await t.http.get(`/v1/certificaten/${number}`);
      expect(published.body.status).toBe('geldig');
      const stored = readdirSync(join(t.config.dataDir, t.config.objectStore.bucket, 'certificates', number));
      expect(stored.length).toBeGreaterThanOrEqual(1);
    });
  });

  describe('lifecycle', () => {
    const change = (who: string, number: string, status: string, reden = 'Controle') =>
      t.http.post(`/v1/certificaten/${number}/statuswijzigingen`).set(s.as(who)).send({ status, reden });

    it('suspends, reinstates and withdraws; ingetrokken is final; illegal moves are 409', async () => {
      const { number } = await s.certifiedLocation({ huisnummer: 60 });
      expect((await change('certifier', number, 'geschorst', 'Klacht over overbewoning')).body.status).toBe('geschorst');
      expectProblem(await change('certifier', number, 'geschorst'), 409);
      expect((await change('admin', number, 'geldig', 'Herstel aangetoond')).body.status).toBe('geldig');
      expect((await change('admin', number, 'ingetrokken', 'Fraude')).body.status).toBe('ingetrokken');
      expectProblem(await change('admin', number, 'geldig'), 409);
      const changes = await t.sql<{ from_status: string; to_status: string; reason: string; actor_kind: string }>(
        `SELECT from_status, to_status, reason, actor_kind FROM certificate_status_change WHERE certificate_number = $1 ORDER BY id`,
        [number],
      );
      expect(changes.map((c) => `${c.from_status}>${c.to_status}`)).toEqual([
        'null>geldig',
        'geldig>geschorst',
        'geschorst>geldig',
        'geldig>ingetrokken',
      ]);
      expect(changes[1]).toMatchObject({ reason: 'Klacht over overbewoning', actor_kind: 'person' });
    });

    it('refuses bad input and the wrong roles', async () => {
      const verlopen = await change('admin', first.number, 'verlopen');
      expectProblem(verlopen, 400);
      expect(invalidParamNames(verlopen)).toEqual(['status']);
      expect([
        ...new Set(
          invalidParamNames(
            await t.http.post(`/v1/certificaten/${first.number}/statuswijzigingen`).set(s.as('admin')).send({ status: 'geschorst' }),
          ),
        ),
      ]).toEqual(['reden']);
      for (const who of ['verhuurderA', 'auditor', 'municipality']) expectProblem(await change(who, first.number, 'geschorst'), 403);
      expectProblem(await t.http.post(`/v1/certificaten/${first.number}/statuswijzigingen`).send({ status: 'geschorst', reden: 'x' }), 401);
    });

    it('suspends a certificate at once when a later inspection finds a knock-out', async () => {
      const { locationId, number } = await s.certifiedLocation({ huisnummer: 70 });
      await s.inspect(locationId, { 'BV-01': { resultaat: 'voldoet-niet' } }, 'onaangekondigd');
      const response = await t.http.get(`/v1/certificaten/${number}`);
      expect(response.body.status).toBe('geschorst');
      const [last] = await t.sql<{ reason: string }>(
        `SELECT reason FROM certificate_status_change WHERE certificate_number = $1 ORDER BY id DESC LIMIT 1`,
        [number],
      );
      expect(last.reason).toContain('BV-01');
    });

    it('lets a re-inspection’s certificate replace the current one (vervangen, naming its successor)', async () => {
      const { locationId, number: old } = await s.certifiedLocation({ huisnummer: 80 });
      const renewed = await s.decide(await s.inspect(locationId, {}, 'periodiek'));
      await t.app.get(CertificateIssuer).issue(renewed);
      expect((await t.http.get(`/v1/certificaten/${old}`)).body).toMatchObject({ status: 'vervangen', vervangenDoor: renewed });
      expect((await t.http.get(`/v1/certificaten/${renewed}`)).body.status).toBe('geldig');
      const [row] = await t.sql<{ superseded_by: string }>(`SELECT superseded_by FROM certificate WHERE number = $1`, [old]);
      expect(row.superseded_by).toBe(renewed);
    });
  });

  describe('keys', () => {
    it('rotates: new PDFs and credentials use the new key; old ones stay verifiable; bulk re-issue is resumable', async () => {
      const config = t.app.get<AppConfig>(APP_CONFIG);
      const oldRing = t.app.get<KeyRing>(KEY_RING);
      const oldPdf = (await t.app.get(CertificateQueryService).pdf(first.number)).bytes;
      const oldJws = await t.app.get(CertificateQueryService).credential(first.number);

      const newRing = await rotateDevelopmentKey(developmentKeyDirectory(config));
      expect(newRing.activeKey.kid).not.toBe(oldRing.activeKey.kid);
      // The issuer as a worker restarted with the new key has it: it publishes the new key before it signs.
      const rotated = new CertificateIssuer(
        newRing,
        config,
        t.app.get(CertificateRepository),
        t.app.get(CertificateLifecycleService),
        t.app.get(PublishedKeysService),
        t.app.get(ObjectStorage),
        t.app.get(EventLog),
        t.app.get(Clock),
        t.app.get(CompanySanctionService),
        t.app.get(Metrics),
      );
      const current = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM certificate WHERE status IN ('geldig', 'geschorst')`);
      expect(current[0].n).toBeGreaterThanOrEqual(2);

      const partial = await rotated.reissue({ limit: 1 });
      expect(partial).toEqual({ reissued: 1, remaining: current[0].n - 1 });
      const progress: number[] = [];
      const rest = await rotated.reissue({ onProgress: (done) => progress.push(done) });
      expect(rest).toEqual({ reissued: current[0].n - 1, remaining: 0 });
      expect(progress.at(-1)).toBe(current[0].n - 1);

      const kids = await t.sql<{ signing_kid: string }>(
        `SELECT DISTINCT signing_kid FROM certificate WHERE status IN ('geldig', 'geschorst')`,
      );
      expect(kids).toEqual([{ signing_kid: newRing.activeKey.kid }]);
      const newPdf = (await t.app.get(CertificateQueryService).pdf(first.number)).bytes;
      expect((await verifyPdfSignature(newPdf, newRing)).signerKid).toBe(newRing.activeKey.kid);
      expect((await verifyPdfSignature(oldPdf, newRing)).valid).toBe(true);

      const jwks = (await import('@keurmerk/signing')).jwks(newRing);
      expect(jwks.keys.map((k) => k.kid).sort()).toEqual([oldRing.activeKey.kid, newRing.activeKey.kid].sort());
      await expect(jwtVerify(oldJws, createLocalJWKSet(jwks), { currentDate: clock.now() })).resolves.toBeDefined();
      const newJws = await t.app.get(CertificateQueryService).credential(first.number);
      expect(decodeProtectedHeader(newJws).kid).toBe(newRing.activeKey.kid);

      // What the API serves from the published public keys: both keys, and both PDFs check out.
      const served = (await t.http.get('/.well-known/jwks.json').expect(200)).body as { keys: { kid: string }[] };
      expect(served.keys.map((k) => k.kid).sort()).toEqual([oldRing.activeKey.kid, newRing.activeKey.kid].sort());
      await expect(jwtVerify(oldJws, createLocalJWKSet(served as never), { currentDate: clock.now() })).resolves.toBeDefined();
      await expect(jwtVerify(newJws, createLocalJWKSet(served as never), { currentDate: clock.now() })).resolves.toBeDefined();
      for (const pdf of [oldPdf, newPdf]) {
        const checked = await t.http.post('/v1/verificaties/documenten').set('Content-Type', 'application/pdf').send(pdf).expect(200);
        expect(checked.body).toMatchObject({ handtekeningGeldig: true, certificaatnummer: first.number });
      }
    });
  });

  it('expires certificates after their last valid day', async () => {
    const { number } = await s.certifiedLocation({ huisnummer: 90 });
    clock.set(new Date('2027-11-30T22:00:00Z'));
    expect(await t.app.get(CertificateLifecycleService).expire()).toBe(0);
    clock.set(new Date('2027-12-01T06:00:00Z'));
    expect(await t.app.get(CertificateLifecycleService).expire()).toBeGreaterThanOrEqual(1);
    expect((await t.http.get(`/v1/certificaten/${number}`)).body.status).toBe('verlopen');
    // Final: no way back. (Checked through the service: a year on, the test's tokens have expired.)
    await expect(
      t.app.get(CertificateLifecycleService).changeStatus(number, 'geldig', 'Terug', { kind: 'system', id: null }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps the event chain intact through all of it', async () => {
    expect(await t.app.get(EventLog).verify()).toMatchObject({ valid: true });
  });
});
