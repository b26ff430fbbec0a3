import { FixedClock } from '@keurmerk/common';
import { MailDeliveryService, MailSweeps } from '@keurmerk/mail';
import { accounts, bearer, createScenario, PASSWORD, Scenario } from './support/scenario';
import { type ReceivedMail, type SmtpReceiver, startSmtpReceiver } from './support/smtp-receiver';
import { expectProblem, invalidParamNames, startTestApp, TestApp } from './support/test-app';

/**
 * E-mail over real SMTP (the smtp-server package on loopback): the outbox is written in the
 * transaction of what it tells of, and the sender delivers it once, with retries.
 */
describe('e-mail over SMTP', () => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  let s: Scenario;
  const clock = new FixedClock(new Date());
  const send = () => t.app.get(MailDeliveryService).sendDue();
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
  const linkIn = (mail: ReceivedMail) => /^http:\/\/keurmerk\.test\/\S+$/m.exec(mail.text)?.[0];

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    t = await startTestApp({
      clock,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Keurmerk <noreply@keurmerk.test>', MAIL_RETRY_BASE_MS: '60000' },
    });
    s = await createScenario(t, 'mail');
    // A second user of landlord A, who reads English.
    const second = await accounts(t).user('mail-verhuurdera2@scenario.test', 'verhuurder', { organisatieId: s.id('landlordA') }, 'Anna');
    await t.sql(`UPDATE user_account SET language = 'en' WHERE id = $1`, [second.id]);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  describe('password reset', () => {
    // A user of its own: resetting a scenario user's password would end the token the other tests use.
    const email = 'mail-reset@scenario.test';
    beforeAll(() => accounts(t).user(email, 'verhuurder', { organisatieId: s.id('landlordB') }, 'Ruud'));

    it('answers 202 alike for a known and an unknown address, and mails only the known one', async () => {
      const known = await t.http.post('/v1/wachtwoordherstel').send({ email }).expect(202);
      const unknown = await t.http.post('/v1/wachtwoordherstel').send({ email: 'nobody@scenario.test' }).expect(202);
      expect(unknown.text).toBe(known.text);
      expect(await send()).toEqual({ sent: 1, failed: 0 });
      expect(mailsTo('nobody@scenario.test')).toHaveLength(0);
      const [mail] = mailsTo(email);
      expect(mail.from).toBe('noreply@keurmerk.test');
      expect(mail.subject).toBe('Nieuw wachtwoord instellen voor Keurmerk');
      expect(linkIn(mail)).toMatch(/^http:\/\/keurmerk\.test\/app\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}$/);
      // Only the hash is stored.
      const token = linkIn(mail)!.split('/').pop()!;
      const stored = await t.sql<{ token_hash: string }>(`SELECT token_hash FROM password_reset`);
      expect(stored.map((r) => r.token_hash)).not.toContain(token);
    });

    it('sets the password once with the link, ending the old tokens; a second use is refused', async () => {
      const token = linkIn(mailsTo(email)[0])!.split('/').pop()!;
      const before = await t.signIn(email, PASSWORD);
      await t.http.get('/v1/gebruikers/mij').set(bearer(before)).expect(200);
      clock.advance(2000);
      await t.http.post(`/v1/wachtwoordherstel/${token}`).send({ nieuwWachtwoord: 'een-nieuw-lang-wachtwoord' }).expect(204);
      expectProblem(await t.http.get('/v1/gebruikers/mij').set(bearer(before)), 401);
      expectProblem(await t.http.post('/v1/tokens').send({ email, wachtwoord: PASSWORD }), 401);
      const after = await t.signIn(email, 'een-nieuw-lang-wachtwoord');
      await t.http.get('/v1/gebruikers/mij').set(bearer(after)).expect(200);

      const again = await t.http.post(`/v1/wachtwoordherstel/${token}`).send({ nieuwWachtwoord: 'nog-een-ander-wachtwoord' });
      expectProblem(again, 410);
      await t.signIn(email, 'een-nieuw-lang-wachtwoord');
      const events = await t.sql<{ action: string }>(
        `SELECT action FROM event_log WHERE entity_type = 'user' AND action LIKE 'password-reset%' ORDER BY id`,
      );
      expect(events.map((e) => e.action)).toEqual(['password-reset-requested', 'password-reset']);
    });
  });

  describe('inspections', () => {
    const plan = async (locationId: string, soort: string) =>
      (
        await t.http
          .post('/v1/inspecties')
          .set(s.as('admin'))
          .send({
            locatieId: locationId,
            auditorId: s.id('auditor'),
            soort,
            gepland: new Date(clock.now().getTime() + 3 * 86_400_000).toISOString(),
          })
          .expect(201)
      ).body.id as string;

    it("tells the landlord's users of an announced inspection, each in their language, and nobody of an unannounced one", async () => {
      const before = smtp.mails.length;
      const announced = await s.location({ huisnummer: 501, straatnaam: 'Havenstraat' });
      await plan(announced, 'periodiek');
      const surprise = await s.location({ huisnummer: 502, straatnaam: 'Geheimweg' });
      await plan(surprise, 'onaangekondigd');
      await send();
      const arrived = smtp.mails.slice(before);
      expect(arrived.map((m) => m.to[0]).sort()).toEqual(['mail-verhuurdera2@scenario.test', 'mail-verhuurdera@scenario.test']);
      expect(arrived.some((m) => m.text.includes('Geheimweg'))).toBe(false);
      const nl = arrived.find((m) => m.to[0] === 'mail-verhuurdera@scenario.test')!;
      const en = arrived.find((m) => m.to[0] === 'mail-verhuurdera2@scenario.test')!;
      expect(nl.subject).toMatch(/^Keuring aangekondigd: Havenstraat 501, 2671AB Naaldwijk, /);
      expect(en.subject).toMatch(/^Inspection announced: Havenstraat 501, 2671AB Naaldwijk, /);
      expect(linkIn(nl)).toBe(`http://keurmerk.test/app/locaties/${announced}`);
      expect(mailsTo('mail-verhuurderb@scenario.test')).toHaveLength(0);
      const kept = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM mail_message WHERE text_body LIKE '%Geheimweg%'`);
      expect(kept[0].n).toBe(0);
      process.stdout.write(`\n--- A received mail, as its reader sees it ---\nTo: ${nl.to[0]}\nSubject: ${nl.subject}\n\n${nl.text}\n`);
    });

    it('refuses an announced inspection with less than 24 hours of notice, naming gepland, and writes nothing', async () => {
      const locationId = await s.location({ huisnummer: 504, straatnaam: 'Kortedagweg' });
      const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
      const count = async () =>
        (
          await t.sql<{ inspections: number; mails: number; events: number }>(
            `SELECT (SELECT count(*)::int FROM inspection WHERE location_id = $1) AS inspections,
                    (SELECT count(*)::int FROM mail_message WHERE text_body LIKE '%Kortedagweg%') AS mails,
                    (SELECT count(*)::int FROM event_log WHERE entity_type = 'inspection' AND action = 'planned') AS events`,
            [locationId],
          )
        )[0];
      const before = await count();
      for (const soort of ['initieel', 'periodiek', 'herinspectie']) {
        const refused = await t.http
          .post('/v1/inspecties')
          .set(s.as('admin'))
          .send({ locatieId: locationId, auditorId: s.id('auditor'), soort, gepland: at(24 * 3_600_000 - 60_000) });
        expectProblem(refused, 400);
        expect(invalidParamNames(refused)).toEqual(['gepland']);
        expect(refused.body.invalidParams[0]).toMatchObject({ code: 'notice-too-short' });
        expect(refused.body.invalidParams[0].reason).toContain(at(24 * 3_600_000));
      }
      expect(await count()).toEqual(before);
      // Exactly 24 hours ahead is enough notice; an unannounced inspection may be planned for now.
      await t.http
        .post('/v1/inspecties')
        .set(s.as('admin'))
        .send({ locatieId: locationId, auditorId: s.id('auditor'), soort: 'initieel', gepland: at(24 * 3_600_000) })
        .expect(201);
      const other = await s.location({ huisnummer: 505, straatnaam: 'Kortedagweg' });
      await t.http
        .post('/v1/inspecties')
        .set(s.as('admin'))
        .send({ locatieId: other, auditorId: s.id('auditor'), soort: 'onaangekondigd', gepland: at(0) })
        .expect(201);
      await send();
      // One notice per landlord user, for the announced one only.
      expect(smtp.mails.filter((m) => m.text.includes('Kortedagweg 504')).length).toBe(2);
      expect(smtp.mails.some((m) => m.text.includes('Kortedagweg 505'))).toBe(false);
    });

    it('tells of the decision with its findings, the certificate issued, and reminds once of a deadline', async () => {
      const { locationId, number } = await s.certifiedLocation({ huisnummer: 503 });
      await send();
      const templates = await t.sql<{ template: string }>(
        `SELECT template FROM mail_message WHERE text_body LIKE '%503%' AND recipient_address = 'mail-verhuurdera@scenario.test' ORDER ` +
          `BY created_at`,
      );
      // The clock stands still, so they share one created_at: compare as a set.
      expect(templates.map((r) => r.template).sort()).toEqual(['certificate-issued', 'inspection-announced', 'inspection-decided']);
      expect(mailsTo('mail-verhuurdera@scenario.test').some((m) => m.subject.includes(`Certificaat afgegeven: ${number}`))).toBe(true);

      // An open finding due in three working days: one reminder per user, however often the sweep runs.
      const [inspection] = await t.sql<{ id: string }>(`SELECT id FROM inspection WHERE location_id = $1`, [locationId]);
      const due = new Date(clock.now().getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
      await t.sql(
        `INSERT INTO finding (inspection_id, location_id, criterion_code, severity, repair_deadline, status) VALUES ($1, $2, 'BV-02', ` +
          `'minor', $3, 'open')`,
        [inspection.id, locationId, due],
      );
      const sweeps = t.app.get(MailSweeps);
      expect(await sweeps.remindRepairDeadlines()).toBe(2);
      expect(await sweeps.remindRepairDeadlines()).toBe(0);

      // The certificate's end: 90 days ahead once, then 30 days ahead once.
      const [{ valid_until }] = await t.sql<{ valid_until: string }>(
        `SELECT valid_until::text AS valid_until FROM certificate WHERE number = $1`,
        [number],
      );
      const at = (daysBefore: number) => clock.set(new Date(Date.parse(`${valid_until}T10:00:00Z`) - daysBefore * 86_400_000));
      const saved = clock.now();
      at(80);
      expect(await sweeps.announceExpiries()).toBeGreaterThanOrEqual(2);
      expect(await sweeps.announceExpiries()).toBe(0);
      at(20);
      expect(await sweeps.announceExpiries()).toBeGreaterThanOrEqual(2);
      expect(await sweeps.announceExpiries()).toBe(0);
      clock.set(saved);
      const expiring = await t.sql<{ dedupe_key: string }>(
        `SELECT DISTINCT dedupe_key FROM mail_message WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`,
        [`certificate-expiring-%:${number}`],
      );
      expect(expiring.map((r) => r.dedupe_key)).toEqual([`certificate-expiring-30:${number}`, `certificate-expiring-90:${number}`]);
    });
  });

  it('retries after the SMTP server refused once, later, and sends once', async () => {
    await send();
    const before = smtp.mails.length;
    smtp.refuseNext(1);
    await t.http.post('/v1/wachtwoordherstel').send({ email: 'mail-certifier@scenario.test' }).expect(202);
    expect(await send()).toEqual({ sent: 0, failed: 1 });
    const [row] = await t.sql<{ status: string; attempts: number; last_error: string }>(
      `SELECT status, attempts, last_error FROM mail_message WHERE recipient_address = 'mail-certifier@scenario.test'`,
    );
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('451') });
    expect(await send()).toEqual({ sent: 0, failed: 0 });
    clock.advance(60_000);
    expect(await send()).toEqual({ sent: 1, failed: 0 });
    expect(await send()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.mails.slice(before).map((m) => m.to[0])).toEqual(['mail-certifier@scenario.test']);
    expect(smtp.refused).toBe(1);
  });

  // Last: it moves the clock past the scenario's access tokens.
  it('refuses an unknown token (400 naming it), an expired link (410) and a weak password (400)', async () => {
    const unknown = await t.http.post(`/v1/wachtwoordherstel/${'x'.repeat(43)}`).send({ nieuwWachtwoord: 'een-nieuw-lang-wachtwoord' });
    expectProblem(unknown, 400);
    expect(unknown.body.invalidParams).toEqual([expect.objectContaining({ name: 'token' })]);
    await t.http.post('/v1/wachtwoordherstel').send({ email: 'mail-auditor@scenario.test' }).expect(202);
    await send();
    const token = linkIn(mailsTo('mail-auditor@scenario.test')[0])!.split('/').pop()!;
    const weak = await t.http.post(`/v1/wachtwoordherstel/${token}`).send({ nieuwWachtwoord: ' '.repeat(12) });
    expectProblem(weak, 400);
    expect(weak.body.invalidParams).toEqual([expect.objectContaining({ name: 'nieuwWachtwoord' })]);
    clock.advance(61 * 60 * 1000);
    expectProblem(await t.http.post(`/v1/wachtwoordherstel/${token}`).send({ nieuwWachtwoord: 'een-nieuw-lang-wachtwoord' }), 410);
  });
});
