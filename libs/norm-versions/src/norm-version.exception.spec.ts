import { AppErrorCode, FeatureException } from '@keurmerk/common';
import { NormVersionException, NormVersionExceptionCode } from './norm-version.exception';

describe('NormVersionException', () => {
  it.each<[NormVersionExceptionCode, AppErrorCode]>([
    [NormVersionExceptionCode.NotFound, AppErrorCode.NotFound],
    [NormVersionExceptionCode.AlreadyExists, AppErrorCode.Conflict],
    [NormVersionExceptionCode.PublishedImmutable, AppErrorCode.Conflict],
    [NormVersionExceptionCode.AlreadyPublished, AppErrorCode.Conflict],
    [NormVersionExceptionCode.NonePublished, AppErrorCode.Conflict],
  ])('%s is a refusal of kind %s', (code, kind) => {
    const error = new NormVersionException(code, 'detail');
    expect(error).toBeInstanceOf(FeatureException);
    expect([error.code, error.reason, error.feature, error.detail]).toEqual([kind, code, 'norm-versions', 'detail']);
  });

  it('covers every code, each prefixed by the feature', () => {
    expect(Object.values(NormVersionExceptionCode).length).toBe(5);
    for (const code of Object.values(NormVersionExceptionCode)) expect(code).toMatch(/^norm-version-[a-z-]+$/);
  });
});
