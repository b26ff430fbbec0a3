import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import {
  ACCOUNT_NAME_MAX_LENGTH,
  KVK_NUMBER_DIGITS,
  KVK_NUMBER_PATTERN,
  ORGANISATION_KINDS,
  OrganisationEntity,
  type OrganisationKind,
} from '@keurmerk/accounts';
import { dateSchema, IsContractDate } from '../../http/bounds';
import { IsAccountName } from './account-name';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Flex Wonen B.V.', maxLength: ACCOUNT_NAME_MAX_LENGTH })
  @IsAccountName()
  naam: string;

  @ApiProperty({ example: '12345678', pattern: KVK_NUMBER_PATTERN.source })
  @IsString()
  @Matches(KVK_NUMBER_PATTERN, { message: `kvkNummer must be ${KVK_NUMBER_DIGITS} digits` })
  kvkNummer: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  soort: OrganisationKind;

  @ApiPropertyOptional({ ...dateSchema('date'), description: 'Inspection bodies: end of the ISO/IEC 17020 accreditation.' })
  @IsOptional()
  @IsContractDate('accreditatieGeldigTot')
  accreditatieGeldigTot?: string;
}

/** What a beheerder may change of an organisation; absent fields stay as they are. */
export class UpdateOrganisationDto {
  @ApiPropertyOptional({ example: 'Flex Wonen B.V.', minLength: 1, maxLength: ACCOUNT_NAME_MAX_LENGTH })
  @ValidateIf((_, value) => value !== undefined)
  @IsAccountName()
  naam?: string;

  @ApiPropertyOptional({
    ...dateSchema('date'),
    description:
      'Inspection bodies: renew (a later date) or end (a date before today: valid up to and including that day) the accreditation.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsContractDate('accreditatieGeldigTot')
  accreditatieGeldigTot?: string;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  naam: string;

  @ApiProperty({ example: '12345678' })
  kvkNummer: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  soort: OrganisationKind;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  accreditatieGeldigTot: string | null;

  @ApiProperty({ format: 'date-time' })
  aangemaaktOp: string;

  static of(organisation: OrganisationEntity): OrganisationDto {
    return {
      id: organisation.id,
      naam: organisation.name,
      kvkNummer: organisation.kvkNumber,
      soort: organisation.kind,
      accreditatieGeldigTot: organisation.accreditationValidUntil,
      aangemaaktOp: organisation.createdAt.toISOString(),
    };
  }
}
