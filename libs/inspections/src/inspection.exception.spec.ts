import { AppErrorCode, FeatureException } from '@keurmerk/common';
import {
  type AuditorConflict,
  auditorConflictReason,
  InspectionException,
  InspectionExceptionCode,
  inspectionExceptionKind,
} from './inspection.exception';

const NOT_FOUND = [
  InspectionExceptionCode.InspectionNotFound,
  InspectionExceptionCode.CriterionNotFound,
  InspectionExceptionCode.EvidenceNotFound,
  InspectionExceptionCode.NotDecided,
  InspectionExceptionCode.FindingNotFound,
  InspectionExceptionCode.RepairReportNotFound,
];
const FORBIDDEN = [
  InspectionExceptionCode.NotCertifier,
  InspectionExceptionCode.FourEyes,
  InspectionExceptionCode.NotRepairReporter,
  InspectionExceptionCode.NotRepairReviewer,
  // After an upheld objection the earlier decider may not decide again: a person's standing, like four eyes.
  InspectionExceptionCode.RevisedDecider,
];

describe('InspectionException', () => {
  it.each(Object.values(InspectionExceptionCode))('%s maps to one kind, prefixed by the feature', (code) => {
    expect(code).toMatch(/^inspection-[a-z-]+$/);
    const kind = NOT_FOUND.includes(code)
      ? AppErrorCode.NotFound
      : FORBIDDEN.includes(code)
        ? AppErrorCode.Forbidden
        : AppErrorCode.Conflict;
    expect(inspectionExceptionKind(code)).toBe(kind);
    const error = new InspectionException(code, 'detail');
    expect(error).toBeInstanceOf(FeatureException);
    expect(error).toMatchObject({ code: kind, reason: code, feature: 'inspections', name: 'InspectionException' });
  });

  it('refuses an unknown code at run time instead of mapping it to something', () => {
    expect(() => inspectionExceptionKind('inspection-made-up' as InspectionExceptionCode)).toThrow(/inspection-made-up/);
  });
});

describe('auditorConflictReason', () => {
  // The API's detail texts, which clients and tests read: they must not change with the structure.
  it.each<[AuditorConflict, string]>([
    [{ kind: 'same-organisation' }, 'The auditor belongs to the landlord’s own organisation.'],
    [
      { kind: 'declared-relation', description: 'Zwager van de directeur' },
      'The auditor declared a relation with the landlord: Zwager van de directeur',
    ],
    [{ kind: 'body-not-accredited' }, 'The inspection body has no accreditation on record.'],
    [{ kind: 'body-accreditation-lapsed', on: '2026-06-30' }, 'The inspection body’s accreditation lapsed on 2026-06-30.'],
    [{ kind: 'auditor-accreditation-lapsed', on: '2026-06-30' }, 'The auditor’s accreditation lapsed on 2026-06-30.'],
  ])('%o', (conflict, reason) => {
    expect(auditorConflictReason(conflict)).toBe(reason);
  });
});
