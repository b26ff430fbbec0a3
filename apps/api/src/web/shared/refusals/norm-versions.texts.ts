import { assertUnreachable } from '@keurmerk/common';
import { NormVersionExceptionCode } from '@keurmerk/norm-versions';
import type { RefusalText } from '../refusal-texts';

export function normVersionsRefusalText(code: NormVersionExceptionCode): RefusalText {
  switch (code) {
    case NormVersionExceptionCode.NotFound:
      return { nl: 'Deze normversie bestaat niet.', en: 'This norm version does not exist.' };
    case NormVersionExceptionCode.AlreadyExists:
      return { nl: 'Er is al een normversie met dit nummer.', en: 'A norm version with this number already exists.' };
    case NormVersionExceptionCode.PublishedImmutable:
      return { nl: 'Deze versie is gepubliceerd en kan niet meer veranderen.', en: 'This version is published and can no longer change.' };
    case NormVersionExceptionCode.AlreadyPublished:
      return { nl: 'Deze versie is al gepubliceerd.', en: 'This version has already been published.' };
    case NormVersionExceptionCode.NonePublished:
      return {
        nl: 'Er is nog geen normversie gepubliceerd; publiceer eerst een versie.',
        en: 'No norm version is published yet; publish one first.',
      };
    default:
      return assertUnreachable(code, 'norm version exception code');
  }
}
