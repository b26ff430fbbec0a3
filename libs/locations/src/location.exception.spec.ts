import { AppErrorCode, AppException, FeatureException } from '@keurmerk/common';
import { LocationException, LocationExceptionCode, locationExceptionKind } from './location.exception';

describe('LocationException', () => {
  it.each([
    [LocationExceptionCode.LocationNotFound, AppErrorCode.NotFound],
    [LocationExceptionCode.ApplicationNotFound, AppErrorCode.NotFound],
    [LocationExceptionCode.DocumentNotFound, AppErrorCode.NotFound],
    [LocationExceptionCode.NotRegistrar, AppErrorCode.Forbidden],
    [LocationExceptionCode.LandlordWithoutOrganisation, AppErrorCode.Forbidden],
    [LocationExceptionCode.NotApplicant, AppErrorCode.Forbidden],
    [LocationExceptionCode.NotDocumentUploader, AppErrorCode.Forbidden],
    [LocationExceptionCode.AddressTaken, AppErrorCode.Conflict],
    [LocationExceptionCode.ApplicationAlreadyOpen, AppErrorCode.Conflict],
    [LocationExceptionCode.ApplicationNotOpen, AppErrorCode.Conflict],
    [LocationExceptionCode.ClientReferenceReused, AppErrorCode.Conflict],
    [LocationExceptionCode.NotLocationManager, AppErrorCode.Forbidden],
    [LocationExceptionCode.BeheerderOnly, AppErrorCode.Forbidden],
    [LocationExceptionCode.Deregistered, AppErrorCode.Conflict],
    [LocationExceptionCode.SameHolder, AppErrorCode.Conflict],
    [LocationExceptionCode.AddressClaimNotFound, AppErrorCode.NotFound],
    [LocationExceptionCode.AddressClaimResolved, AppErrorCode.Conflict],
  ])('%s is a refusal of kind %s', (code, kind) => {
    expect(locationExceptionKind(code)).toBe(kind);
    const error = new LocationException(code, 'detail');
    expect(error).toBeInstanceOf(AppException);
    expect(error).toBeInstanceOf(FeatureException);
    expect(error).toMatchObject({ code: kind, reason: code, feature: 'locations', detail: 'detail', name: 'LocationException' });
  });

  it('names every code in the table above', () => {
    expect(Object.values(LocationExceptionCode)).toHaveLength(17);
    for (const code of Object.values(LocationExceptionCode)) expect(code).toMatch(/^location-[a-z-]+$/);
  });

  it('carries the open application for a page that links to it', () => {
    const error = new LocationException(LocationExceptionCode.ApplicationAlreadyOpen, 'open', {
      openApplication: { id: 'a', status: 'ingediend' },
    });
    expect(error.data.openApplication).toEqual({ id: 'a', status: 'ingediend' });
  });
});
