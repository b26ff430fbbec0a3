import { assertUnreachable } from '@keurmerk/common';
import { ComplaintExceptionCode } from '@keurmerk/complaints';
import type { RefusalText } from '../refusal-texts';

export function complaintsRefusalText(code: ComplaintExceptionCode): RefusalText {
  switch (code) {
    case ComplaintExceptionCode.AdministratorOnly:
      return { nl: 'Alleen de beheerder behandelt meldingen.', en: 'Only the beheerder handles complaints.' };
    case ComplaintExceptionCode.NotFound:
      return { nl: 'Deze melding bestaat niet.', en: 'This complaint does not exist.' };
    case ComplaintExceptionCode.Closed:
      return { nl: 'Deze melding is al afgehandeld.', en: 'This complaint has already been closed.' };
    case ComplaintExceptionCode.InspectionAlreadyPlanned:
      return { nl: 'Voor deze melding is al een keuring gepland.', en: 'An inspection has already been planned for this complaint.' };
    case ComplaintExceptionCode.NoKnownLocation:
      return {
        nl: 'Deze melding noemt geen bekende locatie (onbekend certificaatnummer of adres), dus er kan geen keuring bij worden gepland.',
        en: 'This complaint names no known location (unknown certificate number or address), so no inspection can be planned from it.',
      };
    case ComplaintExceptionCode.ChangedMeanwhile:
      return {
        nl: 'De melding is intussen veranderd; de zojuist geplande keuring is er niet aan gekoppeld. Laad de pagina opnieuw.',
        en: 'The complaint changed meanwhile; the inspection just planned is not linked to it. Reload the page.',
      };
    default:
      return assertUnreachable(code, 'complaint exception code');
  }
}
