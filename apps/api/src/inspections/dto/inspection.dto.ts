import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MAX_CLIENT_REFERENCE_LENGTH, NOT_BLANK_PATTERN } from '@keurmerk/common';
import {
  ANNOUNCED_NOTICE_HOURS,
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  type InspectionKind,
  type InspectionStatus,
  InspectionEntity,
  FindingEntity,
  MAX_ANSWER_REMARK_LENGTH,
  MAX_EXPLANATION_LENGTH,
} from '@keurmerk/inspections';
import type { DocumentEntity } from '@keurmerk/documents';
import { ANSWER_RESULTS, MAX_MEASUREMENT } from '@keurmerk/norm';
import { dateSchema, IsContractTimestamp } from '../../http/bounds';
import { DocumentDto } from '../../http/document.dto';
import { PageQueryDto } from '../../http/paging';

export class PlanInspectionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  locatieId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  auditorId: string;

  @ApiProperty({ enum: INSPECTION_KINDS })
  @IsIn(INSPECTION_KINDS)
  soort: InspectionKind;

  @ApiProperty({
    ...dateSchema('date-time'),
    example: '2026-12-07T09:00:00+01:00',
    description:
      `An announced inspection (every soort but onaangekondigd) at least ${ANNOUNCED_NOTICE_HOURS} hours after the moment it is ` +
      'planned, for the landlord is told then; sooner is refused with 400 naming gepland (code notice-too-short).',
  })
  @IsContractTimestamp('gepland')
  gepland: string;
}

export class InspectionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INSPECTION_STATUSES })
  @IsOptional()
  @IsIn(INSPECTION_STATUSES)
  status?: InspectionStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  locatieId?: string;
}

export class FindingSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'BV-01' })
  criteriumCode: string;

  @ApiProperty({ enum: ['knock-out', 'major', 'minor'] })
  ernst: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'Repair deadline; none for a knock-out.' })
  hersteltermijn: string | null;

  static of(finding: Pick<FindingEntity, 'id' | 'criterionCode' | 'severity' | 'repairDeadline'>): FindingSummaryDto {
    return { id: finding.id, criteriumCode: finding.criterionCode, ernst: finding.severity, hersteltermijn: finding.repairDeadline };
  }
}

export class ResultDto {
  @ApiProperty({ minimum: 0, maximum: 100 })
  score: number;

  @ApiProperty()
  knockOuts: number;

  @ApiProperty()
  majors: number;

  @ApiProperty()
  minors: number;

  @ApiProperty({ description: 'The maximum residents the measurements support (never more than the requested beds).' })
  berekendMaximumBewoners: number;

  @ApiProperty({ type: [FindingSummaryDto] })
  bevindingen: FindingSummaryDto[];
}

export class InspectionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  locatieId: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  aanvraagId: string | null;

  @ApiProperty({ format: 'uuid' })
  auditorId: string;

  @ApiProperty({ enum: INSPECTION_KINDS })
  soort: InspectionKind;

  @ApiProperty({ format: 'date-time' })
  gepland: string;

  @ApiProperty({ example: '2026.1', description: 'The norm version this inspection is judged by, pinned when it was planned.' })
  normVersie: string;

  @ApiProperty({ enum: INSPECTION_STATUSES })
  status: InspectionStatus;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  ingediendOp: string | null;

  @ApiPropertyOptional({ type: ResultDto, nullable: true })
  uitslag: ResultDto | null;

  static of(inspection: InspectionEntity, findings?: FindingSummaryDto[]): InspectionDto {
    const result = inspection.result;
    return {
      id: inspection.id,
      locatieId: inspection.locationId,
      aanvraagId: inspection.applicationId,
      auditorId: inspection.auditorId,
      soort: inspection.kind,
      gepland: inspection.plannedAt.toISOString(),
      normVersie: inspection.normVersion,
      status: inspection.status,
      ingediendOp: inspection.submittedAt?.toISOString() ?? null,
      uitslag: result
        ? {
            score: result.score,
            knockOuts: result.knockOuts,
            majors: result.majors,
            minors: result.minors,
            berekendMaximumBewoners: result.maximumResidents,
            bevindingen: findings ?? [],
          }
        : null,
    };
  }
}

export class SubmissionDto {
  @ApiProperty({ enum: ['ingediend'] })
  status: 'ingediend';

  @ApiProperty({ type: ResultDto })
  uitslag: ResultDto;
}

/** Documents the answer body; the body itself is checked against the criterion by @keurmerk/norm. */
export class AnswerInputDto {
  @ApiPropertyOptional({ enum: ANSWER_RESULTS, description: 'For ja-nee criteria. For meting criteria the platform decides.' })
  resultaat?: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_MEASUREMENT,
    description: 'For meting criteria: the location total (m², count, litres).',
  })
  meetwaarde?: number;

  @ApiPropertyOptional({ maxLength: MAX_ANSWER_REMARK_LENGTH })
  opmerking?: string;
}

export class AnswerDto {
  @ApiProperty({ example: 'RU-01' })
  criteriumCode: string;

  @ApiProperty({ enum: ANSWER_RESULTS })
  resultaat: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  meetwaarde: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Persons this measurement supports.' })
  personenOndersteund: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  opmerking: string | null;

  @ApiProperty({ format: 'date-time' })
  beantwoordOp: string;
}

export class DecideDto {
  @ApiProperty({ enum: ['toekennen', 'afwijzen'] })
  @IsIn(['toekennen', 'afwijzen'])
  uitkomst: 'toekennen' | 'afwijzen';

  @ApiProperty({ maxLength: MAX_EXPLANATION_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_EXPLANATION_LENGTH)
  @Matches(NOT_BLANK_PATTERN, { message: 'toelichting must not be blank' })
  toelichting: string;
}

export class DecisionDto {
  @ApiProperty({ enum: ['toekennen', 'afwijzen'] })
  uitkomst: 'toekennen' | 'afwijzen';

  @ApiPropertyOptional({ example: 'KM-2026-000123-4', description: 'The certificate to be issued after toekennen.' })
  certificaatnummer?: string;

  @ApiProperty()
  toelichting: string;

  @ApiProperty({ format: 'uuid' })
  besluitDoor: string;

  @ApiProperty({ format: 'date-time' })
  besluitOp: string;
}

/** A piece of evidence: a document tied to the criterion it supports. */
export class EvidenceDto extends DocumentDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  criteriumCode: string | null;

  static override of(document: DocumentEntity): EvidenceDto {
    return { ...DocumentDto.of(document), criteriumCode: document.criterionCode };
  }
}

export const UPLOAD_SCHEMA = (extra: Record<string, object>, required: string[]) => ({
  type: 'object',
  required: ['bestand', ...required],
  properties: {
    bestand: { type: 'string', format: 'binary', description: 'PDF, JPEG or PNG, at most 10 MiB (judged by content).' },
    ...extra,
    clientReferentie: {
      type: 'string',
      minLength: 1,
      maxLength: MAX_CLIENT_REFERENCE_LENGTH,
      description: 'Your id for this upload; a retry with it returns the first upload.',
    },
  },
});
