/** The scheme's name is Dutch in every language: it is a proper name, like the brand on the card. */
export const SCHEME_NAME = 'Keurmerk Huisvesting Arbeidsmigranten';

/** Page 1, the certificate itself: Dutch, the scheme's working language. */
export const CERTIFICATE_TEXTS = {
  schemeTagline: 'Nationaal keurmerk voor de huisvesting van arbeidsmigranten',
  title: 'CERTIFICAAT',
  numberLabel: 'Certificaatnummer',
  statement: (normVersion: string): string =>
    `Hierbij wordt verklaard dat de hieronder genoemde huisvesting voor arbeidsmigranten is geïnspecteerd ` +
    `en voldoet aan de norm van het ${SCHEME_NAME}, versie ${normVersion}.`,
  holderLabel: 'Certificaathouder',
  kvkLabel: 'KvK-nummer',
  addressLabel: 'Adres van de huisvesting',
  municipalityLabel: 'Gemeente',
  validityLabel: 'Geldigheid',
  validity: (from: string, until: string): string => `${from} tot ${until}`,
  normLabel: 'Normversie',
  issuedOnLabel: 'Datum van afgifte',
  maximumResidentsLabel: 'Maximaal aantal bewoners',
  maximumResidentsNote: 'Het certificaat geldt alleen zolang dit aantal niet wordt overschreden.',
  qrCaption: 'Scan voor de actuele status',
  sealNote:
    'Dit certificaat is elektronisch ondertekend (PAdES) en heeft daarom geen handtekening op papier. ' +
    'Elke wijziging in het bestand maakt de elektronische handtekening ongeldig.',
  footerCheck: (url: string): string =>
    `Controleer altijd de actuele status via ${url} of scan de QR-code. Een certificaat kan na afgifte ` +
    `worden geschorst, ingetrokken of verlopen.`,
  footerCheckEnglish: (url: string): string =>
    `Always check the current status at ${url}: a certificate may be suspended, withdrawn or expire after issue.`,
  page: (page: number, pages: number): string => `Pagina ${page} van ${pages}`,
};

export type InformationCardLanguage = 'nl' | 'en' | 'pl' | 'ro' | 'bg';

export interface InformationCardTexts {
  languageName: string;
  certified: string;
  maximumResidents: (count: number) => string;
  certificate: (certificateNumber: string, validUntil: string) => string;
  /** Ends where the web address follows; the renderer puts the address on its own line if needed. */
  checkAndComplain: string;
}

/**
 * Page 2, the card posted at the location, for residents in their own language. The maximum is
 * written as "label: number" so no language needs plural rules (Polish and Bulgarian have several).
 * Romanian uses the comma-below ș and ț (U+0219, U+021B), not the cedilla forms.
 */
export const INFORMATION_CARD_TEXTS: Record<InformationCardLanguage, InformationCardTexts> = {
  nl: {
    languageName: 'Nederlands',
    certified: 'Deze huisvesting heeft het Keurmerk Huisvesting Arbeidsmigranten.',
    maximumResidents: (count) => `Maximaal aantal bewoners: ${count}`,
    certificate: (number, until) => `Certificaat ${number}, geldig tot ${until}.`,
    checkAndComplain: 'Controleer het certificaat of meld een probleem: scan de QR-code of ga naar',
  },
  en: {
    languageName: 'English',
    certified: 'This accommodation holds the Dutch quality mark for labour-migrant housing.',
    maximumResidents: (count) => `Maximum number of residents: ${count}`,
    certificate: (number, until) => `Certificate ${number}, valid until ${until}.`,
    checkAndComplain: 'Check the certificate or report a problem: scan the QR code or go to',
  },
  pl: {
    languageName: 'Polski',
    certified: 'To zakwaterowanie posiada holenderski znak jakości dla mieszkań pracowników migrujących.',
    maximumResidents: (count) => `Maksymalna liczba mieszkańców: ${count}`,
    certificate: (number, until) => `Certyfikat ${number}, ważny do ${until}.`,
    checkAndComplain: 'Sprawdź certyfikat lub zgłoś problem: zeskanuj kod QR lub wejdź na',
  },
  ro: {
    languageName: 'Română',
    certified: 'Această locuință deține marca de calitate olandeză pentru cazarea lucrătorilor migranți.',
    maximumResidents: (count) => `Numărul maxim de locatari: ${count}`,
    certificate: (number, until) => `Certificatul ${number}, valabil până la ${until}.`,
    checkAndComplain: 'Verificați certificatul sau semnalați o problemă: scanați codul QR sau accesați',
  },
  bg: {
    languageName: 'Български',
    certified: 'Това жилище притежава нидерландския знак за качество за настаняване на работници мигранти.',
    maximumResidents: (count) => `Максимален брой живущи: ${count}`,
    certificate: (number, until) => `Сертификат ${number}, валиден до ${until}.`,
    checkAndComplain: 'Проверете сертификата или подайте сигнал за проблем: сканирайте QR кода или посетете',
  },
};

export const INFORMATION_CARD_LANGUAGES: InformationCardLanguage[] = ['nl', 'en', 'pl', 'ro', 'bg'];

/** Short headings that carry all five languages at once, for the parts of the card everyone reads. */
export const INFORMATION_CARD_HEADINGS = {
  title: 'INFORMATIEKAART',
  subtitle: 'Information card · Karta informacyjna · Card de informare · Информационна карта',
  postInstruction: 'Hang deze kaart zichtbaar op bij de ingang · Post this card visibly at the entrance',
  addressLabel: 'Adres · Address · Adres · Adresa · Адрес',
  maximumResidentsLabel:
    'Maximaal aantal bewoners · Maximum residents · Maks. liczba mieszkańców · Nr. maxim de locatari · Макс. брой живущи',
  checkLabel: 'Controleer · Check · Sprawdź · Verificați · Проверете',
  qrExplanation:
    'Scan de QR-code of open de link om het certificaat te controleren of een probleem te melden.\n' +
    'Scan the QR code or open the link to check the certificate or to report a problem.',
  footer: (certificateNumber: string): string => `${SCHEME_NAME} · certificaat ${certificateNumber}`,
};
