import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  ACCOUNT_NAME_MAX_LENGTH,
  KVK_NUMBER_PATTERN,
  ORGANISATION_KINDS,
  OrganisationEntity,
  type OrganisationKind,
} from '@keurmerk/accounts';
import { dateSchema, IsContractDate } from '../../http/bounds';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Flex Wonen B.V.', maxLength: ACCOUNT_NAME_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(ACCOUNT_NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'naam must not be blank' })
  naam: string;

  @ApiProperty({ example: '12345678', pattern: KVK_NUMBER_PATTERN.source })
  @IsString()
  @Matches(KVK_NUMBER_PATTERN, { message: 'kvkNummer must be 8 digits' })
  kvkNummer: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  soort: OrganisationKind;

  @ApiPropertyOptional({ ...dateSchema('date'), description: 'Inspection bodies: end of the ISO/IEC 17020 accreditation.' })
  @IsOptional()
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
