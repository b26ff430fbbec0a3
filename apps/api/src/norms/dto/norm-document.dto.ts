import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CRITERION_CODE_PATTERN,
  HOUSING_TYPES,
  MAX_GUIDANCE_LENGTH,
  MAX_TITLE_LENGTH,
  MEASUREMENT_UNITS,
  NORM_LIMITS,
  normToContract,
  SECTION_CODE_PATTERN,
  SEVERITIES,
  VERSION_PATTERN,
  type NormDocument,
} from '@keurmerk/norm';
import { normOf, type NormVersionEntity } from '@keurmerk/norm-versions';
import { dateSchema } from '../../http/bounds';

/*
 * These classes describe the norm document in OpenAPI only. The body itself is checked by
 * @keurmerk/norm's validateNormDocument, which names every problem by its JSON path in one answer;
 * class-validator on a tree this deep would report less and differently.
 */

const NORM_STATUSES = ['concept', 'gepubliceerd'];
const CRITERION_KINDS = ['ja-nee', 'meting'];

export class NormVariantDto {
  @ApiPropertyOptional({ enum: HOUSING_TYPES, description: 'Matches locations of this housing type.' })
  soortHuisvesting?: string;

  @ApiPropertyOptional({ description: 'Matches new build (true) or existing buildings (false).' })
  nieuwbouw?: boolean;

  @ApiPropertyOptional({
    minimum: 0,
    exclusiveMinimum: true,
    maximum: NORM_LIMITS.units,
    example: 15,
    description: 'Replaces the criterion’s minimumPerPersoon.',
  })
  minimumPerPersoon?: number;

  @ApiPropertyOptional({
    minimum: 0,
    exclusiveMinimum: true,
    maximum: NORM_LIMITS.personsPerUnit,
    example: 1,
    description: 'Replaces the criterion’s personenPerEenheid.',
  })
  personenPerEenheid?: number;
}

export class NormTranslationDto {
  @ApiProperty({ maxLength: MAX_TITLE_LENGTH, example: 'Usable floor area (GBO)' })
  titel: string;

  @ApiPropertyOptional({ maxLength: MAX_GUIDANCE_LENGTH, description: 'Criteria only.' })
  toelichting?: string;
}

export class NormTranslationsDto {
  @ApiPropertyOptional({ type: NormTranslationDto, description: 'English, shown to those who chose English.' })
  en?: NormTranslationDto;
}

export class NormCriterionDto {
  @ApiProperty({
    pattern: CRITERION_CODE_PATTERN.source,
    example: 'RU-01',
    description: 'Unique within the norm and stable across versions.',
  })
  code: string;

  @ApiProperty({ maxLength: MAX_TITLE_LENGTH, example: 'Gebruiksoppervlakte (GBO)' })
  titel: string;

  @ApiProperty({ maxLength: MAX_GUIDANCE_LENGTH, description: 'How the auditor judges or measures the criterion.' })
  toelichting: string;

  @ApiPropertyOptional({ type: NormTranslationsDto, description: 'API 1.1: the titel and toelichting in other languages, by language.' })
  vertalingen?: NormTranslationsDto;

  @ApiProperty({ enum: SEVERITIES, description: 'A meting criterion is always a knock-out.' })
  ernst: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: NORM_LIMITS.points, example: 5, description: 'Weight in the score.' })
  punten: number;

  @ApiProperty({ enum: CRITERION_KINDS })
  soort: string;

  @ApiPropertyOptional({ enum: MEASUREMENT_UNITS, description: 'Required for a meting criterion.' })
  eenheid?: string;

  @ApiPropertyOptional({
    minimum: 0,
    exclusiveMinimum: true,
    maximum: NORM_LIMITS.units,
    example: 12,
    description:
      'Meting: units needed per person (persons = floor(meetwaarde / minimumPerPersoon)). Exactly one of minimumPerPersoon and ' +
      'personenPerEenheid.',
  })
  minimumPerPersoon?: number;

  @ApiPropertyOptional({
    minimum: 0,
    exclusiveMinimum: true,
    maximum: NORM_LIMITS.personsPerUnit,
    example: 2,
    description:
      'Meting: persons per unit (persons = floor(meetwaarde × personenPerEenheid)). Exactly one of minimumPerPersoon and ' +
      'personenPerEenheid.',
  })
  personenPerEenheid?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: NORM_LIMITS.units,
    example: 4,
    description: 'Meting: below this measurement the criterion supports nobody.',
  })
  minimumEenheden?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: NORM_LIMITS.minimumPersons,
    example: 8,
    description: 'Meting: persons supported at least, once minimumEenheden is reached (default 0).',
  })
  minimumPersonen?: number;

  @ApiPropertyOptional({
    type: [NormVariantDto],
    maxItems: NORM_LIMITS.variants,
    description: 'Meting: rules for particular locations; the first variant that matches the location applies.',
  })
  varianten?: NormVariantDto[];

  @ApiPropertyOptional({ description: 'Ja-nee: whether "nvt" is a valid answer. Never on a knock-out.' })
  nvtToegestaan?: boolean;
}

export class NormSectionDto {
  @ApiProperty({ pattern: SECTION_CODE_PATTERN.source, example: 'RU' })
  code: string;

  @ApiProperty({ maxLength: MAX_TITLE_LENGTH, example: 'Ruimte' })
  titel: string;

  @ApiPropertyOptional({ type: NormTranslationsDto, description: 'API 1.1: the titel in other languages, by language.' })
  vertalingen?: NormTranslationsDto;

  @ApiProperty({ type: [NormCriterionDto], minItems: 1, maxItems: NORM_LIMITS.criteriaPerSection })
  criteria: NormCriterionDto[];
}

/** The body of POST and PUT /v1/normen. */
export class NormDraftDto {
  @ApiProperty({ pattern: VERSION_PATTERN.source, example: '2027.1', description: 'A year, a dot and a sequence number.' })
  versie: string;

  @ApiPropertyOptional({ enum: NORM_STATUSES, description: 'Ignored: a created or edited version is a concept until it is published.' })
  status?: string;

  @ApiProperty({
    ...dateSchema('date'),
    example: '2027-01-01',
    description: 'The date from which inspections are planned under this version.',
  })
  ingangsdatum: string;

  @ApiProperty({ type: [NormSectionDto], minItems: 1, maxItems: NORM_LIMITS.sections })
  secties: NormSectionDto[];
}

/** A norm version as the contract shows it; it can be sent back as a draft of a next version. */
export class NormDocumentDto {
  @ApiProperty({ pattern: VERSION_PATTERN.source, example: '2026.1' })
  versie: string;

  @ApiProperty({ enum: NORM_STATUSES })
  status: string;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  ingangsdatum: string;

  @ApiProperty({ type: [NormSectionDto] })
  secties: NormSectionDto[];

  static of(entity: NormVersionEntity): NormDocument {
    return normToContract(normOf(entity));
  }
}
