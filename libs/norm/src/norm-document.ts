import { MAX_MEASUREMENT } from './answer';
import { EARLIEST_CONTRACT_DATE, isIsoDate, LATEST_CONTRACT_DATE } from './iso-date';
import {
  Criterion,
  HOUSING_TYPES,
  HousingType,
  MEASUREMENT_UNITS,
  MeasurementUnit,
  MeasurementVariant,
  NORM_TRANSLATION_LANGUAGES,
  NormSection,
  NormTranslation,
  NormTranslationLanguage,
  NormTranslations,
  NormVersion,
  SEVERITIES,
  Severity,
} from './norm-version';
import { Problem, ProblemCode } from './problem';

/*
 * The contract shape of `GET /v1/normen/{versie}`, also the body of POST/PUT /v1/normen.
 * One addition beyond the fields the contract names (which it leaves ours to design):
 * `nvtToegestaan` on ja-nee criteria, so a norm can say where "nvt" is a valid answer; and (API 1.1)
 * `vertalingen: {en: {titel, toelichting}}` on sections and criteria, the English beside the Dutch.
 */

export type NormStatusValue = 'concept' | 'gepubliceerd';
export type CriterionKindValue = 'ja-nee' | 'meting';

export interface VariantDocument {
  soortHuisvesting?: HousingType;
  nieuwbouw?: boolean;
  minimumPerPersoon?: number;
  personenPerEenheid?: number;
}

/** A section's or criterion's text in another language, beside the Dutch (API 1.1). */
export interface TranslationDocument {
  titel: string;
  toelichting?: string;
}

export type TranslationsDocument = Partial<Record<NormTranslationLanguage, TranslationDocument>>;

export interface CriterionDocument {
  code: string;
  titel: string;
  toelichting: string;
  vertalingen?: TranslationsDocument;
  ernst: Severity;
  punten: number;
  soort: CriterionKindValue;
  eenheid?: MeasurementUnit;
  minimumPerPersoon?: number;
  personenPerEenheid?: number;
  minimumEenheden?: number;
  minimumPersonen?: number;
  varianten?: VariantDocument[];
  nvtToegestaan?: boolean;
}

export interface SectionDocument {
  code: string;
  titel: string;
  vertalingen?: TranslationsDocument;
  criteria: CriterionDocument[];
}

export interface NormDocument {
  versie: string;
  status: NormStatusValue;
  ingangsdatum: string;
  secties: SectionDocument[];
}

/** A submitted draft may leave out `status`: the service decides it (POST and PUT make a concept). */
export type NormDocumentInput = Omit<NormDocument, 'status'> & { status?: NormStatusValue };

export const VERSION_PATTERN = /^[0-9]{4}\.[1-9][0-9]{0,2}$/;
export const SECTION_CODE_PATTERN = /^[A-Z]{2,4}$/;
export const CRITERION_CODE_PATTERN = /^[A-Z]{2,4}-[0-9]{2,3}$/;
export const MAX_TITLE_LENGTH = 200;
export const MAX_GUIDANCE_LENGTH = 4000;

/**
 * Upper bounds for every number and list of a norm document (issue 16): far above any real norm, low
 * enough that nothing derived from them (scores, persons supported, stored as PostgreSQL integers)
 * can overflow.
 */
export const NORM_LIMITS = {
  sections: 50,
  criteriaPerSection: 200,
  variants: 20,
  points: 1000,
  /** minimumPerPersoon and minimumEenheden are in the unit of a measurement, so bounded like one. */
  units: MAX_MEASUREMENT,
  personsPerUnit: 100,
  minimumPersons: 10_000,
  earliestEffectiveDate: EARLIEST_CONTRACT_DATE,
  latestEffectiveDate: LATEST_CONTRACT_DATE,
} as const;

export function normToContract(norm: NormVersion): NormDocument {
  return {
    versie: norm.version,
    status: norm.status === 'published' ? 'gepubliceerd' : 'concept',
    ingangsdatum: norm.effectiveDate,
    secties: norm.sections.map((section) => ({
      code: section.code,
      titel: section.title,
      ...translationsToContract(section.translations),
      criteria: section.criteria.map(criterionToContract),
    })),
  };
}

/** Maps a document that `validateNormDocument` accepted; a missing status means a concept. */
export function normFromContract(document: NormDocumentInput): NormVersion {
  return {
    version: document.versie,
    status: document.status === 'gepubliceerd' ? 'published' : 'draft',
    effectiveDate: document.ingangsdatum,
    sections: document.secties.map((section): NormSection => ({
      code: section.code,
      title: section.titel,
      ...translationsFromContract(section.vertalingen),
      criteria: section.criteria.map(criterionFromContract),
    })),
  };
}

export type NormDocumentParseResult =
  { readonly ok: true; readonly norm: NormVersion } | { readonly ok: false; readonly problems: Problem[] };

/** Validation and mapping in one step, for the create and edit endpoints. */
export function parseNormDocument(input: unknown): NormDocumentParseResult {
  const problems = validateNormDocument(input);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, norm: normFromContract(input as NormDocumentInput) };
}

function criterionToContract(criterion: Criterion): CriterionDocument {
  const common = {
    code: criterion.code,
    titel: criterion.title,
    toelichting: criterion.guidance,
    ...translationsToContract(criterion.translations),
    ernst: criterion.severity,
    punten: criterion.points,
  };
  if (criterion.kind === 'yes-no') {
    return {
      ...common,
      soort: 'ja-nee',
      ...(criterion.notApplicableAllowed !== undefined ? { nvtToegestaan: criterion.notApplicableAllowed } : {}),
    };
  }
  return {
    ...common,
    soort: 'meting',
    eenheid: criterion.unit,
    ...(criterion.minimumPerPerson !== undefined ? { minimumPerPersoon: criterion.minimumPerPerson } : {}),
    ...(criterion.personsPerUnit !== undefined ? { personenPerEenheid: criterion.personsPerUnit } : {}),
    ...(criterion.minimumUnits !== undefined ? { minimumEenheden: criterion.minimumUnits } : {}),
    ...(criterion.minimumPersons !== undefined ? { minimumPersonen: criterion.minimumPersons } : {}),
    ...(criterion.variants !== undefined
      ? {
          varianten: criterion.variants.map((variant) => ({
            ...(variant.housingType !== undefined ? { soortHuisvesting: variant.housingType } : {}),
            ...(variant.newBuild !== undefined ? { nieuwbouw: variant.newBuild } : {}),
            ...(variant.minimumPerPerson !== undefined ? { minimumPerPersoon: variant.minimumPerPerson } : {}),
            ...(variant.personsPerUnit !== undefined ? { personenPerEenheid: variant.personsPerUnit } : {}),
          })),
        }
      : {}),
  };
}

function criterionFromContract(document: CriterionDocument): Criterion {
  const common = {
    code: document.code,
    title: document.titel,
    guidance: document.toelichting,
    ...translationsFromContract(document.vertalingen),
    severity: document.ernst,
    points: document.punten,
  };
  if (document.soort === 'ja-nee') {
    return {
      ...common,
      kind: 'yes-no',
      ...(isGiven(document.nvtToegestaan) ? { notApplicableAllowed: document.nvtToegestaan } : {}),
    };
  }
  return {
    ...common,
    kind: 'measured',
    unit: document.eenheid as MeasurementUnit,
    ...(isGiven(document.minimumPerPersoon) ? { minimumPerPerson: document.minimumPerPersoon } : {}),
    ...(isGiven(document.personenPerEenheid) ? { personsPerUnit: document.personenPerEenheid } : {}),
    ...(isGiven(document.minimumEenheden) ? { minimumUnits: document.minimumEenheden } : {}),
    ...(isGiven(document.minimumPersonen) ? { minimumPersons: document.minimumPersonen } : {}),
    ...(isGiven(document.varianten)
      ? {
          variants: document.varianten.map((variant): MeasurementVariant => ({
            ...(isGiven(variant.soortHuisvesting) ? { housingType: variant.soortHuisvesting } : {}),
            ...(isGiven(variant.nieuwbouw) ? { newBuild: variant.nieuwbouw } : {}),
            ...(isGiven(variant.minimumPerPersoon) ? { minimumPerPerson: variant.minimumPerPersoon } : {}),
            ...(isGiven(variant.personenPerEenheid) ? { personsPerUnit: variant.personenPerEenheid } : {}),
          })),
        }
      : {}),
  };
}

function translationsToContract(translations: NormTranslations | undefined): { vertalingen?: TranslationsDocument } {
  if (!translations) return {};
  const vertalingen: TranslationsDocument = {};
  for (const language of NORM_TRANSLATION_LANGUAGES) {
    const translation = translations[language];
    if (translation) {
      vertalingen[language] = {
        titel: translation.title,
        ...(translation.guidance !== undefined ? { toelichting: translation.guidance } : {}),
      };
    }
  }
  return { vertalingen };
}

function translationsFromContract(vertalingen: TranslationsDocument | null | undefined): { translations?: NormTranslations } {
  if (!isGiven(vertalingen)) return {};
  const translations: Partial<Record<NormTranslationLanguage, NormTranslation>> = {};
  for (const language of NORM_TRANSLATION_LANGUAGES) {
    const translation = vertalingen[language];
    if (isGiven(translation)) {
      translations[language] = {
        title: translation.titel,
        ...(isGiven(translation.toelichting) ? { guidance: translation.toelichting } : {}),
      };
    }
  }
  return { translations };
}

// ---------------------------------------------------------------------------------------------
// Validation. Every problem is reported at once, named by a JSON path (`secties[2].criteria[0].punten`),
// because an administrator editing a norm of dozens of criteria should not fix them one round trip
// at a time. Optional fields may be omitted or null; both mean "not given".
// ---------------------------------------------------------------------------------------------

type JsonObject = Record<string, unknown>;

const NORM_FIELDS = ['versie', 'status', 'ingangsdatum', 'secties'];
const SECTION_FIELDS = ['code', 'titel', 'vertalingen', 'criteria'];
const COMMON_CRITERION_FIELDS = ['code', 'titel', 'toelichting', 'vertalingen', 'ernst', 'punten', 'soort'];
const YES_NO_FIELDS = ['nvtToegestaan'];
const MEASURED_FIELDS = ['eenheid', 'minimumPerPersoon', 'personenPerEenheid', 'minimumEenheden', 'minimumPersonen', 'varianten'];
const VARIANT_FIELDS = ['soortHuisvesting', 'nieuwbouw', 'minimumPerPersoon', 'personenPerEenheid'];

class Problems {
  readonly list: Problem[] = [];

  add(name: string, code: ProblemCode, reason: string): void {
    this.list.push({ name, code, reason });
  }
}

export function validateNormDocument(input: unknown): Problem[] {
  const problems = new Problems();
  if (!isObject(input)) {
    problems.add('body', 'invalid-type', 'A norm is a JSON object.');
    return problems.list;
  }
  rejectUnknownFields(input, NORM_FIELDS, '', problems);

  const version = requireString(input, 'versie', '', problems);
  if (version !== undefined && !VERSION_PATTERN.test(version)) {
    problems.add('versie', 'pattern', 'versie is a year, a dot and a sequence number, e.g. 2026.1.');
  }
  const status = input.status;
  if (isGiven(status) && status !== 'concept' && status !== 'gepubliceerd') {
    problems.add('status', 'invalid-value', 'status is concept or gepubliceerd.');
  }
  const effectiveDate = requireString(input, 'ingangsdatum', '', problems);
  if (effectiveDate !== undefined && !isIsoDate(effectiveDate)) {
    problems.add('ingangsdatum', 'invalid-date', 'ingangsdatum is an existing date, YYYY-MM-DD.');
  } else if (
    effectiveDate !== undefined &&
    (effectiveDate < NORM_LIMITS.earliestEffectiveDate || effectiveDate > NORM_LIMITS.latestEffectiveDate)
  ) {
    problems.add(
      'ingangsdatum',
      'range',
      `ingangsdatum is from ${NORM_LIMITS.earliestEffectiveDate} to ${NORM_LIMITS.latestEffectiveDate}.`,
    );
  }

  const sections = requireArray(input, 'secties', '', problems);
  if (sections === undefined) return problems.list;
  if (sections.length === 0) {
    problems.add('secties', 'too-few', 'A norm has at least one section.');
  } else if (sections.length > NORM_LIMITS.sections) {
    problems.add('secties', 'too-many', `A norm has at most ${NORM_LIMITS.sections} sections.`);
    return problems.list;
  }
  const sectionCodes = new Map<string, string>();
  const criterionCodes = new Map<string, string>();
  sections.forEach((section, index) => validateSection(section, `secties[${index}]`, sectionCodes, criterionCodes, problems));
  return problems.list;
}

function validateSection(
  section: unknown,
  path: string,
  sectionCodes: Map<string, string>,
  criterionCodes: Map<string, string>,
  problems: Problems,
): void {
  if (!isObject(section)) {
    problems.add(path, 'invalid-type', 'A section is an object.');
    return;
  }
  rejectUnknownFields(section, SECTION_FIELDS, path, problems);
  validateCode(section, path, SECTION_CODE_PATTERN, 'two to four capital letters, e.g. RU', sectionCodes, problems);
  validateText(section, 'titel', path, MAX_TITLE_LENGTH, true, problems);
  validateTranslations(section, path, false, problems);
  const criteria = requireArray(section, 'criteria', path, problems);
  if (criteria === undefined) return;
  if (criteria.length === 0) {
    problems.add(join(path, 'criteria'), 'too-few', 'A section has at least one criterion.');
  } else if (criteria.length > NORM_LIMITS.criteriaPerSection) {
    problems.add(join(path, 'criteria'), 'too-many', `A section has at most ${NORM_LIMITS.criteriaPerSection} criteria.`);
    return;
  }
  criteria.forEach((criterion, index) => validateCriterion(criterion, `${join(path, 'criteria')}[${index}]`, criterionCodes, problems));
}

/** `vertalingen`: optional; per language a titel (required) and, for a criterion, a toelichting. */
function validateTranslations(owner: JsonObject, path: string, withGuidance: boolean, problems: Problems): void {
  const value = owner.vertalingen;
  if (!isGiven(value)) return;
  const at = join(path, 'vertalingen');
  if (!isObject(value)) {
    problems.add(at, 'invalid-type', 'vertalingen is an object by language, e.g. {"en": {"titel": ...}}.');
    return;
  }
  rejectUnknownFields(value, [...NORM_TRANSLATION_LANGUAGES], at, problems);
  for (const language of NORM_TRANSLATION_LANGUAGES) {
    const translation = value[language];
    if (!isGiven(translation)) continue;
    const translationPath = join(at, language);
    if (!isObject(translation)) {
      problems.add(translationPath, 'invalid-type', 'A translation is an object with titel and toelichting.');
      continue;
    }
    rejectUnknownFields(translation, withGuidance ? ['titel', 'toelichting'] : ['titel'], translationPath, problems);
    validateText(translation, 'titel', translationPath, MAX_TITLE_LENGTH, true, problems);
    if (withGuidance) validateText(translation, 'toelichting', translationPath, MAX_GUIDANCE_LENGTH, false, problems);
  }
}

function validateCriterion(criterion: unknown, path: string, criterionCodes: Map<string, string>, problems: Problems): void {
  if (!isObject(criterion)) {
    problems.add(path, 'invalid-type', 'A criterion is an object.');
    return;
  }
  const kind = criterion.soort;
  const kindFields = kind === 'ja-nee' ? YES_NO_FIELDS : kind === 'meting' ? MEASURED_FIELDS : [...YES_NO_FIELDS, ...MEASURED_FIELDS];
  const otherKindFields = kind === 'ja-nee' ? MEASURED_FIELDS : kind === 'meting' ? YES_NO_FIELDS : [];
  for (const key of Object.keys(criterion)) {
    if (otherKindFields.includes(key)) {
      if (isGiven(criterion[key])) {
        problems.add(join(path, key), 'not-allowed', `The field ${key} does not belong to a criterion of soort ${String(kind)}.`);
      }
    } else if (!COMMON_CRITERION_FIELDS.includes(key) && !kindFields.includes(key)) {
      problems.add(join(path, key), 'unknown-field', `The field ${key} is not part of a norm.`);
    }
  }

  validateCode(
    criterion,
    path,
    CRITERION_CODE_PATTERN,
    'two to four capital letters, a hyphen and a two- or three-digit number, e.g. RU-01',
    criterionCodes,
    problems,
  );
  validateText(criterion, 'titel', path, MAX_TITLE_LENGTH, true, problems);
  validateText(criterion, 'toelichting', path, MAX_GUIDANCE_LENGTH, false, problems);
  validateTranslations(criterion, path, true, problems);

  const severity = criterion.ernst;
  if (!isGiven(severity)) {
    problems.add(join(path, 'ernst'), 'required', 'ernst is required.');
  } else if (!(SEVERITIES as readonly unknown[]).includes(severity)) {
    problems.add(join(path, 'ernst'), 'invalid-value', 'ernst is knock-out, major or minor.');
  }

  const points = criterion.punten;
  if (!isGiven(points)) {
    problems.add(join(path, 'punten'), 'required', 'punten is required.');
  } else if (typeof points !== 'number') {
    problems.add(join(path, 'punten'), 'invalid-type', 'punten is a number.');
  } else if (!Number.isSafeInteger(points)) {
    problems.add(join(path, 'punten'), 'not-integer', 'punten is a whole number.');
  } else if (points < 1) {
    problems.add(join(path, 'punten'), 'range', 'punten is greater than 0.');
  } else if (points > NORM_LIMITS.points) {
    problems.add(join(path, 'punten'), 'range', `punten is at most ${NORM_LIMITS.points}.`);
  }

  if (!isGiven(kind)) {
    problems.add(join(path, 'soort'), 'required', 'soort is required.');
  } else if (kind === 'ja-nee') {
    validateYesNo(criterion, path, problems);
  } else if (kind === 'meting') {
    validateMeasured(criterion, path, problems);
  } else {
    problems.add(join(path, 'soort'), 'invalid-value', 'soort is ja-nee or meting.');
  }
}

function validateYesNo(criterion: JsonObject, path: string, problems: Problems): void {
  const notApplicable = criterion.nvtToegestaan;
  if (!isGiven(notApplicable)) return;
  if (typeof notApplicable !== 'boolean') {
    problems.add(join(path, 'nvtToegestaan'), 'invalid-type', 'nvtToegestaan is true or false.');
  } else if (notApplicable && criterion.ernst === 'knock-out') {
    problems.add(join(path, 'nvtToegestaan'), 'not-allowed', 'A knock-out criterion cannot be nvt.');
  }
}

function validateMeasured(criterion: JsonObject, path: string, problems: Problems): void {
  // Capacity 0 makes a location uncertifiable, so the failure must be one that blocks granting.
  if (isGiven(criterion.ernst) && criterion.ernst !== 'knock-out' && (SEVERITIES as readonly unknown[]).includes(criterion.ernst)) {
    problems.add(
      join(path, 'ernst'),
      'invalid-value',
      'A meting criterion is a knock-out: a location whose facilities support nobody cannot be certified.',
    );
  }
  const unit = criterion.eenheid;
  if (!isGiven(unit)) {
    problems.add(join(path, 'eenheid'), 'required', 'A meting criterion needs an eenheid.');
  } else if (!(MEASUREMENT_UNITS as readonly unknown[]).includes(unit)) {
    problems.add(join(path, 'eenheid'), 'invalid-value', `eenheid is one of ${MEASUREMENT_UNITS.join(', ')}.`);
  }
  validatePerPersonRule(criterion, path, 'A meting criterion', problems);
  validateNumber(
    criterion,
    'minimumEenheden',
    path,
    { integer: false, minimum: 0, exclusive: false, maximum: NORM_LIMITS.units },
    problems,
  );
  validateNumber(
    criterion,
    'minimumPersonen',
    path,
    { integer: true, minimum: 0, exclusive: false, maximum: NORM_LIMITS.minimumPersons },
    problems,
  );

  const variants = criterion.varianten;
  if (!isGiven(variants)) return;
  const variantsPath = join(path, 'varianten');
  if (!Array.isArray(variants)) {
    problems.add(variantsPath, 'invalid-type', 'varianten is a list.');
    return;
  }
  if (variants.length > NORM_LIMITS.variants) {
    problems.add(variantsPath, 'too-many', `A criterion has at most ${NORM_LIMITS.variants} variants.`);
    return;
  }
  const earlier: JsonObject[] = [];
  variants.forEach((variant: unknown, index) => {
    const variantPath = `${variantsPath}[${index}]`;
    if (!isObject(variant)) {
      problems.add(variantPath, 'invalid-type', 'A variant is an object.');
      return;
    }
    rejectUnknownFields(variant, VARIANT_FIELDS, variantPath, problems);
    const housingType = variant.soortHuisvesting;
    const newBuild = variant.nieuwbouw;
    if (isGiven(housingType) && !(HOUSING_TYPES as readonly unknown[]).includes(housingType)) {
      problems.add(join(variantPath, 'soortHuisvesting'), 'invalid-value', `soortHuisvesting is one of ${HOUSING_TYPES.join(', ')}.`);
    }
    if (isGiven(newBuild) && typeof newBuild !== 'boolean') {
      problems.add(join(variantPath, 'nieuwbouw'), 'invalid-type', 'nieuwbouw is true or false.');
    }
    if (!isGiven(housingType) && !isGiven(newBuild)) {
      // A variant without selectors matches every location and silently replaces the base rule.
      problems.add(variantPath, 'required', 'A variant names soortHuisvesting, nieuwbouw or both.');
    } else {
      const shadowing = earlier.findIndex((previous) => covers(previous, variant));
      if (shadowing >= 0) {
        problems.add(
          variantPath,
          'unreachable',
          `This variant is never used: variant ${shadowing} already matches the same locations, and the first matching variant applies.`,
        );
      }
      earlier.push(variant);
    }
    validatePerPersonRule(variant, variantPath, 'A variant', problems);
  });
}

/** Exactly one of the two per-person rules, each a positive number. */
function validatePerPersonRule(object: JsonObject, path: string, subject: string, problems: Problems): void {
  validateNumber(object, 'minimumPerPersoon', path, { integer: false, minimum: 0, exclusive: true, maximum: NORM_LIMITS.units }, problems);
  validateNumber(
    object,
    'personenPerEenheid',
    path,
    { integer: false, minimum: 0, exclusive: true, maximum: NORM_LIMITS.personsPerUnit },
    problems,
  );
  const given = [object.minimumPerPersoon, object.personenPerEenheid].filter(isGiven).length;
  if (given !== 1) {
    problems.add(
      path,
      'exactly-one-required',
      `${subject} has exactly one of minimumPerPersoon and personenPerEenheid${given === 0 ? '' : ', not both'}.`,
    );
  }
}

/** Whether `earlier` matches every location `later` matches, which makes `later` unreachable. */
function covers(earlier: JsonObject, later: JsonObject): boolean {
  return (['soortHuisvesting', 'nieuwbouw'] as const).every(
    (selector) => !isGiven(earlier[selector]) || earlier[selector] === later[selector],
  );
}

function validateCode(
  object: JsonObject,
  path: string,
  pattern: RegExp,
  patternText: string,
  seen: Map<string, string>,
  problems: Problems,
): void {
  const name = join(path, 'code');
  const code = requireString(object, 'code', path, problems);
  if (code === undefined) return;
  if (!pattern.test(code)) {
    problems.add(name, 'pattern', `code is ${patternText}.`);
    return;
  }
  const first = seen.get(code);
  if (first !== undefined) {
    problems.add(name, 'duplicate', `The code ${code} is already used at ${first}.`);
  } else {
    seen.set(code, path);
  }
}

function validateText(object: JsonObject, field: string, path: string, maximumLength: number, nonBlank: boolean, problems: Problems): void {
  const text = requireString(object, field, path, problems);
  if (text === undefined) return;
  if (nonBlank && text.trim() === '') {
    problems.add(join(path, field), 'required', `${field} cannot be blank.`);
  } else if (text.length > maximumLength) {
    problems.add(join(path, field), 'too-long', `${field} is at most ${maximumLength} characters.`);
  }
}

interface NumberRule {
  readonly integer: boolean;
  readonly minimum: number;
  readonly exclusive: boolean;
  readonly maximum: number;
}

function validateNumber(object: JsonObject, field: string, path: string, rule: NumberRule, problems: Problems): void {
  const value = object[field];
  if (!isGiven(value)) return;
  const name = join(path, field);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.add(name, 'invalid-type', `${field} is a number.`);
  } else if (rule.integer && !Number.isSafeInteger(value)) {
    problems.add(name, 'not-integer', `${field} is a whole number.`);
  } else if (rule.exclusive ? value <= rule.minimum : value < rule.minimum) {
    problems.add(name, 'range', `${field} is ${rule.exclusive ? 'greater than' : 'at least'} ${rule.minimum}.`);
  } else if (value > rule.maximum) {
    problems.add(name, 'range', `${field} is at most ${rule.maximum}.`);
  }
}

function requireString(object: JsonObject, field: string, path: string, problems: Problems): string | undefined {
  const value = object[field];
  if (!isGiven(value)) {
    problems.add(join(path, field), 'required', `${field} is required.`);
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.add(join(path, field), 'invalid-type', `${field} is text.`);
    return undefined;
  }
  return value;
}

function requireArray(object: JsonObject, field: string, path: string, problems: Problems): unknown[] | undefined {
  const value = object[field];
  if (!isGiven(value)) {
    problems.add(join(path, field), 'required', `${field} is required.`);
    return undefined;
  }
  if (!Array.isArray(value)) {
    problems.add(join(path, field), 'invalid-type', `${field} is a list.`);
    return undefined;
  }
  return value;
}

function rejectUnknownFields(object: JsonObject, allowed: readonly string[], path: string, problems: Problems): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      problems.add(join(path, key), 'unknown-field', `The field ${key} is not part of a norm.`);
    }
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isGiven<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

function join(path: string, field: string): string {
  return path ? `${path}.${field}` : field;
}
