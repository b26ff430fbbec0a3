import { createScenario, type Scenario } from './support/scenario';
import { expectProblem, invalidParamNames, startTestApp, type TestApp } from './support/test-app';

/**
 * Locations after their first day (issue 15 item 1): a change of beds, type or new build; deregistration;
 * transfer by the beheerder; and a second claim on a registered address, which tells the claimant
 * nothing and is listed for the beheerder.
 */
describe('operating locations: change, deregistration, transfer and address claims', () => {
  let t: TestApp;
  let s: Scenario;

  const address = (huisnummer: number) => ({ postcode: '2671AB', huisnummer, straatnaam: 'Tuinbouwweg', woonplaats: 'Naaldwijk' });
  const register = (who: string, huisnummer: number) =>
    t.http
      .post('/v1/locaties')
      .set(s.as(who))
      .send({ adres: address(huisnummer), gemeentecode: 'GM1783', soortHuisvesting: 'woning', nieuwbouw: false, aantalSlaapplaatsen: 10 });
  const verify = async (number: string) =>
    (await t.http.get('/v1/verificaties').query({ certificaatnummer: number }).expect(200)).body.certificaat;
  const events = (entityId: string) =>
    t.sql<{ action: string; actor_id: string | null; after: Record<string, unknown> }>(
      `SELECT action, actor_id, after FROM event_log WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    );
  const openRequests = async (locationId: string) =>
    (
      await t.http.get('/v1/planningsverzoeken').set(s.as('admin')).query({ status: 'open', paginaGrootte: 100 }).expect(200)
    ).body.resultaten.filter((r: { locatieId: string }) => r.locatieId === locationId);

  beforeAll(async () => {
    t = await startTestApp();
    s = await createScenario(t, 'lo');
  }, 300_000);
  afterAll(() => t?.close());

  describe('a change of beds, type or new build', () => {
    let certified: { locationId: string; number: string };
    beforeAll(async () => {
      certified = await s.certifiedLocation();
    }, 120_000);

    it('raising the beds above the certified maximum opens a wijziging request and leaves the certificate at its maximum', async () => {
      // 14 beds were asked and 11 certified (the fridge); 20 is above both.
      expect((await verify(certified.number)).maximaalAantalBewoners).toBe(11);
      const changed = await t.http
        .patch(`/v1/locaties/${certified.locationId}`)
        .set(s.as('verhuurderA'))
        .send({ aantalSlaapplaatsen: 20 })
        .expect(200);
      expect(changed.body).toMatchObject({ id: certified.locationId, aantalSlaapplaatsen: 20, status: 'actief' });
      expect(changed.body.planningsverzoekId).toEqual(expect.any(String));

      const [request] = await openRequests(certified.locationId);
      expect(request).toMatchObject({
        id: changed.body.planningsverzoekId,
        reden: 'wijziging',
        soort: 'herinspectie',
        certificaatnummer: certified.number,
        status: 'open',
      });
      // The maximum never rises without an inspection: verification still says 11, and so does the certificate.
      const verification = await verify(certified.number);
      expect(verification).toMatchObject({ status: 'geldig', maximaalAantalBewoners: 11 });
      expect((await t.http.get(`/v1/certificaten/${certified.number}`).expect(200)).body.maximaalAantalBewoners).toBe(11);

      const [changedEvent] = (await events(certified.locationId)).filter((e) => e.action === 'changed');
      expect(changedEvent).toMatchObject({ actor_id: s.id('verhuurderA') });
      expect(changedEvent.after).toMatchObject({ requestedBeds: 20, certifiedMaximum: 11, planningRequestId: request.id });
    });

    it('a second material change while the request is open asks nothing twice; a change of type is material too', async () => {
      const changed = await t.http
        .patch(`/v1/locaties/${certified.locationId}`)
        .set(s.as('admin'))
        .send({ soortHuisvesting: 'logiesgebouw', nieuwbouw: true })
        .expect(200);
      expect(changed.body).toMatchObject({ soortHuisvesting: 'logiesgebouw', nieuwbouw: true });
      expect(changed.body.planningsverzoekId).toBeUndefined();
      expect(await openRequests(certified.locationId)).toHaveLength(1);
    });

    it('fewer beds, or a change of an uncertified location, asks for no inspection', async () => {
      const other = await s.certifiedLocation();
      await t.http.patch(`/v1/locaties/${other.locationId}`).set(s.as('verhuurderA')).send({ aantalSlaapplaatsen: 8 }).expect(200);
      expect(await openRequests(other.locationId)).toHaveLength(0);

      const uncertified = await s.location();
      const changed = await t.http
        .patch(`/v1/locaties/${uncertified}`)
        .set(s.as('verhuurderA'))
        .send({ soortHuisvesting: 'hotel', aantalSlaapplaatsen: 40 })
        .expect(200);
      expect(changed.body).toMatchObject({ soortHuisvesting: 'hotel', aantalSlaapplaatsen: 40 });
      expect(await openRequests(uncertified)).toHaveLength(0);
    }, 120_000);

    it('refuses bad input naming every field, another landlord (404) and other roles (403)', async () => {
      const bad = await t.http
        .patch(`/v1/locaties/${certified.locationId}`)
        .set(s.as('verhuurderA'))
        .send({ aantalSlaapplaatsen: 10_001, soortHuisvesting: 'kasteel', nieuwbouw: 'ja' })
        .expect(400);
      expect(invalidParamNames(bad)).toEqual(expect.arrayContaining(['aantalSlaapplaatsen', 'soortHuisvesting', 'nieuwbouw']));
      await t.http.patch(`/v1/locaties/${certified.locationId}`).set(s.as('verhuurderA')).send({}).expect(400);
      await t.http.patch(`/v1/locaties/${certified.locationId}`).set(s.as('verhuurderA')).send({ aantalSlaapplaatsen: 0 }).expect(400);
      await t.http.patch(`/v1/locaties/${certified.locationId}`).set(s.as('verhuurderB')).send({ aantalSlaapplaatsen: 9 }).expect(404);
      await t.http.patch(`/v1/locaties/${certified.locationId}`).set(s.as('certifier')).send({ aantalSlaapplaatsen: 9 }).expect(403);
      const [location] = await t.sql<{ requested_beds: number }>(`SELECT requested_beds FROM location WHERE id = $1`, [
        certified.locationId,
      ]);
      expect(location.requested_beds).toBe(20);
    });
  });

  describe('deregistration', () => {
    it('withdraws the certificate, frees the address for another holder, and ends every change', async () => {
      const certified = await s.certifiedLocation({ huisnummer: 200 });
      await t.http
        .post(`/v1/locaties/${certified.locationId}/afmeldingen`)
        .set(s.as('verhuurderB'))
        .send({ reden: 'Verkocht' })
        .expect(404);
      await t.http.post(`/v1/locaties/${certified.locationId}/afmeldingen`).set(s.as('verhuurderA')).send({ reden: '  ' }).expect(400);

      const deregistered = await t.http
        .post(`/v1/locaties/${certified.locationId}/afmeldingen`)
        .set(s.as('verhuurderA'))
        .send({ reden: 'Pand verkocht' })
        .expect(201);
      expect(deregistered.body).toMatchObject({
        locatieId: certified.locationId,
        status: 'afgemeld',
        reden: 'Pand verkocht',
        ingetrokkenCertificaat: certified.number,
      });
      expect(await verify(certified.number)).toMatchObject({ status: 'ingetrokken' });
      const [change] = await t.sql<{ reason: string; actor_id: string }>(
        `SELECT reason, actor_id FROM certificate_status_change WHERE certificate_number = $1 AND to_status = 'ingetrokken'`,
        [certified.number],
      );
      expect(change).toEqual({ reason: 'Locatie afgemeld: Pand verkocht', actor_id: s.id('verhuurderA') });
      expect((await events(certified.locationId)).map((e) => e.action)).toContain('deregistered');

      const location = await t.http.get(`/v1/locaties/${certified.locationId}`).set(s.as('verhuurderA')).expect(200);
      expect(location.body).toMatchObject({ status: 'afgemeld', afgemeldOp: expect.any(String) });
      expectProblem(
        await t.http.post(`/v1/locaties/${certified.locationId}/afmeldingen`).set(s.as('verhuurderA')).send({ reden: 'Nogmaals' }),
        409,
      );
      await t.http.patch(`/v1/locaties/${certified.locationId}`).set(s.as('verhuurderA')).send({ aantalSlaapplaatsen: 9 }).expect(409);
      await t.http.post('/v1/aanvragen').set(s.as('verhuurderA')).send({ locatieId: certified.locationId }).expect(409);

      // The address is free: another landlord registers it, and no claim is recorded.
      const again = await register('verhuurderB', 200).expect(201);
      expect(again.body.id).not.toBe(certified.locationId);
      const [{ claims }] = await t.sql<{ claims: number }>(`SELECT count(*)::int AS claims FROM address_claim WHERE location_id = $1`, [
        certified.locationId,
      ]);
      expect(claims).toBe(0);
      // Verification by address still tells the truth: the only certificate there is withdrawn.
      const byAddress = await t.http.get('/v1/verificaties').query({ postcode: '2671AB', huisnummer: 200 }).expect(200);
      expect(byAddress.body.certificaat).toMatchObject({ certificaatnummer: certified.number, status: 'ingetrokken' });
    }, 120_000);
  });

  describe('transfer by the beheerder', () => {
    it('moves the location, withdraws the old certificate, and the new holder can apply', async () => {
      const certified = await s.certifiedLocation({ huisnummer: 300 });
      await t.http
        .post(`/v1/locaties/${certified.locationId}/overdrachten`)
        .set(s.as('verhuurderA'))
        .send({ organisatieId: s.id('landlordB'), reden: 'Overname' })
        .expect(403);
      const notUuid = await t.http
        .post(`/v1/locaties/${certified.locationId}/overdrachten`)
        .set(s.as('admin'))
        .send({ organisatieId: 'B', reden: '' })
        .expect(400);
      expect(new Set(invalidParamNames(notUuid))).toEqual(new Set(['organisatieId', 'reden']));
      // An inspection body cannot hold a location.
      const wrongKind = await t.http
        .post(`/v1/locaties/${certified.locationId}/overdrachten`)
        .set(s.as('admin'))
        .send({ organisatieId: s.id('body'), reden: 'Overname' })
        .expect(400);
      expect(invalidParamNames(wrongKind)).toEqual(['organisatieId']);
      await t.http
        .post(`/v1/locaties/${certified.locationId}/overdrachten`)
        .set(s.as('admin'))
        .send({ organisatieId: s.id('landlordA'), reden: 'Niets' })
        .expect(409);

      const transferred = await t.http
        .post(`/v1/locaties/${certified.locationId}/overdrachten`)
        .set(s.as('admin'))
        .send({ organisatieId: s.id('landlordB'), reden: 'Overname door B' })
        .expect(201);
      expect(transferred.body).toEqual({
        locatieId: certified.locationId,
        vanOrganisatieId: s.id('landlordA'),
        naarOrganisatieId: s.id('landlordB'),
        reden: 'Overname door B',
        ingetrokkenCertificaat: certified.number,
      });
      expect(await verify(certified.number)).toMatchObject({ status: 'ingetrokken' });
      const [event] = (await events(certified.locationId)).filter((e) => e.action === 'transferred');
      const [admin] = await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE role = 'beheerder' ORDER BY created_at LIMIT 1`);
      expect(event).toMatchObject({
        actor_id: admin.id,
        after: { organisationId: s.id('landlordB'), withdrawnCertificate: certified.number },
      });

      // The old holder no longer sees it; the new holder does, and applies anew.
      await t.http.get(`/v1/locaties/${certified.locationId}`).set(s.as('verhuurderA')).expect(404);
      await t.http.get(`/v1/locaties/${certified.locationId}`).set(s.as('verhuurderB')).expect(200);
      await t.http.post('/v1/aanvragen').set(s.as('verhuurderA')).send({ locatieId: certified.locationId }).expect(404);
      const application = await t.http.post('/v1/aanvragen').set(s.as('verhuurderB')).send({ locatieId: certified.locationId }).expect(201);
      expect(application.body.status).toBe('ingediend');
    }, 120_000);
  });

  describe('a second claim on a registered address', () => {
    it('answers 409 without a word about the holder, and is listed for the beheerder to resolve', async () => {
      const holder = await register('verhuurderA', 400).expect(201);
      const claim = await register('verhuurderB', 400).expect(409);
      expect(claim.headers['content-type']).toMatch(/application\/problem\+json/);
      const text = JSON.stringify(claim.body);
      expect(text).not.toContain(holder.body.id);
      expect(text).not.toContain(s.id('landlordA'));
      expect(text).not.toMatch(/lo Verhuur A/);
      // Trying again while the claim is open adds nothing.
      await register('verhuurderB', 400).expect(409);
      // The holder's own second registration is a plain duplicate, not a claim.
      await register('verhuurderA', 400).expect(409);

      await t.http.get('/v1/adresclaims').set(s.as('verhuurderB')).expect(403);
      const listed = await t.http.get('/v1/adresclaims').set(s.as('admin')).query({ status: 'open' }).expect(200);
      const claims = listed.body.resultaten.filter((c: { locatieId: string }) => c.locatieId === holder.body.id);
      expect(claims).toHaveLength(1);
      expect(claims[0]).toMatchObject({
        organisatieId: s.id('landlordB'),
        adres: { postcode: '2671AB', huisnummer: 400 },
        gemeentecode: 'GM1783',
        status: 'open',
      });

      const resolved = await t.http
        .post(`/v1/adresclaims/${claims[0].id}/afhandelingen`)
        .set(s.as('admin'))
        .send({ toelichting: 'Gebeld: B huurt van A, geen overdracht.' })
        .expect(201);
      expect(resolved.body).toMatchObject({ status: 'afgehandeld', toelichting: 'Gebeld: B huurt van A, geen overdracht.' });
      await t.http.post(`/v1/adresclaims/${claims[0].id}/afhandelingen`).set(s.as('admin')).send({ toelichting: 'Nogmaals' }).expect(409);
      const [recorded] = (await events(claims[0].id)).filter((e) => e.action === 'recorded');
      expect(recorded.actor_id).toBe(s.id('verhuurderB'));
    });

    it('a transfer to the claimant settles its claim', async () => {
      const holder = await register('verhuurderA', 401).expect(201);
      await register('verhuurderB', 401).expect(409);
      await t.http
        .post(`/v1/locaties/${holder.body.id}/overdrachten`)
        .set(s.as('admin'))
        .send({ organisatieId: s.id('landlordB'), reden: 'Claim terecht: B is eigenaar' })
        .expect(201);
      const [claim] = await t.sql<{ status: string; resolution: string }>(
        `SELECT status, resolution FROM address_claim WHERE location_id = $1`,
        [holder.body.id],
      );
      expect(claim).toEqual({ status: 'afgehandeld', resolution: 'Locatie overgedragen.' });
    });
  });
});
