import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SANCTION_MEASURES, type SanctionMeasure, type SanctionOutcome } from '@keurmerk/certificates';
import { CERTIFICATE_NUMBER_SCHEMA_PATTERN } from './certificate.dto';

export class SanctionRequestDto {
  @ApiProperty({
    enum: SANCTION_MEASURES,
    description: '`schorsing` suspends every geldig certificate of the organisation; `opheffing` lifts the company suspension.',
  })
  @IsIn(SANCTION_MEASURES)
  maatregel: SanctionMeasure;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @Matches(/\S/, { message: 'reden must not be blank' })
  reden: string;
}

export class SanctionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: SANCTION_MEASURES })
  maatregel: SanctionMeasure;

  @ApiProperty({
    type: [String],
    items: { type: 'string', pattern: CERTIFICATE_NUMBER_SCHEMA_PATTERN },
    description: 'The certificates this measure suspended (schorsing) or reinstated (opheffing).',
  })
  certificaten: string[];

  @ApiProperty({
    type: [String],
    items: { type: 'string', pattern: CERTIFICATE_NUMBER_SCHEMA_PATTERN },
    description: 'On opheffing: certificates that stay geschorst because something else holds them (an open finding, a refusal).',
  })
  blijvenGeschorst: string[];

  static of(outcome: SanctionOutcome): SanctionDto {
    return { id: outcome.id, maatregel: outcome.measure, certificaten: outcome.changed, blijvenGeschorst: outcome.stillHeld };
  }
}
