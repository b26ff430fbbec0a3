import { DataSource } from 'typeorm';
import { FixedClock } from '@keurmerk/common';
import { CertificationPort, FindingService } from '@keurmerk/inspections';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The worker's sweep: a major past its repair deadline, not repaired, is handled once, through the
 * certification seam, in the same transaction as its event.
 */
describe('overdue major findings sweep', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2027-01-20T06:00:00Z'));
  const suspended: { locationId: string; criterionCode: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const port = t.app.get(CertificationPort);
    port.majorOverdue = async (_manager, context) => {
      suspended.push({ locationId: context.locationId, criterionCode: context.criterionCode });
    };
    // A submitted inspection with findings, written directly: the API path is covered by audit-flow.
    const db = t.app.get(DataSource);
    const [{ id: org }] = await db.query(
      `INSERT INTO organisation (name, kvk_number, kind) VALUES ('L', '81000001', 'verhuurder') RETURNING id`,
    );
    const [{ id: auditor }] = await db.query(
      `INSERT INTO user_account (email, password_hash, name, role, organisation_id) VALUES ('a@x.nl', 'x', 'A', 'auditor', (SELECT id ` +
        `FROM organisation WHERE kvk_number = '81000001')) RETURNING id`,
    );
    const [{ id: location }] = await db.query(
      `INSERT INTO location (organisation_id, postcode, house_number, street, city, municipality_code, housing_type, new_build, ` +
        `requested_beds)
       VALUES ($1, '1011AB', 1, 'Straat', 'Amsterdam', 'GM0363', 'woning', false, 10) RETURNING id`,
      [org],
    );
    const [{ id: inspection }] = await db.query(
      `INSERT INTO inspection (location_id, auditor_id, kind, planned_at, norm_version, status, submitted_at, result, created_by)
       VALUES ($1, $2, 'initieel', now(), '2026.1', 'ingediend', now(), '{}', $2) RETURNING id`,
      [location, auditor],
    );
    const finding = (code: string, severity: string, deadline: string | null, status = 'open') =>
      db.query(
        `INSERT INTO finding (inspection_id, location_id, criterion_code, severity, repair_deadline, status, closed_at)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 = 'gesloten' THEN now() END)`,
        [inspection, location, code, severity, deadline, status],
      );
    await finding('BV-02', 'major', '2027-01-14');
    await finding('VL-01', 'major', '2027-01-19', 'herstel-gemeld');
    await finding('BZ-02', 'major', '2027-01-20');
    await finding('IF-01', 'major', '2027-01-10', 'gesloten');
    await finding('BH-02', 'minor', '2027-01-01');
  });
  afterAll(() => t.close());

  it('handles each overdue, unrepaired major once, and nothing else', async () => {
    const findings = t.app.get(FindingService);
    expect(await findings.sweepOverdueMajors()).toBe(2);
    expect(suspended.map((s) => s.criterionCode).sort()).toEqual(['BV-02', 'VL-01']);
    expect(await findings.sweepOverdueMajors()).toBe(0);
    const events = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM event_log WHERE entity_type = 'finding' AND action = 'overdue'`,
    );
    expect(events[0].n).toBe(2);

    clock.set(new Date('2027-01-21T06:00:00Z'));
    expect(await findings.sweepOverdueMajors()).toBe(1);
    expect(suspended.map((s) => s.criterionCode)).toContain('BZ-02');
  });
});
