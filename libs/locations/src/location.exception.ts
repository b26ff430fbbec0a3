import { AppErrorCode, assertUnreachable, FeatureException } from '@keurmerk/common';
import type { ApplicationStatus } from './location.entities';

/** Why the locations feature (locations, applications and their documents) refused; pages turn these into sentences. */
export enum LocationExceptionCode {
  /** No such location, or one the caller may not see (existence does not leak). */
  LocationNotFound = 'location-not-found',
  /** No such application, or one the caller may not see. */
  ApplicationNotFound = 'location-application-not-found',
  /** The document is not one of this application's. */
  DocumentNotFound = 'location-document-not-found',
  /** Someone other than a landlord or the beheerder tried to register a location. */
  NotRegistrar = 'location-not-registrar',
  /** A landlord account without an organisation cannot own anything. */
  LandlordWithoutOrganisation = 'location-landlord-without-organisation',
  /** The address is already registered (by anyone: the refusal does not say by whom). */
  AddressTaken = 'location-address-taken',
  /** Only the landlord of a location applies for the mark. */
  NotApplicant = 'location-not-applicant',
  /** The location already has an open application. */
  ApplicationAlreadyOpen = 'location-application-already-open',
  /** Documents go only with an open application. */
  ApplicationNotOpen = 'location-application-not-open',
  /** Only the landlord or the beheerder adds documents to an application. */
  NotDocumentUploader = 'location-not-document-uploader',
  /** A client reference names one upload; it was used for another one. */
  ClientReferenceReused = 'location-client-reference-reused',
  /** Only the location's landlord or the beheerder changes or deregisters it. */
  NotLocationManager = 'location-not-manager',
  /** Only the beheerder transfers a location or resolves address claims. */
  BeheerderOnly = 'location-beheerder-only',
  /** The location is deregistered (afgemeld): nothing changes it any more. */
  Deregistered = 'location-deregistered',
  /** A transfer to the organisation that already holds the location. */
  SameHolder = 'location-same-holder',
  /** No such address claim. */
  AddressClaimNotFound = 'location-address-claim-not-found',
  /** The address claim was already resolved. */
  AddressClaimResolved = 'location-address-claim-resolved',
}

/** What a refusal carries besides its code, for a page that shows it. */
export interface LocationExceptionData {
  /** The application that is still open (ApplicationAlreadyOpen). */
  openApplication?: { id: string; status: ApplicationStatus };
  /** The status of an application that no longer takes documents (ApplicationNotOpen); undefined if it is gone. */
  applicationStatus?: ApplicationStatus;
}

/** Not found, with the generic detail `<what> was not found.` that clients already know. */
export function locationNotFound(code: LocationExceptionCode, what: string): LocationException {
  return new LocationException(code, `${what} was not found.`);
}

export class LocationException extends FeatureException<LocationExceptionCode> {
  readonly feature = 'locations';

  constructor(
    code: LocationExceptionCode,
    detail: string,
    readonly data: LocationExceptionData = {},
  ) {
    super(code, locationExceptionKind(code), detail);
  }
}

export function locationExceptionKind(code: LocationExceptionCode): AppErrorCode {
  switch (code) {
    case LocationExceptionCode.LocationNotFound:
    case LocationExceptionCode.ApplicationNotFound:
    case LocationExceptionCode.DocumentNotFound:
    case LocationExceptionCode.AddressClaimNotFound:
      return AppErrorCode.NotFound;
    case LocationExceptionCode.NotRegistrar:
    case LocationExceptionCode.LandlordWithoutOrganisation:
    case LocationExceptionCode.NotApplicant:
    case LocationExceptionCode.NotDocumentUploader:
    case LocationExceptionCode.NotLocationManager:
    case LocationExceptionCode.BeheerderOnly:
      return AppErrorCode.Forbidden;
    case LocationExceptionCode.AddressTaken:
    case LocationExceptionCode.ApplicationAlreadyOpen:
    case LocationExceptionCode.ApplicationNotOpen:
    case LocationExceptionCode.ClientReferenceReused:
    case LocationExceptionCode.Deregistered:
    case LocationExceptionCode.SameHolder:
    case LocationExceptionCode.AddressClaimResolved:
      return AppErrorCode.Conflict;
    default:
      return assertUnreachable(code, 'location exception code');
  }
}
