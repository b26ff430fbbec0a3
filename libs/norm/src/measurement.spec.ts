import { DEFAULT_NORM, findCriterion, HousingType, judgeMeasurement, MeasuredCriterion, NormError, resolveMeasurementRule } from './index';

function measuredCriterion(code: string): MeasuredCriterion {
  const criterion = findCriterion(DEFAULT_NORM, code);
  if (criterion?.kind !== 'measured') throw new Error(`${code} is not a measured criterion`);
  return criterion;
}

const woning = { housingType: 'woning' as HousingType, newBuild: false };

describe('judgeMeasurement with the default norm', () => {
  // DOMAIN.md's worked example: a plain, existing woning.
  it.each([
    ['RU-01', 180, 15],
    ['RU-02', 52, 14],
    ['PR-01', 7, 14],
    ['PR-02', 14, 14],
    ['PR-03', 14, 14],
    ['PR-04', 14, 14],
    ['SA-01', 2, 16],
    ['SA-02', 2, 16],
    ['VZ-01', 335, 11],
    ['VZ-02', 8, 16],
    ['VZ-03', 20, 20],
  ])('%s: %d supports %i persons', (code, value, persons) => {
    expect(judgeMeasurement(measuredCriterion(code), woning, value)).toEqual({
      personsSupported: persons,
      result: 'voldoet',
    });
  });

  // GBO per person: 12 m², lodging building 10, new build or hotel 15, new build first.
  it.each<[HousingType, boolean, number]>([
    ['woning', false, 15],
    ['woning', true, 12],
    ['logiesgebouw', false, 18],
    ['logiesgebouw', true, 12],
    ['hotel', false, 12],
    ['hotel', true, 12],
    ['huisvestingsunit', false, 15],
    ['huisvestingsunit', true, 12],
    ['recreatiewoning', false, 15],
    ['recreatiewoning', true, 12],
  ])('RU-01: 180 m² in a %s (new build %p) supports %i', (housingType, newBuild, persons) => {
    expect(judgeMeasurement(measuredCriterion('RU-01'), { housingType, newBuild }, 180).personsSupported).toBe(persons);
  });

  it.each<[HousingType, boolean, number]>([
    ['woning', false, 14],
    ['woning', true, 7],
    ['logiesgebouw', false, 14],
    ['logiesgebouw', true, 7],
    ['hotel', false, 14],
    ['hotel', true, 7],
  ])('PR-01: 7 bedrooms in a %s (new build %p) support %i', (housingType, newBuild, persons) => {
    expect(judgeMeasurement(measuredCriterion('PR-01'), { housingType, newBuild }, 7).personsSupported).toBe(persons);
  });

  it.each<[HousingType, boolean, number | null]>([
    ['woning', false, null],
    ['woning', true, 0],
    ['hotel', false, 1],
    ['logiesgebouw', false, 2],
    ['logiesgebouw', true, 0],
  ])('RU-01 for a %s (new build %p) uses variant %p', (housingType, newBuild, variantIndex) => {
    expect(resolveMeasurementRule(measuredCriterion('RU-01'), { housingType, newBuild }).variantIndex).toBe(variantIndex);
  });

  // Burners: none below 4, otherwise the larger of 8 and 2 per burner.
  it.each([
    [0, 0, 'voldoet-niet'],
    [3, 0, 'voldoet-niet'],
    [4, 8, 'voldoet'],
    [5, 10, 'voldoet'],
    [8, 16, 'voldoet'],
  ])('VZ-02: %i burners support %i (%s)', (burners, persons, result) => {
    expect(judgeMeasurement(measuredCriterion('VZ-02'), woning, burners)).toEqual({ personsSupported: persons, result });
  });

  it.each([
    ['RU-02', 3.4, 0, 'voldoet-niet'],
    ['RU-02', 3.5, 1, 'voldoet'],
    ['RU-02', 10.5, 3, 'voldoet'],
    ['VZ-01', 29.9, 0, 'voldoet-niet'],
    ['VZ-01', 30, 1, 'voldoet'],
    ['SA-01', 0, 0, 'voldoet-niet'],
    ['PR-02', 0, 0, 'voldoet-niet'],
  ])('%s: %d supports %i (%s)', (code, value, persons, result) => {
    expect(judgeMeasurement(measuredCriterion(code), woning, value)).toEqual({ personsSupported: persons, result });
  });

  it('forgives binary rounding just below a whole person', () => {
    const criterion: MeasuredCriterion = { ...measuredCriterion('RU-02'), minimumPerPerson: 0.1 };
    expect(0.7 / 0.1).toBeLessThan(7);
    expect(judgeMeasurement(criterion, woning, 0.7).personsSupported).toBe(7);
    expect(judgeMeasurement(criterion, woning, 0.69).personsSupported).toBe(6);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects measurement %p', (value) => {
    expect(() => judgeMeasurement(measuredCriterion('RU-01'), woning, value)).toThrow(NormError);
  });
});
