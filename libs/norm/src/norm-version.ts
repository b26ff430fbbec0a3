import { IsoDate } from './iso-date';

/** Contract values (`soortHuisvesting`), kept in Dutch because they travel as data. */
export const HOUSING_TYPES = ['woning', 'logiesgebouw', 'huisvestingsunit', 'recreatiewoning', 'hotel'] as const;
export type HousingType = (typeof HOUSING_TYPES)[number];

export const SEVERITIES = ['knock-out', 'major', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Contract values (`eenheid`). A closed list, so clients can label and validate input fields. */
export const MEASUREMENT_UNITS = ['m2', 'm3', 'aantal', 'liter'] as const;
export type MeasurementUnit = (typeof MEASUREMENT_UNITS)[number];

export type NormStatus = 'draft' | 'published';
export type CriterionKind = 'yes-no' | 'measured';

/**
 * Replaces the criterion's per-person rule for locations it matches. A variant matches when every
 * selector it names equals the location's; the first matching variant wins, so the norm lists the
 * strictest or most specific variant first.
 */
export interface MeasurementVariant {
  readonly housingType?: HousingType;
  readonly newBuild?: boolean;
  readonly minimumPerPerson?: number;
  readonly personsPerUnit?: number;
}

/** A criterion's or section's text in another language than the norm's own Dutch. */
export interface NormTranslation {
  readonly title: string;
  readonly guidance?: string;
}

/** The languages a norm may carry beside its Dutch; the web app shows them to whoever chose one. */
export const NORM_TRANSLATION_LANGUAGES = ['en'] as const;
export type NormTranslationLanguage = (typeof NORM_TRANSLATION_LANGUAGES)[number];
export type NormTranslations = Readonly<Partial<Record<NormTranslationLanguage, NormTranslation>>>;

interface CriterionBase {
  readonly code: string;
  readonly title: string;
  readonly guidance: string;
  readonly translations?: NormTranslations;
  readonly severity: Severity;
  readonly points: number;
}

export interface YesNoCriterion extends CriterionBase {
  readonly kind: 'yes-no';
  /**
   * Whether the auditor may answer "nvt". Only allowed where the norm declares it, and never on a
   * knock-out: the contract says knock-out criteria cannot be nvt, so a knock-out that does not
   * apply (no gas appliances for the gas criterion) is answered "voldoet". The contract rule wins
   * over the norm's wording because it is the fixed interface every client already implements,
   * and "nothing unsafe present" is a true pass of a safety criterion, not an absence of one.
   */
  readonly notApplicableAllowed?: boolean;
}

/**
 * Persons supported: 0 when the measurement is below `minimumUnits`; otherwise the larger of
 * `minimumPersons` and floor(value / minimumPerPerson) or floor(value × personsPerUnit), taking the
 * per-person rule from the first matching variant. Exactly one of the two rules is set.
 */
export interface MeasuredCriterion extends CriterionBase {
  readonly kind: 'measured';
  readonly unit: MeasurementUnit;
  readonly minimumPerPerson?: number;
  readonly personsPerUnit?: number;
  readonly minimumUnits?: number;
  readonly minimumPersons?: number;
  readonly variants?: readonly MeasurementVariant[];
}

export type Criterion = YesNoCriterion | MeasuredCriterion;

export interface NormSection {
  readonly code: string;
  readonly title: string;
  readonly translations?: NormTranslations;
  readonly criteria: readonly Criterion[];
}

export interface NormVersion {
  readonly version: string;
  readonly status: NormStatus;
  readonly effectiveDate: IsoDate;
  readonly sections: readonly NormSection[];
}

/** What a measured criterion's thresholds depend on. */
export interface LocationProfile {
  readonly housingType: HousingType;
  readonly newBuild: boolean;
}

export function isHousingType(value: unknown): value is HousingType {
  return typeof value === 'string' && (HOUSING_TYPES as readonly string[]).includes(value);
}

/** Every criterion in norm order (sections in order, criteria in order within each). */
export function criteriaOf(norm: NormVersion): Criterion[] {
  return norm.sections.flatMap((section) => section.criteria);
}

export function findCriterion(norm: NormVersion, code: string): Criterion | undefined {
  for (const section of norm.sections) {
    const found = section.criteria.find((criterion) => criterion.code === code);
    if (found) return found;
  }
  return undefined;
}

/** The title in `language`, where the norm carries it; else the Dutch. */
export function localisedTitle(item: { title: string; translations?: NormTranslations }, language: string): string {
  return translationOf(item, language)?.title ?? item.title;
}

/** The guidance in `language`, where the norm carries it; else the Dutch. */
export function localisedGuidance(criterion: Criterion, language: string): string {
  return translationOf(criterion, language)?.guidance ?? criterion.guidance;
}

/** The language a localised text is really in: `language` where the norm carries it, else nl. */
export function normTextLanguage(item: { translations?: NormTranslations }, language: string): string {
  return translationOf(item, language) ? language : 'nl';
}

function translationOf(item: { translations?: NormTranslations }, language: string): NormTranslation | undefined {
  return (NORM_TRANSLATION_LANGUAGES as readonly string[]).includes(language)
    ? item.translations?.[language as NormTranslationLanguage]
    : undefined;
}

/**
 * `norm` with the translations of `source` added where it has none, matched by section and criterion
 * code; nothing else changes (the figures and the Dutch are `norm`'s own). For a stored published norm
 * that predates its translations.
 */
export function withTranslationsFrom(norm: NormVersion, source: NormVersion): NormVersion {
  const sections = new Map(source.sections.map((section) => [section.code, section]));
  const criteria = new Map(source.sections.flatMap((section) => section.criteria).map((criterion) => [criterion.code, criterion]));
  return {
    ...norm,
    sections: norm.sections.map((section) => ({
      ...section,
      ...((section.translations ?? sections.get(section.code)?.translations)
        ? { translations: section.translations ?? sections.get(section.code)?.translations }
        : {}),
      criteria: section.criteria.map((criterion) =>
        criterion.translations || !criteria.get(criterion.code)?.translations
          ? criterion
          : { ...criterion, translations: criteria.get(criterion.code)!.translations },
      ),
    })),
  };
}
