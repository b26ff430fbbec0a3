import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { INSPECTION_KINDS, type InspectionKind } from '@keurmerk/inspections';
import {
  PLANNING_REASONS,
  PLANNING_REQUEST_STATUSES,
  type PlanningReason,
  type PlanningRequestStatus,
  type PlanningRequestView,
  SAMPLE_PERCENTAGE_DEFAULT,
  SAMPLE_PERCENTAGE_MAX,
  SAMPLE_PERCENTAGE_MIN,
  SAMPLE_SEED_MAX_LENGTH,
  SAMPLE_SEED_MIN_LENGTH,
  SAMPLE_SEED_PATTERN,
  type SampleDrawEntity,
} from '@keurmerk/surveillance';
import { PageQueryDto } from '../http/paging';

export class PlanningRequestDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  locatieId: string;

  @ApiPropertyOptional({ example: 'KM-2026-000123-3', description: 'The certificate the request is about, where there is one.' })
  certificaatnummer?: string;

  @ApiProperty({ enum: PLANNING_REASONS, description: 'Why the location must be inspected.' })
  reden: PlanningReason;

  @ApiProperty({
    enum: INSPECTION_KINDS,
    description: 'The soort of inspection to plan; planning one of the location marks the request ingepland.',
  })
  soort: InspectionKind;

  @ApiProperty({
    format: 'date',
    example: '2027-03-31',
    description: 'The last day (Dutch calendar) by which the inspection should take place.',
  })
  uiterlijk: string;

  @ApiProperty({ enum: PLANNING_REQUEST_STATUSES })
  status: PlanningRequestStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'The inspection planned for it, once ingepland.' })
  inspectieId?: string;

  @ApiProperty({ description: 'Still open after its last day (judged on today in the Netherlands): overdue.' })
  verlopen: boolean;

  static of(request: PlanningRequestView): PlanningRequestDto {
    return {
      id: request.id,
      locatieId: request.locationId,
      ...(request.certificateNumber ? { certificaatnummer: request.certificateNumber } : {}),
      reden: request.reason,
      soort: request.inspectionKind,
      uiterlijk: request.dueDate,
      status: request.status,
      ...(request.inspectionId ? { inspectieId: request.inspectionId } : {}),
      verlopen: request.overdue,
    };
  }
}

export class PlanningRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PLANNING_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(PLANNING_REQUEST_STATUSES)
  status?: PlanningRequestStatus;
}

export class DrawSampleDto {
  @ApiPropertyOptional({
    type: Number,
    minimum: SAMPLE_PERCENTAGE_MIN,
    maximum: SAMPLE_PERCENTAGE_MAX,
    default: SAMPLE_PERCENTAGE_DEFAULT,
    description: 'Whole percent of the certified locations.',
  })
  @IsOptional()
  @IsInt()
  @Min(SAMPLE_PERCENTAGE_MIN)
  @Max(SAMPLE_PERCENTAGE_MAX)
  percentage?: number;

  @ApiPropertyOptional({
    type: String,
    minLength: SAMPLE_SEED_MIN_LENGTH,
    maxLength: SAMPLE_SEED_MAX_LENGTH,
    pattern: SAMPLE_SEED_PATTERN.source,
    example: '5eed0fa11dec1de5',
    description:
      'The seed, as whole bytes of hex (2 to 64 digits). Left out: 32 random bytes. The same seed over the same certified locations ' +
      'draws the same ones.',
  })
  @IsOptional()
  @IsString()
  @MinLength(SAMPLE_SEED_MIN_LENGTH)
  @MaxLength(SAMPLE_SEED_MAX_LENGTH)
  @Matches(SAMPLE_SEED_PATTERN, { message: 'zaad is hex, whole bytes (an even number of digits 0-9, a-f), 2 to 64 digits' })
  zaad?: string;
}

export class SampleDrawDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '5eed0fa11dec1de5', description: 'The recorded seed (lower-case hex).' })
  zaad: string;

  @ApiProperty({
    example: 10,
    description: 'Percent of the certified locations drawn; the worker’s monthly draw is a twelfth of the yearly percentage.',
  })
  percentage: number;

  @ApiProperty({ example: 20, description: 'Locations holding a geldig certificate when drawn: the set the draw was made from.' })
  aantalGecertificeerd: number;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'The drawn locations, in draw order: ceil(aantalGecertificeerd × percentage / 100).',
  })
  locatieIds: string[];

  @ApiProperty({ format: 'date-time' })
  getrokkenOp: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2027-03',
    description: 'The month of the worker’s own draw; null for a draw asked through the API.',
  })
  maand: string | null;

  static of(draw: SampleDrawEntity): SampleDrawDto {
    return {
      id: draw.id,
      zaad: draw.seed,
      percentage: draw.percentage,
      aantalGecertificeerd: draw.eligibleCount,
      locatieIds: draw.locationIds,
      getrokkenOp: draw.drawnAt.toISOString(),
      maand: draw.period,
    };
  }
}
