import {
  CRITERION_CODE_PATTERN,
  criteriaOf,
  DEFAULT_NORM,
  findCriterion,
  localisedGuidance,
  localisedTitle,
  MeasurementUnit,
  normTextLanguage,
  SECTION_CODE_PATTERN,
  Severity,
} from './index';

describe('DEFAULT_NORM', () => {
  it('is the published version 2026.1, effective 1 January 2026', () => {
    expect(DEFAULT_NORM).toMatchObject({ version: '2026.1', status: 'published', effectiveDate: '2026-01-01' });
  });

  it("groups criteria in DOMAIN.md's sections, in order", () => {
    expect(DEFAULT_NORM.sections.map((section) => [section.code, section.title])).toEqual([
      ['RU', 'Ruimte'],
      ['PR', 'Privacy'],
      ['SA', 'Sanitair'],
      ['VZ', 'Voorzieningen'],
      ['BZ', 'Bezetting'],
      ['ID', 'Indeling'],
      ['VL', 'Veiligheid'],
      ['BV', 'Brandveiligheid'],
      ['IF', 'Informatie'],
      ['CT', 'Contract'],
      ['BH', 'Beheer'],
    ]);
  });

  // DOMAIN.md, first table: every measured criterion, its unit and rule.
  it.each<[string, MeasurementUnit, Record<string, unknown>]>([
    ['RU-01', 'm2', { minimumPerPerson: 12 }],
    ['RU-02', 'm2', { minimumPerPerson: 3.5 }],
    ['PR-01', 'aantal', { personsPerUnit: 2, variants: [{ newBuild: true, personsPerUnit: 1 }] }],
    ['PR-02', 'aantal', { personsPerUnit: 1 }],
    ['PR-03', 'aantal', { personsPerUnit: 1 }],
    ['PR-04', 'aantal', { personsPerUnit: 1 }],
    ['SA-01', 'aantal', { personsPerUnit: 8 }],
    ['SA-02', 'aantal', { personsPerUnit: 8 }],
    ['VZ-01', 'liter', { minimumPerPerson: 30 }],
    ['VZ-02', 'aantal', { personsPerUnit: 2, minimumUnits: 4, minimumPersons: 8 }],
    ['VZ-03', 'aantal', { personsPerUnit: 1 }],
  ])('%s is measured in %s', (code, unit, rule) => {
    expect(findCriterion(DEFAULT_NORM, code)).toMatchObject({ kind: 'measured', unit, severity: 'knock-out', points: 5, ...rule });
  });

  // DOMAIN.md, second table: every yes/no criterion and its severity.
  it.each<[string, string, Severity, boolean]>([
    ['BZ-01', 'BZ', 'knock-out', false],
    ['BZ-02', 'BZ', 'major', false],
    ['ID-01', 'ID', 'knock-out', false],
    ['VZ-04', 'VZ', 'major', false],
    ['VL-01', 'VL', 'major', false],
    ['VL-02', 'VL', 'knock-out', false],
    ['BV-01', 'BV', 'knock-out', false],
    ['BV-02', 'BV', 'major', false],
    ['BV-03', 'BV', 'knock-out', false],
    ['BV-04', 'BV', 'major', true],
    ['IF-01', 'IF', 'major', true],
    ['IF-02', 'IF', 'major', false],
    ['CT-01', 'CT', 'knock-out', false],
    ['CT-02', 'CT', 'knock-out', false],
    ['BH-01', 'BH', 'major', false],
    ['BH-02', 'BH', 'minor', false],
  ])('%s is a yes/no criterion in %s, %s, nvt allowed: %p', (code, sectionCode, severity, notApplicable) => {
    const section = DEFAULT_NORM.sections.find((s) => s.code === sectionCode);
    const criterion = section?.criteria.find((c) => c.code === code);
    expect(criterion).toMatchObject({ kind: 'yes-no', severity, points: { 'knock-out': 10, major: 5, minor: 2 }[severity] });
    expect(criterion?.kind === 'yes-no' && criterion.notApplicableAllowed === true).toBe(notApplicable);
  });

  it('has 27 criteria with unique, well-formed codes and useful text', () => {
    const criteria = criteriaOf(DEFAULT_NORM);
    expect(criteria).toHaveLength(27);
    expect(new Set(criteria.map((c) => c.code)).size).toBe(27);
    for (const section of DEFAULT_NORM.sections) {
      expect(section.code).toMatch(SECTION_CODE_PATTERN);
      for (const criterion of section.criteria) {
        expect(criterion.code).toMatch(CRITERION_CODE_PATTERN);
        expect(criterion.code.startsWith(`${section.code}-`)).toBe(true);
        expect(criterion.title.length).toBeGreaterThan(3);
        expect(criterion.guidance.length).toBeGreaterThan(40);
      }
    }
  });

  it('lets no knock-out be answered nvt', () => {
    const nvtKnockOuts = criteriaOf(DEFAULT_NORM).filter(
      (c) => c.severity === 'knock-out' && c.kind === 'yes-no' && c.notApplicableAllowed,
    );
    expect(nvtKnockOuts).toEqual([]);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(DEFAULT_NORM)).toBe(true);
    expect(Object.isFrozen(DEFAULT_NORM.sections[0].criteria[0])).toBe(true);
    expect(() => {
      (DEFAULT_NORM.sections[0].criteria[0] as { points: number }).points = 50;
    }).toThrow(TypeError);
  });
});

describe('the default norm in English', () => {
  it('carries an English title for every section and an English title and guidance for every criterion', () => {
    for (const section of DEFAULT_NORM.sections) {
      expect(section.translations?.en?.title).toMatch(/\w/);
      for (const criterion of section.criteria) {
        expect([criterion.code, criterion.translations?.en?.title]).toEqual([criterion.code, expect.stringMatching(/\w/)]);
        expect([criterion.code, criterion.translations?.en?.guidance]).toEqual([criterion.code, expect.stringMatching(/\w/)]);
      }
    }
  });

  it('shows the English to English readers and the Dutch to everyone else', () => {
    const bv02 = DEFAULT_NORM.sections.flatMap((s) => s.criteria).find((c) => c.code === 'BV-02')!;
    expect(localisedTitle(bv02, 'en')).toBe('Fire blanket at the hob');
    expect(localisedTitle(bv02, 'nl')).toBe('Blusdeken bij de kookplaats');
    expect(localisedTitle(bv02, 'pl')).toBe('Blusdeken bij de kookplaats');
    expect(localisedGuidance(bv02, 'en')).toContain('fire blanket');
    expect(normTextLanguage(bv02, 'pl')).toBe('nl');
  });
});
