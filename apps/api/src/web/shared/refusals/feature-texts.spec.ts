import { AppErrorCode, AppException, FeatureException } from '@keurmerk/common';
import { AccountExceptionCode } from '@keurmerk/accounts';
import { ComplaintExceptionCode } from '@keurmerk/complaints';
import { NormVersionExceptionCode } from '@keurmerk/norm-versions';
import { WebhookExceptionCode } from '@keurmerk/webhooks';
import { ObjectionExceptionCode } from '@keurmerk/objections';
import { refusalText } from '../refusal-texts';
import { accountsRefusalText } from './accounts.texts';
import { webhooksRefusalText } from './webhooks.texts';
import { complaintsRefusalText } from './complaints.texts';
import { normVersionsRefusalText } from './norm-versions.texts';
import { objectionsRefusalText } from './objections.texts';

class Refusal extends FeatureException<string> {
  constructor(
    readonly feature: string,
    code: string,
  ) {
    super(code, AppErrorCode.Conflict, 'an English detail no page shows');
  }
}

describe('refusal texts of accounts, webhooks, complaints and norm versions', () => {
  it.each<[string, string[], (code: never) => { nl: string; en: string }]>([
    ['accounts', Object.values(AccountExceptionCode), accountsRefusalText],
    ['webhooks', Object.values(WebhookExceptionCode), webhooksRefusalText],
    ['complaints', Object.values(ComplaintExceptionCode), complaintsRefusalText],
    ['norm-versions', Object.values(NormVersionExceptionCode), normVersionsRefusalText],
    ['objections', Object.values(ObjectionExceptionCode), objectionsRefusalText],
  ])('%s: every code has its own sentence in Dutch and English, and pages find it', (feature, codes, texts) => {
    for (const code of codes) {
      const text = texts(code as never);
      expect(text.nl.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
      expect(refusalText('nl', new Refusal(feature, code))).toBe(text.nl);
      expect(refusalText('en', new Refusal(feature, code))).toBe(text.en);
    }
    expect(new Set(codes.map((code) => texts(code as never).en)).size).toBe(codes.length);
  });

  it('falls back to the kind for a refusal without a feature code', () => {
    expect(refusalText('en', AppException.notFound('The thing'))).toMatch(/does not exist/);
  });
});
