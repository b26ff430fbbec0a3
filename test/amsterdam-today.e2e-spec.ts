import { FixedClock } from '@keurmerk/common';
import { FindingService } from '@keurmerk/inspections';
import { createScenario, PASSWORD, type Scenario } from './support/scenario';
import { webSession } from './security/support/web-session';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * One "today": a repair deadline is a Dutch calendar day, so it has passed from midnight in
 * Amsterdam, while the UTC date is still the deadline itself (one hour in winter, two in summer).
 */
describe('a repair deadline judged across midnight in Amsterdam', () => {
  const clock = new FixedClock(new Date('2026-05-20T10:00:00Z'));
  let t: TestApp;
  let s: Scenario;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    s = await createScenario(t, 'am');
  }, 120_000);
  afterAll(() => t?.close());

  it('has passed at 01:30 in Amsterdam on the day after, not at 23:30 on the day itself', async () => {
    const inspection = await s.inspect(await s.location(), { 'BV-02': { resultaat: 'voldoet-niet', opmerking: 'Geen blusdeken' } });
    const findings = await t.http.get('/v1/bevindingen').set(s.as('admin')).query({ paginaGrootte: 100 }).expect(200);
    const major = (findings.body.resultaten as { criteriumCode: string; hersteltermijn: string; inspectieId?: string }[]).find(
      (f) => f.criteriumCode === 'BV-02',
    )!;
    expect(inspection).toBeDefined();
    const deadline = major.hersteltermijn;
    expect(deadline).toMatch(/^2026-0[67]-\d{2}$/);
    const sweep = () => t.app.get(FindingService).sweepOverdueMajors();

    // 23:30 on the deadline in Amsterdam (summer time, UTC+2): still within it.
    clock.set(new Date(`${deadline}T21:30:00Z`));
    expect(await sweep()).toBe(0);
    // 01:30 the next day in Amsterdam; the UTC date is still the deadline.
    clock.set(new Date(`${deadline}T23:30:00Z`));
    expect(clock.now().toISOString().slice(0, 10)).toBe(deadline);
    expect(await sweep()).toBe(1);
    const [logged] = await t.sql<{ after: { on: string } }>(
      `SELECT after FROM event_log WHERE entity_type = 'finding' AND action = 'overdue'`,
    );
    expect(logged.after.on > deadline).toBe(true);
  });

  it("shows the municipality 30 Amsterdam days of changes by default, also across spring's clock change", async () => {
    // 00:30 on 15 April 2027 in Amsterdam (summer time); 30 days back is 16 March (winter time), 719 hours earlier.
    clock.set(new Date('2027-04-14T22:30:00Z'));
    const { cookie } = await webSession(t, 'am-municipality@scenario.test', PASSWORD);
    const page = await t.http.get('/app/gemeente/wijzigingen').set('Cookie', cookie).expect(200);
    expect(page.text).toMatch(/name="sinds"[^>]*value="2027-03-16"|value="2027-03-16"[^>]*name="sinds"/);
  });
});
