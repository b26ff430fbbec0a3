import { assertUnreachable } from '@keurmerk/common';
import { SurveillanceExceptionCode } from '@keurmerk/surveillance';
import type { RefusalText } from '../refusal-texts';

export function surveillanceRefusalText(code: SurveillanceExceptionCode): RefusalText {
  switch (code) {
    case SurveillanceExceptionCode.BeheerderOnly:
      return {
        nl: 'Alleen de beheerder ziet de planningsverzoeken en trekt de steekproef.',
        en: 'Only the administrator sees the planning requests and draws the sample.',
      };
    default:
      return assertUnreachable(code, 'surveillance exception code');
  }
}
