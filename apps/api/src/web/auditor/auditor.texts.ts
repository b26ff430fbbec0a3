import { catalog, counted } from '../shared/catalog';

/** Every text of the auditor's pages, Dutch and English side by side. */
export const auditorText = catalog({
  litres: { nl: 'liter', en: 'litres' },
  count: { nl: 'aantal', en: 'count' },
  supportsNPersons: { nl: 'Ondersteunt {n} personen', en: 'Supports {n} persons' },
  waitingForAConnection: { nl: 'Wacht op verbinding', en: 'Waiting for a connection' },
  saved: { nl: 'Opgeslagen', en: 'Saved' },
  notSavedReden: { nl: 'Niet opgeslagen: {reden}', en: 'Not saved: {reden}' },
  n1ChangeWaitingConnection: { nl: '1 wijziging wacht op verbinding', en: '1 change is waiting for a connection' },
  nChangesWaitingConnection: { nl: '{n} wijzigingen wachten op verbinding', en: '{n} changes are waiting for a connection' },
  saving: { nl: 'Bezig met opslaan…', en: 'Saving…' },
  everythingSaved: { nl: 'Alles opgeslagen', en: 'Everything saved' },
  signAgainSaveChangesThey: {
    nl: 'Log opnieuw in om de wijzigingen op te slaan; ze blijven bewaard op dit toestel.',
    en: 'Sign in again to save the changes; they are kept on this device.',
  },
  thisInspectionAlsoWorksWithout: {
    nl: 'Deze keuring werkt ook zonder verbinding.',
    en: 'This inspection also works without a connection.',
  },
  allChangesMustSavedFirst: {
    nl: 'Eerst moeten alle wijzigingen zijn opgeslagen. Zorg voor verbinding en probeer het opnieuw.',
    en: 'All changes must be saved first. Get a connection and try again.',
  },
  photoWaitingConnection: { nl: 'foto wacht op verbinding', en: 'photo waiting for a connection' },
  address: { nl: 'Adres', en: 'Address' },
  date: { nl: 'Datum', en: 'Date' },
  kind: { nl: 'Soort', en: 'Kind' },
  status: { nl: 'Status', en: 'Status' },
  norm: { nl: 'Norm', en: 'Norm' },
  version: { nl: 'versie', en: 'version' },
  requested: { nl: 'Aangevraagd', en: 'Requested' },
  beds: {
    nl: (requestedBeds: number) => counted(requestedBeds, 'slaapplaats', 'slaapplaatsen'),
    en: (requestedBeds: number) => counted(requestedBeds, 'bed', 'beds'),
  },
  maximumResidentsSoFar: { nl: 'Maximum bewoners tot nu toe', en: 'Maximum residents so far' },
  ofRequested: {
    nl: (requestedBeds: number) => `van ${requestedBeds} aangevraagd`,
    en: (requestedBeds: number) => `of ${requestedBeds} requested`,
  },
  ofCriteriaAnswered: {
    nl: (count: number, total: number) => `${count} van ${total} criteria beantwoord`,
    en: (count: number, total: number) => `${count} of ${total} criteria answered`,
  },
  saveNow: { nl: 'Nu opslaan', en: 'Save now' },
  sectionsOfTheNorm: { nl: 'Onderdelen van de norm', en: 'Sections of the norm' },
  submit: { nl: 'Indienen', en: 'Submit' },
  firstReviewSummaryFindingsThen: {
    nl: 'Bekijk eerst het overzicht van de bevindingen; daarna dient u de keuring definitief in.',
    en: 'First review the summary of findings; then submit the inspection for good.',
  },
  summaryAndSubmit: { nl: 'Overzicht en indienen', en: 'Summary and submit' },
  guidance: { nl: 'Toelichting', en: 'Guidance' },
  remark: { nl: 'Opmerking', en: 'Remark' },
  remarkOptional: { nl: 'Opmerking (verplicht bij “voldoet niet”)', en: 'Remark (required for “does not comply”)' },
  describeWhatFails: {
    nl: 'Beschrijf wat niet voldoet, zodat de verhuurder het kan herstellen.',
    en: 'Describe what does not comply, so that the landlord can repair it.',
  },
  saveAnswer: { nl: 'Antwoord opslaan', en: 'Save answer' },
  measurement: { nl: 'Meetwaarde', en: 'Measurement' },
  judgement: { nl: 'Oordeel', en: 'Judgement' },
  notAnswered: { nl: 'Niet beantwoord', en: 'Not answered' },
  meets: { nl: 'Voldoet', en: 'Meets' },
  notApplicable: { nl: 'Niet van toepassing', en: 'Not applicable' },
  doesNotMeet: { nl: 'Voldoet niet', en: 'Does not meet' },
  photos: { nl: 'Foto’s', en: 'Photos' },
  addAPhoto: { nl: 'Foto toevoegen', en: 'Add a photo' },
  uploadPhoto: { nl: 'Foto uploaden', en: 'Upload photo' },
  noFindingsEveryCriterionMet: { nl: 'Geen bevindingen: alle criteria voldoen.', en: 'No findings: every criterion is met.' },
  findings: { nl: 'Bevindingen', en: 'Findings' },
  criterion: { nl: 'Criterium', en: 'Criterion' },
  severity: { nl: 'Ernst', en: 'Severity' },
  repairDeadline: { nl: 'Hersteltermijn', en: 'Repair deadline' },
  noneBlocksTheCertificate: { nl: 'Geen: blokkeert het certificaat', en: 'None: blocks the certificate' },
  result: { nl: 'Uitslag', en: 'Result' },
  submittedOn: { nl: 'Ingediend op', en: 'Submitted on' },
  overdue: { nl: '(achterstallig)', en: '(overdue)' },
  submitted: { nl: 'Ingediend', en: 'Submitted' },
  location: { nl: 'Locatie', en: 'Location' },
  today: { nl: 'Vandaag', en: 'Today' },
  planned: { nl: 'Gepland', en: 'Planned' },
  recentlySubmitted: { nl: 'Recent ingediend', en: 'Recently submitted' },
  noInspectionsPlannedYouToday: { nl: 'Vandaag staan er geen keuringen voor u gepland.', en: 'No inspections are planned for you today.' },
  noLaterInspectionsPlanned: { nl: 'Er zijn geen latere keuringen gepland.', en: 'No later inspections are planned.' },
  youHaveNotSubmittedAny: { nl: 'U heeft nog geen keuringen ingediend.', en: 'You have not submitted any inspections yet.' },
  notSubmitted: { nl: 'Niet ingediend', en: 'Not submitted' },
  criteriaStillWithoutAnswer: {
    nl: (count: number) => `Nog ${counted(count, 'criterium', 'criteria')} zonder antwoord`,
    en: (count: number) => `${counted(count, 'criterion', 'criteria')} still without an answer`,
  },
  answerEveryCriterionFirstThen: {
    nl: 'Beantwoord eerst alle criteria; daarna kunt u indienen.',
    en: 'Answer every criterion first; then you can submit.',
  },
  summaryOfFindings: { nl: 'Overzicht van de bevindingen', en: 'Summary of findings' },
  submitForGood: { nl: 'Definitief indienen', en: 'Submit for good' },
  confirmSubmission: {
    nl: (findings: number) =>
      `Ik heb de antwoorden gecontroleerd. Na indienen liggen ze vast, krijgt de verhuurder ${
        findings === 0
          ? 'geen bevindingen'
          : findings === 1
            ? '1 bevinding met een hersteltermijn'
            : `${findings} bevindingen met hersteltermijnen`
      } en beslist een certificeerder.`,
    en: (findings: number) =>
      `I have checked the answers. Once submitted they are frozen, the landlord gets ${
        findings === 0 ? 'no findings' : findings === 1 ? '1 finding with a repair deadline' : `${findings} findings with repair deadlines`
      }, and a certifier decides.`,
  },
  confirmFirst: {
    nl: 'Vink eerst aan dat u de antwoorden hebt gecontroleerd.',
    en: 'First tick that you have checked the answers.',
  },
  backToTheChecklist: { nl: 'Terug naar de checklist', en: 'Back to the checklist' },
  enterValidMeasurementNumber0: {
    nl: 'Vul een geldige meetwaarde in: een getal van 0 of meer (bij een aantal een heel getal).',
    en: 'Enter a valid measurement: a number of 0 or more (a whole number for a count).',
  },
  chooseJudgementCriterionAllows: {
    nl: 'Kies een oordeel dat bij dit criterium is toegestaan.',
    en: 'Choose a judgement that this criterion allows.',
  },
  theRemarkTooLongMost: {
    nl: (max: number) => `De opmerking is te lang: ten hoogste ${max} tekens.`,
    en: (max: number) => `The remark is too long: at most ${max} characters.`,
  },
  choosePhotoJpegPngMost: { nl: 'Kies een foto (JPEG of PNG, ten hoogste 10 MB).', en: 'Choose a photo (JPEG or PNG, at most 10 MB).' },
  inspections: { nl: 'Keuringen', en: 'Inspections' },
  theInspectionHasBeenSubmitted: {
    nl: 'De keuring is ingediend. Een certificeerder beslist.',
    en: 'The inspection has been submitted. A certifier decides.',
  },
  notEveryCriterionHasValid: { nl: 'Niet alle criteria zijn (goed) beantwoord.', en: 'Not every criterion has a (valid) answer.' },
  inspection: { nl: 'Keuring', en: 'Inspection' },
  answerResults: {
    nl: { voldoet: 'Voldoet', 'voldoet-niet': 'Voldoet niet', nvt: 'Niet van toepassing' },
    en: { voldoet: 'Meets', 'voldoet-niet': 'Does not meet', nvt: 'Not applicable' },
  },
});
