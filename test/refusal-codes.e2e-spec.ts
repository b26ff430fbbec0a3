import type { PersonPrincipal } from '@keurmerk/accounts';
import { InspectionException, InspectionExceptionCode, InspectionService } from '@keurmerk/inspections';
import { ApplicationService, LocationException, LocationExceptionCode, LocationService } from '@keurmerk/locations';
import { createScenario, type Scenario, withNotice } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The services of locations and inspections on a real database: each refusal a page has to explain
 * carries its own code (and the specifics as data), so no page reads a reason out of an English detail.
 */
describe('refusal codes of locations and inspections (services on a real database)', () => {
  let t: TestApp;
  let s: Scenario;
  const person = (who: string, role: PersonPrincipal['role'], organisation?: string): PersonPrincipal => ({
    kind: 'person',
    userId: s.id(who),
    role,
    ...(organisation ? { organisationId: s.id(organisation) } : {}),
  });

  async function refusal<T extends Error>(work: Promise<unknown>): Promise<T> {
    const error = await work.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(error instanceof Error)) throw new Error('expected a refusal');
    return error as T;
  }

  beforeAll(async () => {
    t = await startTestApp();
    s = await createScenario(t, 'rc');
  });
  afterAll(() => t.close());

  it('a second location at one address: location-address-taken, a conflict', async () => {
    await s.location({ huisnummer: 500 });
    const landlord = person('verhuurderA', 'verhuurder', 'landlordA');
    const error = await refusal<LocationException>(
      t.app.get(LocationService).create(landlord, {
        address: { postcode: '2671AB', houseNumber: 500, street: 'Tuinbouwweg', city: 'Naaldwijk' },
        municipalityCode: 'GM1783',
        housingType: 'woning',
        newBuild: false,
        requestedBeds: 4,
      }),
    );
    expect(error).toBeInstanceOf(LocationException);
    expect(error).toMatchObject({
      reason: LocationExceptionCode.AddressTaken,
      code: 'conflict',
      detail: 'A location at this address is already registered.',
    });
  });

  it('a second open application carries the open one as data', async () => {
    const locationId = await s.location({ huisnummer: 501 });
    const landlord = person('verhuurderA', 'verhuurder', 'landlordA');
    const first = await t.app.get(ApplicationService).create(landlord, locationId);
    const error = await refusal<LocationException>(t.app.get(ApplicationService).create(landlord, locationId));
    expect(error).toMatchObject({
      reason: LocationExceptionCode.ApplicationAlreadyOpen,
      data: { openApplication: { id: first.id, status: 'ingediend' } },
    });
  });

  it('a grant with an open major lists it; four eyes and a second decision have their own codes', async () => {
    const inspections = t.app.get(InspectionService);
    const locationId = await s.location({ huisnummer: 503, postcode: '2672AB' });
    const inspectionId = await s.inspect(locationId, { 'BV-02': { resultaat: 'voldoet-niet', opmerking: 'Geen rookmelder' } });
    const certifier = person('certifier', 'certificeerder');
    const blocked = await refusal<InspectionException>(
      inspections.decide(certifier, inspectionId, { outcome: 'toekennen', explanation: 'Ja' }),
    );
    expect(blocked).toMatchObject({
      reason: InspectionExceptionCode.OpenSeriousFindings,
      data: { blockingFindings: [{ criterionCode: 'BV-02', severity: 'major' }], criteriaSupportingNobody: [] },
    });
    // The inspection's own auditor, as if it also held the certificeerder role.
    const ownAuditor = person('auditor', 'certificeerder');
    expect(
      (await refusal<InspectionException>(inspections.decide(ownAuditor, inspectionId, { outcome: 'afwijzen', explanation: 'Nee' })))
        .reason,
    ).toBe(InspectionExceptionCode.FourEyes);
    await inspections.decide(certifier, inspectionId, { outcome: 'afwijzen', explanation: 'Nee' });
    const again = await refusal<InspectionException>(
      inspections.decide(certifier, inspectionId, { outcome: 'afwijzen', explanation: 'Nee' }),
    );
    expect(again).toMatchObject({ reason: InspectionExceptionCode.AlreadyDecided, code: 'conflict' });
    const frozen = await refusal<InspectionException>(
      inspections.answer(person('auditor', 'auditor'), inspectionId, 'BV-01', { resultaat: 'voldoet' }),
    );
    expect(frozen.reason).toBe(InspectionExceptionCode.AnswersFrozen);
  });

  it('planning refuses a related auditor with the precise code and the reasons (last: the relation stays)', async () => {
    const inspections = t.app.get(InspectionService);
    const me = await t.http.get('/v1/gebruikers/mij').set(s.as('admin')).expect(200);
    const admin: PersonPrincipal = { kind: 'person', userId: me.body.id, role: 'beheerder' };
    const locationId = await s.location({ huisnummer: 502 });
    await inspections.declareRelation(admin, { auditorId: s.id('auditor'), organisationId: s.id('landlordA'), description: 'Oud-collega' });
    const conflict = await refusal<InspectionException>(
      inspections.plan(admin, { locationId, auditorId: s.id('auditor'), kind: 'initieel', plannedAt: new Date(withNotice(t.now())) }),
    );
    expect(conflict).toMatchObject({
      reason: InspectionExceptionCode.AuditorConflictOfInterest,
      code: 'conflict',
      data: { conflicts: [{ kind: 'declared-relation', description: 'Oud-collega' }] },
    });
    expect(conflict.detail).toContain('Oud-collega');
    const twice = await refusal<InspectionException>(
      inspections.declareRelation(admin, { auditorId: s.id('auditor'), organisationId: s.id('landlordA'), description: 'Nog eens' }),
    );
    expect(twice.reason).toBe(InspectionExceptionCode.RelationAlreadyDeclared);
  });
});
