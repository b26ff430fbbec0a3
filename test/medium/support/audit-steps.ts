import { InspectionService } from '@keurmerk/inspections';
import type { LocationEntity } from '@keurmerk/locations';
import { answerBody, PASSING_MEASUREMENTS, withNotice, YES_NO_CODES } from '../../support/scenario';
import type { Medium, Person } from '../../support/medium';

/** The people of an audit, in rows: two landlords, an accredited body with two auditors, a certificeerder, a beheerder. */
export interface AuditPeople {
  landlordOrg: string;
  otherLandlordOrg: string;
  body: string;
  admin: Person;
  landlord: Person;
  otherLandlord: Person;
  auditor: Person;
  otherAuditor: Person;
  certifier: Person;
}

export async function auditPeople(m: Medium): Promise<AuditPeople> {
  const landlordOrg = (await m.rows.organisation('verhuurder')).id;
  const otherLandlordOrg = (await m.rows.organisation('verhuurder')).id;
  const body = (await m.rows.organisation('inspectie-instelling')).id;
  return {
    landlordOrg,
    otherLandlordOrg,
    body,
    admin: await m.rows.person('beheerder'),
    landlord: await m.rows.person('verhuurder', { organisationId: landlordOrg }),
    otherLandlord: await m.rows.person('verhuurder', { organisationId: otherLandlordOrg }),
    auditor: await m.rows.person('auditor', { organisationId: body }),
    otherAuditor: await m.rows.person('auditor', { organisationId: body }),
    certifier: await m.rows.person('certificeerder'),
  };
}

/** The audit workflow's steps through InspectionService, as the people above take them; answers pass unless overridden. */
export function auditSteps(m: Medium, people: AuditPeople) {
  const inspections = m.get(InspectionService);
  const steps = {
    location: (extra: Partial<LocationEntity> = {}) => m.rows.location(people.landlordOrg, extra),
    plan: (locationId: string, auditor: Person = people.auditor) =>
      inspections.plan(people.admin, {
        locationId,
        auditorId: auditor.userId,
        kind: 'initieel',
        plannedAt: new Date(withNotice(m.clock.now())),
      }),
    /** Answers every criterion of the norm (contract bodies by criterion code in `overrides`), leaving out `skip`. */
    async answerAll(inspectionId: string, overrides: Record<string, object> = {}, skip: string[] = []) {
      for (const [code, meetwaarde] of Object.entries(PASSING_MEASUREMENTS)) {
        if (!skip.includes(code))
          await inspections.answer(people.auditor, inspectionId, code, answerBody(overrides[code] ?? { meetwaarde }));
      }
      for (const code of YES_NO_CODES) {
        if (!skip.includes(code))
          await inspections.answer(people.auditor, inspectionId, code, answerBody(overrides[code] ?? { resultaat: 'voldoet' }));
      }
    },
    /** An inspection planned, answered and submitted, at `locationId` or a new location. */
    async submitted(overrides: Record<string, object> = {}, locationId?: string) {
      const at = locationId ?? (await steps.location()).id;
      const { id } = await steps.plan(at);
      await steps.answerAll(id, overrides);
      return { locationId: at, id, ...(await inspections.submit(people.auditor, id)) };
    },
    /** A submitted inspection granted by the certificeerder; returns what the decision answered. */
    async granted(overrides: Record<string, object> = {}, locationId?: string) {
      const inspection = await steps.submitted(overrides, locationId);
      const { decision, certificateNumber } = await inspections.decide(people.certifier, inspection.id, {
        outcome: 'toekennen',
        explanation: 'Voldoet',
      });
      return { ...inspection, decision, certificateNumber: certificateNumber! };
    },
  };
  return steps;
}
