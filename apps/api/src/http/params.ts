import { Param, PipeTransform } from '@nestjs/common';
import { AppException, isUuid } from '@keurmerk/common';

class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!isUuid(value)) throw AppException.invalidField(this.name, 'format', `${this.name} must be a UUID.`);
    return value.toLowerCase();
  }
}

/** A path id that must be a UUID; anything else is invalid input naming the parameter. */
export const UuidParam = (name = 'id') => Param(name, new UuidPipe(name));
