import { assertUnreachable } from '@keurmerk/common';
import { AccountExceptionCode } from '@keurmerk/accounts';
import type { RefusalText } from '../refusal-texts';

export function accountsRefusalText(code: AccountExceptionCode): RefusalText {
  switch (code) {
    case AccountExceptionCode.OrganisationNotFound:
      return {
        nl: 'Deze organisatie bestaat niet, of u heeft er geen toegang toe.',
        en: 'This organisation does not exist, or you do not have access to it.',
      };
    case AccountExceptionCode.KvkNumberTaken:
      return { nl: 'Er is al een organisatie met dit KvK-nummer.', en: 'An organisation with this KvK number already exists.' };
    case AccountExceptionCode.UserNotFound:
      return { nl: 'Deze gebruiker bestaat niet.', en: 'This user does not exist.' };
    case AccountExceptionCode.EmailTaken:
      return { nl: 'Er is al een gebruiker met dit e-mailadres.', en: 'A user with this e-mail address already exists.' };
    case AccountExceptionCode.ApiKeyNotFound:
      return {
        nl: 'Deze API-sleutel bestaat niet, of u heeft er geen toegang toe.',
        en: 'This API key does not exist, or you do not have access to it.',
      };
    case AccountExceptionCode.ApiKeyOtherMunicipality:
      return {
        nl: 'Een gemeente maakt alleen sleutels voor haar eigen gemeentecode.',
        en: 'A municipality can make keys for its own gemeentecode only.',
      };
    case AccountExceptionCode.ApiKeyCapReached:
      return {
        nl: 'Deze gemeente heeft al zoveel actieve sleutels als is toegestaan. Trek eerst een sleutel in die niet meer wordt gebruikt.',
        en: 'This municipality already holds as many active keys as allowed. Revoke one that is no longer used first.',
      };
    case AccountExceptionCode.CannotDeactivateSelf:
      return { nl: 'U kunt uw eigen account niet uitschakelen.', en: 'You cannot deactivate your own account.' };
    case AccountExceptionCode.SecondFactorRequired:
      return { nl: 'Vul de code uit uw authenticator-app in.', en: 'Enter the code from your authenticator app.' };
    case AccountExceptionCode.SecondFactorInvalid:
      return {
        nl: 'Deze code klopt niet, of is al gebruikt. Wacht op de volgende code, of gebruik een herstelcode.',
        en: 'This code is wrong, or was used already. Wait for the next code, or use a recovery code.',
      };
    case AccountExceptionCode.SecondFactorNotForRole:
      return {
        nl: 'Alleen beheerders en certificeerders stellen een tweede factor in.',
        en: 'Only administrators and certifiers set up a second factor.',
      };
    case AccountExceptionCode.SecondFactorAlreadyEnrolled:
      return { nl: 'Uw account heeft al een tweede factor.', en: 'Your account already has a second factor.' };
    case AccountExceptionCode.SecondFactorNoEnrolment:
      return { nl: 'Begin eerst met het instellen van de tweede factor.', en: 'Start setting up the second factor first.' };
    default:
      return assertUnreachable(code, 'account exception code');
  }
}
