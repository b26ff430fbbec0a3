import { ACCOUNT_NAME_MAX_LENGTH, KVK_NUMBER_DIGITS, PASSWORD_MIN_LENGTH } from '@keurmerk/accounts';
import { RESOLUTION_MAX_LENGTH } from '@keurmerk/complaints';
import { ANNOUNCED_NOTICE_HOURS, MAX_RELATION_DESCRIPTION_LENGTH } from '@keurmerk/inspections';
import type { CriterionChange } from './norm-diff';
import { catalog, counted } from '../shared/catalog';

/** Every text of the administrator's pages, Dutch and English side by side. */
export const adminText = catalog({
  chooseOrganisationLandlordAuditorBelongs: {
    nl: 'Kies de organisatie: een verhuurder of auditor hoort bij een organisatie.',
    en: 'Choose the organisation: a landlord or auditor belongs to one.',
  },
  thisOrganisationWrongKindRole: {
    nl: 'Deze organisatie is van de verkeerde soort voor deze rol.',
    en: 'This organisation is of the wrong kind for this role.',
  },
  thisRoleBelongsNoOrganisation: {
    nl: 'Deze rol hoort niet bij een organisatie: laat het veld leeg.',
    en: 'This role belongs to no organisation: leave it empty.',
  },
  chooseThisUsersMunicipality: { nl: 'Kies de gemeente van deze gebruiker.', en: 'Choose this user’s municipality.' },
  onlyMunicipalUserBelongsMunicipality: {
    nl: 'Alleen een gemeentegebruiker hoort bij een gemeente: laat het veld leeg.',
    en: 'Only a municipal user belongs to a municipality: leave it empty.',
  },
  onlyAuditorInspectionBodyHas: {
    nl: 'Alleen een auditor (of inspectie-instelling) heeft een accreditatie: laat het veld leeg.',
    en: 'Only an auditor (or inspection body) has an accreditation: leave it empty.',
  },
  enterAValidDate: { nl: 'Vul een geldige datum in.', en: 'Enter a valid date.' },
  announcedNoticeHint: {
    nl: `Een aangekondigde keuring ten minste ${ANNOUNCED_NOTICE_HOURS} uur vooruit: de verhuurder krijgt bericht zodra u plant.`,
    en: `An announced inspection at least ${ANNOUNCED_NOTICE_HOURS} hours ahead: the landlord is told as soon as you plan it.`,
  },
  announcedNoticeTooShort: {
    nl: (earliest: string) =>
      `Te kort dag: een aangekondigde keuring plant u ten minste ${ANNOUNCED_NOTICE_HOURS} uur vooruit. ` +
      `Kies ${earliest} of later, of plan een onaangekondigde keuring.`,
    en: (earliest: string) =>
      `Too short notice: plan an announced inspection at least ${ANNOUNCED_NOTICE_HOURS} hours ahead. ` +
      `Choose ${earliest} or later, or plan an unannounced inspection.`,
  },
  addAUser: { nl: 'Gebruiker toevoegen', en: 'Add a user' },
  noUsersYet: { nl: 'Nog geen gebruikers.', en: 'No users yet.' },
  name: { nl: 'Naam', en: 'Name' },
  eMailAddress: { nl: 'E-mailadres', en: 'E-mail address' },
  role: { nl: 'Rol', en: 'Role' },
  belongsTo: { nl: 'Hoort bij', en: 'Belongs to' },
  active: { nl: 'Actief', en: 'Active' },
  yes: { nl: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', en: 'No' },
  theUserHasBeenCreated: { nl: 'De gebruiker is aangemaakt.', en: 'The user has been created.' },
  users: { nl: 'Gebruikers', en: 'Users' },
  firstPassword: { nl: 'Eerste wachtwoord', en: 'First password' },
  firstPasswordHint: {
    nl: `Minstens ${PASSWORD_MIN_LENGTH} tekens. Geef het de gebruiker op een veilige manier door.`,
    en: `At least ${PASSWORD_MIN_LENGTH} characters. Pass it on to the user safely.`,
  },
  chooseARole: { nl: 'Kies een rol', en: 'Choose a role' },
  organisation: { nl: 'Organisatie', en: 'Organisation' },
  forLandlordLandlordOrganisationAuditor: {
    nl: 'Voor een verhuurder (een verhuurder) of auditor (een inspectie-instelling).',
    en: 'For a landlord (a landlord organisation) or auditor (an inspection body).',
  },
  none: { nl: 'Geen', en: 'None' },
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  onlyMunicipalUser: { nl: 'Alleen voor een gemeentegebruiker.', en: 'Only for a municipal user.' },
  personalAccreditationValidUntil: { nl: 'Persoonlijke accreditatie geldig tot', en: 'Personal accreditation valid until' },
  onlyAuditorEmptyIfDoes: {
    nl: 'Alleen voor een auditor; leeg als die niet apart geldt.',
    en: 'Only for an auditor; empty if it does not apply separately.',
  },
  createUser: { nl: 'Gebruiker aanmaken', en: 'Create user' },
  cancel: { nl: 'Annuleren', en: 'Cancel' },
  theOrganisationHasBeenRegistered: { nl: 'De organisatie is geregistreerd.', en: 'The organisation has been registered.' },
  theRelationHasBeenRecorded: { nl: 'De relatie is vastgelegd.', en: 'The relation has been recorded.' },
  noOrganisationsYet: { nl: 'Nog geen organisaties.', en: 'No organisations yet.' },
  kvkNumber: { nl: 'KvK-nummer', en: 'KvK number' },
  kind: { nl: 'Soort', en: 'Kind' },
  accreditedUntil: { nl: 'Accreditatie tot', en: 'Accredited until' },
  registerAnOrganisation: { nl: 'Organisatie registreren', en: 'Register an organisation' },
  n8Digits: { nl: '8 cijfers', en: '8 digits' },
  chooseAKind: { nl: 'Kies een soort', en: 'Choose a kind' },
  accreditationValidUntil: { nl: 'Accreditatie geldig tot', en: 'Accreditation valid until' },
  onlyInspectionBodyIsoIec: {
    nl: 'Alleen voor een inspectie-instelling (ISO/IEC 17020).',
    en: 'Only for an inspection body (ISO/IEC 17020).',
  },
  register: { nl: 'Registreren', en: 'Register' },
  auditorsDeclaredRelations: { nl: 'Verklaarde relaties van auditors', en: 'Auditors’ declared relations' },
  anAuditorCannotInspectLandlord: {
    nl: 'Een auditor kan geen keuring doen bij een verhuurder waarmee een relatie is verklaard.',
    en: 'An auditor cannot inspect for a landlord with whom a relation is declared.',
  },
  noRelationsDeclared: { nl: 'Geen relaties verklaard.', en: 'No relations declared.' },
  auditor: { nl: 'Auditor', en: 'Auditor' },
  chooseAnAuditor: { nl: 'Kies een auditor', en: 'Choose an auditor' },
  landlord: { nl: 'Verhuurder', en: 'Landlord' },
  chooseALandlord: { nl: 'Kies een verhuurder', en: 'Choose a landlord' },
  description: { nl: 'Omschrijving', en: 'Description' },
  recordRelation: { nl: 'Relatie vastleggen', en: 'Record relation' },
  organisations: { nl: 'Organisaties', en: 'Organisations' },
  noConflictInterestAuditorMay: {
    nl: 'Geen belangenconflict: deze auditor mag deze keuring doen.',
    en: 'No conflict of interest: this auditor may do this inspection.',
  },
  thisAuditorCannotDoInspection: { nl: 'Deze auditor kan deze keuring niet doen', en: 'This auditor cannot do this inspection' },
  location: { nl: 'Locatie', en: 'Location' },
  kindOfInspection: { nl: 'Soort keuring', en: 'Kind of inspection' },
  date: { nl: 'Datum', en: 'Date' },
  time: { nl: 'Tijd', en: 'Time' },
  whenYouChooseYouSee: {
    nl: 'Bij het kiezen ziet u meteen of de auditor een belangenconflict heeft of niet geaccrediteerd is.',
    en: 'When you choose, you see at once whether the auditor has a conflict of interest or lacks accreditation.',
  },
  checkForConflicts: { nl: 'Controleer op conflicten', en: 'Check for conflicts' },
  planInspection: { nl: 'Keuring plannen', en: 'Plan inspection' },
  enterValidTimeSuch09: { nl: 'Vul een geldige tijd in, zoals 09:30.', en: 'Enter a valid time, such as 09:30.' },
  planAnUnannouncedInspection: { nl: 'Onaangekondigde keuring plannen', en: 'Plan an unannounced inspection' },
  planAnInspection: { nl: 'Keuring plannen', en: 'Plan an inspection' },
  chooseAuditorCheck: { nl: 'Kies een auditor om te controleren.', en: 'Choose an auditor to check.' },
  chooseAnActiveAuditor: { nl: 'Kies een actieve auditor.', en: 'Choose an active auditor.' },
  chooseKindInspection: { nl: 'Kies een soort keuring.', en: 'Choose a kind of inspection.' },
  unknown: { nl: 'Onbekend', en: 'Unknown' },
  status: { nl: 'Status', en: 'Status' },
  all: { nl: 'Alle', en: 'All' },
  filter: { nl: 'Filteren', en: 'Filter' },
  noComplaints: { nl: 'Geen meldingen.', en: 'No complaints.' },
  reference: { nl: 'Referentie', en: 'Reference' },
  received: { nl: 'Ontvangen', en: 'Received' },
  about: { nl: 'Over', en: 'About' },
  complaints: { nl: 'Meldingen', en: 'Complaints' },
  theUnannouncedInspectionHasBeen: { nl: 'De onaangekondigde keuring is gepland.', en: 'The unannounced inspection has been planned.' },
  theComplaintHasBeenClosed: { nl: 'De melding is afgehandeld.', en: 'The complaint has been closed.' },
  describeWhatWasDoneComplaint: {
    nl: `Beschrijf wat er met de melding is gedaan (1 tot ${RESOLUTION_MAX_LENGTH} tekens).`,
    en: `Describe what was done with the complaint (1 to ${RESOLUTION_MAX_LENGTH} characters).`,
  },
  certificateNumber: { nl: 'Certificaatnummer', en: 'Certificate number' },
  language: { nl: 'Taal', en: 'Language' },
  inspection: { nl: 'Keuring', en: 'Inspection' },
  resolution: { nl: 'Afhandeling', en: 'Resolution' },
  complaint: { nl: 'Melding', en: 'Complaint' },
  thisComplaintNamesNoKnown: {
    nl: 'Deze melding noemt geen bekende locatie; er kan geen keuring voor worden gepland.',
    en: 'This complaint names no known location; no inspection can be planned for it.',
  },
  close: { nl: 'Afhandelen', en: 'Close' },
  whatWasDoneComplaint: { nl: 'Wat is er met de melding gedaan?', en: 'What was done with the complaint?' },
  closeComplaintFinal: { nl: 'De melding afhandelen? Dat is definitief.', en: 'Close the complaint? This is final.' },
  closeComplaint: { nl: 'Melding afhandelen', en: 'Close complaint' },
  allComplaints: { nl: 'Alle meldingen', en: 'All complaints' },
  complaintReference: { nl: (reference: string) => `Melding ${reference}`, en: (reference: string) => `Complaint ${reference}` },
  theDocumentWrongPlaceS: {
    nl: (count: number) => `Het document klopt op ${counted(count, 'punt', 'punten')} niet; zie de lijst hierboven.`,
    en: (count: number) => `The document is wrong in ${counted(count, 'place', 'places')}; see the list above.`,
  },
  normDocumentJson: { nl: 'Normdocument (JSON)', en: 'Norm document (JSON)' },
  inApisShapePostV1: {
    nl: 'In de vorm van de API (POST /v1/normen): versie, ingangsdatum, secties met criteria. De status bepaalt publiceren.',
    en: 'In the API’s shape (POST /v1/normen): versie, ingangsdatum, secties with criteria. Publishing decides the status.',
  },
  field: { nl: 'Veld', en: 'Field' },
  was: { nl: 'Was', en: 'Was' },
  becomes: { nl: 'Wordt', en: 'Becomes' },
  newDraft: { nl: 'Nieuw concept', en: 'New draft' },
  thereNoNormVersionYet: { nl: 'Er is nog geen normversie.', en: 'There is no norm version yet.' },
  version: { nl: 'Versie', en: 'Version' },
  effectiveDate: { nl: 'Ingangsdatum', en: 'Effective date' },
  published: { nl: 'Gepubliceerd', en: 'Published' },
  compare: { nl: 'Vergelijken', en: 'Compare' },
  compareWith: { nl: (version: string) => `Vergelijk met ${version}`, en: (version: string) => `Compare with ${version}` },
  normVersions: { nl: 'Normversies', en: 'Norm versions' },
  theDraftHasBeenSaved: { nl: 'Het concept is opgeslagen.', en: 'The draft has been saved.' },
  theVersionHasBeenPublished: { nl: 'De versie is gepubliceerd.', en: 'The version has been published.' },
  versionCompared: { nl: (version: string) => `Versie ${version} vergeleken`, en: (version: string) => `Version ${version} compared` },
  thisFirstVersionThereNothing: {
    nl: 'Dit is de eerste versie: er is niets om mee te vergelijken.',
    en: 'This is the first version: there is nothing to compare it with.',
  },
  backToTheVersion: { nl: 'Terug naar de versie', en: 'Back to the version' },
  whatDifferentFrom: {
    nl: (version: string, version2: string) => `Wat er in ${version} anders is dan in ${version2}.`,
    en: (version: string, version2: string) => `What is different in ${version} from ${version2}.`,
  },
  toTheVersion: { nl: 'Naar de versie', en: 'To the version' },
  legend: { nl: 'Legenda', en: 'Legend' },
  addedNew: { nl: 'Toegevoegd / nieuw', en: 'Added / new' },
  removedOld: { nl: 'Vervallen / oud', en: 'Removed / old' },
  changed: { nl: 'Gewijzigd', en: 'Changed' },
  noDifferencesCriteria: { nl: 'Geen verschillen in de criteria.', en: 'No differences in the criteria.' },
  criteriaDiffer: {
    nl: (count: number) => (count === 1 ? '1 criterium verschilt.' : `${count} criteria verschillen.`),
    en: (count: number) => (count === 1 ? '1 criterion differs.' : `${count} criteria differ.`),
  },
  section: { nl: 'Sectie', en: 'Section' },
  thisNotValidJsonCheck: {
    nl: 'Dit is geen geldige JSON. Controleer haakjes, komma’s en aanhalingstekens.',
    en: 'This is not valid JSON. Check brackets, commas and quotes.',
  },
  aCopyNewestPublishedVersion: {
    nl:
      'Een kopie van de nieuwste gepubliceerde versie, onder het volgende versienummer. Pas de criteria aan en sla het concept op; ' +
      'publiceren is een aparte stap.',
    en:
      'A copy of the newest published version under the next version number. Change the criteria and save the draft; publishing is a ' +
      'separate step.',
  },
  saveDraft: { nl: 'Concept opslaan', en: 'Save draft' },
  sectionsAndCriteria: { nl: 'Secties en criteria', en: 'Sections and criteria' },
  comparePreviousVersion: { nl: 'Vergelijk met de vorige versie', en: 'Compare with the previous version' },
  publishVersionCannotChangeAfterwards: {
    nl: (version: string) => `Versie ${version} publiceren? Daarna kan ze niet meer veranderen.`,
    en: (version: string) => `Publish version ${version}? It cannot change afterwards.`,
  },
  publish: { nl: 'Publiceren', en: 'Publish' },
  editTheDraft: { nl: 'Concept bewerken', en: 'Edit the draft' },
  saveChanges: { nl: 'Wijzigingen opslaan', en: 'Save changes' },
  aPublishedVersionNeverChanges: {
    nl: 'Een gepubliceerde versie verandert nooit meer: elke keuring wordt beoordeeld met de versie die eraan vastzit.',
    en: 'A published version never changes again: each inspection is judged by the version pinned to it.',
  },
  normVersion: { nl: (version: string) => `Normversie ${version}`, en: (version: string) => `Norm version ${version}` },
  applications: { nl: 'Aanvragen', en: 'Applications' },
  inspections: { nl: 'Keuringen', en: 'Inspections' },
  certificates: { nl: 'Certificaten', en: 'Certificates' },
  findingsPastTheirRepairDeadline: { nl: 'Bevindingen over de hersteltermijn', en: 'Findings past their repair deadline' },
  noOpenFindingsPastTheir: { nl: 'Geen open bevindingen over hun termijn.', en: 'No open findings past their deadline.' },
  criterion: { nl: 'Criterium', en: 'Criterion' },
  severity: { nl: 'Ernst', en: 'Severity' },
  deadline: { nl: 'Termijn', en: 'Deadline' },
  theOldestOf: {
    nl: (count: number, total: number) => `De ${count} oudste van ${total}.`,
    en: (count: number, total: number) => `The oldest ${count} of ${total}.`,
  },
  overview: { nl: 'Overzicht', en: 'Overview' },
  applicationsWaitingInspection: { nl: 'Aanvragen die op een keuring wachten', en: 'Applications waiting for an inspection' },
  noApplicationsWaitingInspection: {
    nl: 'Geen aanvragen die op een keuring wachten.',
    en: 'No applications are waiting for an inspection.',
  },
  applied: { nl: 'Aangevraagd', en: 'Applied' },
  documents: { nl: 'Documenten', en: 'Documents' },
  /** How many of the required documents an application has: "3 van 5 documenten". */
  documentsPresentOf: {
    nl: (present: number, required: number) => `${present} van ${counted(required, 'document', 'documenten')}`,
    en: (present: number, required: number) => `${present} of ${counted(required, 'document', 'documents')}`,
  },
  applicationOf: { nl: (address: string) => `Aanvraag ${address}`, en: (address: string) => `Application ${address}` },
  application: { nl: 'Aanvraag', en: 'Application' },
  address: { nl: 'Adres', en: 'Address' },
  backToPlanning: { nl: '← Keuringen plannen', en: '← Plan inspections' },
  documentsMissing: {
    nl: (missing: number) =>
      `${counted(missing, 'gevraagd document ontbreekt', 'gevraagde documenten ontbreken')}. ` +
      'U kunt ze bij de verhuurder opvragen voordat u de keuring plant.',
    en: (missing: number) =>
      `${counted(missing, 'required document is missing', 'required documents are missing')}. ` +
      'You can ask the landlord for them before you plan the inspection.',
  },
  allDocumentsPresent: { nl: 'Alle gevraagde documenten zijn er.', en: 'All required documents are there.' },
  inspectionAlreadyPlanned: {
    nl: 'Voor deze aanvraag is al een keuring gepland.',
    en: 'An inspection has already been planned for this application.',
  },
  applicationClosed: { nl: 'Deze aanvraag is gesloten.', en: 'This application is closed.' },
  action: { nl: 'Actie', en: 'Action' },
  plannedInspections: { nl: 'Geplande keuringen', en: 'Planned inspections' },
  noInspectionsArePlanned: { nl: 'Er zijn geen keuringen gepland.', en: 'No inspections are planned.' },
  when: { nl: 'Wanneer', en: 'When' },
  theInspectionHasBeenPlanned: { nl: 'De keuring is gepland.', en: 'The inspection has been planned.' },
  planInspections: { nl: 'Keuringen plannen', en: 'Plan inspections' },
  criterionChanges: {
    nl: { added: 'Toegevoegd', removed: 'Vervallen', changed: 'Gewijzigd' } satisfies Record<CriterionChange['kind'], string>,
    en: { added: 'Added', removed: 'Removed', changed: 'Changed' },
  },
  complaintLanguages: {
    nl: { nl: 'Nederlands', en: 'Engels', pl: 'Pools', ro: 'Roemeens', bg: 'Bulgaars' } as Record<string, string>,
    en: { nl: 'Dutch', en: 'English', pl: 'Polish', ro: 'Romanian', bg: 'Bulgarian' },
  },
  urgencyHints: {
    nl: { overbewoning: 'Overbewoning?', brandveiligheid: 'Brandveiligheid?', looninhouding: 'Looninhouding?' } as Record<string, string>,
    en: { overbewoning: 'Overcrowding?', brandveiligheid: 'Fire safety?', looninhouding: 'Pay deductions?' },
  },
  complaintExcerpt: { nl: 'Melding', en: 'Complaint' },
  urgency: { nl: 'Signalen', en: 'Urgency hints' },
  urgencyExplained: {
    nl: 'Signalen komen uit woorden in de tekst (ook in het Pools, Roemeens en Bulgaars); lees de melding zelf.',
    en: 'Hints come from words in the text (in Polish, Romanian and Bulgarian too); read the complaint itself.',
  },
  locationCertificate: { nl: 'Certificaat', en: 'Certificate' },
  complaintFlags: {
    nl: { 'onbekend-certificaatnummer': 'Onbekend certificaatnummer', 'onbekend-adres': 'Onbekend adres' } as Record<string, string>,
    en: { 'onbekend-certificaatnummer': 'Unknown certificate number', 'onbekend-adres': 'Unknown address' },
  },
  organisationKinds: {
    nl: { verhuurder: 'Verhuurder', 'inspectie-instelling': 'Inspectie-instelling' } as Record<string, string>,
    en: { verhuurder: 'Landlord', 'inspectie-instelling': 'Inspection body' },
  },
  accountFieldHelp: {
    nl: {
      email: 'Vul een geldig e-mailadres in.',
      wachtwoord: `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`,
      naam: `Vul een naam in (ten hoogste ${ACCOUNT_NAME_MAX_LENGTH} tekens).`,
      rol: 'Kies een rol.',
      kvkNummer: `Een KvK-nummer is ${KVK_NUMBER_DIGITS} cijfers.`,
      soort: 'Kies een soort organisatie.',
      auditorId: 'Kies een auditor.',
      omschrijving: `Beschrijf de relatie (ten hoogste ${MAX_RELATION_DESCRIPTION_LENGTH} tekens).`,
    } as Record<string, string>,
    en: {
      email: 'Enter a valid e-mail address.',
      wachtwoord: `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters.`,
      naam: `Enter a name (at most ${ACCOUNT_NAME_MAX_LENGTH} characters).`,
      rol: 'Choose a role.',
      kvkNummer: `A KvK number is ${KVK_NUMBER_DIGITS} digits.`,
      soort: 'Choose a kind of organisation.',
      auditorId: 'Choose an auditor.',
      omschrijving: `Describe the relation (at most ${MAX_RELATION_DESCRIPTION_LENGTH} characters).`,
    },
  },
  // Objections (bezwaren); the words every role shares are in sharedText(web).objection.
  objectionsOverview: {
    nl: (open: number, overdue: number) =>
      `${open} ${open === 1 ? 'bezwaar wacht' : 'bezwaren wachten'} op een beslissing, waarvan ${overdue} over de beslistermijn. ` +
      'Overschreden termijnen staan bovenaan.',
    en: (open: number, overdue: number) =>
      `${open} ${open === 1 ? 'objection is' : 'objections are'} waiting for a decision, ${overdue} of them past the decision term. ` +
      'Exceeded terms come first.',
  },
  noObjections: { nl: 'Er zijn geen bezwaren.', en: 'There are no objections.' },
  allObjections: { nl: 'Alle bezwaren', en: 'All objections' },
  // The administrator's table has always headed these two columns in its own words, where the landlord's says
  // objection.filedOn ('Ingediend op') and objection.statusLabel ('Status'); kept, so that this page does not change.
  objectionFiled: { nl: 'Ingediend', en: 'Filed' },
  objectionOutcome: { nl: 'Stand', en: 'State' },
  planningRequests: { nl: 'Planningsverzoeken', en: 'Planning requests' },
  openPlanningRequests: {
    nl: (open: number) => `${open} open`,
    en: (open: number) => `${open} open`,
  },
  overduePlanningRequests: {
    nl: (overdue: number) => `${overdue} te laat`,
    en: (overdue: number) => `${overdue} overdue`,
  },
  planningRequestsExplained: {
    nl:
      'Locaties die gekeurd moeten worden, de vroegste uiterste datum bovenaan. ' +
      'Een keuring van de locatie met de gevraagde soort plannen zet het verzoek op ingepland.',
    en:
      'Locations that must be inspected, the earliest deadline first. ' +
      'Planning an inspection of the location with the asked kind marks the request as planned.',
  },
  noOpenPlanningRequests: { nl: 'Er staan geen planningsverzoeken open.', en: 'No planning requests are open.' },
  dueBy: { nl: 'Uiterlijk', en: 'Due by' },
  timeLeft: { nl: 'Resterend', en: 'Time left' },
  reason: { nl: 'Reden', en: 'Reason' },
  overdue: { nl: 'Te laat', en: 'Overdue' },
  dueToday: { nl: 'Vandaag', en: 'Today' },
  daysLeft: {
    nl: (days: number) => (days === 1 ? 'nog 1 dag' : `nog ${days} dagen`),
    en: (days: number) => (days === 1 ? '1 day left' : `${days} days left`),
  },
  daysLate: {
    nl: (days: number) => (days === 1 ? '1 dag te laat' : `${days} dagen te laat`),
    en: (days: number) => (days === 1 ? '1 day late' : `${days} days late`),
  },
  noCertificate: { nl: 'geen', en: 'none' },
  planForRequest: { nl: 'Keuring plannen', en: 'Plan inspection' },
  planningReasons: {
    nl: {
      herinspectie: 'Herinspectie vóór verloop',
      steekproef: 'Steekproef',
      melding: 'Melding',
      wijziging: 'Wijziging van de locatie',
      bezwaar: 'Gegrond bezwaar',
    } as Record<string, string>,
    en: {
      herinspectie: 'Re-inspection before expiry',
      steekproef: 'Random sample',
      melding: 'Complaint',
      wijziging: 'Change of the location',
      bezwaar: 'Objection upheld',
    },
  },
  auditorsLoad: { nl: 'Belasting van de auditors', en: 'Auditors’ load' },
  auditorsLoadExplained: {
    nl: (weeks: number) =>
      `Keuringen die nog gedaan moeten worden, per week, de komende ${weeks} weken. Wie bovenaan staat heeft de meeste ruimte.`,
    en: (weeks: number) => `Inspections still to be done, per week, for the coming ${weeks} weeks. Whoever is on top has the most room.`,
  },
  weekNumber: { nl: (week: number) => `Week ${week}`, en: (week: number) => `Week ${week}` },
  total: { nl: 'Totaal', en: 'Total' },
  noActiveAuditors: { nl: 'Er zijn geen actieve auditors.', en: 'There are no active auditors.' },
  forPlanningRequest: { nl: 'Voor planningsverzoek', en: 'For planning request' },
  inspectionNeeded: { nl: 'Inspectie nodig', en: 'Inspection needed' },
  inspectionNeededExplained: {
    nl: (days: number) =>
      `Zet een verzoek om een onaangekondigde keuring van deze locatie op de planning, uiterlijk binnen ${days} dagen. ` +
      'De verhuurder ziet daar niets van.',
    en: (days: number) =>
      `Puts a request for an unannounced inspection of this location on the planning, due within ${days} days. ` +
      'The landlord sees nothing of it.',
  },
  inspectionRequestOpened: {
    nl: 'Het verzoek om een onaangekondigde keuring staat op de planning.',
    en: 'The request for an unannounced inspection is on the planning.',
  },
  inspectionRequestAlreadyOpen: {
    nl: 'Voor deze locatie stond al een verzoek om een onaangekondigde keuring na een melding open; er is geen tweede gemaakt.',
    en: 'An unannounced inspection after a complaint was already requested for this location; no second request was made.',
  },
  onThePlanning: { nl: 'Op de planning', en: 'On the planning' },
  toThePlanning: { nl: 'Naar de planning', en: 'To the planning' },
  outgoingMail: { nl: 'Uitgaande e-mail', en: 'Outgoing e-mail' },
  mailKeptExplanation: {
    nl: 'Er is geen mailserver ingesteld (SMTP_URL): e-mail wordt niet verstuurd maar hier bewaard. Lees en stuur door wat nodig is.',
    en: 'No mail server is configured (SMTP_URL): e-mail is not sent but kept here. Read it and pass on what is needed.',
  },
  mailSentExplanation: {
    nl:
      'E-mail gaat via de ingestelde mailserver. Wat niet lukt, wordt later opnieuw geprobeerd; na de laatste poging staat het hier ' +
      'als mislukt.',
    en: 'E-mail goes through the configured mail server. What fails is retried later; after the last attempt it shows here as failed.',
  },
  noMail: { nl: 'Er is nog geen e-mail.', en: 'There is no e-mail yet.' },
  mailTo: { nl: 'Aan', en: 'To' },
  mailSubject: { nl: 'Onderwerp', en: 'Subject' },
  mailCreated: { nl: 'Aangemaakt', en: 'Created' },
  mailSent: { nl: 'Verstuurd', en: 'Sent' },
  mailAttempts: { nl: 'Pogingen', en: 'Attempts' },
  mailLastError: { nl: 'Laatste fout', en: 'Last error' },
  mailNextAttempt: { nl: 'Volgende poging', en: 'Next attempt' },
  mailLanguage: { nl: 'Taal', en: 'Language' },
  mailKind: { nl: 'Soort bericht', en: 'Kind of message' },
  backToOutgoingMail: { nl: 'Terug naar uitgaande e-mail', en: 'Back to outgoing e-mail' },
  mailStatuses: {
    nl: { pending: 'wacht', sent: 'verstuurd', kept: 'bewaard', failed: 'mislukt' } as Record<string, string>,
    en: { pending: 'waiting', sent: 'sent', kept: 'kept', failed: 'failed' } as Record<string, string>,
  },
  mailTemplates: {
    nl: {
      'password-reset': 'Wachtwoord herstellen',
      'inspection-announced': 'Keuring aangekondigd',
      'inspection-decided': 'Besluit na keuring',
      'repair-reminder': 'Herinnering hersteltermijn',
      'certificate-issued': 'Certificaat afgegeven',
      'certificate-replaced': 'Certificaat vervangen',
      'certificate-suspended': 'Certificaat geschorst',
      'certificate-reinstated': 'Schorsing opgeheven',
      'certificate-withdrawn': 'Certificaat ingetrokken',
      'certificate-expiring': 'Certificaat verloopt',
      'objection-received': 'Bezwaar ontvangen',
      'objection-decided': 'Besluit op bezwaar',
    } as Record<string, string>,
    en: {
      'password-reset': 'Password reset',
      'inspection-announced': 'Inspection announced',
      'inspection-decided': 'Decision after inspection',
      'repair-reminder': 'Repair deadline reminder',
      'certificate-issued': 'Certificate issued',
      'certificate-replaced': 'Certificate replaced',
      'certificate-suspended': 'Certificate suspended',
      'certificate-reinstated': 'Suspension lifted',
      'certificate-withdrawn': 'Certificate withdrawn',
      'certificate-expiring': 'Certificate expiring',
      'objection-received': 'Objection received',
      'objection-decided': 'Decision on objection',
    } as Record<string, string>,
  },
  editUser: { nl: 'Gebruiker wijzigen', en: 'Edit user' },
  editOrganisation: { nl: 'Organisatie wijzigen', en: 'Edit organisation' },
  change: { nl: 'Wijzigen', en: 'Edit' },
  rename: { nl: 'Naam opslaan', en: 'Save name' },
  deactivate: { nl: 'Uitschakelen', en: 'Deactivate' },
  reactivate: { nl: 'Weer inschakelen', en: 'Reactivate' },
  deactivateExplained: {
    nl:
      'Een uitgeschakelde gebruiker kan niet meer inloggen: sessies, tokens en de API-sleutels ' +
      'die deze gebruiker maakte werken direct niet meer.',
    en: 'A deactivated user can no longer sign in: their sessions, tokens and the API keys they made stop working at once.',
  },
  thisUserIsActive: { nl: 'Deze gebruiker is actief.', en: 'This user is active.' },
  thisUserIsInactive: { nl: 'Deze gebruiker is uitgeschakeld.', en: 'This user is deactivated.' },
  youCannotDeactivateYourself: { nl: 'U kunt uw eigen account niet uitschakelen.', en: 'You cannot deactivate your own account.' },
  accreditation: { nl: 'Accreditatie', en: 'Accreditation' },
  renewAccreditation: { nl: 'Geldig tot opslaan', en: 'Save valid until' },
  endAccreditation: { nl: 'Accreditatie per vandaag beëindigen', en: 'End the accreditation as of today' },
  endAccreditationExplained: {
    nl: 'Na het beëindigen kan deze auditor of instelling geen nieuwe keuringen meer krijgen.',
    en: 'After ending it, this auditor or body can no longer be assigned new inspections.',
  },
  noAccreditation: { nl: 'Geen', en: 'None' },
  theChangeHasBeenSaved: { nl: 'De wijziging is opgeslagen.', en: 'The change has been saved.' },
  passwordProblemsForNewUser: {
    nl: {
      blank: 'Een wachtwoord bestaat niet alleen uit spaties.',
      common: 'Dit wachtwoord komt voor in lijsten van gelekte wachtwoorden. Kies een ander.',
    } as Record<string, string>,
    en: {
      blank: 'A password is more than spaces.',
      common: 'This password appears in lists of leaked passwords. Choose another.',
    },
  },
  secondFactor: { nl: 'Tweestapsverificatie', en: 'Two-step verification' },
  secondFactorResetExplained: {
    nl: 'Staat aan. Is de telefoon en zijn de herstelcodes kwijt? Zet het uit; de gebruiker stelt het daarna opnieuw in.',
    en: 'On. Phone and recovery codes lost? Turn it off; the user then sets it up again.',
  },
  turnOffSecondFactor: { nl: 'Tweestapsverificatie uitzetten', en: 'Turn off two-step verification' },
  // Locations: address claims and transfers (issue 15).
  locationsAndClaims: { nl: 'Locaties en adresclaims', en: 'Locations and address claims' },
  openAddressClaims: { nl: 'Open adresclaims', en: 'Open address claims' },
  addressClaimsExplanation: {
    nl:
      'Een verhuurder probeerde een adres te registreren dat al bij een andere organisatie hoort. ' +
      'De verhuurder kreeg alleen te horen dat het adres bezet is. ' +
      'Zoek uit wie de locatie houdt: draag haar over, of sluit de claim met een toelichting.',
    en:
      'A landlord tried to register an address that another organisation already holds. ' +
      'The landlord was only told the address is taken. ' +
      'Find out who holds the location: transfer it, or close the claim with a note.',
  },
  noOpenAddressClaims: { nl: 'Er zijn geen open adresclaims.', en: 'There are no open address claims.' },
  claimedBy: { nl: 'Geclaimd door', en: 'Claimed by' },
  currentHolder: { nl: 'Huidige houder', en: 'Current holder' },
  claimedOn: { nl: 'Geclaimd op', en: 'Claimed on' },
  closeWithNote: { nl: 'Sluiten met toelichting', en: 'Close with a note' },
  closeClaim: { nl: 'Claim sluiten', en: 'Close the claim' },
  transferToClaimant: { nl: 'Overdragen aan de claimant', en: 'Transfer to the claimant' },
  reasonForTransfer: { nl: 'Reden van overdracht', en: 'Reason for the transfer' },
  transferWithdrawsCertificate: {
    nl: 'Overdragen trekt het certificaat van de locatie in; de nieuwe houder vraagt het keurmerk opnieuw aan.',
    en: 'A transfer withdraws the location’s certificate; the new holder applies for the mark anew.',
  },
  transferLocation: { nl: 'Locatie overdragen', en: 'Transfer the location' },
  newHolder: { nl: 'Nieuwe houder', en: 'New holder' },
  chooseLandlord: { nl: 'Kies een verhuurder', en: 'Choose a landlord' },
  findLocation: { nl: 'Locatie zoeken op postcode', en: 'Find a location by postcode' },
  search: { nl: 'Zoeken', en: 'Search' },
  noLocationsFound: { nl: 'Geen locaties gevonden.', en: 'No locations found.' },
  holder: { nl: 'Houder', en: 'Holder' },
  locationStatuses: {
    nl: { actief: 'Actief', afgemeld: 'Afgemeld' } as Record<string, string>,
    en: { actief: 'Active', afgemeld: 'Deregistered' },
  },
  theClaimHasBeenClosed: { nl: 'De adresclaim is gesloten.', en: 'The address claim has been closed.' },
  theLocationHasBeenTransferred: {
    nl: 'De locatie is overgedragen. Het certificaat is ingetrokken; de nieuwe houder kan het keurmerk aanvragen.',
    en: 'The location has been transferred. The certificate has been withdrawn; the new holder can apply for the mark.',
  },
  giveANote: {
    nl: (max: number) => `Geef een toelichting (ten hoogste ${max} tekens).`,
    en: (max: number) => `Give a note (at most ${max} characters).`,
  },
  giveAReasonTransfer: {
    nl: (max: number) => `Geef een reden (ten hoogste ${max} tekens).`,
    en: (max: number) => `Give a reason (at most ${max} characters).`,
  },
  chooseANewHolder: { nl: 'Kies de verhuurder die de locatie overneemt.', en: 'Choose the landlord that takes the location over.' },
  theTransferWasNotMade: { nl: 'De overdracht is niet uitgevoerd.', en: 'The transfer was not made.' },
  claimsOnThisLocation: { nl: 'Adresclaims op deze locatie', en: 'Address claims on this location' },
  // The national figures page (issue 19).
  figuresTitle: { nl: 'Landelijke cijfers', en: 'National figures' },
  figuresLead: {
    nl: (date: string) => `Alle gemeenten samen op ${date}: dezelfde cijfers als de open statistiek (GET /v1/statistieken).`,
    en: (date: string) => `All municipalities together on ${date}: the same figures as the open statistics (GET /v1/statistieken).`,
  },
  // The words both figures pages use are in sharedText(web).figures; the statuses' in sharedText(web).statuses.
  suspendedLocations: { nl: 'Geschorste locaties', en: 'Suspended locations' },
  // Without 'en bedden' (the municipality's byStatusTitle): this page's status table has no beds column.
  byStatusTitle: { nl: 'Locaties naar status', en: 'Locations by status' },
  perMunicipalityTitle: { nl: 'Per gemeente', en: 'By municipality' },
  noCertifiedLocations: { nl: 'Nog geen gecertificeerde locaties.', en: 'No certified locations yet.' },
});
