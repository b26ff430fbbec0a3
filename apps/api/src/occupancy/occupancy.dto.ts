import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_RESIDENTS, MIN_RESIDENTS, type OccupancyReportView } from '@keurmerk/occupancy';
import { dateSchema, IsContractDate } from '../http/bounds';

export class CreateOccupancyReportDto {
  @ApiProperty({
    ...dateSchema('date'),
    example: '2026-11-30',
    description:
      'The day the residents were counted: from 2000-01-01 up to today (Netherlands). A second report for the same day replaces it.',
  })
  @IsContractDate('peildatum')
  peildatum: string;

  @ApiProperty({ type: 'integer', minimum: MIN_RESIDENTS, maximum: MAX_RESIDENTS, example: 9 })
  @IsInt()
  @Min(MIN_RESIDENTS)
  @Max(MAX_RESIDENTS)
  aantalBewoners: number;
}

export class OccupancyReportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  locatieId: string;

  @ApiProperty({ format: 'date', example: '2026-11-30' })
  peildatum: string;

  @ApiProperty({ type: 'integer', example: 9 })
  aantalBewoners: number;

  @ApiProperty({ format: 'date-time' })
  gemeldOp: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 11,
    description: 'The maximum of the location’s current certificate (geldig or geschorst); null without one.',
  })
  maximaalAantalBewoners: number | null;

  @ApiProperty({
    description:
      'aantalBewoners is above maximaalAantalBewoners. The unannounced inspection this asks for is not announced to the landlord.',
  })
  bovenMaximum: boolean;

  static of(report: OccupancyReportView): OccupancyReportDto {
    return {
      id: report.id,
      locatieId: report.locationId,
      peildatum: report.referenceDate,
      aantalBewoners: report.residents,
      gemeldOp: report.reportedAt.toISOString(),
      maximaalAantalBewoners: report.maximumResidents,
      bovenMaximum: report.overOccupied,
    };
  }
}
