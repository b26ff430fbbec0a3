import { assertUnreachable } from '@keurmerk/common';
import { CertificateExceptionCode } from '@keurmerk/certificates';
import type { RefusalText } from '../refusal-texts';

/** What a page says when the certificates feature refuses, for the person in front of it. */
export function certificatesRefusalText(code: CertificateExceptionCode): RefusalText {
  switch (code) {
    case CertificateExceptionCode.NotFound:
      return {
        nl: 'Dit certificaat bestaat niet, of is nog niet uitgegeven.',
        en: 'This certificate does not exist, or has not been issued yet.',
      };
    case CertificateExceptionCode.IllegalTransition:
      return {
        nl: 'Deze statuswijziging kan niet: een ingetrokken, verlopen of vervangen certificaat blijft dat.',
        en: 'This status change is not possible: a withdrawn, expired or replaced certificate stays so.',
      };
    case CertificateExceptionCode.AlreadyInStatus:
      return { nl: 'Het certificaat heeft deze status al.', en: 'The certificate already has this status.' };
    case CertificateExceptionCode.CredentialPending:
      return {
        nl: 'Het digitale bewijs van dit certificaat wordt nog ondertekend. Probeer het later opnieuw.',
        en: 'The digital credential of this certificate is still being signed. Try again later.',
      };
    case CertificateExceptionCode.SuspensionCauseOpen:
      return {
        nl: 'Het certificaat kan nog niet worden hersteld: een bevinding die tot de schorsing leidde is nog open.',
        en: 'The certificate cannot be reinstated yet: a finding that led to the suspension is still open.',
      };
    case CertificateExceptionCode.SanctionOrganisationNotFound:
      return { nl: 'Deze certificaathouder bestaat niet.', en: 'This certificate holder does not exist.' };
    case CertificateExceptionCode.SanctionAlreadyActive:
      return {
        nl: 'Deze certificaathouder is al als bedrijf geschorst. Hef die schorsing eerst op.',
        en: 'This certificate holder is already suspended as a company. Lift that suspension first.',
      };
    case CertificateExceptionCode.NoActiveSanction:
      return {
        nl: 'Deze certificaathouder is niet als bedrijf geschorst; er is niets op te heffen.',
        en: 'This certificate holder is not suspended as a company; there is nothing to lift.',
      };
    default:
      return assertUnreachable(code, 'certificate exception code');
  }
}
