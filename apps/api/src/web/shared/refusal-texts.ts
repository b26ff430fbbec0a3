import { AppErrorCode, AppException, FeatureException } from '@keurmerk/common';
import type { Language } from '../web-context';
import { certificatesRefusalText } from './refusals/certificates.texts';
import { verificationRefusalText } from './refusals/verification.texts';
import { accountsRefusalText } from './refusals/accounts.texts';
import { complaintsRefusalText } from './refusals/complaints.texts';
import { normVersionsRefusalText } from './refusals/norm-versions.texts';
import { webhooksRefusalText } from './refusals/webhooks.texts';
import { inspectionsRefusalText } from './refusals/inspections.texts';
import { locationsRefusalText } from './refusals/locations.texts';
import { surveillanceRefusalText } from './refusals/surveillance.texts';
import { occupancyRefusalText } from './refusals/occupancy.texts';
import { statisticsRefusalText } from './refusals/statistics.texts';
import { objectionsRefusalText } from './refusals/objections.texts';
import { passwordResetRefusalText } from './refusals/password-reset.texts';

/** One sentence per language, for a refusal shown on a page. */
export interface RefusalText {
  nl: string;
  en: string;
}

/**
 * Each feature's codes as sentences, in the feature's own file under ./refusals/ (an exhaustive switch
 * over that feature's enum, ending in assertUnreachable), registered here by the feature's `feature` name.
 */
type FeatureTexts = (code: string) => RefusalText;

const BY_FEATURE: Record<string, FeatureTexts> = {
  certificates: certificatesRefusalText as FeatureTexts,
  verification: verificationRefusalText as FeatureTexts,
  accounts: accountsRefusalText as FeatureTexts,
  complaints: complaintsRefusalText as FeatureTexts,
  'norm-versions': normVersionsRefusalText as FeatureTexts,
  webhooks: webhooksRefusalText as FeatureTexts,
  inspections: inspectionsRefusalText as FeatureTexts,
  locations: locationsRefusalText as FeatureTexts,
  surveillance: surveillanceRefusalText as FeatureTexts,
  occupancy: occupancyRefusalText as FeatureTexts,
  statistics: statisticsRefusalText as FeatureTexts,
  objections: objectionsRefusalText as FeatureTexts,
  'password-reset': passwordResetRefusalText as FeatureTexts,
};

/** Generic texts by kind, for refusals that carry no feature code (input, sign-in, availability). */
function kindText(code: AppErrorCode): RefusalText {
  switch (code) {
    case AppErrorCode.InvalidInput:
      return {
        nl: 'Dit verzoek klopt niet. Controleer de velden en probeer het opnieuw.',
        en: 'This request is not valid. Check the fields and try again.',
      };
    case AppErrorCode.Unauthenticated:
      return { nl: 'U bent niet (meer) aangemeld.', en: 'You are not signed in (any more).' };
    case AppErrorCode.Forbidden:
      return { nl: 'U mag dit niet doen.', en: 'You are not allowed to do this.' };
    case AppErrorCode.NotFound:
      return { nl: 'Dit bestaat niet, of u heeft er geen toegang toe.', en: 'This does not exist, or you do not have access to it.' };
    case AppErrorCode.Conflict:
      return {
        nl: 'Dat kan nu niet: de gegevens zijn intussen veranderd. Laad de pagina opnieuw.',
        en: 'That is not possible now: the data has changed. Reload the page.',
      };
    case AppErrorCode.PayloadTooLarge:
      return { nl: 'Het bestand is te groot.', en: 'The file is too large.' };
    case AppErrorCode.UnsupportedMediaType:
      return { nl: 'Dit soort bestand wordt niet aangenomen.', en: 'This kind of file is not accepted.' };
    case AppErrorCode.RateLimited:
      return { nl: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.', en: 'Too many attempts. Wait a moment and try again.' };
    case AppErrorCode.Unavailable:
      return {
        nl: 'Een onderdeel is even niet bereikbaar. Probeer het over een minuut opnieuw.',
        en: 'A component is temporarily unreachable. Try again in a minute.',
      };
    case AppErrorCode.Gone:
      return { nl: 'Deze link is niet meer geldig.', en: 'This link is no longer valid.' };
  }
}

/** The sentence a page shows for a refusal: the feature's own text for its code, else the kind's. */
export function refusalText(language: Language, error: AppException): string {
  const texts = error instanceof FeatureException ? BY_FEATURE[error.feature]?.(error.reason) : undefined;
  return (texts ?? kindText(error.code))[language];
}

/**
 * The feature's own sentence for a coded refusal, or undefined when the refusal carries no feature
 * code: then the page says it in its own words for the situation (a kind, never an English detail).
 */
export function featureRefusalText(language: Language, error: AppException): string | undefined {
  return error instanceof FeatureException ? BY_FEATURE[error.feature]?.(error.reason)[language] : undefined;
}
