import { assertUnreachable } from '@keurmerk/common';
import { VerificationExceptionCode } from '@keurmerk/verification';
import type { RefusalText } from '../refusal-texts';

/** What a page says when the public read path refuses, for the person in front of it. */
export function verificationRefusalText(code: VerificationExceptionCode): RefusalText {
  switch (code) {
    case VerificationExceptionCode.ForeignArea:
      return {
        nl: 'U kunt alleen de wijzigingen in uw eigen gemeente bekijken.',
        en: 'You can only see the changes in your own municipality.',
      };
    default:
      return assertUnreachable(code, 'verification exception code');
  }
}
