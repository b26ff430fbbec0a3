import { assertUnreachable } from '@keurmerk/common';
import { WebhookExceptionCode } from '@keurmerk/webhooks';
import type { RefusalText } from '../refusal-texts';

export function webhooksRefusalText(code: WebhookExceptionCode): RefusalText {
  switch (code) {
    case WebhookExceptionCode.NotAManager:
      return {
        nl: 'Alleen een gemeente of de beheerder beheert abonnementen.',
        en: 'Only a municipality or the beheerder manages subscriptions.',
      };
    case WebhookExceptionCode.SubscriptionOtherMunicipality:
      return {
        nl: 'Een gemeente abonneert zich alleen op haar eigen gemeentecode.',
        en: 'A municipality can subscribe for its own gemeentecode only.',
      };
    case WebhookExceptionCode.SubscriptionNotFound:
      return {
        nl: 'Dit abonnement bestaat niet (meer), of u heeft er geen toegang toe.',
        en: 'This subscription does not exist (any more), or you do not have access to it.',
      };
    case WebhookExceptionCode.SubscriptionCapReached:
      return {
        nl: 'Deze gemeente heeft al zoveel abonnementen als is toegestaan. Verwijder eerst een abonnement dat niet meer wordt gebruikt.',
        en: 'This municipality already holds as many subscriptions as allowed. Remove one that is no longer used first.',
      };
    default:
      return assertUnreachable(code, 'webhook exception code');
  }
}
