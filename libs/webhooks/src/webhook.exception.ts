import { AppErrorCode, assertUnreachable, FeatureException } from '@keurmerk/common';

/** Why the webhooks feature refused: subscriptions and their deliveries. */
export enum WebhookExceptionCode {
  /** Only municipalities (people, keys) and the beheerder manage subscriptions. */
  NotAManager = 'webhook-not-a-manager',
  SubscriptionOtherMunicipality = 'webhook-subscription-other-municipality',
  SubscriptionNotFound = 'webhook-subscription-not-found',
  /** A municipality holds as many subscriptions as it may. */
  SubscriptionCapReached = 'webhook-subscription-cap-reached',
}

export class WebhookException extends FeatureException<WebhookExceptionCode> {
  readonly feature = 'webhooks';

  constructor(code: WebhookExceptionCode, detail: string) {
    super(code, webhookKind(code), detail);
  }
}

function webhookKind(code: WebhookExceptionCode): AppErrorCode {
  switch (code) {
    case WebhookExceptionCode.NotAManager:
    case WebhookExceptionCode.SubscriptionOtherMunicipality:
      return AppErrorCode.Forbidden;
    case WebhookExceptionCode.SubscriptionNotFound:
      return AppErrorCode.NotFound;
    case WebhookExceptionCode.SubscriptionCapReached:
      return AppErrorCode.Conflict;
    default:
      return assertUnreachable(code, 'webhook exception code');
  }
}
