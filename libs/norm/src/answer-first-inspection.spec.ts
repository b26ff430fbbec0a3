import { DEFAULT_NORM, findCriterion, validateAnswer } from './index';

const criterion = (code: string) => findCriterion(DEFAULT_NORM, code)!;

describe('nvt on the information card (IF-01) only on a first inspection', () => {
  it.each([
    ['initieel', 'IF-01', []],
    ['periodiek', 'IF-01', ['resultaat']],
    ['onaangekondigd', 'IF-01', ['resultaat']],
    ['herinspectie', 'IF-01', ['resultaat']],
    // Other criteria where the norm allows nvt keep allowing it on every inspection.
    ['periodiek', 'BV-04', []],
    ['herinspectie', 'BV-04', []],
  ])('on a %s inspection, nvt on %s is refused naming %j', (inspectionKind, code, named) => {
    expect(validateAnswer(criterion(code), { resultaat: 'nvt' }, { inspectionKind }).map((p) => p.name)).toEqual(named);
  });

  it.each(['periodiek', 'onaangekondigd', 'herinspectie'])(
    'a %s inspection still answers IF-01 with voldoet or voldoet-niet',
    (inspectionKind) => {
      expect(validateAnswer(criterion('IF-01'), { resultaat: 'voldoet' }, { inspectionKind })).toEqual([]);
      expect(validateAnswer(criterion('IF-01'), { resultaat: 'voldoet-niet', opmerking: 'Geen kaart' }, { inspectionKind })).toEqual([]);
    },
  );

  it('says why, in a problem coded not-allowed', () => {
    expect(validateAnswer(criterion('IF-01'), { resultaat: 'nvt' }, { inspectionKind: 'periodiek' })).toEqual([
      { name: 'resultaat', code: 'not-allowed', reason: expect.stringContaining('first inspection') },
    ]);
  });

  it('without the inspection kind, the norm alone decides (nvt allowed where it says so)', () => {
    expect(validateAnswer(criterion('IF-01'), { resultaat: 'nvt' })).toEqual([]);
  });
});
