import { DataSource } from 'typeorm';
import { parseCertificateNumber } from './certificate-number';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { SEED_SIGNING_KID, seedScale } from './scale-seed';

/** The scale seed: valid, verifiable certificates over every municipality, resumable, clear of real numbers. */
describe('seed-scale', () => {
  let t: TestApp;
  const seed = (count: number) => seedScale(t.app.get(DataSource), { count, publicBaseUrl: 'https://keurmerk.example' });

  beforeAll(async () => {
    t = await startTestApp();
    // A certificate number already taken by real issuance must not be taken again.
    await t.sql(`INSERT INTO certificate_number_series (year, last_value) VALUES (extract(year FROM now())::int, 41)`);
  });
  afterAll(() => t.close());

  it('writes certificates with locations in all 342 municipalities, numbered after the series', async () => {
    const result = await seed(400);
    expect(result).toMatchObject({ added: 400, total: 400 });
    const rows = await t.sql<{ number: string; municipality_code: string; status: string }>(
      `SELECT number, municipality_code, status FROM certificate WHERE signing_kid = $1`,
      [SEED_SIGNING_KID],
    );
    expect(rows).toHaveLength(400);
    expect(rows.filter((r) => !parseCertificateNumber(r.number).valid)).toEqual([]);
    expect(Math.min(...rows.map((r) => Number(r.number.slice(8, 14))))).toBe(42);
    expect(new Set(rows.map((r) => r.municipality_code)).size).toBe(342);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['geldig', 'geschorst', 'ingetrokken']));
  });

  it('answers verification by address and by number for what it wrote', async () => {
    const [row] = await t.sql<{ number: string; postcode: string; house_number: number }>(
      `SELECT c.number, l.postcode, l.house_number FROM certificate c JOIN location l ON l.id = c.location_id
        WHERE c.status = 'geldig' AND c.signing_kid = $1 AND l.house_letter IS NULL AND l.house_number_addition IS NULL LIMIT 1`,
      [SEED_SIGNING_KID],
    );
    const byAddress = await t.http.get('/v1/verificaties').query({ postcode: row.postcode, huisnummer: row.house_number }).expect(200);
    expect(byAddress.body).toMatchObject({ voldoet: true, certificaat: { certificaatnummer: row.number, status: 'geldig' } });
    const byNumber = await t.http.get('/v1/verificaties').query({ certificaatnummer: row.number }).expect(200);
    expect(byNumber.body.certificaat.adres).toMatchObject({ postcode: row.postcode, huisnummer: row.house_number });
  });

  it('continues where it stopped and adds nothing once the count is reached', async () => {
    expect(await seed(450)).toMatchObject({ added: 50, total: 450 });
    expect(await seed(450)).toMatchObject({ added: 0, total: 450 });
    const [{ count }] = await t.sql<{ count: number }>(`SELECT count(*)::int AS count FROM certificate WHERE signing_kid = $1`, [
      SEED_SIGNING_KID,
    ]);
    expect(count).toBe(450);
  });
});
