import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ACCOUNT_NAME_MAX_LENGTH } from '@keurmerk/accounts';

/** `naam` of a person, an organisation or an API key: text of 1 to ACCOUNT_NAME_MAX_LENGTH characters, not only spaces. */
export function IsAccountName(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MinLength(1),
    MaxLength(ACCOUNT_NAME_MAX_LENGTH),
    Matches(/\S/, { message: 'naam must not be blank' }),
  );
}
