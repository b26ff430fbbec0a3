import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { NOT_BLANK_PATTERN } from '@keurmerk/common';
import {
  CONTESTED_EFFECTS,
  type ContestedEffect,
  MAX_GROUNDS_LENGTH,
  MAX_OBJECTION_EXPLANATION_LENGTH,
  OBJECTION_OUTCOMES,
  OBJECTION_STATUSES,
  type ObjectionOutcome,
  type ObjectionStatus,
  type ObjectionView,
  REMEDY_KINDS,
  type RemedyKind,
} from '@keurmerk/objections';
import { CERTIFICATE_NUMBER_SCHEMA_PATTERN } from '../certificates/certificate.dto';
import { PageQueryDto } from '../http/paging';

/**
 * Every field is read by one parser (objection-input.ts in @keurmerk/objections), so that all problems
 * are named at once; `@Allow` only tells the validation pipe which fields exist.
 */
export class NewObjectionDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'The inspection whose refusal (decision afwijzen) is contested. Exactly one of inspectieId and certificaatnummer.',
  })
  @Allow()
  inspectieId?: unknown;

  @ApiPropertyOptional({
    type: String,
    example: 'KM-2026-000123-3',
    pattern: CERTIFICATE_NUMBER_SCHEMA_PATTERN,
    maxLength: 16,
    description: 'The certificate whose suspension or withdrawal is contested. Exactly one of inspectieId and certificaatnummer.',
  })
  @Allow()
  certificaatnummer?: unknown;

  @ApiProperty({ type: String, minLength: 1, maxLength: MAX_GROUNDS_LENGTH, description: 'Why the landlord objects.' })
  @Allow()
  gronden: unknown;
}

export class ObjectionDecisionInputDto {
  @ApiProperty({ enum: OBJECTION_OUTCOMES, description: 'gegrond undoes the contested effect; ongegrond leaves it.' })
  @IsIn(OBJECTION_OUTCOMES)
  uitkomst: ObjectionOutcome;

  @ApiProperty({ maxLength: MAX_OBJECTION_EXPLANATION_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_OBJECTION_EXPLANATION_LENGTH)
  @Matches(NOT_BLANK_PATTERN, { message: 'toelichting must not be blank' })
  toelichting: string;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'With gegrond: also ask for a re-inspection (planning request, reden bezwaar, soort herinspectie). Asked for anyway when the ' +
      'effect can no longer be undone (the certificate has moved on since).',
  })
  @IsOptional()
  @IsBoolean()
  herinspectie?: boolean;
}

export class ObjectionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OBJECTION_STATUSES })
  @IsOptional()
  @IsIn(OBJECTION_STATUSES)
  status?: ObjectionStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  locatieId?: string;
}

export class ObjectionRemedyDto {
  @ApiProperty({
    enum: REMEDY_KINDS,
    description:
      'besluit-heropend: the inspection may be decided again, by another certificeerder; hersteld: the certificate is geldig again; ' +
      'nieuw-certificaat: a certificate for the rest of the withdrawn one’s validity is issued; geen: nothing could be undone.',
  })
  soort: RemedyKind;

  @ApiPropertyOptional({ format: 'uuid' })
  inspectieId?: string;

  @ApiPropertyOptional({ example: 'KM-2026-000124-1', description: 'The reinstated certificate, or the new one.' })
  certificaatnummer?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The re-inspection asked for (GET /v1/planningsverzoeken).' })
  planningsverzoekId?: string;
}

export class ObjectionDecisionDto {
  @ApiProperty({ enum: OBJECTION_OUTCOMES })
  uitkomst: ObjectionOutcome;

  @ApiProperty()
  toelichting: string;

  @ApiProperty({ format: 'uuid' })
  beslistDoor: string;

  @ApiProperty({ format: 'date-time' })
  beslistOp: string;

  @ApiPropertyOptional({ type: ObjectionRemedyDto, description: 'What the upheld objection did.' })
  gevolg?: ObjectionRemedyDto;
}

export class ObjectionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: OBJECTION_STATUSES })
  status: ObjectionStatus;

  @ApiProperty({ format: 'uuid' })
  locatieId: string;

  @ApiProperty({ enum: CONTESTED_EFFECTS, description: 'What is contested: a refusal, a suspension or a withdrawal.' })
  bestreden: ContestedEffect;

  @ApiPropertyOptional({ format: 'uuid' })
  inspectieId?: string;

  @ApiPropertyOptional({ example: 'KM-2026-000123-3' })
  certificaatnummer?: string;

  @ApiProperty({ format: 'date', description: 'The day of the contested refusal, suspension or withdrawal.' })
  bestredenOp: string;

  @ApiProperty()
  gronden: string;

  @ApiProperty({ format: 'date-time' })
  ingediendOp: string;

  @ApiProperty({ format: 'date', example: '2027-01-12', description: 'The day by which the objection is to be decided: 42 days on.' })
  beslistermijn: string;

  @ApiProperty({ description: 'Still undecided after the beslistermijn (judged on today in the Netherlands): overdue.' })
  termijnOverschreden: boolean;

  @ApiPropertyOptional({ type: ObjectionDecisionDto })
  beslissing?: ObjectionDecisionDto;

  static of(objection: ObjectionView): ObjectionDto {
    const remedy = objection.remedy;
    return {
      id: objection.id,
      status: objection.status,
      locatieId: objection.locationId,
      bestreden: objection.contested,
      ...(objection.inspectionId ? { inspectieId: objection.inspectionId } : {}),
      ...(objection.certificateNumber ? { certificaatnummer: objection.certificateNumber } : {}),
      bestredenOp: objection.effectOn,
      gronden: objection.grounds,
      ingediendOp: objection.filedAt.toISOString(),
      beslistermijn: objection.decisionDue,
      termijnOverschreden: objection.overdue,
      ...(objection.status === 'besloten' && objection.outcome && objection.decidedAt
        ? {
            beslissing: {
              uitkomst: objection.outcome,
              toelichting: objection.explanation ?? '',
              beslistDoor: objection.decidedBy ?? '',
              beslistOp: objection.decidedAt.toISOString(),
              ...(remedy
                ? {
                    gevolg: {
                      soort: remedy.kind,
                      ...(remedy.inspectionId ? { inspectieId: remedy.inspectionId } : {}),
                      ...(remedy.certificateNumber ? { certificaatnummer: remedy.certificateNumber } : {}),
                      ...(remedy.planningRequestId ? { planningsverzoekId: remedy.planningRequestId } : {}),
                    },
                  }
                : {}),
            },
          }
        : {}),
    };
  }
}
