import { assertUnreachable } from '@keurmerk/common';
import { StatisticsExceptionCode } from '@keurmerk/statistics';
import type { RefusalText } from '../refusal-texts';

export function statisticsRefusalText(code: StatisticsExceptionCode): RefusalText {
  switch (code) {
    case StatisticsExceptionCode.NoMunicipality:
      return {
        nl: 'Dit account hoort bij geen gemeente, dus er zijn geen cijfers te tonen.',
        en: 'This account belongs to no municipality, so there are no figures to show.',
      };
    case StatisticsExceptionCode.BeheerderOnly:
      return { nl: 'Alleen de beheerder ziet de landelijke cijferpagina.', en: 'Only the administrator sees the national figures page.' };
    default:
      return assertUnreachable(code, 'statistics exception code');
  }
}
