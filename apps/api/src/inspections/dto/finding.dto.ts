import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { NOT_BLANK_PATTERN } from '@keurmerk/common';
import {
  FINDING_STATUSES,
  FindingEntity,
  type FindingStatus,
  MAX_EXPLANATION_LENGTH,
  MAX_RELATION_DESCRIPTION_LENGTH,
  RepairReportEntity,
} from '@keurmerk/inspections';
import { PageQueryDto } from '../../http/paging';

export class FindingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  locatieId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  inspectieId?: string;

  @ApiPropertyOptional({ enum: FINDING_STATUSES })
  @IsOptional()
  @IsIn(FINDING_STATUSES)
  status?: FindingStatus;
}

export class RepairReportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  omschrijving: string;

  @ApiProperty({ format: 'date-time' })
  gemeldOp: string;

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'Null while awaiting review.' })
  akkoord: boolean | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  toelichting: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  beoordeeldOp: string | null;

  static of(report: RepairReportEntity): RepairReportDto {
    return {
      id: report.id,
      omschrijving: report.description,
      gemeldOp: report.reportedAt.toISOString(),
      akkoord: report.accepted,
      toelichting: report.reviewExplanation,
      beoordeeldOp: report.reviewedAt?.toISOString() ?? null,
    };
  }
}

export class FindingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  inspectieId: string;

  @ApiProperty({ format: 'uuid' })
  locatieId: string;

  @ApiProperty({ example: 'BV-02' })
  criteriumCode: string;

  @ApiProperty({ enum: ['knock-out', 'major', 'minor'] })
  ernst: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  hersteltermijn: string | null;

  @ApiProperty({ enum: FINDING_STATUSES })
  status: FindingStatus;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  geslotenOp: string | null;

  @ApiPropertyOptional({ type: [RepairReportDto] })
  herstelmeldingen?: RepairReportDto[];

  static of(finding: FindingEntity, reports?: RepairReportEntity[]): FindingDto {
    return {
      id: finding.id,
      inspectieId: finding.inspectionId,
      locatieId: finding.locationId,
      criteriumCode: finding.criterionCode,
      ernst: finding.severity,
      hersteltermijn: finding.repairDeadline,
      status: finding.status,
      geslotenOp: finding.closedAt?.toISOString() ?? null,
      ...(reports ? { herstelmeldingen: reports.map(RepairReportDto.of) } : {}),
    };
  }
}

export class ReviewDto {
  @ApiProperty()
  @IsBoolean()
  akkoord: boolean;

  @ApiProperty({ maxLength: MAX_EXPLANATION_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_EXPLANATION_LENGTH)
  @Matches(NOT_BLANK_PATTERN, { message: 'toelichting must not be blank' })
  toelichting: string;
}

export class DeclareRelationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  auditorId: string;

  @ApiProperty({ format: 'uuid', description: 'The landlord organisation the auditor is related to.' })
  @IsUUID()
  organisatieId: string;

  @ApiProperty({ maxLength: MAX_RELATION_DESCRIPTION_LENGTH, example: 'Vorig jaar in dienst als adviseur' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_RELATION_DESCRIPTION_LENGTH)
  @Matches(NOT_BLANK_PATTERN, { message: 'omschrijving must not be blank' })
  omschrijving: string;
}

export class RelationDto {
  @ApiProperty({ format: 'uuid' })
  auditorId: string;

  @ApiProperty({ format: 'uuid' })
  organisatieId: string;

  @ApiProperty()
  omschrijving: string;

  @ApiProperty({ format: 'date-time' })
  verklaardOp: string;
}
