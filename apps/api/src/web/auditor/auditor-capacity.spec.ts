import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { criteriaOf, DEFAULT_NORM, HOUSING_TYPES, judgeMeasurement, resolveMeasurementRule, type MeasuredCriterion } from '@keurmerk/norm';
import { WEB_ASSETS } from '../web.assets';
import { clientRule } from './checklist.view';

interface ClientCapacity {
  personsSupported(rule: unknown, value: unknown): number | null;
  runningMaximum(requestedBeds: number, supported: (number | null)[]): number;
}

/** The script as a browser runs it: in a global of its own, reached through `self`. */
function loadClientCapacity(): ClientCapacity {
  const sandbox: { self: { KeurmerkCapacity?: ClientCapacity } } = { self: {} };
  runInNewContext(readFileSync(`${WEB_ASSETS.dir}/auditor-capacity.js`, 'utf8'), sandbox);
  return sandbox.self.KeurmerkCapacity!;
}

const capacity = loadClientCapacity();
const MEASURED = criteriaOf(DEFAULT_NORM).filter((c): c is MeasuredCriterion => c.kind === 'measured');
// The rule data travels to the page as JSON: the client sees what survives a round trip.
const overJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('the checklist page’s capacity formula', () => {
  it('agrees with @keurmerk/norm for every measured criterion, location and value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASURED),
        fc.constantFrom(...HOUSING_TYPES),
        fc.boolean(),
        fc.oneof(
          fc.double({ min: 0, max: 5000, noNaN: true }),
          fc.integer({ min: 0, max: 400 }),
          fc.integer({ min: 0, max: 4000 }).map((n) => n / 10),
        ),
        (criterion, housingType, newBuild, value) => {
          const location = { housingType, newBuild };
          const rule = overJson(clientRule(resolveMeasurementRule(criterion, location)));
          expect(capacity.personsSupported(rule, value)).toBe(judgeMeasurement(criterion, location, value).personsSupported);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees on the values where rounding matters', () => {
    const criterion: MeasuredCriterion = { ...MEASURED[0], minimumPerPerson: 0.1, variants: undefined };
    const location = { housingType: 'woning' as const, newBuild: false };
    const rule = overJson(clientRule(resolveMeasurementRule(criterion, location)));
    for (const value of [0.3, 0.7, 1.1, 2.3, 0.30000000000000004, 12.000000001]) {
      expect(capacity.personsSupported(rule, value)).toBe(judgeMeasurement(criterion, location, value).personsSupported);
    }
  });

  it('gives no figure for a value the server refuses', () => {
    const rule = clientRule(resolveMeasurementRule(MEASURED[0], { housingType: 'woning', newBuild: false }));
    for (const value of [-1, Number.NaN, Number.POSITIVE_INFINITY, '12', null]) expect(capacity.personsSupported(rule, value)).toBeNull();
  });

  it('keeps the lowest measured capacity, never above the requested beds', () => {
    expect(capacity.runningMaximum(14, [])).toBe(14);
    expect(capacity.runningMaximum(14, [15, null, 9, 12])).toBe(9);
    expect(capacity.runningMaximum(14, [0, 20])).toBe(0);
  });
});
