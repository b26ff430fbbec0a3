import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '@keurmerk/config';
import { EmbeddedPostgres } from '@keurmerk/database';
import { createLogger, migrateRuntime, startRuntime } from '@keurmerk/runtime';
import { ObjectStorage } from '@keurmerk/storage';
import { createApiApp } from '../apps/api/src/bootstrap';

/** The embedded default as `npm start` runs it: PGlite and s3rver under DATA_DIR, no other configuration. */
describe('embedded default', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'keurmerk-embedded-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function boot() {
    const config = loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      KEURMERK_ADMIN_EMAIL: 'admin@embedded.test',
      KEURMERK_ADMIN_PASSWORD: 'embedded-admin-password',
    });
    expect(config.embedded).toBe(true);
    const logger = createLogger(config);
    const runtime = await startRuntime(config, logger);
    await migrateRuntime(runtime, logger);
    const app = await createApiApp(runtime, logger, { withWorker: true });
    await app.getHttpAdapter().getInstance().ready();
    return {
      http: request(app.getHttpServer()),
      storage: app.get(ObjectStorage),
      async stop() {
        await app.close();
        await runtime.stop();
      },
    };
  }

  it('starts with nothing configured, and keeps database and documents across a restart', async () => {
    const first = await boot();
    expect((await first.http.get('/v1/health')).body.status).toBe('ok');
    const token = (
      await first.http.post('/v1/tokens').send({ email: 'admin@embedded.test', wachtwoord: 'embedded-admin-password' }).expect(201)
    ).body.accessToken;
    await first.http
      .post('/v1/organisaties')
      .set('Authorization', `Bearer ${token}`)
      .send({ naam: 'Blijft Bestaan B.V.', kvkNummer: '44444444', soort: 'verhuurder' })
      .expect(201);
    await first.storage.put('survives/restart.txt', Buffer.from('still here'), 'text/plain');
    await first.stop();

    const second = await boot();
    try {
      const again = (
        await second.http.post('/v1/tokens').send({ email: 'admin@embedded.test', wachtwoord: 'embedded-admin-password' }).expect(201)
      ).body.accessToken;
      const list = await second.http.get('/v1/organisaties').set('Authorization', `Bearer ${again}`).expect(200);
      expect(list.body.resultaten.map((o: { naam: string }) => o.naam)).toEqual(['Blijft Bestaan B.V.']);
      expect((await second.storage.get('survives/restart.txt')).toString()).toBe('still here');
    } finally {
      await second.stop();
    }
    // Two boots of embedded PGlite, each migrating from nothing: minutes on a loaded machine.
  }, 300_000);

  it('refuses to open a data directory another live process owns', async () => {
    const dir = join(dataDir, 'owned');
    // The jest parent process is alive and is not this one: it stands in for a running API.
    writeFileSync(`${dir}.lock`, String(process.ppid));
    await expect(EmbeddedPostgres.start({ dataDir: dir })).rejects.toThrow(`in use by process ${process.ppid}`);
  });
});
