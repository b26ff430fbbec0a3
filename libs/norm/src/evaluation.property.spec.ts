import fc from 'fast-check';
import {
  addMonths,
  addWorkingDays,
  Answer,
  AnswerResult,
  criteriaOf,
  DEFAULT_NORM,
  evaluateInspection,
  HOUSING_TYPES,
  InspectedLocation,
  isWorkingDay,
  judgeMeasurement,
  MeasuredCriterion,
} from './index';

const measuredCriteria = criteriaOf(DEFAULT_NORM).filter((c): c is MeasuredCriterion => c.kind === 'measured');
const yesNoCriteria = criteriaOf(DEFAULT_NORM).filter((c) => c.kind === 'yes-no');

const locationArb: fc.Arbitrary<InspectedLocation> = fc.record({
  housingType: fc.constantFrom(...HOUSING_TYPES),
  newBuild: fc.boolean(),
  requestedBeds: fc.integer({ min: 0, max: 200 }),
});

function measurementArb(criterion: MeasuredCriterion): fc.Arbitrary<number> {
  return criterion.unit === 'aantal'
    ? fc.integer({ min: 0, max: 60 })
    : fc.double({ min: 0, max: 3000, noNaN: true, noDefaultInfinity: true });
}

const measurementsArb = fc.tuple(...measuredCriteria.map(measurementArb));

const resultsArb = fc.tuple(
  ...yesNoCriteria.map((criterion) =>
    fc.constantFrom<AnswerResult>(
      ...(criterion.kind === 'yes-no' && criterion.notApplicableAllowed
        ? (['voldoet', 'voldoet-niet', 'nvt'] as const)
        : (['voldoet', 'voldoet-niet'] as const)),
    ),
  ),
);

function answers(measurements: readonly number[], results: readonly AnswerResult[] = []): Map<string, Answer> {
  const map = new Map<string, Answer>();
  measuredCriteria.forEach((criterion, index) => map.set(criterion.code, { measurement: measurements[index] }));
  yesNoCriteria.forEach((criterion, index) =>
    map.set(
      criterion.code,
      results[index] === 'voldoet-niet' ? { result: 'voldoet-niet', remark: 'Afwijking' } : { result: results[index] ?? 'voldoet' },
    ),
  );
  return map;
}

function maximum(location: InspectedLocation, measurements: readonly number[]): number {
  return evaluateInspection({ norm: DEFAULT_NORM, location, answers: answers(measurements), submittedOn: '2026-03-02' }).maximumResidents;
}

describe('evaluateInspection properties', () => {
  it('never certifies more residents than beds requested', () => {
    fc.assert(
      fc.property(locationArb, measurementsArb, (location, measurements) => {
        const result = maximum(location, measurements);
        expect(result).toBeGreaterThanOrEqual(0);
        expect(result).toBeLessThanOrEqual(location.requestedBeds);
      }),
    );
  });

  it('never raises the maximum when one measurement falls', () => {
    fc.assert(
      fc.property(
        locationArb,
        measurementsArb,
        fc.nat({ max: measuredCriteria.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (location, measurements, index, factor) => {
          const lowered = [...measurements];
          const value = measurements[index] * factor;
          lowered[index] = measuredCriteria[index].unit === 'aantal' ? Math.floor(value) : value;
          expect(maximum(location, lowered)).toBeLessThanOrEqual(maximum(location, measurements));
        },
      ),
    );
  });

  it('certifies nobody exactly when some measured criterion supports nobody', () => {
    fc.assert(
      fc.property(
        locationArb.filter((location) => location.requestedBeds > 0),
        measurementsArb,
        (location, measurements) => {
          const result = evaluateInspection({
            norm: DEFAULT_NORM,
            location,
            answers: answers(measurements),
            submittedOn: '2026-03-02',
          });
          const someoneUnsupported = result.outcomes.some((o) => o.kind === 'measured' && o.personsSupported === 0);
          expect(result.maximumResidents === 0).toBe(someoneUnsupported);
          // And such a location always has a knock-out finding, so it cannot be granted.
          expect(result.knockOuts > 0 || !someoneUnsupported).toBe(true);
        },
      ),
    );
  });

  it('scores an integer from 0 to 100, and 100 only without failures', () => {
    fc.assert(
      fc.property(locationArb, measurementsArb, resultsArb, (location, measurements, results) => {
        const result = evaluateInspection({
          norm: DEFAULT_NORM,
          location,
          answers: answers(measurements, results),
          submittedOn: '2026-03-02',
        });
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.score === 100).toBe(result.findings.length === 0);
        expect(result.knockOuts + result.majors + result.minors).toBe(result.findings.length);
      }),
    );
  });
});

describe('judgeMeasurement properties', () => {
  const ruleArb = fc
    .record({
      perPerson: fc.oneof(
        fc.record({ minimumPerPerson: fc.double({ min: 0.01, max: 100, noNaN: true }) }),
        fc.record({ personsPerUnit: fc.double({ min: 0.01, max: 20, noNaN: true }) }),
      ),
      minimumUnits: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      minimumPersons: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    })
    .map(({ perPerson, minimumUnits, minimumPersons }): MeasuredCriterion => ({
      code: 'XX-01',
      title: 'x',
      guidance: '',
      severity: 'knock-out',
      points: 5,
      kind: 'measured',
      unit: 'm2',
      ...perPerson,
      ...(minimumUnits !== undefined ? { minimumUnits } : {}),
      ...(minimumPersons !== undefined ? { minimumPersons } : {}),
    }));
  const valueArb = fc.double({ min: 0, max: 10_000, noNaN: true });

  it('is monotone in the measurement and returns whole persons', () => {
    fc.assert(
      fc.property(ruleArb, valueArb, valueArb, (criterion, a, b) => {
        const location = { housingType: 'woning' as const, newBuild: false };
        const low = judgeMeasurement(criterion, location, Math.min(a, b)).personsSupported;
        const high = judgeMeasurement(criterion, location, Math.max(a, b)).personsSupported;
        expect(Number.isInteger(low)).toBe(true);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(low).toBeLessThanOrEqual(high);
      }),
    );
  });
});

describe('calendar properties', () => {
  const dateArb = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

  it('addWorkingDays lands on a working day after exactly n working days', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 40 }), (date, count) => {
        const end = addWorkingDays(date, count);
        expect(isWorkingDay(end)).toBe(true);
        expect(end > date).toBe(true);
        expect(addWorkingDays(date, count - 1) < end).toBe(true);
      }),
    );
  });

  it('addMonths keeps the day of month or clamps it to the month end', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -36, max: 36 }), (date, months) => {
        const result = addMonths(date, months);
        const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
        expect(monthIndex(result) - monthIndex(date)).toBe(months);
        const day = Number(result.slice(8, 10));
        expect(day).toBeLessThanOrEqual(Number(date.slice(8, 10)));
        if (day < Number(date.slice(8, 10))) {
          // Clamped: the next day is in the next month.
          expect(new Date(Date.parse(`${result}T00:00:00Z`) + 86_400_000).getUTCDate()).toBe(1);
        }
      }),
    );
  });
});
