import { AppErrorCode, FeatureException } from '@keurmerk/common';
import { ComplaintException, ComplaintExceptionCode } from './complaint.exception';

describe('ComplaintException', () => {
  it.each<[ComplaintExceptionCode, AppErrorCode]>([
    [ComplaintExceptionCode.AdministratorOnly, AppErrorCode.Forbidden],
    [ComplaintExceptionCode.NotFound, AppErrorCode.NotFound],
    [ComplaintExceptionCode.Closed, AppErrorCode.Conflict],
    [ComplaintExceptionCode.InspectionAlreadyPlanned, AppErrorCode.Conflict],
    [ComplaintExceptionCode.NoKnownLocation, AppErrorCode.Conflict],
    [ComplaintExceptionCode.ChangedMeanwhile, AppErrorCode.Conflict],
  ])('%s is a refusal of kind %s', (code, kind) => {
    const error = new ComplaintException(code, 'detail');
    expect(error).toBeInstanceOf(FeatureException);
    expect([error.code, error.reason, error.feature, error.detail]).toEqual([kind, code, 'complaints', 'detail']);
  });

  it('covers every code, each prefixed by the feature', () => {
    expect(Object.values(ComplaintExceptionCode).length).toBe(6);
    for (const code of Object.values(ComplaintExceptionCode)) expect(code).toMatch(/^complaint-[a-z-]+$/);
  });
});
