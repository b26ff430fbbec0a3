import { assertUnreachable } from '@keurmerk/common';
import { OccupancyExceptionCode } from '@keurmerk/occupancy';
import type { RefusalText } from '../refusal-texts';

export function occupancyRefusalText(code: OccupancyExceptionCode): RefusalText {
  switch (code) {
    case OccupancyExceptionCode.NotReporter:
      return {
        nl: 'Alleen de verhuurder van deze locatie meldt het aantal bewoners.',
        en: 'Only the landlord of this location reports its number of residents.',
      };
    default:
      return assertUnreachable(code, 'occupancy exception code');
  }
}
