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
        nl: 'Deze statuswijziging kan niet: een ingetrokken of verlopen certificaat blijft dat.',
        en: 'This status change is not possible: a withdrawn or expired certificate stays so.',
      };
    case CertificateExceptionCode.AlreadyInStatus:
      return { nl: 'Het certificaat heeft deze status al.', en: 'The certificate already has this status.' };
    case CertificateExceptionCode.CredentialPending:
      return {
        nl: 'Het digitale bewijs van dit certificaat wordt nog ondertekend. Probeer het later opnieuw.',
        en: 'The digital credential of this certificate is still being signed. Try again later.',
      };
    default:
      return assertUnreachable(code, 'certificate exception code');
  }
}
