import { Criterion, NormVersion, criteriaOf } from './norm-version';
import { Problem } from './problem';

/** Contract values (`resultaat`). */
export const ANSWER_RESULTS = ['voldoet', 'voldoet-niet', 'nvt'] as const;
export type AnswerResult = (typeof ANSWER_RESULTS)[number];

/** An auditor's answer to one criterion, in the code's language. */
export interface Answer {
  readonly result?: AnswerResult;
  readonly measurement?: number;
  readonly remark?: string;
}

/** Body of `PUT /v1/inspecties/{id}/antwoorden/{criteriumCode}`. */
export interface AnswerBody {
  readonly resultaat?: AnswerResult;
  readonly meetwaarde?: number;
  readonly opmerking?: string;
}

/** Answers by criterion code. */
export type Answers = ReadonlyMap<string, Answer> | Readonly<Record<string, Answer | undefined>>;

export const MAX_REMARK_LENGTH = 2000;
/**
 * The largest measurement (m², m³, litres or a count for a whole location) the platform takes. Far
 * above any real housing; below it, the persons a measurement supports always fit a PostgreSQL
 * integer (1e15 did not: issue 16).
 */
export const MAX_MEASUREMENT = 1_000_000;

const ANSWER_FIELDS = new Set(['resultaat', 'meetwaarde', 'opmerking']);

/** What the norm needs to know of the inspection an answer belongs to. */
export interface AnswerContext {
  /** The inspection's `soort` (initieel, periodiek, onaangekondigd, herinspectie); unknown: not judged. */
  readonly inspectionKind?: string;
}

/** The `soort` of a location's first inspection, the one that leads to its first certificate. */
export const FIRST_INSPECTION_KIND = 'initieel';

/**
 * Criteria about something the certificate itself brings to the location: the information card is
 * printed with the certificate, so before the first certificate it cannot hang there (nvt), and on
 * every later inspection it must (nvt would excuse a missing card on a certified location).
 */
export const NOT_APPLICABLE_ONLY_ON_FIRST_INSPECTION: ReadonlySet<string> = new Set(['IF-01']);

export function answerFor(answers: Answers, code: string): Answer | undefined {
  if (isMap(answers)) return answers.get(code);
  return Object.prototype.hasOwnProperty.call(answers, code) ? answers[code] : undefined;
}

/**
 * Checks the body of one answer against its criterion and reports every problem at once, named by
 * body field.
 *
 * For a measured criterion the platform decides the result from `meetwaarde`, so a `resultaat` of
 * voldoet or voldoet-niet is accepted and overridden rather than rejected: whether a value passes
 * depends on the location's housing type and new-build variant, which the auditor's app need not
 * know, and the contract lists `resultaat` as a body field so apps may send it with every answer.
 * `nvt` is rejected there, though: a measured criterion bounds capacity and always needs a value
 * (a missing facility is measured as 0).
 */
export function validateAnswer(criterion: Criterion, input: unknown, context: AnswerContext = {}): Problem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ name: 'body', code: 'invalid-type', reason: 'An answer is a JSON object.' }];
  }
  const body = input as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const key of Object.keys(body)) {
    if (!ANSWER_FIELDS.has(key)) {
      problems.push({ name: key, code: 'unknown-field', reason: `The field ${key} is not part of an answer.` });
    }
  }
  const answer: { result?: AnswerResult; measurement?: number; remark?: string } = {};
  const mistyped = new Set<string>();
  const resultaat = present(body.resultaat);
  if (resultaat !== undefined) {
    if (typeof resultaat === 'string' && (ANSWER_RESULTS as readonly string[]).includes(resultaat)) {
      answer.result = resultaat as AnswerResult;
    } else {
      mistyped.add('resultaat');
      problems.push({ name: 'resultaat', code: 'invalid-value', reason: 'resultaat is voldoet, voldoet-niet or nvt.' });
    }
  }
  const meetwaarde = present(body.meetwaarde);
  if (meetwaarde !== undefined) {
    if (typeof meetwaarde === 'number') {
      answer.measurement = meetwaarde;
    } else {
      mistyped.add('meetwaarde');
      problems.push({ name: 'meetwaarde', code: 'invalid-type', reason: 'meetwaarde is a number.' });
    }
  }
  const opmerking = present(body.opmerking);
  if (opmerking !== undefined) {
    if (typeof opmerking !== 'string') {
      problems.push({ name: 'opmerking', code: 'invalid-type', reason: 'opmerking is text.' });
    } else if (opmerking.length > MAX_REMARK_LENGTH) {
      problems.push({ name: 'opmerking', code: 'too-long', reason: `opmerking is at most ${MAX_REMARK_LENGTH} characters.` });
    } else {
      answer.remark = opmerking;
    }
  }
  // A field with the wrong type is already reported; judging it again would only add noise.
  const semantic = answerProblems(criterion, answer, '', context).filter((problem) => !mistyped.has(problem.name));
  return [...problems, ...semantic];
}

/**
 * The answer to store for a validated body. For a measured criterion the auditor's `resultaat` is
 * dropped: the platform derives it from the measurement (see `judgeMeasurement`).
 */
export function answerFromContract(criterion: Criterion, body: AnswerBody): Answer {
  return {
    ...(criterion.kind === 'yes-no' && body.resultaat !== undefined && body.resultaat !== null ? { result: body.resultaat } : {}),
    ...(criterion.kind === 'measured' && typeof body.meetwaarde === 'number' ? { measurement: body.meetwaarde } : {}),
    ...(typeof body.opmerking === 'string' ? { remark: body.opmerking } : {}),
  };
}

/**
 * Criterion codes still without an answer, in norm order: a yes/no criterion needs a result, a
 * measured one a measurement.
 */
export function unansweredCriteria(norm: NormVersion, answers: Answers): string[] {
  return criteriaOf(norm)
    .filter((criterion) => !isAnswered(criterion, answerFor(answers, criterion.code)))
    .map((criterion) => criterion.code);
}

function isAnswered(criterion: Criterion, answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  return criterion.kind === 'measured' ? answer.measurement !== undefined : answer.result !== undefined;
}

/**
 * Semantic problems of an answer against its criterion. `prefix` qualifies the field names when
 * several answers are checked together (at submission).
 */
export function answerProblems(criterion: Criterion, answer: Answer, prefix: string, context: AnswerContext = {}): Problem[] {
  const field = (name: string): string => (prefix ? `${prefix}.${name}` : name);
  const problems: Problem[] = [];
  if (criterion.kind === 'yes-no') {
    if (answer.result === undefined) {
      problems.push({ name: field('resultaat'), code: 'required', reason: 'A ja-nee criterion needs a resultaat.' });
    } else if (answer.result === 'nvt' && criterion.severity === 'knock-out') {
      problems.push({ name: field('resultaat'), code: 'not-allowed', reason: 'A knock-out criterion cannot be nvt.' });
    } else if (answer.result === 'nvt' && !criterion.notApplicableAllowed) {
      problems.push({ name: field('resultaat'), code: 'not-allowed', reason: 'This criterion cannot be nvt.' });
    } else if (answer.result === 'nvt' && !notApplicableOnThisInspection(criterion, context)) {
      problems.push({
        name: field('resultaat'),
        code: 'not-allowed',
        reason:
          `${criterion.code} can be nvt only on a first inspection (soort ${FIRST_INSPECTION_KIND}); the information card belongs ` +
          `at a certified location.`,
      });
    }
    if (answer.result === 'voldoet-niet' && !hasText(answer.remark)) {
      problems.push({
        name: field('opmerking'),
        code: 'required',
        reason: 'A voldoet-niet answer needs an opmerking: what is wrong, so that the landlord can repair it.',
      });
    }
    if (answer.measurement !== undefined) {
      problems.push({ name: field('meetwaarde'), code: 'not-allowed', reason: 'A ja-nee criterion has no meetwaarde.' });
    }
    return problems;
  }
  if (answer.result === 'nvt') {
    problems.push({
      name: field('resultaat'),
      code: 'not-allowed',
      reason: 'A meting criterion cannot be nvt; enter 0 when the facility is missing.',
    });
  }
  const value = answer.measurement;
  if (value === undefined) {
    problems.push({ name: field('meetwaarde'), code: 'required', reason: 'A meting criterion needs a meetwaarde.' });
  } else if (!Number.isFinite(value)) {
    problems.push({ name: field('meetwaarde'), code: 'invalid-type', reason: 'meetwaarde is a finite number.' });
  } else if (value < 0) {
    problems.push({ name: field('meetwaarde'), code: 'range', reason: 'meetwaarde cannot be negative.' });
  } else if (value > MAX_MEASUREMENT) {
    problems.push({ name: field('meetwaarde'), code: 'range', reason: `meetwaarde is at most ${MAX_MEASUREMENT}.` });
  } else if (criterion.unit === 'aantal' && !Number.isInteger(value)) {
    problems.push({ name: field('meetwaarde'), code: 'not-integer', reason: 'A count (eenheid aantal) is a whole number.' });
  }
  return problems;
}

function notApplicableOnThisInspection(criterion: Criterion, context: AnswerContext): boolean {
  if (!NOT_APPLICABLE_ONLY_ON_FIRST_INSPECTION.has(criterion.code) || context.inspectionKind === undefined) return true;
  return context.inspectionKind === FIRST_INSPECTION_KIND;
}

function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

/** JSON null is read as "not given" so clients may send every field with every answer. */
function present(value: unknown): unknown {
  return value === null ? undefined : value;
}

function isMap(answers: Answers): answers is ReadonlyMap<string, Answer> {
  return answers instanceof Map;
}
