import { Param, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { AppException, isUuid } from '@keurmerk/common';

class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!isUuid(value)) throw AppException.invalidField(this.name, 'format', `${this.name} must be a UUID.`);
    return value.toLowerCase();
  }
}

/**
 * A path id that must be a UUID; anything else is invalid input naming the parameter. It documents
 * itself as one in the OpenAPI document, so clients (and the fuzzer) see the same rule the pipe applies.
 */
export const UuidParam =
  (name = 'id'): ParameterDecorator =>
  (target, key, index) => {
    Param(name, new UuidPipe(name))(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (descriptor) ApiParam({ name, required: true, schema: { type: 'string', format: 'uuid' } })(target, key!, descriptor);
  };
