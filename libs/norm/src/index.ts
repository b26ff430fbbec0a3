export { NormError } from './problem';
export type { NormErrorCode, Problem, ProblemCode } from './problem';

export {
  HOUSING_TYPES,
  MEASUREMENT_UNITS,
  NORM_TRANSLATION_LANGUAGES,
  SEVERITIES,
  criteriaOf,
  findCriterion,
  isHousingType,
  localisedGuidance,
  localisedTitle,
  normTextLanguage,
  withTranslationsFrom,
} from './norm-version';
export type {
  Criterion,
  CriterionKind,
  HousingType,
  LocationProfile,
  MeasuredCriterion,
  MeasurementUnit,
  MeasurementVariant,
  NormSection,
  NormStatus,
  NormTranslation,
  NormTranslationLanguage,
  NormTranslations,
  NormVersion,
  Severity,
  YesNoCriterion,
} from './norm-version';

export { DEFAULT_NORM } from './default-norm';

export {
  CRITERION_CODE_PATTERN,
  MAX_GUIDANCE_LENGTH,
  MAX_TITLE_LENGTH,
  NORM_LIMITS,
  SECTION_CODE_PATTERN,
  VERSION_PATTERN,
  normFromContract,
  normToContract,
  parseNormDocument,
  validateNormDocument,
} from './norm-document';
export type {
  CriterionDocument,
  CriterionKindValue,
  NormDocument,
  NormDocumentInput,
  NormDocumentParseResult,
  NormStatusValue,
  SectionDocument,
  TranslationDocument,
  TranslationsDocument,
  VariantDocument,
} from './norm-document';

export { judgeMeasurement, resolveMeasurementRule, variantMatches } from './measurement';
export type { MeasurementJudgement, MeasurementRule } from './measurement';

export {
  ANSWER_RESULTS,
  FIRST_INSPECTION_KIND,
  MAX_MEASUREMENT,
  MAX_REMARK_LENGTH,
  NOT_APPLICABLE_ONLY_ON_FIRST_INSPECTION,
  answerFor,
  answerFromContract,
  unansweredCriteria,
  validateAnswer,
} from './answer';
export type { Answer, AnswerBody, AnswerContext, AnswerResult, Answers } from './answer';

export { MAJOR_REPAIR_WORKING_DAYS, MINOR_REPAIR_MONTHS, answerSetProblems, evaluateInspection, repairDeadline } from './evaluation';
export type { CriterionOutcome, Finding, InspectedLocation, InspectionInput, InspectionResult, Outcome } from './evaluation';

export {
  addDays,
  addMonths,
  compareIsoDates,
  dateInAmsterdam,
  dayOfWeek,
  daysInMonth,
  EARLIEST_CONTRACT_DATE,
  isIsoDate,
  LATEST_CONTRACT_DATE,
} from './iso-date';
export type { IsoDate } from './iso-date';
export { amsterdamInstant, amsterdamParts, startOfAmsterdamDay } from './amsterdam-time';
export { addWorkingDays, dutchPublicHolidays, easterSunday, isDutchPublicHoliday, isWorkingDay } from './working-days';
export type { PublicHoliday } from './working-days';
