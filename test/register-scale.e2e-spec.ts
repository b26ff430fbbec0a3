import http from 'node:http';
import { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PublicRegisterService } from '@keurmerk/verification';
import { startTestApp, TestApp } from './support/test-app';

/** The open register streams: 100,000 certificates leave with the server's memory flat. */
describe('open register at 100,000 certificates', () => {
  let t: TestApp;
  const COUNT = 100_000;

  beforeAll(async () => {
    t = await startTestApp();
    await t.sql(`INSERT INTO organisation (name, kvk_number, kind) VALUES ('Schaal B.V.', '55500001', 'verhuurder')`);
    await t.sql(
      `INSERT INTO location (organisation_id, postcode, house_number, street, city, municipality_code, housing_type, new_build, ` +
        `requested_beds)
       SELECT (SELECT id FROM organisation WHERE kvk_number = '55500001'), CASE WHEN n <= 50000 THEN '1011AB' ELSE '1011AC' END, (n - 1) ` +
        `% 50000 + 1,
              'Damstraat', 'Amsterdam', 'GM0363', 'woning', false, 8
         FROM generate_series(1, ${COUNT}) AS n`,
    );
    await t.sql(
      `INSERT INTO certificate (number, location_id, organisation_id, municipality_code, status, valid_from, valid_until, ` +
        `maximum_residents, norm_version, content, pdf_key, pdf_sha256, signing_kid, issued_at)
       SELECT 'KM-2026-' || lpad((row_number() OVER (ORDER BY l.postcode, l.house_number))::text, 6, '0') || '-0', l.id, ` +
        `l.organisation_id, 'GM0363', 'geldig', '2026-12-01', '2027-11-30', 8, '2026.1',
              jsonb_build_object('holderName', 'Schaal B.V.', 'holderKvkNumber', '55500001', 'address', jsonb_build_object('postcode', ` +
        `l.postcode, 'houseNumber', l.house_number, 'street', 'Damstraat', 'city', 'Amsterdam')),
              'x', repeat('a', 64), 'kid', now()
         FROM location l WHERE l.organisation_id = (SELECT id FROM organisation WHERE kvk_number = '55500001')`,
    );
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  }, 300_000);
  afterAll(() => t.close());

  it('streams every row as CSV with memory that stays flat', async () => {
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
    const started = Date.now();
    const { lines, bytes } = await new Promise<{ lines: number; bytes: number }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/v1/register', headers: { Accept: 'text/csv' } }, (res) => {
          let count = 0;
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            for (const byte of chunk) if (byte === 0x0a) count++;
          });
          res.on('end', () => resolve({ lines: count, bytes: size }));
          res.on('error', reject);
        })
        .on('error', reject);
    });
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    expect(lines).toBe(COUNT + 1);
    expect(bytes).toBeGreaterThan(8_000_000);
    const growthMb = (peak - baseline) / 1024 / 1024;
    process.stdout.write(
      `register: ${COUNT} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${Math.round(
        COUNT / seconds,
      )} rows/s), peak heap growth ${growthMb.toFixed(1)} MB\n`,
    );

    // The same rows held at once, as a buffering export would: what the stream must stay well below.
    // The streaming run's garbage is collected first: a collection of it in the middle of this
    // measurement once made the held rows weigh -4.6 MB.
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const held: unknown[] = [];
    for await (const row of t.app.get(PublicRegisterService).validCertificates()) held.push(row);
    const text = held.map((row) => JSON.stringify(row)).join('\n');
    const bufferedMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    process.stdout.write(
      `register: the same ${held.length} rows held at once take ${bufferedMb.toFixed(1)} MB of heap (${text.length} characters)\n`,
    );
    expect(growthMb).toBeLessThan(bufferedMb);
  }, 300_000);
});

/** A full garbage collection, without starting Node with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
