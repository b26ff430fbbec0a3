import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ACCOUNT_NAME_MAX_LENGTH, ApiKeyEntity, MUNICIPALITY_CODE_PATTERN } from '@keurmerk/accounts';
import { IsAccountName } from './account-name';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Vergunningensysteem productie', maxLength: ACCOUNT_NAME_MAX_LENGTH })
  @IsAccountName()
  naam: string;

  @ApiProperty({ example: 'GM0363', pattern: MUNICIPALITY_CODE_PATTERN.source })
  @IsString()
  @Matches(MUNICIPALITY_CODE_PATTERN, { message: 'gemeentecode must be GM followed by 4 digits' })
  gemeentecode: string;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  naam: string;

  @ApiProperty({ example: 'GM0363' })
  gemeentecode: string;

  @ApiProperty({ description: 'The first characters of the key, to recognise it.', example: 'kmk_Xy12ab' })
  voorvoegsel: string;

  @ApiProperty({ format: 'date-time' })
  aangemaaktOp: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  ingetrokkenOp: string | null;

  static of(key: ApiKeyEntity): ApiKeyDto {
    return {
      id: key.id,
      naam: key.name,
      gemeentecode: key.municipalityCode,
      voorvoegsel: key.keyPrefix,
      aangemaaktOp: key.createdAt.toISOString(),
      ingetrokkenOp: key.revokedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself. It is shown only in this answer and stored hashed.' })
  sleutel: string;
}
