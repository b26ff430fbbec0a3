import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppException, InvalidParam } from '@keurmerk/common';

/** Flattens class-validator's tree into one entry per field and rule, named as the client wrote it. */
export function invalidParamsOf(errors: ValidationError[], parent = ''): InvalidParam[] {
  const params: InvalidParam[] = [];
  for (const error of errors) {
    const name = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      params.push(
        rule === 'whitelistValidation'
          ? { name, code: 'unknown-field', reason: `The field ${name} is not part of this request.` }
          : { name, code: rule, reason: message },
      );
    }
    if (error.children?.length) params.push(...invalidParamsOf(error.children, name));
  }
  return params;
}

/** A body must be a JSON object before its fields can be checked; `[]`, `"x"` or nothing are refused whole. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = metadata.metatype && ![String, Boolean, Number, Array, Object].includes(metadata.metatype as never);
    if (isDto && metadata.type === 'body' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw AppException.invalidField('body', 'type', 'The request body must be a JSON object.');
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => AppException.invalid(invalidParamsOf(errors)),
  });
}
