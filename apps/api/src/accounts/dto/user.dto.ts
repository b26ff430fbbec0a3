import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import {
  ACCOUNT_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  MUNICIPALITY_CODE_PATTERN,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type Role,
  UserEntity,
} from '@keurmerk/accounts';
import { PageQueryDto } from '../../http/paging';
import { dateSchema, IsContractDate } from '../../http/bounds';
import { IsAccountName } from './account-name';

export class CreateUserDto {
  @ApiProperty({ example: 'j.jansen@flexwonen.nl', maxLength: EMAIL_MAX_LENGTH })
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail()
  email: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  wachtwoord: string;

  @ApiProperty({ example: 'Jan Jansen', maxLength: ACCOUNT_NAME_MAX_LENGTH })
  @IsAccountName()
  naam: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  rol: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for verhuurder and auditor.' })
  @IsOptional()
  @IsUUID()
  organisatieId?: string;

  @ApiPropertyOptional({ example: 'GM0363', pattern: MUNICIPALITY_CODE_PATTERN.source, description: 'Required for gemeente.' })
  @IsOptional()
  @IsString()
  @Matches(MUNICIPALITY_CODE_PATTERN, { message: 'gemeentecode must be GM followed by 4 digits' })
  gemeentecode?: string;

  @ApiPropertyOptional({ ...dateSchema('date'), description: 'Auditors: end of the personal accreditation.' })
  @IsOptional()
  @IsContractDate('accreditatieGeldigTot')
  accreditatieGeldigTot?: string;
}

/** What a beheerder may change of a user; absent fields stay as they are. */
export class UpdateUserDto {
  @ApiPropertyOptional({ description: "false deactivates: the user's tokens, sessions and API keys stop at once." })
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean()
  actief?: boolean;

  @ApiPropertyOptional({ example: 'Jan Jansen', minLength: 1, maxLength: ACCOUNT_NAME_MAX_LENGTH })
  @ValidateIf((_, value) => value !== undefined)
  @IsAccountName()
  naam?: string;

  @ApiPropertyOptional({
    ...dateSchema('date'),
    description:
      'Auditors: renew (a later date) or end (a date before today: valid up to and including that day) the personal accreditation.',
  })
  @ValidateIf((_, value) => value !== undefined)
  @IsContractDate('accreditatieGeldigTot')
  accreditatieGeldigTot?: string;
}

export class ChangePasswordDto {
  // Any length up to the maximum: a wrong current password is a wrong password, whatever its length.
  @ApiProperty({ format: 'password', maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  huidigWachtwoord: string;

  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'At least 12 characters, not only spaces, not a common breached password.',
  })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  nieuwWachtwoord: string;
}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  rol?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisatieId?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  naam: string;

  @ApiProperty({ enum: ROLES })
  rol: Role;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  organisatieId: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'GM0363' })
  gemeentecode: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  accreditatieGeldigTot: string | null;

  @ApiProperty()
  actief: boolean;

  @ApiProperty({ format: 'date-time' })
  aangemaaktOp: string;

  static of(user: UserEntity): UserDto {
    return {
      id: user.id,
      email: user.email,
      naam: user.name,
      rol: user.role,
      organisatieId: user.organisationId,
      gemeentecode: user.municipalityCode,
      accreditatieGeldigTot: user.accreditationValidUntil,
      actief: user.active,
      aangemaaktOp: user.createdAt.toISOString(),
    };
  }
}
