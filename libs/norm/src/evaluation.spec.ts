import {
  Answer,
  AnswerResult,
  criteriaOf,
  DEFAULT_NORM,
  evaluateInspection,
  HousingType,
  InspectedLocation,
  NormError,
  repairDeadline,
  Severity,
} from './index';

/** DOMAIN.md's worked example, in norm order. */
const WORKED_EXAMPLE: Record<string, number> = {
  'RU-01': 180,
  'RU-02': 52,
  'PR-01': 7,
  'PR-02': 14,
  'PR-03': 14,
  'PR-04': 14,
  'SA-01': 2,
  'SA-02': 2,
  'VZ-01': 335,
  'VZ-02': 8,
  'VZ-03': 20,
};

const plainWoning: InspectedLocation = { housingType: 'woning', newBuild: false, requestedBeds: 14 };

function answersFor(
  measurements: Record<string, number> = WORKED_EXAMPLE,
  results: Record<string, AnswerResult> = {},
): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  for (const criterion of criteriaOf(DEFAULT_NORM)) {
    answers.set(
      criterion.code,
      criterion.kind === 'measured' ? { measurement: measurements[criterion.code] } : withRemark(results[criterion.code] ?? 'voldoet'),
    );
  }
  return answers;
}

function evaluate(answers: Map<string, Answer>, location: InspectedLocation = plainWoning, submittedOn = '2026-03-02') {
  return evaluateInspection({ norm: DEFAULT_NORM, location, answers, submittedOn });
}

describe('evaluateInspection', () => {
  it("reproduces DOMAIN.md's worked example: maximum 11, bound by the fridge", () => {
    const result = evaluate(answersFor());
    expect(result.maximumResidents).toBe(11);
    expect(result.outcomes.filter((o) => o.kind === 'measured').map((o) => [o.criterionCode, o.personsSupported])).toEqual([
      ['RU-01', 15],
      ['RU-02', 14],
      ['PR-01', 14],
      ['PR-02', 14],
      ['PR-03', 14],
      ['PR-04', 14],
      ['SA-01', 16],
      ['SA-02', 16],
      ['VZ-01', 11],
      ['VZ-02', 16],
      ['VZ-03', 20],
    ]);
    expect(result).toMatchObject({ score: 100, knockOuts: 0, majors: 0, minors: 0, findings: [] });
    expect(result.outcomes.every((o) => o.outcome === 'passed')).toBe(true);
  });

  it('accepts answers as a plain record too', () => {
    expect(evaluate(new Map(answersFor())).maximumResidents).toBe(
      evaluateInspection({
        norm: DEFAULT_NORM,
        location: plainWoning,
        answers: Object.fromEntries(answersFor()),
        submittedOn: '2026-03-02',
      }).maximumResidents,
    );
  });

  it.each<[string, HousingType, boolean, number, number]>([
    ['an existing woning', 'woning', false, 14, 11],
    ['fewer requested beds than the facilities allow', 'woning', false, 9, 9],
    ['a new-build woning (GBO / 15, one per bedroom)', 'woning', true, 14, 7],
    ['an existing logiesgebouw (GBO / 10)', 'logiesgebouw', false, 14, 11],
    ['a new-build logiesgebouw (new build wins: GBO / 15)', 'logiesgebouw', true, 14, 7],
    ['an existing hotel (GBO / 15)', 'hotel', false, 14, 11],
    ['no requested beds', 'woning', false, 0, 0],
  ])('maximum residents for %s', (_label, housingType, newBuild, requestedBeds, maximum) => {
    expect(evaluate(answersFor(), { housingType, newBuild, requestedBeds }).maximumResidents).toBe(maximum);
  });

  it('lets GBO bind the maximum, by variant', () => {
    const roomy = { ...WORKED_EXAMPLE, 'VZ-01': 1000, 'RU-01': 120 };
    expect(evaluate(answersFor(roomy), { housingType: 'woning', newBuild: false, requestedBeds: 14 }).maximumResidents).toBe(10);
    expect(evaluate(answersFor(roomy), { housingType: 'logiesgebouw', newBuild: false, requestedBeds: 14 }).maximumResidents).toBe(12);
    expect(evaluate(answersFor(roomy), { housingType: 'hotel', newBuild: false, requestedBeds: 14 }).maximumResidents).toBe(8);
    expect(evaluate(answersFor(roomy), { housingType: 'logiesgebouw', newBuild: true, requestedBeds: 14 }).maximumResidents).toBe(7);
  });

  it('fails a location with fewer than 4 burners as a knock-out, and certifies nobody', () => {
    const result = evaluate(answersFor({ ...WORKED_EXAMPLE, 'VZ-02': 3 }));
    expect(result.maximumResidents).toBe(0);
    expect(result.outcomes.find((o) => o.criterionCode === 'VZ-02')).toMatchObject({ outcome: 'failed', personsSupported: 0 });
    expect(result.knockOuts).toBe(1);
    expect(result.findings).toEqual([{ criterionCode: 'VZ-02', severity: 'knock-out', repairDeadline: null }]);
    expect(result.score).toBe(97); // 162 of 167 points
  });

  it('scores, counts and sets repair deadlines for failed criteria', () => {
    const result = evaluate(
      answersFor(WORKED_EXAMPLE, {
        'BZ-02': 'voldoet-niet',
        'BH-02': 'voldoet-niet',
        'CT-01': 'voldoet-niet',
        'BV-04': 'nvt',
        'IF-01': 'nvt',
      }),
      plainWoning,
      '2026-12-24',
    );
    // 167 points in all, 10 not applicable; 17 of the remaining 157 failed: 140 / 157 = 89.2%.
    expect(result.score).toBe(89);
    expect(result).toMatchObject({ knockOuts: 1, majors: 1, minors: 1, maximumResidents: 11 });
    expect(result.findings).toEqual([
      { criterionCode: 'BZ-02', severity: 'major', repairDeadline: '2027-02-08' },
      { criterionCode: 'CT-01', severity: 'knock-out', repairDeadline: null },
      { criterionCode: 'BH-02', severity: 'minor', repairDeadline: '2027-03-24' },
    ]);
    expect(result.outcomes.filter((o) => o.outcome === 'not-applicable').map((o) => o.criterionCode)).toEqual(['BV-04', 'IF-01']);
  });

  it('scores 0 when everything fails', () => {
    const nothing = Object.fromEntries(Object.keys(WORKED_EXAMPLE).map((code) => [code, 0]));
    const failAll = Object.fromEntries(
      criteriaOf(DEFAULT_NORM)
        .filter((c) => c.kind === 'yes-no')
        .map((c) => [c.code, 'voldoet-niet' as const]),
    );
    const result = evaluate(answersFor(nothing, failAll));
    expect(result).toMatchObject({ score: 0, knockOuts: 18, majors: 8, minors: 1, maximumResidents: 0 });
    expect(result.findings).toHaveLength(27);
  });

  it("decides measured criteria itself, whatever the auditor's resultaat says", () => {
    const answers = answersFor();
    answers.set('RU-01', { result: 'voldoet-niet', measurement: 180 });
    answers.set('VZ-02', { result: 'voldoet', measurement: 2 });
    const result = evaluate(answers);
    expect(result.outcomes.find((o) => o.criterionCode === 'RU-01')?.outcome).toBe('passed');
    expect(result.outcomes.find((o) => o.criterionCode === 'VZ-02')?.outcome).toBe('failed');
  });

  it('refuses unanswered and invalid answers, listing every one', () => {
    const answers = answersFor();
    answers.delete('RU-02');
    answers.delete('BH-01');
    answers.set('VL-02', { result: 'nvt' });
    answers.set('SA-01', { measurement: -2 });
    let error: unknown;
    try {
      evaluate(answers);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NormError);
    expect((error as NormError).code).toBe('invalid-answers');
    expect((error as NormError).problems.map(({ name, code }) => ({ name, code }))).toEqual([
      { name: 'RU-02', code: 'unanswered' },
      { name: 'SA-01.meetwaarde', code: 'range' },
      { name: 'VL-02.resultaat', code: 'not-allowed' },
      { name: 'BH-01', code: 'unanswered' },
    ]);
  });

  it.each<[string, InspectedLocation, string]>([
    ['an unknown housing type', { housingType: 'kasteel' as HousingType, newBuild: false, requestedBeds: 4 }, '2026-03-02'],
    ['negative beds', { ...plainWoning, requestedBeds: -1 }, '2026-03-02'],
    ['fractional beds', { ...plainWoning, requestedBeds: 2.5 }, '2026-03-02'],
    ['a timestamp as submission date', plainWoning, '2026-03-02T10:00:00Z'],
  ])('rejects %s', (_label, location, submittedOn) => {
    expect(() => evaluate(answersFor(), location, submittedOn)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });
});

describe('repairDeadline', () => {
  it.each<[Severity, string, string | null]>([
    ['major', '2026-03-02', '2026-04-15'],
    ['major', '2026-12-24', '2027-02-08'],
    ['minor', '2026-03-02', '2026-06-02'],
    ['minor', '2026-11-30', '2027-02-28'],
    ['minor', '2027-11-30', '2028-02-29'],
    ['knock-out', '2026-03-02', null],
  ])('%s submitted %s: %p', (severity, submittedOn, expected) => {
    expect(repairDeadline(severity, submittedOn)).toBe(expected);
  });
});

/** A yes/no answer as an auditor gives it: a failed criterion always carries its opmerking. */
function withRemark(result: 'voldoet' | 'voldoet-niet' | 'nvt'): { result: typeof result; remark?: string } {
  return result === 'voldoet-niet' ? { result, remark: 'Afwijking' } : { result };
}
