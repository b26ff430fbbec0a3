import { AppErrorCode, FeatureException } from '@keurmerk/common';
import { WebhookException, WebhookExceptionCode } from './webhook.exception';

describe('WebhookException', () => {
  it.each<[WebhookExceptionCode, AppErrorCode]>([
    [WebhookExceptionCode.NotAManager, AppErrorCode.Forbidden],
    [WebhookExceptionCode.SubscriptionOtherMunicipality, AppErrorCode.Forbidden],
    [WebhookExceptionCode.SubscriptionNotFound, AppErrorCode.NotFound],
    [WebhookExceptionCode.SubscriptionCapReached, AppErrorCode.Conflict],
  ])('%s is a refusal of kind %s', (code, kind) => {
    const error = new WebhookException(code, 'detail');
    expect(error).toBeInstanceOf(FeatureException);
    expect([error.code, error.reason, error.feature, error.detail]).toEqual([kind, code, 'webhooks', 'detail']);
  });

  it('covers every code, each prefixed by the feature', () => {
    expect(Object.values(WebhookExceptionCode).length).toBe(4);
    for (const code of Object.values(WebhookExceptionCode)) expect(code).toMatch(/^webhook-[a-z-]+$/);
  });
});
