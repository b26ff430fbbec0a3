// What a day of the scheme gives the worker's sweeps besides certificates, written straight into the
// benchmark's database (as the seed writes its certificates): one landlord user per seeded landlord,
// so notices have someone to write to; an open major finding at 2 % of the valid certificates'
// locations, deadlines spread evenly over the 61 days around `today`; and, as on any ordinary day,
// what earlier days already did: findings past their deadline before yesterday handled, reminders
// and expiry notices of earlier days written, and suspensions that reached their last day on an
// earlier day withdrawn (the seed's suspensions began on dates spread over a year; a suspension lasts
// at most `maximumSuspensionDays`, so here they began 1 to that many days ago). So each sweep meets one day's share, as in steady
// operation (the first run on an existing register catches up instead, bounded per run).
import { addWorkingDays } from '../../dist/libs/norm/src/index.js';

const FINDING_SHARE = 50; // one in 50 valid certificates: 2 %
const SPREAD_DAYS = 30;

const addDays = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedDailyWork(db, today, { maximumSuspensionDays }) {
  const started = Date.now();
  const suspensions = await db.query(
    `UPDATE certificate
        SET status_changed_at = (($1::date - (1 + abs(hashtext(number)) % $2::int)) + time '12:00') AT TIME ZONE 'Europe/Amsterdam'
      WHERE status = 'geschorst'`,
    [today, maximumSuspensionDays],
  );
  const users = await db.query(
    `INSERT INTO user_account (email, password_hash, name, role, organisation_id)
     SELECT 'verhuurder-' || o.kvk_number || '@bench.invalid', '!', 'Verhuurder ' || o.kvk_number, 'verhuurder', o.id
       FROM organisation o
      WHERE o.kind = 'verhuurder' AND EXISTS (SELECT 1 FROM location l WHERE l.organisation_id = o.id)
     ON CONFLICT (email) DO NOTHING`,
  );
  const {
    rows: [body],
  } = await db.query(
    `INSERT INTO organisation (name, kvk_number, kind) VALUES ('Bench Inspecties B.V.', '99999999', 'inspectie-instelling')
     ON CONFLICT (kvk_number) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
  );
  const {
    rows: [auditor],
  } = await db.query(
    `INSERT INTO user_account (email, password_hash, name, role, organisation_id)
     VALUES ('auditor@bench.invalid', '!', 'Bench Auditor', 'auditor', $1)
     ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [body.id],
  );
  // One decided periodic inspection with one open major finding per chosen location.
  const inspections = await db.query(
    `INSERT INTO inspection (location_id, auditor_id, kind, planned_at, norm_version, status, submitted_at, result, created_by)
     SELECT c.location_id, $1, 'periodiek', $2::date - 45, c.norm_version, 'besloten', $2::date - 44, '{}'::jsonb, $1
       FROM certificate c
      WHERE c.status = 'geldig' AND c.valid_until > $2::date
        AND abs(hashtext(c.number)) % ${FINDING_SHARE} = 0
        AND NOT EXISTS (SELECT 1 FROM inspection i WHERE i.location_id = c.location_id AND i.auditor_id = $1)`,
    [auditor.id, today],
  );
  const findings = await db.query(
    `INSERT INTO finding (inspection_id, location_id, criterion_code, severity, repair_deadline, status, overdue_handled_at)
     SELECT i.id, i.location_id, 'VZ-04', 'major', d.deadline, 'open',
            CASE WHEN d.deadline < $2::date - 1 THEN now() END
       FROM inspection i
       CROSS JOIN LATERAL (SELECT $2::date - ${SPREAD_DAYS} + abs(hashtext(i.id::text)) % ${2 * SPREAD_DAYS + 1} AS deadline) d
      WHERE i.auditor_id = $1
     ON CONFLICT (inspection_id, criterion_code) DO NOTHING`,
    [auditor.id, today],
  );
  // What earlier days wrote: reminders for deadlines that entered the five-working-day window before
  // today, the 30-day notice for certificates that entered that window before today, and so on.
  const remindedUntil = addWorkingDays(addDays(today, -1), 5);
  const mails = async (from, recipientsOf) =>
    (
      await db.query(
        `INSERT INTO mail_message (id, recipient_address, user_id, language, template, subject, text_body, dedupe_key, status,
                                   created_at, sent_at, attempts)
         SELECT gen_random_uuid(), u.email, u.id, 'nl', 'bench', 'Eerder verstuurd', '-', k.key, 'sent', now(), now(), 1
           FROM (${from}) k JOIN user_account u ON u.organisation_id = k.organisation_id AND u.role = 'verhuurder'
         ON CONFLICT DO NOTHING`,
        recipientsOf,
      )
    ).rowCount;
  const written =
    (await mails(
      `SELECT 'repair-reminder:' || f.id AS key, l.organisation_id FROM finding f JOIN location l ON l.id = f.location_id
        WHERE f.status = 'open' AND f.repair_deadline BETWEEN $1::date AND $2::date`,
      [today, remindedUntil],
    )) +
    (await mails(
      `SELECT 'certificate-expiring-30:' || c.number AS key, c.organisation_id FROM certificate c
        WHERE c.status = 'geldig' AND c.valid_until BETWEEN $1::date + 1 AND $1::date + 29`,
      [today],
    )) +
    (await mails(
      `SELECT 'certificate-expiring-90:' || c.number AS key, c.organisation_id FROM certificate c
        WHERE c.status = 'geldig' AND c.valid_until BETWEEN $1::date + 31 AND $1::date + 89`,
      [today],
    ));
  await db.query('VACUUM (ANALYZE) certificate, user_account, inspection, finding, mail_message');
  return {
    suspensions: suspensions.rowCount,
    landlordUsers: users.rowCount,
    inspections: inspections.rowCount,
    openMajorFindings: findings.rowCount,
    earlierMails: written,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
