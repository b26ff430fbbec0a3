export type ReportLanguage = 'nl' | 'en';

const HOUSING_NL: Record<string, string> = {
  woning: 'Woning',
  logiesgebouw: 'Logiesgebouw',
  huisvestingsunit: 'Huisvestingsunit',
  recreatiewoning: 'Recreatiewoning',
  hotel: 'Hotel',
};
const HOUSING_EN: Record<string, string> = {
  woning: 'House',
  logiesgebouw: 'Lodging building',
  huisvestingsunit: 'Housing unit',
  recreatiewoning: 'Holiday home',
  hotel: 'Hotel',
};
const KIND_NL: Record<string, string> = {
  initieel: 'Eerste keuring',
  periodiek: 'Periodieke keuring',
  onaangekondigd: 'Onaangekondigde keuring',
  herinspectie: 'Herinspectie',
};
const KIND_EN: Record<string, string> = {
  initieel: 'First inspection',
  periodiek: 'Periodic inspection',
  onaangekondigd: 'Unannounced inspection',
  herinspectie: 'Re-inspection',
};

export interface InspectionReportTexts {
  scheme: string;
  title: string;
  holder: string;
  municipality: string;
  housing: string;
  newBuild: string;
  requestedBeds: string;
  inspection: string;
  normVersion: string;
  planned: string;
  submitted: string;
  auditor: string;
  outcome: string;
  score: string;
  maximumResidents: string;
  findingsCount: string;
  photos: string;
  findingsLegend: string;
  otherDocuments: (count: number) => string;
  noDecision: string;
  decision: string;
  granted: string;
  refused: string;
  decidedBy: (name: string, date: string) => string;
  explanation: string;
  findings: string;
  noFindings: string;
  noRemark: string;
  deadline: string;
  reinspection: string;
  severity: (severity: string) => string;
  answers: string;
  remark: string;
  result: (result: string | null) => string;
  persons: (count: number) => string;
  housingType: (type: string) => string;
  kind: (kind: string) => string;
  generated: (date: string) => string;
  page: (page: number, count: number) => string;
  unit: (unit: string) => string;
}

/** The report's words in the landlord's language (criterion titles come from the norm as they are). */
export const INSPECTION_REPORT_TEXTS: Record<ReportLanguage, InspectionReportTexts> = {
  nl: {
    scheme: 'Nationaal Keurmerk Huisvesting Arbeidsmigranten',
    title: 'Inspectierapport',
    holder: 'Houder',
    municipality: 'Gemeente',
    housing: 'Soort huisvesting',
    newBuild: 'nieuwbouw',
    requestedBeds: 'Aangevraagde slaapplaatsen',
    inspection: 'Inspectie',
    normVersion: 'norm',
    planned: 'Gepland',
    submitted: 'Ingediend',
    auditor: 'Auditor',
    outcome: 'Uitslag en besluit',
    score: 'Score',
    maximumResidents: 'Maximaal aantal bewoners',
    findingsCount: 'Bevindingen: knock-out / major / minor',
    photos: "Foto's als bewijs",
    findingsLegend:
      'De score is het aandeel punten van de toepasselijke criteria dat voldoet. Het maximaal aantal bewoners is het kleinste aantal ' +
      'dat de metingen en de aangevraagde slaapplaatsen toelaten.',
    otherDocuments: (count: number) => `Daarnaast ${count} ${count === 1 ? 'document' : 'documenten'} als bewijs.`,
    noDecision: 'Er is nog geen besluit over deze inspectie.',
    decision: 'Besluit',
    granted: 'toegekend',
    refused: 'afgewezen',
    decidedBy: (name: string, date: string) => `Besloten door ${name} op ${date}`,
    explanation: 'Toelichting van de certificeerder',
    findings: 'Bevindingen',
    noFindings: 'Geen bevindingen: alle criteria voldoen.',
    noRemark: 'Geen opmerking van de auditor.',
    deadline: 'herstellen vóór',
    reinspection: 'alleen op te heffen door herinspectie',
    severity: (severity: string) => (severity === 'knock-out' ? 'Knock-out' : severity === 'major' ? 'Major' : 'Minor'),
    answers: 'Alle antwoorden en metingen',
    remark: 'Opmerking',
    result: (result: string | null) =>
      result === 'voldoet' ? 'Voldoet' : result === 'voldoet-niet' ? 'Voldoet niet' : result === 'nvt' ? 'N.v.t.' : 'Niet beantwoord',
    persons: (count: number) => `${count} ${count === 1 ? 'persoon' : 'personen'}`,
    housingType: (type: string) => HOUSING_NL[type] ?? type,
    kind: (kind: string) => KIND_NL[kind] ?? kind,
    generated: (date: string) => `Opgesteld op ${date}`,
    page: (page: number, count: number) => `Pagina ${page} van ${count}`,
    unit: (unit: string) => ({ m2: 'm²', m3: 'm³', aantal: 'stuks', liter: 'liter' })[unit] ?? unit,
  },
  en: {
    scheme: 'National Quality Mark for Labour Migrant Housing',
    title: 'Inspection report',
    holder: 'Holder',
    municipality: 'Municipality',
    housing: 'Type of housing',
    newBuild: 'new build',
    requestedBeds: 'Beds applied for',
    inspection: 'Inspection',
    normVersion: 'norm',
    planned: 'Planned',
    submitted: 'Submitted',
    auditor: 'Auditor',
    outcome: 'Result and decision',
    score: 'Score',
    maximumResidents: 'Maximum residents',
    findingsCount: 'Findings: knock-out / major / minor',
    photos: 'Photos as evidence',
    findingsLegend:
      'The score is the share of points of the applicable criteria that pass. The maximum number of residents is the smallest number ' +
      'the measurements and the beds applied for allow.',
    otherDocuments: (count: number) => `Also ${count} ${count === 1 ? 'document' : 'documents'} as evidence.`,
    noDecision: 'There is no decision on this inspection yet.',
    decision: 'Decision',
    granted: 'granted',
    refused: 'refused',
    decidedBy: (name: string, date: string) => `Decided by ${name} on ${date}`,
    explanation: "The certifier's explanation",
    findings: 'Findings',
    noFindings: 'No findings: every criterion passes.',
    noRemark: 'No remark from the auditor.',
    deadline: 'repair by',
    reinspection: 'lifted only by a re-inspection',
    severity: (severity: string) => (severity === 'knock-out' ? 'Knock-out' : severity === 'major' ? 'Major' : 'Minor'),
    answers: 'Every answer and measurement',
    remark: 'Remark',
    result: (result: string | null) =>
      result === 'voldoet' ? 'Passes' : result === 'voldoet-niet' ? 'Fails' : result === 'nvt' ? 'N/a' : 'Not answered',
    persons: (count: number) => `${count} ${count === 1 ? 'person' : 'persons'}`,
    housingType: (type: string) => HOUSING_EN[type] ?? type,
    kind: (kind: string) => KIND_EN[kind] ?? kind,
    generated: (date: string) => `Drawn up on ${date}`,
    page: (page: number, count: number) => `Page ${page} of ${count}`,
    unit: (unit: string) => ({ m2: 'm²', m3: 'm³', aantal: 'pieces', liter: 'litres' })[unit] ?? unit,
  },
};
