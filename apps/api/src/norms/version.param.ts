import { Param, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { AppException } from '@keurmerk/common';
import { VERSION_PATTERN } from '@keurmerk/norm';

class VersionPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!VERSION_PATTERN.test(value)) {
      throw AppException.invalidField('versie', 'pattern', 'versie is a year, a dot and a sequence number, e.g. 2026.1.');
    }
    return value;
  }
}

/** The `{versie}` path parameter; anything but a version number is invalid input naming it. */
export const VersionParam = () => Param('versie', new VersionPipe());

/** Documents the `{versie}` path parameter with its pattern. */
export const ApiVersionParam = () =>
  ApiParam({
    name: 'versie',
    description: 'The norm version: a year, a dot and a sequence number.',
    schema: { type: 'string', pattern: VERSION_PATTERN.source, example: '2026.1' },
  });
