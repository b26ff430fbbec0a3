import { assertUnreachable } from '@keurmerk/common';
import { PasswordResetExceptionCode } from '@keurmerk/accounts';
import type { RefusalText } from '../refusal-texts';

export function passwordResetRefusalText(code: PasswordResetExceptionCode): RefusalText {
  switch (code) {
    case PasswordResetExceptionCode.UnknownToken:
      return {
        nl: 'Deze link kennen we niet. Kopieer de hele link uit de e-mail, of vraag een nieuwe aan.',
        en: 'We do not know this link. Copy the whole link from the e-mail, or ask for a new one.',
      };
    case PasswordResetExceptionCode.Used:
      return {
        nl: 'Deze link is al gebruikt: hij werkt één keer. Vraag zo nodig een nieuwe aan.',
        en: 'This link has been used already: it works once. Ask for a new one if you need to.',
      };
    case PasswordResetExceptionCode.Expired:
      return {
        nl: 'Deze link is verlopen: hij werkt een uur. Vraag een nieuwe aan.',
        en: 'This link has expired: it works for an hour. Ask for a new one.',
      };
    default:
      return assertUnreachable(code, 'password reset exception code');
  }
}
