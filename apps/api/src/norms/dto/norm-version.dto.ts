import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VERSION_PATTERN } from '@keurmerk/norm';
import type { NormVersionSummary } from '@keurmerk/norm-versions';

/** One version in the list of norm versions. */
export class NormVersionDto {
  @ApiProperty({ pattern: VERSION_PATTERN.source, example: '2026.1' })
  versie: string;

  @ApiProperty({ enum: ['concept', 'gepubliceerd'] })
  status: 'concept' | 'gepubliceerd';

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  ingangsdatum: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only once published.' })
  gepubliceerdOp?: string;

  static of(version: NormVersionSummary): NormVersionDto {
    return {
      versie: version.version,
      status: version.status,
      ingangsdatum: version.effectiveDate,
      ...(version.publishedAt ? { gepubliceerdOp: version.publishedAt.toISOString() } : {}),
    };
  }
}

/** The answer to publishing a version. */
export class NormPublicationDto {
  @ApiProperty({ pattern: VERSION_PATTERN.source, example: '2026.2' })
  versie: string;

  @ApiProperty({ enum: ['gepubliceerd'] })
  status: 'gepubliceerd';

  @ApiProperty({ format: 'date-time' })
  gepubliceerdOp: string;

  static of(version: NormVersionSummary): NormPublicationDto {
    return { versie: version.version, status: 'gepubliceerd', gepubliceerdOp: version.publishedAt!.toISOString() };
  }
}
