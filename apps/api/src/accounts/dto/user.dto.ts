import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role, UserEntity } from '@keurmerk/accounts';
import { PageQueryDto } from '../../http/paging';
import { dateSchema, IsContractDate } from '../../http/bounds';

export class CreateUserDto {
  @ApiProperty({ example: 'j.jansen@flexwonen.nl', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  @IsEmail()
  email: string;

  @ApiProperty({ format: 'password', minLength: 12, maxLength: 256 })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  wachtwoord: string;

  @ApiProperty({ example: 'Jan Jansen', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'naam must not be blank' })
  naam: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  rol: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for verhuurder and auditor.' })
  @IsOptional()
  @IsUUID()
  organisatieId?: string;

  @ApiPropertyOptional({ example: 'GM0363', pattern: '^GM[0-9]{4}$', description: 'Required for gemeente.' })
  @IsOptional()
  @IsString()
  @Matches(/^GM[0-9]{4}$/, { message: 'gemeentecode must be GM followed by 4 digits' })
  gemeentecode?: string;

  @ApiPropertyOptional({ ...dateSchema('date'), description: 'Auditors: end of the personal accreditation.' })
  @IsOptional()
  @IsContractDate('accreditatieGeldigTot')
  accreditatieGeldigTot?: string;
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
