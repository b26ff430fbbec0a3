import { DataSource } from 'typeorm';
import { seedScale } from '@keurmerk/certificates';
import { FixedClock } from '@keurmerk/common';
import { MailSweeps } from '@keurmerk/mail';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The expiry notices at more than one batch a day. Each sweep read the first 1,000 certificates of a
 * window, already notified or not, so at national scale (about 2,700 a day enter each window) most
 * certificates never got their notice. Now a sweep reads only certificates with no notice yet, page
 * after page, and a second run the same day finds nothing left to do.
 */
describe('expiry notices at scale', () => {
  let t: TestApp;
  const DAY = 86_400_000;
  // The seed's certificates end 35 to 364 days from today: ten days on, both windows hold some.
  const clock = new FixedClock(new Date(Date.now() + 10 * DAY));

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await seedScale(t.app.get(DataSource), { count: 8_000, publicBaseUrl: 'https://keurmerk.example' });
    // One user per seeded landlord, so each notice has exactly one recipient.
    await t.sql(
      `INSERT INTO user_account (email, password_hash, name, role, organisation_id)
       SELECT 'seed-' || o.kvk_number || '@scale.test', '!', 'Verhuurder ' || o.kvk_number, 'verhuurder', o.id
         FROM organisation o WHERE EXISTS (SELECT 1 FROM location l WHERE l.organisation_id = o.id)
       ON CONFLICT (email) DO NOTHING`,
    );
  }, 120_000);
  afterAll(() => t?.close());

  it('writes one notice for every valid certificate ending within 90 days, over several batches, and none twice', async () => {
    const today = clock.today();
    const [{ within30, within90 }] = await t.sql<{ within30: number; within90: number }>(
      `SELECT count(*) FILTER (WHERE valid_until BETWEEN $1::date + 1 AND $1::date + 30)::int AS within30,
              count(*) FILTER (WHERE valid_until BETWEEN $1::date + 31 AND $1::date + 90)::int AS within90
         FROM certificate WHERE status = 'geldig'`,
      [today],
    );
    expect(within30).toBeGreaterThan(0);
    expect(within90).toBeGreaterThan(1_000);

    const sweeps = t.app.get(MailSweeps);
    expect(await sweeps.announceExpiries()).toBe(within30 + within90);
    const written = await t.sql<{ key: string; n: number }>(
      `SELECT split_part(dedupe_key, ':', 1) AS key, count(*)::int AS n FROM mail_message
        WHERE template = 'certificate-expiring' GROUP BY 1 ORDER BY 1`,
    );
    expect(written).toEqual([
      { key: 'certificate-expiring-30', n: within30 },
      { key: 'certificate-expiring-90', n: within90 },
    ]);
    // The same day again: nothing left, and nothing read twice.
    expect(await sweeps.announceExpiries()).toBe(0);
  }, 120_000);
});
