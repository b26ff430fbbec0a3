import { AppException } from '@keurmerk/common';
import { type AuditorConflict, auditorConflictReason, InspectionException, InspectionExceptionCode } from '@keurmerk/inspections';
import { LocationException, LocationExceptionCode } from '@keurmerk/locations';
import { refusalText } from '../refusal-texts';
import { auditorConflictText, inspectionsRefusalText } from './inspections.texts';
import { locationsRefusalText } from './locations.texts';

describe('refusal texts of locations and inspections', () => {
  it.each(Object.values(LocationExceptionCode))('%s has a sentence in both languages', (code) => {
    const text = locationsRefusalText(code);
    expect(text.nl).toMatch(/\S/);
    expect(text.en).toMatch(/\S/);
    expect(refusalText('nl', new LocationException(code, 'English detail'))).toBe(text.nl);
  });

  it.each(Object.values(InspectionExceptionCode))('%s has a sentence in both languages', (code) => {
    const text = inspectionsRefusalText(code);
    expect(text.nl).toMatch(/\S/);
    expect(text.en).toMatch(/\S/);
    expect(refusalText('en', new InspectionException(code, 'English detail'))).toBe(text.en);
  });

  it('never shows the English detail on a Dutch page', () => {
    const error = new InspectionException(
      InspectionExceptionCode.OpenSeriousFindings,
      'The certificate cannot be granted: BV-02 (major) is open.',
    );
    expect(refusalText('nl', error)).not.toContain('cannot');
  });

  it('falls back to the kind for a generic refusal', () => {
    expect(refusalText('nl', AppException.conflict('x'))).toMatch(/Dat kan nu niet/);
  });

  // The planning page lists the reasons from the refusal's data; the English matches the API's detail.
  it.each<AuditorConflict>([
    { kind: 'same-organisation' },
    { kind: 'declared-relation', description: 'Zwager' },
    { kind: 'body-not-accredited' },
    { kind: 'body-accreditation-lapsed', on: '2026-06-30' },
    { kind: 'auditor-accreditation-lapsed', on: '2026-06-30' },
  ])('auditor conflict %o reads in Dutch and in the API’s English', (conflict) => {
    const text = auditorConflictText(conflict);
    expect(text.en).toBe(auditorConflictReason(conflict));
    expect(text.nl).toMatch(/\S/);
    expect(text.nl).not.toBe(text.en);
  });
});
