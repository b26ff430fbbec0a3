import { Answers, answerFor, answerProblems, unansweredCriteria } from './answer';
import { addMonths, IsoDate, isIsoDate } from './iso-date';
import { judgeMeasurement } from './measurement';
import { CriterionKind, criteriaOf, isHousingType, LocationProfile, NormVersion, Severity } from './norm-version';
import { NormError, Problem } from './problem';
import { addWorkingDays } from './working-days';

export const MAJOR_REPAIR_WORKING_DAYS = 30;
export const MINOR_REPAIR_MONTHS = 3;

export interface InspectedLocation extends LocationProfile {
  /** `aantalSlaapplaatsen`: the beds the landlord asked to be certified. */
  readonly requestedBeds: number;
}

export interface InspectionInput {
  readonly norm: NormVersion;
  readonly location: InspectedLocation;
  readonly answers: Answers;
  /** The Dutch calendar day of submission (see `dateInAmsterdam`); deadlines run from it. */
  readonly submittedOn: IsoDate;
}

export type Outcome = 'passed' | 'failed' | 'not-applicable';

export interface CriterionOutcome {
  readonly criterionCode: string;
  readonly sectionCode: string;
  readonly kind: CriterionKind;
  readonly severity: Severity;
  readonly points: number;
  readonly outcome: Outcome;
  /** Null for yes/no criteria. */
  readonly personsSupported: number | null;
}

export interface Finding {
  readonly criterionCode: string;
  readonly severity: Severity;
  readonly repairDeadline: IsoDate | null;
}

export interface InspectionResult {
  readonly outcomes: readonly CriterionOutcome[];
  readonly score: number;
  readonly knockOuts: number;
  readonly majors: number;
  readonly minors: number;
  readonly maximumResidents: number;
  readonly findings: readonly Finding[];
}

/**
 * The repair deadline of a finding. Major: 30 working days after submission. Minor: 3 calendar
 * months. Knock-out: none (null), because a knock-out is not repaired against a deadline: it
 * blocks granting, or suspends an existing certificate at once, and only a new inspection lifts it.
 */
export function repairDeadline(severity: Severity, submittedOn: IsoDate): IsoDate | null {
  switch (severity) {
    case 'major':
      return addWorkingDays(submittedOn, MAJOR_REPAIR_WORKING_DAYS);
    case 'minor':
      return addMonths(submittedOn, MINOR_REPAIR_MONTHS);
    case 'knock-out':
      return null;
  }
}

/**
 * The result of a submitted inspection. All answers must be complete and consistent with the norm;
 * otherwise a NormError 'invalid-answers' lists every unanswered criterion (named by its code, as in
 * the answer path) and every bad answer (`<code>.<field>`).
 *
 * Score: points of passing criteria over points of applicable criteria, rounded down, so that 100
 * always means nothing failed. A measured criterion passes when it supports at least one person.
 */
export function evaluateInspection(input: InspectionInput): InspectionResult {
  const { norm, location, answers, submittedOn } = input;
  requireLocation(location);
  if (!isIsoDate(submittedOn)) {
    throw new NormError('invalid-argument', `submittedOn must be a YYYY-MM-DD date, got ${String(submittedOn)}`);
  }
  const problems = answerSetProblems(norm, answers);
  if (problems.length > 0) {
    throw new NormError('invalid-answers', 'The inspection has unanswered or invalid answers', problems);
  }

  const outcomes: CriterionOutcome[] = [];
  let maximumResidents = location.requestedBeds;
  for (const section of norm.sections) {
    for (const criterion of section.criteria) {
      // Presence was checked above.
      const answer = answerFor(answers, criterion.code)!;
      const base = {
        criterionCode: criterion.code,
        sectionCode: section.code,
        kind: criterion.kind,
        severity: criterion.severity,
        points: criterion.points,
      };
      if (criterion.kind === 'measured') {
        const judgement = judgeMeasurement(criterion, location, answer.measurement!);
        maximumResidents = Math.min(maximumResidents, judgement.personsSupported);
        outcomes.push({
          ...base,
          outcome: judgement.result === 'voldoet' ? 'passed' : 'failed',
          personsSupported: judgement.personsSupported,
        });
      } else {
        const outcome: Outcome = answer.result === 'voldoet' ? 'passed' : answer.result === 'nvt' ? 'not-applicable' : 'failed';
        outcomes.push({ ...base, outcome, personsSupported: null });
      }
    }
  }

  const applicable = outcomes.filter((outcome) => outcome.outcome !== 'not-applicable');
  const applicablePoints = sum(applicable.map((outcome) => outcome.points));
  const passedPoints = sum(applicable.filter((outcome) => outcome.outcome === 'passed').map((outcome) => outcome.points));
  const failed = outcomes.filter((outcome) => outcome.outcome === 'failed');

  return {
    outcomes,
    // Nothing applicable means nothing failed; integer arithmetic keeps 100 exact.
    score: applicablePoints === 0 ? 100 : Math.floor((100 * passedPoints) / applicablePoints),
    knockOuts: failed.filter((outcome) => outcome.severity === 'knock-out').length,
    majors: failed.filter((outcome) => outcome.severity === 'major').length,
    minors: failed.filter((outcome) => outcome.severity === 'minor').length,
    maximumResidents,
    findings: failed.map((outcome) => ({
      criterionCode: outcome.criterionCode,
      severity: outcome.severity,
      repairDeadline: repairDeadline(outcome.severity, submittedOn),
    })),
  };
}

/** Everything that stops a submission, in norm order; empty when the inspection can be submitted. */
export function answerSetProblems(norm: NormVersion, answers: Answers): Problem[] {
  const unanswered = new Set(unansweredCriteria(norm, answers));
  const problems: Problem[] = [];
  for (const criterion of criteriaOf(norm)) {
    if (unanswered.has(criterion.code)) {
      problems.push({ name: criterion.code, code: 'unanswered', reason: `Criterion ${criterion.code} has not been answered.` });
      continue;
    }
    problems.push(...answerProblems(criterion, answerFor(answers, criterion.code)!, criterion.code));
  }
  return problems;
}

function requireLocation(location: InspectedLocation): void {
  if (!isHousingType(location.housingType)) {
    throw new NormError('invalid-argument', `Unknown housing type ${String(location.housingType)}`);
  }
  if (typeof location.newBuild !== 'boolean') {
    throw new NormError('invalid-argument', 'newBuild must be a boolean');
  }
  if (!Number.isSafeInteger(location.requestedBeds) || location.requestedBeds < 0) {
    throw new NormError('invalid-argument', `requestedBeds must be a non-negative integer, got ${location.requestedBeds}`);
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
