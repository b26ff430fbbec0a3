import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { HOUSING_TYPES } from '@keurmerk/norm';
import { GEMEENTECODE_PATTERN, type Statistics } from '@keurmerk/statistics';
import { dateSchema, IsContractDate } from '../http/bounds';

export class StatisticsQueryDto {
  @ApiPropertyOptional({ example: 'GM1783', pattern: GEMEENTECODE_PATTERN.source, maxLength: 6, description: 'Left out: national totals.' })
  @IsOptional()
  @IsString()
  @Matches(GEMEENTECODE_PATTERN, { message: 'gemeentecode must be GM followed by 4 digits' })
  gemeentecode?: string;

  @ApiPropertyOptional({
    ...dateSchema('date'),
    example: '2026-11-30',
    description: 'The day the figures are about; not after today. Left out: today.',
  })
  @IsOptional()
  @IsContractDate('peildatum')
  peildatum?: string;
}

class StatusCountsDto {
  @ApiProperty({ type: 'integer' }) geldig: number;
  @ApiProperty({ type: 'integer' }) geschorst: number;
  @ApiProperty({ type: 'integer' }) ingetrokken: number;
  @ApiProperty({ type: 'integer' }) verlopen: number;
}

class HousingTypeFiguresDto {
  @ApiProperty({ type: 'integer', description: 'Locations with a geldig certificate.' }) locaties: number;
  @ApiProperty({ type: 'integer', description: 'The sum of their maxima.' }) maximaalAantalBewoners: number;
}

export class StatisticsDto {
  @ApiProperty({ type: String, nullable: true, example: 'GM1783', description: 'null: national totals.' })
  gemeentecode: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Westland', description: 'From the CBS list of municipalities 2026.' })
  gemeentenaam: string | null;

  @ApiProperty({ format: 'date', example: '2026-11-30' })
  peildatum: string;

  @ApiProperty({
    type: StatusCountsDto,
    description:
      'Locations by the status of their latest certificate on the peildatum (a geldig one past its last day counts as verlopen).',
  })
  locaties: StatusCountsDto;

  @ApiProperty({ type: 'integer', description: 'The sum of the maxima of the geldig certificates.' })
  maximaalAantalBewoners: number;

  @ApiProperty({ type: 'integer', description: 'The sum of each location’s latest report about a day up to the peildatum.' })
  gemeldeBewoners: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/HousingTypeFiguresDto' },
    description: `Geldig locations by soortHuisvesting (${HOUSING_TYPES.join(', ')}; every soort present).`,
  })
  perSoortHuisvesting: Record<string, HousingTypeFiguresDto>;

  @ApiProperty({ type: 'integer', description: 'Geldig certificates whose last valid day lies within 90 days of the peildatum.' })
  verlooptBinnen90Dagen: number;

  @ApiProperty({
    type: 'integer',
    description: 'Complaints received in the 30 days ending with the peildatum; national totals include those matched to no location.',
  })
  meldingenLaatste30Dagen: number;

  static of(statistics: Statistics): StatisticsDto {
    return {
      gemeentecode: statistics.municipalityCode,
      gemeentenaam: statistics.municipalityName,
      peildatum: statistics.referenceDate,
      locaties: { ...statistics.locations },
      maximaalAantalBewoners: statistics.maximumResidents,
      gemeldeBewoners: statistics.reportedResidents,
      perSoortHuisvesting: Object.fromEntries(
        Object.entries(statistics.byHousingType).map(([type, figures]) => [
          type,
          { locaties: figures.locations, maximaalAantalBewoners: figures.maximumResidents },
        ]),
      ),
      verlooptBinnen90Dagen: statistics.expiringWithin90Days,
      meldingenLaatste30Dagen: statistics.complaintsLast30Days,
    };
  }
}

export { HousingTypeFiguresDto };
