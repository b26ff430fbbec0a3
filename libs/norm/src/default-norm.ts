import { DEFAULT_NORM_ENGLISH } from './default-norm.en';
import { MeasuredCriterion, NormVersion, Severity, YesNoCriterion } from './norm-version';

/*
 * The default norm, version 2026.1, built from the facts in DOMAIN.md.
 *
 * Codes: a two-letter section code and a two-digit number (RU-01), stable across versions so
 * findings and statistics can be followed from one norm version to the next; a new criterion gets
 * the next free number, a removed one's number is never reused.
 *
 * Points, which weigh criteria in the score: yes/no criteria by severity (knock-out 10, major 5,
 * minor 2), so a failed knock-out costs most. Every measured criterion gets 5: its real weight is in
 * the capacity it allows, and it only fails when it supports nobody.
 *
 * Severity of measured criteria: knock-out. One that supports nobody makes the maximum residents 0,
 * and a location certified for nobody is no certificate at all, so its failure must block granting.
 */

const YES_NO_POINTS: Record<Severity, number> = { 'knock-out': 10, major: 5, minor: 2 };
const MEASURED_POINTS = 5;

type MeasuredSpec = Omit<MeasuredCriterion, 'kind' | 'severity' | 'points'>;
type YesNoSpec = Omit<YesNoCriterion, 'kind' | 'points'>;

function measured(spec: MeasuredSpec): MeasuredCriterion {
  return { ...spec, kind: 'measured', severity: 'knock-out', points: MEASURED_POINTS, ...english(spec.code) };
}

function yesNo(spec: YesNoSpec): YesNoCriterion {
  return { ...spec, kind: 'yes-no', points: YES_NO_POINTS[spec.severity], ...english(spec.code) };
}

function english(code: string): Pick<MeasuredCriterion, 'translations'> {
  const en = DEFAULT_NORM_ENGLISH.criteria[code];
  return en ? { translations: { en } } : {};
}

const norm: NormVersion = {
  version: '2026.1',
  status: 'published',
  effectiveDate: '2026-01-01',
  sections: [
    {
      code: 'RU',
      title: 'Ruimte',
      criteria: [
        measured({
          code: 'RU-01',
          title: 'Gebruiksoppervlakte (GBO)',
          guidance:
            'Meet de gebruiksoppervlakte (GBO, NEN 2580) van alle ruimten die de bewoners gebruiken en vul het totaal in m² in. ' +
            'Ruimten met een vrije hoogte onder 1,5 m en buitenruimten (balkon, tuin) tellen niet mee. ' +
            'Norm: 12 m² per persoon; logiesgebouw 10 m²; nieuwbouw en hotel 15 m². ' +
            'Nieuwbouw gaat voor: een nieuw gebouwd logiesgebouw rekent met 15 m².',
          unit: 'm2',
          minimumPerPerson: 12,
          // New build first: "new build or hotel: / 15" is the stricter, newer rule, and the lodging
          // building's 10 m² is a concession to existing stock that a new building does not need.
          variants: [
            { newBuild: true, minimumPerPerson: 15 },
            { housingType: 'hotel', minimumPerPerson: 15 },
            { housingType: 'logiesgebouw', minimumPerPerson: 10 },
          ],
        }),
        measured({
          code: 'RU-02',
          title: 'Vloeroppervlakte van de slaapkamers',
          guidance:
            'Meet de vloeroppervlakte van elke slaapkamer (alleen het deel met een vrije hoogte van ten minste 1,5 m) ' +
            'en vul het totaal van alle slaapkamers in m² in. Norm: 3,5 m² per persoon.',
          unit: 'm2',
          minimumPerPerson: 3.5,
        }),
      ],
    },
    {
      code: 'PR',
      title: 'Privacy',
      criteria: [
        measured({
          code: 'PR-01',
          title: 'Slaapkamers',
          guidance:
            'Tel de ruimten die als slaapkamer in gebruik zijn. ' +
            'Norm: ten hoogste 2 personen per slaapkamer; in nieuwbouw 1 persoon per slaapkamer.',
          unit: 'aantal',
          personsPerUnit: 2,
          variants: [{ newBuild: true, personsPerUnit: 1 }],
        }),
        measured({
          code: 'PR-02',
          title: 'Bedden met een matras van ten minste 80 × 200 cm',
          guidance:
            'Tel de bedden met een eigen matras van ten minste 80 × 200 cm. ' +
            'Een bed met een kleiner, versleten of ontbrekend matras telt niet mee. Norm: 1 bed per persoon.',
          unit: 'aantal',
          personsPerUnit: 1,
        }),
        measured({
          code: 'PR-03',
          title: 'Kledingkasten van ten minste 0,36 m³',
          guidance:
            'Tel de kledingkasten met een inhoud van ten minste 0,36 m³. ' +
            'Een kast buiten de slaapkamer telt alleen mee als hij afsluitbaar is. Norm: 1 kast per persoon.',
          unit: 'aantal',
          personsPerUnit: 1,
        }),
        measured({
          code: 'PR-04',
          title: 'Stoelen',
          guidance: 'Tel de stoelen die de bewoners kunnen gebruiken, in de woonruimte en de slaapkamers. Norm: 1 stoel per persoon.',
          unit: 'aantal',
          personsPerUnit: 1,
        }),
      ],
    },
    {
      code: 'SA',
      title: 'Sanitair',
      criteria: [
        measured({
          code: 'SA-01',
          title: 'Toiletten',
          guidance:
            'Tel de werkende toiletten in een afsluitbare ruimte die de bewoners kunnen gebruiken. ' + 'Norm: 1 toilet per 8 personen.',
          unit: 'aantal',
          personsPerUnit: 8,
        }),
        measured({
          code: 'SA-02',
          title: 'Douches',
          guidance:
            'Tel de werkende douches met warm water in een afsluitbare ruimte die de bewoners kunnen gebruiken. ' +
            'Norm: 1 douche per 8 personen.',
          unit: 'aantal',
          personsPerUnit: 8,
        }),
      ],
    },
    {
      code: 'VZ',
      title: 'Voorzieningen',
      criteria: [
        measured({
          code: 'VZ-01',
          title: 'Inhoud koelkasten en vriezers',
          guidance:
            'Tel de netto inhoud in liter (zie het typeplaatje) van alle werkende koelkasten en vriezers voor de bewoners ' +
            'bij elkaar op. Norm: 30 liter per persoon.',
          unit: 'liter',
          minimumPerPerson: 30,
        }),
        measured({
          code: 'VZ-02',
          title: 'Kookpitten',
          guidance:
            'Tel de werkende kookpitten en kookzones. Minder dan 4: de locatie voldoet niet. ' +
            'Vanaf 4: 2 personen per kookpit, en altijd ten minste 8 personen.',
          unit: 'aantal',
          minimumUnits: 4,
          minimumPersons: 8,
          personsPerUnit: 2,
        }),
        measured({
          code: 'VZ-03',
          title: 'Wandcontactdozen',
          guidance:
            'Tel de aansluitpunten van vaste wandcontactdozen in woon- en slaapruimten; een dubbele wandcontactdoos telt als 2. ' +
            'Stekkerdozen en verlengsnoeren tellen niet mee. Norm: 1 aansluitpunt per persoon.',
          unit: 'aantal',
          personsPerUnit: 1,
        }),
        yesNo({
          code: 'VZ-04',
          title: 'Was- en droogvoorziening',
          guidance:
            'Er is een werkende wasmachine of een wasservice voor de bewoners, en een plek om was te drogen buiten de slaapkamers. ' +
            'Was die in de slaapkamers moet drogen: voldoet niet.',
          severity: 'major',
        }),
      ],
    },
    {
      code: 'BZ',
      title: 'Bezetting',
      criteria: [
        yesNo({
          code: 'BZ-01',
          title: 'Aantal aanwezige bewoners niet hoger dan het gecertificeerde maximum',
          guidance:
            'Stel vast hoeveel personen op de locatie wonen (bedden in gebruik, persoonlijke spullen, bewonerslijst). ' +
            'Vergelijk met het maximum aantal bewoners op het geldende certificaat; bij een eerste inspectie met het ' +
            'aangevraagde aantal slaapplaatsen.',
          severity: 'knock-out',
        }),
        yesNo({
          code: 'BZ-02',
          title: 'Alle ruimten toegankelijk voor de inspecteur',
          guidance:
            'Alle ruimten, ook de slaapkamers, worden voor de inspecteur geopend. ' +
            'Een afgesloten slaapkamer: voldoet niet, en er volgt een herinspectie.',
          severity: 'major',
        }),
      ],
    },
    {
      code: 'ID',
      title: 'Indeling',
      criteria: [
        yesNo({
          code: 'ID-01',
          title: 'Alle woonfuncties onder één dak en inpandig bereikbaar',
          guidance:
            'Slapen, koken, eten, wassen, toiletgebruik en verblijven gebeuren in één gebouw, ' +
            'en elke ruimte is bereikbaar zonder naar buiten te gaan.',
          severity: 'knock-out',
        }),
      ],
    },
    {
      code: 'VL',
      title: 'Veiligheid',
      criteria: [
        yesNo({
          code: 'VL-01',
          title: 'Geen overbelaste wandcontactdozen of doorgekoppelde verlengsnoeren',
          guidance:
            'Er zijn geen stekkerdozen of verlengsnoeren aan elkaar gekoppeld, en zware apparaten (kachel, waterkoker, ' +
            'wasmachine, droger) hangen niet samen aan één stekkerdoos.',
          severity: 'major',
        }),
        yesNo({
          code: 'VL-02',
          title: 'Gastoestellen onderhouden door een CO-gecertificeerd installateur',
          guidance:
            'Vraag voor elk gastoestel (cv-ketel, geiser, kooktoestel, kachel) het bewijs van onderhoud door een installateur ' +
            'met CO-certificaat, volgens het onderhoudsvoorschrift van de fabrikant. ' +
            "Geen gastoestellen op de locatie: antwoord 'voldoet'. Een knock-outcriterium kan niet nvt zijn.",
          severity: 'knock-out',
        }),
      ],
    },
    {
      code: 'BV',
      title: 'Brandveiligheid',
      criteria: [
        yesNo({
          code: 'BV-01',
          title: 'Brandblusser van ten minste 6 liter binnen 5 m van de kookplaats',
          guidance:
            'Binnen 5 meter van elke kookplaats hangt een brandblusser van ten minste 6 liter, ' +
            'met een geldig onderhoudslabel (niet verlopen) en een intacte verzegeling.',
          severity: 'knock-out',
        }),
        yesNo({
          code: 'BV-02',
          title: 'Blusdeken bij de kookplaats',
          guidance: 'Bij elke kookplaats hangt een blusdeken die te pakken is zonder over het kooktoestel te reiken.',
          severity: 'major',
        }),
        yesNo({
          code: 'BV-03',
          title: 'Rook- en CO-melders werkend, met batterijback-up, niet verlopen',
          guidance:
            'Test elke rook- en CO-melder met de testknop en controleer de batterijback-up en de vervaldatum op de melder. ' +
            'Eén melder die niet werkt, geen back-up heeft of verlopen is: voldoet niet.',
          severity: 'knock-out',
        }),
        yesNo({
          code: 'BV-04',
          title: 'Brandmeldinstallatie onderhouden en gekeurd',
          guidance:
            'Als er een brandmeldinstallatie is: vraag het onderhoudsrapport en het geldige inspectiecertificaat. ' +
            'Geen brandmeldinstallatie: nvt.',
          severity: 'major',
          notApplicableAllowed: true,
        }),
      ],
    },
    {
      code: 'IF',
      title: 'Informatie',
      criteria: [
        yesNo({
          code: 'IF-01',
          title: 'Informatiekaart opgehangen',
          guidance:
            'Op een zichtbare plek bij de ingang hangt de informatiekaart van het keurmerk: adres, maximum aantal bewoners, ' +
            'tekst in het Nederlands en het Engels, en de QR-code. ' +
            'Eerste inspectie: nvt, want de kaart hoort bij het certificaat dat nog niet is afgegeven.',
          severity: 'major',
          // The card is printed with the certificate; requiring it before the first grant would make
          // every initial inspection fail a major criterion that blocks that very grant.
          notApplicableAllowed: true,
        }),
        yesNo({
          code: 'IF-02',
          title: 'Rechten en huisregels in een taal die de bewoner begrijpt',
          guidance:
            'De bewoners hebben hun rechten en de huisregels op schrift gekregen in een taal die zij begrijpen. ' +
            'Bekijk de documenten en vraag bewoners ernaar.',
          severity: 'major',
        }),
      ],
    },
    {
      code: 'CT',
      title: 'Contract',
      criteria: [
        yesNo({
          code: 'CT-01',
          title: 'Huurovereenkomst los van de arbeidsovereenkomst',
          guidance:
            'Bekijk een steekproef van huurovereenkomsten: de huisvesting is geregeld in een eigen overeenkomst, ' +
            'niet in de arbeidsovereenkomst.',
          severity: 'knock-out',
        }),
        yesNo({
          code: 'CT-02',
          title: 'Inhouding voor huisvesting ten hoogste 25% van het wettelijk minimumloon',
          guidance:
            'Bekijk een steekproef van loonstroken: de inhouding voor huisvesting is ten hoogste 25% van het wettelijk ' +
            'minimumloon en staat apart gespecificeerd, en de bewoner heeft er schriftelijk mee ingestemd, ' +
            'met de mogelijkheid die toestemming in te trekken.',
          severity: 'knock-out',
        }),
      ],
    },
    {
      code: 'BH',
      title: 'Beheer',
      criteria: [
        yesNo({
          code: 'BH-01',
          title: 'Toezicht en beheer',
          guidance:
            'Het onderhoud is geregeld (planning, afgehandelde reparaties), de bewoners hebben een bereikbare contactpersoon, ' +
            'en de buren zijn geïnformeerd over de bewoning en weten bij wie zij terechtkunnen.',
          severity: 'major',
        }),
        yesNo({
          code: 'BH-02',
          title: 'Klachtenprocedure bekend bij de bewoners',
          guidance:
            'De bewoners weten hoe en bij wie zij een klacht indienen, ook bij het keurmerk zelf via de QR-code op de informatiekaart.',
          severity: 'minor',
        }),
      ],
    },
  ],
};

/** The published default norm 2026.1. Frozen: it is shared by every caller in the process. */
export const DEFAULT_NORM: NormVersion = deepFreeze({
  ...norm,
  sections: norm.sections.map((section) => {
    const title = DEFAULT_NORM_ENGLISH.sections[section.code];
    return title ? { ...section, translations: { en: { title } } } : section;
  }),
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const nested of Object.values(value)) deepFreeze(nested);
    Object.freeze(value);
  }
  return value;
}
