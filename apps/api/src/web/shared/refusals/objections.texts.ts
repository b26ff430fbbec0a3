import { assertUnreachable } from '@keurmerk/common';
import { ObjectionExceptionCode } from '@keurmerk/objections';
import type { RefusalText } from '../refusal-texts';

export function objectionsRefusalText(code: ObjectionExceptionCode): RefusalText {
  switch (code) {
    case ObjectionExceptionCode.NotFound:
      return {
        nl: 'Dit bezwaar bestaat niet, of u heeft er geen toegang toe.',
        en: 'This objection does not exist, or you have no access to it.',
      };
    case ObjectionExceptionCode.NotLandlord:
      return {
        nl: 'Alleen de verhuurder van de locatie kan bezwaar maken.',
        en: 'Only the landlord of the location can file an objection.',
      };
    case ObjectionExceptionCode.NotCertifier:
      return { nl: 'Alleen een certificeerder beslist op een bezwaar.', en: 'Only a certifier decides on an objection.' };
    case ObjectionExceptionCode.Involved:
      return {
        nl: 'U heeft de bestreden zaak zelf beslist of gekeurd. Een certificeerder die er niet bij betrokken was, beslist op dit bezwaar.',
        en: 'You decided or inspected the contested case yourself. A certifier who took no part in it decides this objection.',
      };
    case ObjectionExceptionCode.NothingContestable:
      return {
        nl: 'Hier valt niets te bestrijden: er is geen afwijzing, schorsing of intrekking.',
        en: 'There is nothing to object against here: no refusal, suspension or withdrawal.',
      };
    case ObjectionExceptionCode.TermExpired:
      return {
        nl: 'De bezwaartermijn van 42 dagen is verstreken.',
        en: 'The 42-day term for an objection has passed.',
      };
    case ObjectionExceptionCode.AlreadyObjected:
      return {
        nl: 'Tegen dit besluit is al bezwaar gemaakt.',
        en: 'An objection against this has been filed already.',
      };
    case ObjectionExceptionCode.AlreadyDecided:
      return { nl: 'Op dit bezwaar is intussen al beslist.', en: 'This objection has been decided in the meantime.' };
    default:
      return assertUnreachable(code, 'objection exception code');
  }
}
