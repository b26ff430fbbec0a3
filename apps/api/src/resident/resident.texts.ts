import type { CertificateStatus } from '@keurmerk/certificates';
import { type ComplaintStatus, DESCRIPTION_MAX_LENGTH } from '@keurmerk/complaints';
import type { ResidentLanguage } from './resident-language';

/** The scheme's name is Dutch in every language, as on the certificate and the information card. */
export const SCHEME_NAME = 'Keurmerk Huisvesting Arbeidsmigranten';

/** Examples in running text must not break at a hyphen or between the parts of a postcode. */
const EXAMPLE_NUMBER = 'KM\u20112026\u2011000123\u20113';
const EXAMPLE_POSTCODE = '1234\u00a0AB';
const EXAMPLE_REFERENCE = 'M\u20112026\u20117K3Q9X';

/** A sentence ends with one full stop, also after a Bulgarian date, which ends in `г.` already. */
const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

/** What a page says about a certificate: its status, or that there is none. */
export type PageStatus = Exclude<CertificateStatus, 'uitgifte'> | 'geen-certificaat';

export interface StatusTexts {
  /** The verdict in two to four words; the page's main heading. */
  title: string;
  /** What it means for the resident, in plain words. */
  explanation: (validUntil: string) => string;
}

/**
 * Everything the residents' page says, per language. Wording follows the information card
 * (libs/certificate-pdf, certificate-pdf.texts.ts): its labels "Maximaal aantal bewoners" /
 * "Maximum number of residents" / ..., "geldig tot" / "valid until" / ..., "meld een probleem" /
 * "report a problem" / .... Romanian uses the comma-below ș and ț. Counts go through `atMost`,
 * which knows each language's plural forms.
 */
export interface ResidentTexts {
  languageName: string;
  tagline: string;
  skipToContent: string;
  languageNavigation: string;

  searchTitle: string;
  searchIntro: string;
  byNumber: string;
  numberLabel: string;
  numberHint: string;
  byAddress: string;
  postcodeLabel: string;
  postcodeHint: string;
  houseNumberLabel: string;
  houseLetterLabel: string;
  additionLabel: string;
  optional: string;
  searchButton: string;
  or: string;

  certified: string;
  notCertified: string;
  status: Record<PageStatus, StatusTexts>;
  /** Precedes what was looked up: the address, or the number. */
  resultFor: string;
  backToResult: string;
  detailsTitle: string;
  numberFact: string;
  addressFact: string;
  municipalityFact: string;
  /** As on the information card. */
  maximumResidentsFact: string;
  atMost: (count: number) => string;
  validFromFact: string;
  validUntilFact: string;
  holderFact: string;
  statusChangedFact: string;
  pdfLink: string;
  /** On a replaced certificate: the link to the one that replaced it. */
  successorLink: string;
  checkedAt: (moment: string) => string;
  searchAgain: string;

  helpTitle: string;
  helpItems: string[];
  helpAction: string;
  emergency: string;

  complaintTitle: string;
  complaintLabel: string;
  complaintHint: string;
  complaintPrivacy: string;
  complaintSubmit: string;
  complaintSending: string;
  receivedTitle: string;
  receivedReference: string;
  receivedNext: string;

  /** Looking up a complaint's progress by its reference. */
  progressTitle: string;
  progressIntro: string;
  referenceLabel: string;
  referenceHint: string;
  progressButton: string;
  progressFor: (reference: string) => string;
  progressStatusName: Record<ComplaintStatus, string>;
  /** What the status means, with the date it was reached. */
  progressStatus: Record<ComplaintStatus, (date: string) => string>;
  progressNotFoundTitle: string;
  progressNotFoundText: string;
  errorReference: string;

  errorSummary: string;
  errorNumber: string;
  errorNumberMissing: string;
  errorPostcode: string;
  errorHouseNumber: string;
  errorHouseLetter: string;
  errorAddition: string;
  errorDescription: string;
  errorDescriptionTooLong: string;
  /** `minutes` is a number, or the script's `{minutes}` placeholder. */
  errorTooMany: (minutes: string) => string;
  errorSendFailed: string;
  invalidNumberTitle: string;
  invalidNumberText: (number: string) => string;

  notFoundTitle: string;
  notFoundText: string;
  failureTitle: string;
  failureText: string;
}

const plural = (language: ResidentLanguage) => new Intl.PluralRules(language);
const PLURALS: Record<ResidentLanguage, Intl.PluralRules> = {
  nl: plural('nl'),
  en: plural('en'),
  pl: plural('pl'),
  ro: plural('ro'),
  bg: plural('bg'),
};

export const RESIDENT_TEXTS: Record<ResidentLanguage, ResidentTexts> = {
  nl: {
    languageName: 'Nederlands',
    tagline: 'Nationaal keurmerk voor de huisvesting van arbeidsmigranten',
    skipToContent: 'Naar de inhoud',
    languageNavigation: 'Taal',
    searchTitle: 'Controleer uw huisvesting',
    searchIntro: 'Heeft deze huisvesting een geldig certificaat? Zoek op het certificaatnummer van de informatiekaart, of op het adres.',
    byNumber: 'Zoek op certificaatnummer',
    numberLabel: 'Certificaatnummer',
    numberHint: `Dit staat op de informatiekaart bij de ingang, bijvoorbeeld ${EXAMPLE_NUMBER}.`,
    byAddress: 'Zoek op adres',
    postcodeLabel: 'Postcode',
    postcodeHint: `Bijvoorbeeld ${EXAMPLE_POSTCODE}`,
    houseNumberLabel: 'Huisnummer',
    houseLetterLabel: 'Huisletter',
    additionLabel: 'Toevoeging',
    optional: '(als die er is)',
    searchButton: 'Controleren',
    or: 'of',
    certified: 'Gecertificeerd',
    notCertified: 'Niet gecertificeerd',
    status: {
      geldig: {
        title: 'Certificaat is geldig',
        explanation: (until) => `Deze huisvesting heeft het Keurmerk Huisvesting Arbeidsmigranten. Het certificaat is geldig tot ${until}.`,
      },
      geschorst: {
        title: 'Niet geldig: geschorst',
        explanation: () =>
          'Het certificaat is tijdelijk geschorst: bij een controle voldeed de huisvesting niet aan de regels. Zolang de schorsing ' +
          'duurt, is deze huisvesting niet gecertificeerd.',
      },
      ingetrokken: {
        title: 'Niet geldig: ingetrokken',
        explanation: () => 'Het certificaat is ingetrokken. Deze huisvesting heeft het keurmerk niet meer.',
      },
      verlopen: {
        title: 'Niet geldig: verlopen',
        explanation: (until) => `Het certificaat was geldig tot ${until} en is niet verlengd. Deze huisvesting is nu niet gecertificeerd.`,
      },
      vervangen: {
        title: 'Niet meer geldig: vervangen',
        explanation: () =>
          'Dit certificaat is na een nieuwe inspectie vervangen door een nieuwer certificaat voor deze huisvesting. ' +
          'Alleen het nieuwe certificaat telt.',
      },
      'geen-certificaat': {
        title: 'Geen certificaat gevonden',
        explanation: () =>
          'Voor dit nummer of adres bestaat geen certificaat. Kijk of u het goed hebt ingetypt. Zonder certificaat heeft de huisvesting ' +
          'het keurmerk niet.',
      },
    },
    resultFor: 'Resultaat voor',
    backToResult: 'Terug naar het resultaat',
    detailsTitle: 'Gegevens van het certificaat',
    numberFact: 'Certificaatnummer',
    addressFact: 'Adres',
    municipalityFact: 'Gemeente',
    maximumResidentsFact: 'Maximaal aantal bewoners',
    atMost: (n) =>
      PLURALS.nl.select(n) === 'one' ? `Hier mag ten hoogste ${n} persoon wonen.` : `Hier mogen ten hoogste ${n} personen wonen.`,
    validFromFact: 'Geldig vanaf',
    validUntilFact: 'Geldig tot',
    holderFact: 'Certificaathouder',
    statusChangedFact: 'Status gewijzigd op',
    pdfLink: 'Bekijk het certificaat (PDF)',
    successorLink: 'Bekijk het nieuwe certificaat',
    checkedAt: (moment) => `Status opgevraagd op ${moment}.`,
    searchAgain: 'Ander adres of nummer controleren',
    helpTitle: 'Klopt er iets niet?',
    helpItems: [
      'Wonen hier meer mensen dan het maximum?',
      'Is er iets kapot of onveilig, zoals de brandblusser, de rookmelder of het gas?',
      'Wordt er te veel voor de huisvesting van uw loon ingehouden?',
    ],
    helpAction: 'Meld het hieronder. U hoeft uw naam niet te geven.',
    emergency: 'Bij direct gevaar, zoals brand of gaslucht: bel 112.',
    complaintTitle: 'Meld een probleem',
    complaintLabel: 'Wat is er aan de hand?',
    complaintHint: `U mag in uw eigen taal schrijven. Hooguit ${DESCRIPTION_MAX_LENGTH} tekens.`,
    complaintPrivacy: 'Wij vragen niet om uw naam of contactgegevens en bewaren uw IP-adres niet.',
    complaintSubmit: 'Melding versturen',
    complaintSending: 'Bezig met versturen…',
    receivedTitle: 'Uw melding is ontvangen',
    receivedReference: 'Uw referentie:',
    receivedNext:
      'Bewaar deze referentie. De beheerder van het keurmerk bekijkt uw melding en kan een onaangekondigde inspectie laten doen.',
    progressTitle: 'Status van uw melding',
    progressIntro: 'Vul het referentienummer in dat u kreeg toen u de melding stuurde.',
    referenceLabel: 'Referentienummer',
    referenceHint: `Bijvoorbeeld ${EXAMPLE_REFERENCE}`,
    progressButton: 'Status bekijken',
    progressFor: (reference) => `Melding ${reference}`,
    progressStatusName: { ontvangen: 'Ontvangen', 'in-behandeling': 'In behandeling', afgehandeld: 'Afgehandeld' },
    progressStatus: {
      ontvangen: (date) => `Ontvangen op ${date}. De beheerder van het keurmerk bekijkt uw melding binnenkort.`,
      'in-behandeling': (date) => `In behandeling sinds ${date}. De beheerder van het keurmerk onderzoekt uw melding.`,
      afgehandeld: (date) => `Afgehandeld op ${date}.`,
    },
    progressNotFoundTitle: 'Melding niet gevonden',
    progressNotFoundText: 'Er is geen melding met dit referentienummer. Controleer het nummer op de bevestiging die u kreeg.',
    errorReference: `Vul het referentienummer in. Het ziet eruit als ${EXAMPLE_REFERENCE}.`,
    errorSummary: 'Er is iets niet goed ingevuld',
    errorNumber: `Dit certificaatnummer klopt niet. Een certificaatnummer ziet eruit als ${EXAMPLE_NUMBER}.`,
    errorNumberMissing: 'Vul het certificaatnummer in.',
    errorPostcode: `Vul een postcode in zoals ${EXAMPLE_POSTCODE}.`,
    errorHouseNumber: 'Vul het huisnummer in, alleen cijfers.',
    errorHouseLetter: 'Een huisletter is één letter.',
    errorAddition: 'Een toevoeging is hooguit 4 letters of cijfers.',
    errorDescription: 'Beschrijf het probleem.',
    errorDescriptionTooLong: `Uw tekst is te lang: hooguit ${DESCRIPTION_MAX_LENGTH} tekens.`,
    errorTooMany: (m) => `Er zijn te veel meldingen verstuurd vanaf deze aansluiting. Probeer het over ${m} min. opnieuw.`,
    errorSendFailed: 'Versturen is niet gelukt. Probeer het opnieuw.',
    invalidNumberTitle: 'Dit certificaatnummer klopt niet',
    invalidNumberText: (number) =>
      `„${number}” is geen geldig certificaatnummer. Een certificaatnummer ziet eruit als ${EXAMPLE_NUMBER}. Kijk nog eens op de ` +
      `informatiekaart.`,
    notFoundTitle: 'Pagina niet gevonden',
    notFoundText: 'Deze pagina bestaat niet.',
    failureTitle: 'Er ging iets mis',
    failureText: 'Probeer het over een paar minuten opnieuw.',
  },
  en: {
    languageName: 'English',
    tagline: 'National quality mark for labour-migrant housing',
    skipToContent: 'Skip to content',
    languageNavigation: 'Language',
    searchTitle: 'Check your housing',
    searchIntro: 'Does this housing hold a valid certificate? Search by the certificate number on the information card, or by address.',
    byNumber: 'Search by certificate number',
    numberLabel: 'Certificate number',
    numberHint: `You find it on the information card at the entrance, for example ${EXAMPLE_NUMBER}.`,
    byAddress: 'Search by address',
    postcodeLabel: 'Postcode',
    postcodeHint: `For example ${EXAMPLE_POSTCODE}`,
    houseNumberLabel: 'House number',
    houseLetterLabel: 'House letter',
    additionLabel: 'Addition',
    optional: '(if any)',
    searchButton: 'Check',
    or: 'or',
    certified: 'Certified',
    notCertified: 'Not certified',
    status: {
      geldig: {
        title: 'Certificate is valid',
        explanation: (until) =>
          `This accommodation holds the Dutch quality mark for labour-migrant housing (Keurmerk Huisvesting Arbeidsmigranten). The ` +
          `certificate is valid until ${until}.`,
      },
      geschorst: {
        title: 'Not valid: suspended',
        explanation: () =>
          'The certificate is suspended for now: at an inspection the housing did not meet the rules. While it is suspended, this ' +
          'housing is not certified.',
      },
      ingetrokken: {
        title: 'Not valid: withdrawn',
        explanation: () => 'The certificate has been withdrawn. This housing no longer holds the quality mark.',
      },
      verlopen: {
        title: 'Not valid: expired',
        explanation: (until) => `The certificate was valid until ${until} and has not been renewed. This housing is not certified now.`,
      },
      vervangen: {
        title: 'No longer valid: replaced',
        explanation: () =>
          'After a new inspection, this certificate was replaced by a newer certificate for this housing. Only the new certificate counts.',
      },
      'geen-certificaat': {
        title: 'No certificate found',
        explanation: () =>
          'There is no certificate for this number or address. Check that you typed it correctly. Without a certificate, the housing ' +
          'does not hold the quality mark.',
      },
    },
    resultFor: 'Result for',
    backToResult: 'Back to the result',
    detailsTitle: 'Certificate details',
    numberFact: 'Certificate number',
    addressFact: 'Address',
    municipalityFact: 'Municipality',
    maximumResidentsFact: 'Maximum number of residents',
    atMost: (n) => (PLURALS.en.select(n) === 'one' ? `At most ${n} person may live here.` : `At most ${n} people may live here.`),
    validFromFact: 'Valid from',
    validUntilFact: 'Valid until',
    holderFact: 'Certificate holder',
    statusChangedFact: 'Status changed on',
    pdfLink: 'View the certificate (PDF)',
    successorLink: 'View the new certificate',
    checkedAt: (moment) => `Status as of ${moment}.`,
    searchAgain: 'Check another address or number',
    helpTitle: 'Is something wrong?',
    helpItems: [
      'Do more people live here than the maximum?',
      'Is something broken or unsafe, such as the fire extinguisher, the smoke detector or the gas?',
      'Is too much deducted from your wages for the housing?',
    ],
    helpAction: 'Report it below. You do not have to give your name.',
    emergency: 'In immediate danger, such as fire or a smell of gas: call 112.',
    complaintTitle: 'Report a problem',
    complaintLabel: 'What is wrong?',
    complaintHint: `You may write in your own language. At most ${DESCRIPTION_MAX_LENGTH} characters.`,
    complaintPrivacy: 'We do not ask for your name or contact details, and we do not keep your IP address.',
    complaintSubmit: 'Send report',
    complaintSending: 'Sending…',
    receivedTitle: 'Your report has been received',
    receivedReference: 'Your reference:',
    receivedNext: 'Keep this reference. The quality mark’s administrator reviews your report and may order an unannounced inspection.',
    progressTitle: 'Status of your report',
    progressIntro: 'Enter the reference you were given when you sent the report.',
    referenceLabel: 'Reference',
    referenceHint: `For example ${EXAMPLE_REFERENCE}`,
    progressButton: 'Show status',
    progressFor: (reference) => `Report ${reference}`,
    progressStatusName: { ontvangen: 'Received', 'in-behandeling': 'Being handled', afgehandeld: 'Closed' },
    progressStatus: {
      ontvangen: (date) => `Received on ${date}. The quality mark’s administrator will review your report soon.`,
      'in-behandeling': (date) => `Being handled since ${date}. The quality mark’s administrator is looking into your report.`,
      afgehandeld: (date) => `Closed on ${date}.`,
    },
    progressNotFoundTitle: 'Report not found',
    progressNotFoundText: 'There is no report with this reference. Check the reference on the confirmation you were given.',
    errorReference: `Enter the reference. It looks like ${EXAMPLE_REFERENCE}.`,
    errorSummary: 'Something is not filled in correctly',
    errorNumber: `This certificate number is not correct. A certificate number looks like ${EXAMPLE_NUMBER}.`,
    errorNumberMissing: 'Enter the certificate number.',
    errorPostcode: `Enter a postcode like ${EXAMPLE_POSTCODE}.`,
    errorHouseNumber: 'Enter the house number, digits only.',
    errorHouseLetter: 'A house letter is one letter.',
    errorAddition: 'An addition is at most 4 letters or digits.',
    errorDescription: 'Describe the problem.',
    errorDescriptionTooLong: `Your text is too long: at most ${DESCRIPTION_MAX_LENGTH} characters.`,
    errorTooMany: (m) => `Too many reports have been sent from this connection. Try again in ${m} min.`,
    errorSendFailed: 'Sending failed. Please try again.',
    invalidNumberTitle: 'This certificate number is not correct',
    invalidNumberText: (number) =>
      `“${number}” is not a valid certificate number. A certificate number looks like ${EXAMPLE_NUMBER}. Please look at the information ` +
      `card again.`,
    notFoundTitle: 'Page not found',
    notFoundText: 'This page does not exist.',
    failureTitle: 'Something went wrong',
    failureText: 'Please try again in a few minutes.',
  },
  pl: {
    languageName: 'Polski',
    tagline: 'Krajowy znak jakości dla mieszkań pracowników migrujących',
    skipToContent: 'Przejdź do treści',
    languageNavigation: 'Język',
    searchTitle: 'Sprawdź swoje zakwaterowanie',
    searchIntro: 'Czy to zakwaterowanie ma ważny certyfikat? Wyszukaj według numeru certyfikatu z karty informacyjnej albo według adresu.',
    byNumber: 'Szukaj według numeru certyfikatu',
    numberLabel: 'Numer certyfikatu',
    numberHint: `Znajdziesz go na karcie informacyjnej przy wejściu, np. ${EXAMPLE_NUMBER}.`,
    byAddress: 'Szukaj według adresu',
    postcodeLabel: 'Kod pocztowy',
    postcodeHint: `Na przykład ${EXAMPLE_POSTCODE}`,
    houseNumberLabel: 'Numer domu',
    houseLetterLabel: 'Litera przy numerze',
    additionLabel: 'Dodatek do numeru',
    optional: '(jeśli jest)',
    searchButton: 'Sprawdź',
    or: 'lub',
    certified: 'Certyfikowane',
    notCertified: 'Bez certyfikatu',
    status: {
      geldig: {
        title: 'Certyfikat jest ważny',
        explanation: (until) =>
          `To zakwaterowanie posiada holenderski znak jakości dla mieszkań pracowników migrujących (Keurmerk Huisvesting ` +
          `Arbeidsmigranten). Certyfikat jest ważny do ${until}.`,
      },
      geschorst: {
        title: 'Nieważny: zawieszony',
        explanation: () =>
          'Certyfikat jest tymczasowo zawieszony: podczas kontroli zakwaterowanie nie spełniało zasad. Dopóki trwa zawieszenie, to ' +
          'zakwaterowanie nie jest certyfikowane.',
      },
      ingetrokken: {
        title: 'Nieważny: cofnięty',
        explanation: () => 'Certyfikat został cofnięty. To zakwaterowanie nie ma już znaku jakości.',
      },
      verlopen: {
        title: 'Nieważny: wygasł',
        explanation: (until) =>
          `Certyfikat był ważny do ${until} i nie został przedłużony. To zakwaterowanie nie jest teraz certyfikowane.`,
      },
      vervangen: {
        title: 'Już nieważny: zastąpiony',
        explanation: () =>
          'Po nowej inspekcji ten certyfikat został zastąpiony nowszym certyfikatem dla tego zakwaterowania. ' +
          'Liczy się tylko nowy certyfikat.',
      },
      'geen-certificaat': {
        title: 'Nie znaleziono certyfikatu',
        explanation: () =>
          'Dla tego numeru lub adresu nie ma certyfikatu. Sprawdź, czy wpisano go poprawnie. Bez certyfikatu zakwaterowanie nie ma znaku ' +
          'jakości.',
      },
    },
    resultFor: 'Wynik dla:',
    backToResult: 'Wróć do wyniku',
    detailsTitle: 'Dane certyfikatu',
    numberFact: 'Numer certyfikatu',
    addressFact: 'Adres',
    municipalityFact: 'Gmina',
    maximumResidentsFact: 'Maksymalna liczba mieszkańców',
    atMost: (n) => {
      switch (PLURALS.pl.select(n)) {
        case 'one':
          return `Może tu mieszkać najwyżej ${n} osoba.`;
        case 'few':
          return `Mogą tu mieszkać najwyżej ${n} osoby.`;
        default:
          return `Może tu mieszkać najwyżej ${n} osób.`;
      }
    },
    validFromFact: 'Ważny od',
    validUntilFact: 'Ważny do',
    holderFact: 'Posiadacz certyfikatu',
    statusChangedFact: 'Zmiana statusu',
    pdfLink: 'Zobacz certyfikat (PDF)',
    successorLink: 'Zobacz nowy certyfikat',
    checkedAt: (moment) => `Stan na ${moment}.`,
    searchAgain: 'Sprawdź inny adres lub numer',
    helpTitle: 'Coś się nie zgadza?',
    helpItems: [
      'Mieszka tu więcej osób, niż wynosi maksimum?',
      'Coś jest zepsute lub niebezpieczne, np. gaśnica, czujnik dymu albo gaz?',
      'Z wynagrodzenia potrąca się za dużo za zakwaterowanie?',
    ],
    helpAction: 'Zgłoś to poniżej. Nie musisz podawać swojego imienia i nazwiska.',
    emergency: 'W razie bezpośredniego zagrożenia, np. pożaru lub zapachu gazu: dzwoń pod numer 112.',
    complaintTitle: 'Zgłoś problem',
    complaintLabel: 'Co się dzieje?',
    complaintHint: `Możesz pisać w swoim języku. Najwyżej ${DESCRIPTION_MAX_LENGTH} znaków.`,
    complaintPrivacy: 'Nie pytamy o imię i nazwisko ani o dane kontaktowe i nie zapisujemy Twojego adresu IP.',
    complaintSubmit: 'Wyślij zgłoszenie',
    complaintSending: 'Wysyłanie…',
    receivedTitle: 'Twoje zgłoszenie zostało przyjęte',
    receivedReference: 'Numer zgłoszenia:',
    receivedNext: 'Zachowaj ten numer. Zarządca znaku jakości rozpatrzy zgłoszenie i może zlecić niezapowiedzianą inspekcję.',
    progressTitle: 'Status Twojego zgłoszenia',
    progressIntro: 'Wpisz numer zgłoszenia, który otrzymałeś po jego wysłaniu.',
    referenceLabel: 'Numer zgłoszenia',
    referenceHint: `Na przykład ${EXAMPLE_REFERENCE}`,
    progressButton: 'Sprawdź status',
    progressFor: (reference) => `Zgłoszenie ${reference}`,
    progressStatusName: { ontvangen: 'Przyjęte', 'in-behandeling': 'W trakcie rozpatrywania', afgehandeld: 'Zakończone' },
    progressStatus: {
      ontvangen: (date) => `Przyjęte ${date}. Zarządca znaku jakości wkrótce rozpatrzy Twoje zgłoszenie.`,
      'in-behandeling': (date) => `W trakcie rozpatrywania od ${date}. Zarządca znaku jakości bada Twoje zgłoszenie.`,
      afgehandeld: (date) => `Zakończone ${date}.`,
    },
    progressNotFoundTitle: 'Nie znaleziono zgłoszenia',
    progressNotFoundText: 'Nie ma zgłoszenia o tym numerze. Sprawdź numer na otrzymanym potwierdzeniu.',
    errorReference: `Wpisz numer zgłoszenia. Wygląda on tak: ${EXAMPLE_REFERENCE}.`,
    errorSummary: 'Coś zostało wypełnione niepoprawnie',
    errorNumber: `Ten numer certyfikatu jest nieprawidłowy. Numer certyfikatu wygląda tak: ${EXAMPLE_NUMBER}.`,
    errorNumberMissing: 'Wpisz numer certyfikatu.',
    errorPostcode: `Wpisz kod pocztowy, np. ${EXAMPLE_POSTCODE}.`,
    errorHouseNumber: 'Wpisz numer domu (tylko cyfry).',
    errorHouseLetter: 'Litera przy numerze to jedna litera.',
    errorAddition: 'Dodatek do numeru to najwyżej 4 litery lub cyfry.',
    errorDescription: 'Opisz problem.',
    errorDescriptionTooLong: `Tekst jest za długi: najwyżej ${DESCRIPTION_MAX_LENGTH} znaków.`,
    errorTooMany: (m) => `Z tego połączenia wysłano zbyt wiele zgłoszeń. Spróbuj ponownie za ${m} min.`,
    errorSendFailed: 'Nie udało się wysłać. Spróbuj ponownie.',
    invalidNumberTitle: 'Ten numer certyfikatu jest nieprawidłowy',
    invalidNumberText: (number) =>
      `„${number}” nie jest prawidłowym numerem certyfikatu. Numer certyfikatu wygląda tak: ${EXAMPLE_NUMBER}. Sprawdź jeszcze raz kartę ` +
      `informacyjną.`,
    notFoundTitle: 'Nie znaleziono strony',
    notFoundText: 'Ta strona nie istnieje.',
    failureTitle: 'Coś poszło nie tak',
    failureText: 'Spróbuj ponownie za kilka minut.',
  },
  ro: {
    languageName: 'Română',
    tagline: 'Marca națională de calitate pentru cazarea lucrătorilor migranți',
    skipToContent: 'Salt la conținut',
    languageNavigation: 'Limba',
    searchTitle: 'Verificați-vă locuința',
    searchIntro:
      'Are această locuință un certificat valabil? Căutați după numărul certificatului de pe cardul de informare sau după adresă.',
    byNumber: 'Căutare după numărul certificatului',
    numberLabel: 'Numărul certificatului',
    numberHint: `Îl găsiți pe cardul de informare de la intrare, de exemplu ${EXAMPLE_NUMBER}.`,
    byAddress: 'Căutare după adresă',
    postcodeLabel: 'Cod poștal',
    postcodeHint: `De exemplu ${EXAMPLE_POSTCODE}`,
    houseNumberLabel: 'Număr',
    houseLetterLabel: 'Litera numărului',
    additionLabel: 'Completare la număr',
    optional: '(dacă există)',
    searchButton: 'Verificați',
    or: 'sau',
    certified: 'Certificată',
    notCertified: 'Fără certificat',
    status: {
      geldig: {
        title: 'Certificatul este valabil',
        explanation: (until) =>
          `Această locuință deține marca de calitate olandeză pentru cazarea lucrătorilor migranți (Keurmerk Huisvesting ` +
          `Arbeidsmigranten). Certificatul este valabil până la ${until}.`,
      },
      geschorst: {
        title: 'Nevalabil: suspendat',
        explanation: () =>
          'Certificatul este suspendat temporar: la o inspecție, locuința nu a respectat regulile. Cât timp durează suspendarea, această ' +
          'locuință nu este certificată.',
      },
      ingetrokken: {
        title: 'Nevalabil: retras',
        explanation: () => 'Certificatul a fost retras. Această locuință nu mai deține marca de calitate.',
      },
      verlopen: {
        title: 'Nevalabil: expirat',
        explanation: (until) =>
          `Certificatul a fost valabil până la ${until} și nu a fost reînnoit. În prezent, această locuință nu este certificată.`,
      },
      vervangen: {
        title: 'Nu mai este valabil: înlocuit',
        explanation: () =>
          'După o nouă inspecție, acest certificat a fost înlocuit cu un certificat mai nou pentru această locuință. ' +
          'Contează doar noul certificat.',
      },
      'geen-certificaat': {
        title: 'Nu s-a găsit niciun certificat',
        explanation: () =>
          'Pentru acest număr sau această adresă nu există niciun certificat. Verificați dacă l-ați scris corect. Fără certificat, ' +
          'locuința nu deține marca de calitate.',
      },
    },
    resultFor: 'Rezultat pentru:',
    backToResult: 'Înapoi la rezultat',
    detailsTitle: 'Datele certificatului',
    numberFact: 'Numărul certificatului',
    addressFact: 'Adresa',
    municipalityFact: 'Municipalitatea',
    maximumResidentsFact: 'Numărul maxim de locatari',
    atMost: (n) => {
      switch (PLURALS.ro.select(n)) {
        case 'one':
          return `Aici poate locui cel mult ${n} persoană.`;
        case 'few':
          return `Aici pot locui cel mult ${n} persoane.`;
        default:
          return `Aici pot locui cel mult ${n} de persoane.`;
      }
    },
    validFromFact: 'Valabil de la',
    validUntilFact: 'Valabil până la',
    holderFact: 'Titularul certificatului',
    statusChangedFact: 'Starea s-a schimbat la',
    pdfLink: 'Vedeți certificatul (PDF)',
    successorLink: 'Vedeți noul certificat',
    checkedAt: (moment) => `Situația la ${moment}.`,
    searchAgain: 'Verificați altă adresă sau alt număr',
    helpTitle: 'Ceva nu este în regulă?',
    helpItems: [
      'Locuiesc aici mai multe persoane decât numărul maxim?',
      'Ceva este stricat sau periculos, de exemplu stingătorul, detectorul de fum sau gazul?',
      'Vi se reține din salariu prea mult pentru cazare?',
    ],
    helpAction: 'Semnalați mai jos. Nu trebuie să vă spuneți numele.',
    emergency: 'În caz de pericol imediat, de exemplu incendiu sau miros de gaz: sunați la 112.',
    complaintTitle: 'Semnalați o problemă',
    complaintLabel: 'Ce nu este în regulă?',
    complaintHint: `Puteți scrie în limba dumneavoastră. Cel mult ${DESCRIPTION_MAX_LENGTH} de caractere.`,
    complaintPrivacy: 'Nu vă cerem numele sau datele de contact și nu păstrăm adresa dumneavoastră IP.',
    complaintSubmit: 'Trimiteți sesizarea',
    complaintSending: 'Se trimite…',
    receivedTitle: 'Sesizarea dumneavoastră a fost primită',
    receivedReference: 'Numărul de referință:',
    receivedNext: 'Păstrați acest număr. Administratorul mărcii de calitate analizează sesizarea și poate dispune o inspecție neanunțată.',
    progressTitle: 'Starea sesizării dumneavoastră',
    progressIntro: 'Introduceți numărul de referință primit când ați trimis sesizarea.',
    referenceLabel: 'Număr de referință',
    referenceHint: `De exemplu ${EXAMPLE_REFERENCE}`,
    progressButton: 'Vedeți starea',
    progressFor: (reference) => `Sesizarea ${reference}`,
    progressStatusName: { ontvangen: 'Primită', 'in-behandeling': 'În curs de soluționare', afgehandeld: 'Soluționată' },
    progressStatus: {
      ontvangen: (date) => `Primită pe ${date}. Administratorul mărcii de calitate va analiza în curând sesizarea.`,
      'in-behandeling': (date) => `În curs de soluționare din ${date}. Administratorul mărcii de calitate cercetează sesizarea.`,
      afgehandeld: (date) => `Soluționată pe ${date}.`,
    },
    progressNotFoundTitle: 'Sesizarea nu a fost găsită',
    progressNotFoundText: 'Nu există nicio sesizare cu acest număr de referință. Verificați numărul pe confirmarea primită.',
    errorReference: `Introduceți numărul de referință. Arată așa: ${EXAMPLE_REFERENCE}.`,
    errorSummary: 'Ceva nu este completat corect',
    errorNumber: `Acest număr de certificat nu este corect. Un număr de certificat arată așa: ${EXAMPLE_NUMBER}.`,
    errorNumberMissing: 'Introduceți numărul certificatului.',
    errorPostcode: `Introduceți un cod poștal de forma ${EXAMPLE_POSTCODE}.`,
    errorHouseNumber: 'Introduceți numărul, doar cifre.',
    errorHouseLetter: 'Litera numărului este o singură literă.',
    errorAddition: 'Completarea are cel mult 4 litere sau cifre.',
    errorDescription: 'Descrieți problema.',
    errorDescriptionTooLong: `Textul este prea lung: cel mult ${DESCRIPTION_MAX_LENGTH} de caractere.`,
    errorTooMany: (m) => `De la această conexiune s-au trimis prea multe sesizări. Încercați din nou peste ${m} min.`,
    errorSendFailed: 'Trimiterea nu a reușit. Încercați din nou.',
    invalidNumberTitle: 'Acest număr de certificat nu este corect',
    invalidNumberText: (number) =>
      `„${number}” nu este un număr de certificat valabil. Un număr de certificat arată așa: ${EXAMPLE_NUMBER}. Verificați din nou ` +
      `cardul de informare.`,
    notFoundTitle: 'Pagina nu a fost găsită',
    notFoundText: 'Această pagină nu există.',
    failureTitle: 'Ceva nu a funcționat',
    failureText: 'Încercați din nou peste câteva minute.',
  },
  bg: {
    languageName: 'Български',
    tagline: 'Национален знак за качество за жилищата на работници мигранти',
    skipToContent: 'Към съдържанието',
    languageNavigation: 'Език',
    searchTitle: 'Проверете жилището си',
    searchIntro: 'Има ли това жилище валиден сертификат? Търсете по номера на сертификата от информационната карта или по адрес.',
    byNumber: 'Търсене по номер на сертификат',
    numberLabel: 'Номер на сертификата',
    numberHint: `Ще го намерите на информационната карта до входа, например ${EXAMPLE_NUMBER}.`,
    byAddress: 'Търсене по адрес',
    postcodeLabel: 'Пощенски код',
    postcodeHint: `Например ${EXAMPLE_POSTCODE}`,
    houseNumberLabel: 'Номер на сградата',
    houseLetterLabel: 'Буква към номера',
    additionLabel: 'Допълнение към номера',
    optional: '(ако има)',
    searchButton: 'Проверете',
    or: 'или',
    certified: 'Сертифицирано',
    notCertified: 'Без сертификат',
    status: {
      geldig: {
        title: 'Сертификатът е валиден',
        explanation: (until) =>
          `Това жилище притежава нидерландския знак за качество за настаняване на работници мигранти (Keurmerk Huisvesting ` +
          `Arbeidsmigranten). ` +
          sentence(`Сертификатът е валиден до ${until}`),
      },
      geschorst: {
        title: 'Невалиден: спрян',
        explanation: () =>
          'Сертификатът е временно спрян: при проверка жилището не е отговаряло на правилата. Докато спирането е в сила, това жилище не ' +
          'е сертифицирано.',
      },
      ingetrokken: {
        title: 'Невалиден: отнет',
        explanation: () => 'Сертификатът е отнет. Това жилище вече няма знака за качество.',
      },
      verlopen: {
        title: 'Невалиден: изтекъл',
        explanation: (until) => `Сертификатът беше валиден до ${until} и не е подновен. В момента това жилище не е сертифицирано.`,
      },
      vervangen: {
        title: 'Вече не е валиден: заменен',
        explanation: () =>
          'След нова проверка този сертификат беше заменен с по-нов сертификат за това жилище. Важи само новият сертификат.',
      },
      'geen-certificaat': {
        title: 'Не е намерен сертификат',
        explanation: () =>
          'За този номер или адрес няма сертификат. Проверете дали сте го въвели правилно. Без сертификат жилището няма знака за качество.',
      },
    },
    resultFor: 'Резултат за:',
    backToResult: 'Обратно към резултата',
    detailsTitle: 'Данни на сертификата',
    numberFact: 'Номер на сертификата',
    addressFact: 'Адрес',
    municipalityFact: 'Община',
    maximumResidentsFact: 'Максимален брой живущи',
    atMost: (n) =>
      PLURALS.bg.select(n) === 'one' ? `Тук може да живее най-много ${n} човек.` : `Тук могат да живеят най-много ${n} души.`,
    validFromFact: 'Валиден от',
    validUntilFact: 'Валиден до',
    holderFact: 'Притежател на сертификата',
    statusChangedFact: 'Статусът е променен на',
    pdfLink: 'Вижте сертификата (PDF)',
    successorLink: 'Вижте новия сертификат',
    checkedAt: (moment) => `Състояние към ${moment}.`,
    searchAgain: 'Проверете друг адрес или номер',
    helpTitle: 'Нещо не е наред?',
    helpItems: [
      'Тук живеят повече хора от максималния брой?',
      'Нещо е повредено или опасно, например пожарогасителят, детекторът за дим или газът?',
      'От заплатата ви се удържа твърде много за жилището?',
    ],
    helpAction: 'Подайте сигнал по-долу. Не е нужно да посочвате името си.',
    emergency: 'При непосредствена опасност, например пожар или миризма на газ: обадете се на 112.',
    complaintTitle: 'Подайте сигнал за проблем',
    complaintLabel: 'Какъв е проблемът?',
    complaintHint: `Можете да пишете на своя език. Най-много ${DESCRIPTION_MAX_LENGTH} знака.`,
    complaintPrivacy: 'Не искаме вашето име или данни за контакт и не пазим вашия IP адрес.',
    complaintSubmit: 'Изпратете сигнала',
    complaintSending: 'Изпращане…',
    receivedTitle: 'Сигналът ви е получен',
    receivedReference: 'Референтен номер:',
    receivedNext:
      'Запазете този номер. Администраторът на знака за качество ще разгледа сигнала и може да назначи непредизвестена проверка.',
    progressTitle: 'Статус на вашия сигнал',
    progressIntro: 'Въведете референтния номер, който получихте при подаването на сигнала.',
    referenceLabel: 'Референтен номер',
    referenceHint: `Например ${EXAMPLE_REFERENCE}`,
    progressButton: 'Покажете статуса',
    progressFor: (reference) => `Сигнал ${reference}`,
    progressStatusName: { ontvangen: 'Получен', 'in-behandeling': 'В процес на разглеждане', afgehandeld: 'Приключен' },
    progressStatus: {
      ontvangen: (date) => `${sentence(`Получен на ${date}`)} Администраторът на знака за качество скоро ще разгледа сигнала ви.`,
      'in-behandeling': (date) =>
        `${sentence(`В процес на разглеждане от ${date}`)} Администраторът на знака за качество проучва сигнала ви.`,
      afgehandeld: (date) => sentence(`Приключен на ${date}`),
    },
    progressNotFoundTitle: 'Сигналът не е намерен',
    progressNotFoundText: 'Няма сигнал с този референтен номер. Проверете номера в потвърждението, което получихте.',
    errorReference: `Въведете референтния номер. Той изглежда така: ${EXAMPLE_REFERENCE}.`,
    errorSummary: 'Нещо не е попълнено правилно',
    errorNumber: `Този номер на сертификат е грешен. Номерът на сертификата изглежда така: ${EXAMPLE_NUMBER}.`,
    errorNumberMissing: 'Въведете номера на сертификата.',
    errorPostcode: `Въведете пощенски код, например ${EXAMPLE_POSTCODE}.`,
    errorHouseNumber: 'Въведете номера на сградата, само цифри.',
    errorHouseLetter: 'Буквата към номера е една буква.',
    errorAddition: 'Допълнението е най-много 4 букви или цифри.',
    errorDescription: 'Опишете проблема.',
    errorDescriptionTooLong: `Текстът е твърде дълъг: най-много ${DESCRIPTION_MAX_LENGTH} знака.`,
    errorTooMany: (m) => `От тази връзка са изпратени твърде много сигнали. Опитайте отново след ${m} мин.`,
    errorSendFailed: 'Изпращането не бе успешно. Опитайте отново.',
    invalidNumberTitle: 'Този номер на сертификат е грешен',
    invalidNumberText: (number) =>
      `„${number}“ не е валиден номер на сертификат. Номерът на сертификата изглежда така: ${EXAMPLE_NUMBER}. Проверете отново ` +
      `информационната карта.`,
    notFoundTitle: 'Страницата не е намерена',
    notFoundText: 'Тази страница не съществува.',
    failureTitle: 'Нещо се обърка',
    failureText: 'Опитайте отново след няколко минути.',
  },
};
