import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModulesContainer } from '@nestjs/core';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import {
  CertificateIssuer,
  CertificateLifecycleService,
  CertificateQueryService,
  CertificateRepository,
  developmentKeyDirectory,
  KEY_RING,
  PublishedKeysService,
  CompanySanctionService,
} from '@keurmerk/certificates';
import { Metrics } from '@keurmerk/metrics';
import { Clock } from '@keurmerk/common';
import { APP_CONFIG, type AppConfig } from '@keurmerk/config';
import { EventLog } from '@keurmerk/events';
import { rotateDevelopmentKey } from '@keurmerk/signing';
import { ObjectStorage } from '@keurmerk/storage';
import { createScenario, Scenario } from './support/scenario';
import { BUCKET, startTestApp, TestApp } from './support/test-app';
import { usingRealPostgres } from './support/test-database';

/**
 * Issue 13: only the issuer holds private keys. The API runs alone as `npm run start:api` starts it
 * (WORKER_IN_PROCESS=false, from the build), where no private key can be read: SIGNING_KEY_P12 unset and
 * DATA_DIR/keys a plain file, so loading or creating a development key would fail the start. The test's
 * own app plays the worker: it holds the issuer, issues, and later rotates the key. The API serves the
 * PDF, the stored credential and the JWKS from what the issuer published, and checks uploaded PDFs.
 */
const builtApi = join(process.cwd(), 'dist', 'apps', 'api', 'src', 'main.js');
const KEYS_PLACEHOLDER = 'not a key directory: an API process must never look for a private key here\n';

describe('the API without the issuer', () => {
  it('is built without a key ring when the worker is elsewhere (the module, in this process)', async () => {
    const t = await startTestApp({ issuer: false });
    try {
      // Every provider of every module of the app: neither the key ring nor the issuer is among them.
      const tokens = [...t.app.get(ModulesContainer).values()].flatMap((module) => [...module.providers.keys()]);
      expect(tokens).not.toContain(KEY_RING);
      expect(tokens).not.toContain(CertificateIssuer);
      expect(tokens).toContain(PublishedKeysService);
      expect(existsSync(developmentKeyDirectory(t.config))).toBe(false);
      // Without a published key the JWKS is empty, not an error.
      expect((await t.http.get('/.well-known/jwks.json').expect(200)).body).toEqual({ keys: [] });
    } finally {
      await t.close();
    }
  });
});

if (!usingRealPostgres) {
  process.stdout.write(
    'api-alone: the separate API process is skipped: it needs a PostgreSQL server two processes share; set DATABASE_URL, as CI does.\n',
  );
} else if (!existsSync(builtApi)) {
  process.stdout.write('api-alone: the separate API process is skipped: no build in dist/ (npm run build); CI builds first.\n');
}
(usingRealPostgres && existsSync(builtApi) ? describe : describe.skip)(
  'the API alone (npm run start:api) with no private key readable, the issuer elsewhere',
  () => {
    let t: TestApp;
    let s: Scenario;
    let apiDataDir: string;
    let base: string;
    let output = '';
    let stop: () => Promise<void>;

    beforeAll(async () => {
      t = await startTestApp();
      s = await createScenario(t, 'alone');
      apiDataDir = mkdtempSync(join(tmpdir(), 'keurmerk-api-alone-'));
      writeFileSync(join(apiDataDir, 'keys'), KEYS_PLACEHOLDER);
      const port = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const { port: free } = probe.address() as { port: number };
          probe.close(() => resolve(free));
        });
      });
      base = `http://127.0.0.1:${port}`;
      const child = spawn(process.execPath, [builtApi], {
        env: {
          PATH: process.env.PATH,
          TZ: 'UTC',
          DATABASE_URL: t.database.url,
          S3_ENDPOINT: t.s3.endpoint,
          S3_BUCKET: BUCKET,
          S3_ACCESS_KEY_ID: t.s3.accessKeyId,
          S3_SECRET_ACCESS_KEY: t.s3.secretAccessKey,
          DATA_DIR: apiDataDir,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
          WORKER_IN_PROCESS: 'false',
          RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      stop = async () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
      };
      const ready = Date.now() + 30_000;
      let healthy = false;
      while (Date.now() < ready && !healthy && child.exitCode === null) {
        healthy = await fetch(`${base}/v1/health`).then(
          (r) => r.ok,
          () => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 200)),
        );
      }
      if (!healthy) throw new Error(`the API alone did not start (exit ${child.exitCode}):\n${output}`);
    });
    afterAll(async () => {
      await stop?.();
      await t?.close();
      if (apiDataDir) rmSync(apiDataDir, { recursive: true, force: true });
    });

    const pdfOf = async (number: string) => {
      const response = await fetch(`${base}/v1/certificaten/${number}/pdf`);
      expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status: 200, type: 'application/pdf' });
      return Buffer.from(await response.arrayBuffer());
    };
    const check = async (pdf: Buffer) => {
      const response = await fetch(`${base}/v1/verificaties/documenten`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/pdf' },
        body: pdf,
      });
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown>;
    };

    it('serves the PDF, the credential and the JWKS of a certificate the issuer made, and both verify', async () => {
      // Issued by the test's issuer while the API runs: allocation, then the issuer's step.
      const { number } = await s.certifiedLocation({ huisnummer: 11 });

      const pdf = await pdfOf(number);
      expect(pdf.equals((await t.app.get(CertificateQueryService).pdf(number)).bytes)).toBe(true);

      const vc = await fetch(`${base}/v1/certificaten/${number}/vc`);
      expect(vc.status).toBe(200);
      expect(vc.headers.get('content-type')).toContain('application/vc+jwt');
      const jws = await vc.text();
      const jwks = await fetch(`${base}/.well-known/jwks.json`);
      expect(jwks.status).toBe(200);
      const keys = (await jwks.json()) as { keys: { kid: string }[] };
      expect(keys.keys.map((key) => key.kid)).toContain(t.app.get<{ activeKey: { kid: string } }>(KEY_RING).activeKey.kid);
      const { payload } = await jwtVerify(jws, createLocalJWKSet(keys as never), { typ: 'vc+jwt' });
      expect(payload).toMatchObject({
        sub: number,
        vc: {
          credentialSubject: { certificaatnummer: number, status: 'geldig' },
          credentialStatus: { id: `http://keurmerk.test/v1/certificaten/${number}` },
        },
      });

      expect(await check(pdf)).toMatchObject({
        handtekeningGeldig: true,
        documentOngewijzigd: true,
        certificaatnummer: number,
        voldoet: true,
      });
      const altered = Buffer.from(pdf);
      altered[pdf.length - Math.floor(pdf.length / 4)] ^= 0x01;
      expect(await check(altered)).toMatchObject({ handtekeningGeldig: false, documentOngewijzigd: false });
    });

    it('shows a status change at once, while the credential keeps the status it was signed with', async () => {
      const { number } = await s.certifiedLocation({ huisnummer: 12 });
      const before = await (await fetch(`${base}/v1/certificaten/${number}/vc`)).text();
      await t.app.get(CertificateLifecycleService).changeStatus(number, 'geschorst', 'Klacht', { kind: 'system', id: null });
      expect(((await (await fetch(`${base}/v1/certificaten/${number}`)).json()) as { status: string }).status).toBe('geschorst');
      expect(await (await fetch(`${base}/v1/certificaten/${number}/vc`)).text()).toBe(before);
      expect(await check(await pdfOf(number))).toMatchObject({ handtekeningGeldig: true, documentOngewijzigd: true, voldoet: false });
    });

    it('checks a PDF signed with a key rotated in after the API started, and keeps the old one verifiable', async () => {
      const { number } = await s.certifiedLocation({ huisnummer: 13 });
      const oldPdf = await pdfOf(number);
      expect(await check(oldPdf)).toMatchObject({ handtekeningGeldig: true });

      // The worker restarts with a new key: it publishes the key, then re-issues.
      const config = t.app.get<AppConfig>(APP_CONFIG);
      const newRing = await rotateDevelopmentKey(developmentKeyDirectory(config));
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
      await rotated.reissue();

      const newPdf = await pdfOf(number);
      expect(newPdf.equals(oldPdf)).toBe(false);
      expect(await check(newPdf)).toMatchObject({ handtekeningGeldig: true, documentOngewijzigd: true, certificaatnummer: number });
      expect(await check(oldPdf)).toMatchObject({ handtekeningGeldig: true, certificaatnummer: number });
      const jws = await (await fetch(`${base}/v1/certificaten/${number}/vc`)).text();
      expect(decodeProtectedHeader(jws).kid).toBe(newRing.activeKey.kid);
    });

    it('never looked for a private key', () => {
      expect(readFileSync(join(apiDataDir, 'keys'), 'utf8')).toBe(KEYS_PLACEHOLDER);
      expect(output).not.toMatch(/SIGNING KEY|signing with/i);
      expect(output).not.toMatch(/"level":(50|60)/);
    });
  },
);
