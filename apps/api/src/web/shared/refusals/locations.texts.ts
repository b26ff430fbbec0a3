import { assertUnreachable } from '@keurmerk/common';
import { LocationExceptionCode } from '@keurmerk/locations';
import type { RefusalText } from '../refusal-texts';

/** The locations feature's refusals, for the person on the page (a landlord or the beheerder mostly). */
export function locationsRefusalText(code: LocationExceptionCode): RefusalText {
  switch (code) {
    case LocationExceptionCode.LocationNotFound:
      return {
        nl: 'Deze locatie bestaat niet, of u heeft er geen toegang toe.',
        en: 'This location does not exist, or you do not have access to it.',
      };
    case LocationExceptionCode.ApplicationNotFound:
      return {
        nl: 'Deze aanvraag bestaat niet, of u heeft er geen toegang toe.',
        en: 'This application does not exist, or you do not have access to it.',
      };
    case LocationExceptionCode.DocumentNotFound:
      return { nl: 'Dit document hoort niet bij deze aanvraag.', en: 'This document does not belong to this application.' };
    case LocationExceptionCode.NotRegistrar:
      return {
        nl: 'Alleen een verhuurder of de beheerder registreert locaties.',
        en: 'Only a landlord or the administrator registers locations.',
      };
    case LocationExceptionCode.LandlordWithoutOrganisation:
      return {
        nl: 'Uw account hoort bij geen enkele organisatie. Vraag de beheerder om dit te regelen.',
        en: 'Your account belongs to no organisation. Ask the administrator to arrange this.',
      };
    case LocationExceptionCode.AddressTaken:
      return { nl: 'Op dit adres is al een locatie geregistreerd.', en: 'A location at this address is already registered.' };
    case LocationExceptionCode.NotApplicant:
      return {
        nl: 'Alleen de verhuurder van een locatie vraagt het keurmerk aan.',
        en: 'Only the landlord of a location applies for the quality mark.',
      };
    case LocationExceptionCode.ApplicationAlreadyOpen:
      return { nl: 'Deze locatie heeft al een lopende aanvraag.', en: 'This location already has an open application.' };
    case LocationExceptionCode.ApplicationNotOpen:
      return {
        nl: 'Deze aanvraag is afgerond; er kunnen geen documenten meer bij.',
        en: 'This application is closed; no more documents can be added.',
      };
    case LocationExceptionCode.NotDocumentUploader:
      return {
        nl: 'Alleen de verhuurder of de beheerder voegt documenten aan een aanvraag toe.',
        en: 'Only the landlord or the administrator adds documents to an application.',
      };
    case LocationExceptionCode.ClientReferenceReused:
      return {
        nl: 'Dit bestand is met een kenmerk verstuurd dat al voor een ander bestand is gebruikt. Probeer het opnieuw.',
        en: 'This file was sent with a reference already used for another file. Try again.',
      };
    case LocationExceptionCode.NotLocationManager:
      return {
        nl: 'Alleen de verhuurder van deze locatie of de beheerder wijzigt of meldt haar af.',
        en: 'Only the landlord of this location or the administrator changes or deregisters it.',
      };
    case LocationExceptionCode.BeheerderOnly:
      return {
        nl: 'Alleen de beheerder draagt locaties over en handelt adresclaims af.',
        en: 'Only the administrator transfers locations and resolves address claims.',
      };
    case LocationExceptionCode.Deregistered:
      return {
        nl: 'Deze locatie is afgemeld; er kan niets meer aan veranderen.',
        en: 'This location has been deregistered; nothing about it can change any more.',
      };
    case LocationExceptionCode.SameHolder:
      return {
        nl: 'Deze organisatie is al de houder van de locatie.',
        en: 'This organisation already holds the location.',
      };
    case LocationExceptionCode.AddressClaimNotFound:
      return { nl: 'Deze adresclaim bestaat niet.', en: 'This address claim does not exist.' };
    case LocationExceptionCode.AddressClaimResolved:
      return { nl: 'Deze adresclaim is al afgehandeld.', en: 'This address claim has already been resolved.' };
    default:
      return assertUnreachable(code, 'location exception code');
  }
}
