import type { PersonPrincipal, Principal } from '@keurmerk/accounts';
import { INSPECTION_KINDS } from './inspection.entities';
import { landlordMayKnowOf, visibleInspectionCondition } from './inspection-visibility';

const person = (role: string, extra: Partial<PersonPrincipal> = {}): Principal =>
  ({ kind: 'person', userId: 'u-1', role, ...extra }) as PersonPrincipal;

describe('who may see an inspection', () => {
  it.each(
    INSPECTION_KINDS.flatMap((kind) => [
      [kind, null, kind !== 'onaangekondigd'],
      [kind, new Date('2026-12-01T10:00:00Z'), true],
    ]) as [string, Date | null, boolean][],
  )('a landlord may know of a %s inspection submitted at %s: %s', (kind, submittedAt, expected) => {
    expect(landlordMayKnowOf({ kind: kind as (typeof INSPECTION_KINDS)[number], submittedAt })).toBe(expected);
  });

  it.each([
    ['beheerder', person('beheerder'), undefined],
    ['certificeerder', person('certificeerder'), undefined],
    [
      'auditor',
      person('auditor'),
      { sql: '"i"."auditor_id" = :visibleInspectionAuditorId', params: { visibleInspectionAuditorId: 'u-1' } },
    ],
    ['verhuurder without organisation', person('verhuurder'), { sql: '1 = 0', params: {} }],
    ['gemeente', person('gemeente', { municipalityCode: 'GM1783' }), { sql: '1 = 0', params: {} }],
    ['API key', { kind: 'api-key', apiKeyId: 'k-1', municipalityCode: 'GM0363' } as Principal, { sql: '1 = 0', params: {} }],
    ['unknown role', person('koning'), { sql: '1 = 0', params: {} }],
    ['nobody', undefined, { sql: '1 = 0', params: {} }],
  ])('gives a %s its rule', (_, principal, expected) => {
    expect(visibleInspectionCondition(principal, 'i')).toEqual(expected);
  });

  it('shows a landlord its own locations’ inspections, an unannounced one only once submitted', () => {
    const condition = visibleInspectionCondition(person('verhuurder', { organisationId: 'org-1' }), 'i');
    expect(condition?.sql).toContain('visible_location.organisation_id = :visibleInspectionOrganisationId');
    expect(condition?.sql).toContain(`("i"."kind" <> 'onaangekondigd' OR "i"."submitted_at" IS NOT NULL)`);
    expect(condition?.params).toEqual({ visibleInspectionOrganisationId: 'org-1' });
  });
});
