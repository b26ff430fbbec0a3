import { LocationProfile, MeasuredCriterion, MeasurementVariant } from './norm-version';
import { NormError } from './problem';

/** The thresholds that apply to one location, after choosing the variant. */
export interface MeasurementRule {
  readonly minimumPerPerson?: number;
  readonly personsPerUnit?: number;
  readonly minimumUnits: number;
  readonly minimumPersons: number;
  /** Index of the variant used, or null for the criterion's own rule; lets a report say why. */
  readonly variantIndex: number | null;
}

export interface MeasurementJudgement {
  readonly personsSupported: number;
  /** The platform's answer for the criterion: a measured criterion that supports nobody fails. */
  readonly result: 'voldoet' | 'voldoet-niet';
}

export function variantMatches(variant: MeasurementVariant, location: LocationProfile): boolean {
  return (
    (variant.housingType === undefined || variant.housingType === location.housingType) &&
    (variant.newBuild === undefined || variant.newBuild === location.newBuild)
  );
}

export function resolveMeasurementRule(criterion: MeasuredCriterion, location: LocationProfile): MeasurementRule {
  const variants = criterion.variants ?? [];
  const index = variants.findIndex((variant) => variantMatches(variant, location));
  const source = index >= 0 ? variants[index] : criterion;
  return {
    ...(source.minimumPerPerson !== undefined ? { minimumPerPerson: source.minimumPerPerson } : {}),
    ...(source.personsPerUnit !== undefined ? { personsPerUnit: source.personsPerUnit } : {}),
    minimumUnits: criterion.minimumUnits ?? 0,
    minimumPersons: criterion.minimumPersons ?? 0,
    variantIndex: index >= 0 ? index : null,
  };
}

export function judgeMeasurement(criterion: MeasuredCriterion, location: LocationProfile, value: number): MeasurementJudgement {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new NormError('invalid-argument', `Measurement for ${criterion.code} must be a finite number >= 0, got ${value}`);
  }
  const personsSupported = personsSupportedBy(criterion, resolveMeasurementRule(criterion, location), value);
  return { personsSupported, result: personsSupported >= 1 ? 'voldoet' : 'voldoet-niet' };
}

function personsSupportedBy(criterion: MeasuredCriterion, rule: MeasurementRule, value: number): number {
  if (value < rule.minimumUnits) return 0;
  let persons: number;
  if (rule.minimumPerPerson !== undefined && rule.minimumPerPerson > 0) {
    persons = tolerantFloor(value / rule.minimumPerPerson);
  } else if (rule.personsPerUnit !== undefined && rule.personsPerUnit > 0) {
    persons = tolerantFloor(value * rule.personsPerUnit);
  } else {
    throw new NormError('invalid-argument', `Criterion ${criterion.code} has no positive per-person rule`);
  }
  return Math.max(rule.minimumPersons, persons);
}

/**
 * Floor that forgives binary rounding: 0.7 / 0.1 is 6.999999999999999 in doubles but 7 on the
 * tape measure. Only a relative hair below an integer is rounded up, so the
 * result stays monotone in the measurement.
 */
function tolerantFloor(value: number): number {
  const nearest = Math.round(value);
  return Math.abs(value - nearest) <= 1e-9 * Math.max(1, Math.abs(value)) ? nearest : Math.floor(value);
}
