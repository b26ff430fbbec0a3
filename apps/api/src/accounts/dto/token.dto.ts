import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, SECOND_FACTOR_CODE_MAX_LENGTH } from '@keurmerk/accounts';

export class CreateTokenDto {
  @ApiProperty({ example: 'beheer@keurmerk.nl', maxLength: EMAIL_MAX_LENGTH })
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail()
  email: string;

  // Any length up to the maximum: a sign-in with a password that could never have been set still answers 401.
  @ApiProperty({ format: 'password', maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  wachtwoord: string;

  @ApiPropertyOptional({
    example: '123456',
    maxLength: SECOND_FACTOR_CODE_MAX_LENGTH,
    description: 'Beheerder and certificeerder with a second factor: the current code of the app, or an unused recovery code.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(SECOND_FACTOR_CODE_MAX_LENGTH)
  totp?: string;
}

export class TokenDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires.', example: 900 })
  expiresIn: number;
}
