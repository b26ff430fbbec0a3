import { Param, PipeTransform } from '@nestjs/common';
import { AppException } from '@keurmerk/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) throw AppException.invalidField(this.name, 'format', `${this.name} must be a UUID.`);
    return value.toLowerCase();
  }
}

/** A path id that must be a UUID; anything else is invalid input naming the parameter. */
export const UuidParam = (name = 'id') => Param(name, new UuidPipe(name));
