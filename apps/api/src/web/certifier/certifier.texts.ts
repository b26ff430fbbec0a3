import { catalog, counted } from '../shared/catalog';

/** Every text of the certifier's pages, Dutch and English side by side. */
export const certifierText = catalog({
  noSubmittedInspectionsWaitingDecision: {
    nl: 'Er wachten geen ingediende keuringen op een besluit.',
    en: 'No submitted inspections are waiting for a decision.',
  },
  address: { nl: 'Adres', en: 'Address' },
  submitted: { nl: 'Ingediend', en: 'Submitted' },
  kind: { nl: 'Soort', en: 'Kind' },
  auditor: { nl: 'Auditor', en: 'Auditor' },
  result: { nl: 'Uitslag', en: 'Result' },
  inspectionsWaitingDecision: { nl: 'Keuringen die wachten op een besluit', en: 'Inspections waiting for a decision' },
  inspection: { nl: 'Keuring', en: 'Inspection' },
  scoreMaxResidents: {
    nl: (score: number, maximumResidents: number) => `score ${score}, max. ${counted(maximumResidents, 'bewoner', 'bewoners')}`,
    en: (score: number, maximumResidents: number) => `score ${score}, max. ${counted(maximumResidents, 'resident', 'residents')}`,
  },
  noFindings: { nl: 'geen bevindingen', en: 'no findings' },
  litres: { nl: 'liter', en: 'litres' },
  noAnswer: { nl: 'Geen antwoord', en: 'No answer' },
  meets: { nl: 'Voldoet', en: 'Meets' },
  notApplicable: { nl: 'Niet van toepassing', en: 'Not applicable' },
  doesNotMeet: { nl: 'Voldoet niet', en: 'Does not meet' },
  photo: { nl: 'Foto', en: 'Photo' },
  measured: { nl: 'Gemeten', en: 'Measured' },
  answersAndPhotos: { nl: 'Antwoorden en foto’s', en: 'Answers and photos' },
  otherPhotos: { nl: 'Overige foto’s', en: 'Other photos' },
  noFindingsTitle: { nl: 'Geen bevindingen', en: 'No findings' },
  everyCriterionIsMet: { nl: 'Alle criteria voldoen.', en: 'Every criterion is met.' },
  repairBy: { nl: 'herstel vóór', en: 'repair by' },
  noRepairDeadline: { nl: 'geen hersteltermijn', en: 'no repair deadline' },
  outcome: { nl: 'Uitkomst', en: 'Outcome' },
  grant: { nl: 'Toekennen', en: 'Grant' },
  refuse: { nl: 'Afwijzen', en: 'Refuse' },
  explanation: { nl: 'Toelichting', en: 'Explanation' },
  goesIntoFileVisibleLandlord: {
    nl: 'Komt in het dossier en is zichtbaar voor de verhuurder.',
    en: 'Goes into the file and is visible to the landlord.',
  },
  recordTheDecision: { nl: 'Besluit vastleggen', en: 'Record the decision' },
  on: { nl: 'op', en: 'on' },
  allWaitingInspections: { nl: '← Alle keuringen die wachten', en: '← All waiting inspections' },
  resultAndDecision: { nl: 'Uitslag en besluit', en: 'Result and decision' },
  status: { nl: 'Status', en: 'Status' },
  norm: { nl: 'Norm', en: 'Norm' },
  version: { nl: 'versie', en: 'version' },
  requested: { nl: 'Aangevraagd', en: 'Requested' },
  beds: {
    nl: (requestedBeds: number) => counted(requestedBeds, 'slaapplaats', 'slaapplaatsen'),
    en: (requestedBeds: number) => counted(requestedBeds, 'bed', 'beds'),
  },
  findings: { nl: 'Bevindingen', en: 'Findings' },
  decision: { nl: 'Besluit', en: 'Decision' },
  thisInspectionHasNotBeen: { nl: 'Deze keuring is nog niet ingediend.', en: 'This inspection has not been submitted yet.' },
  noEvidenceAttached: { nl: 'Geen bewijs bijgevoegd.', en: 'No evidence attached.' },
  evidence: { nl: 'Bewijs', en: 'Evidence' },
  judgementOfTheRepair: { nl: 'Oordeel over het herstel', en: 'Judgement of the repair' },
  acceptCloseTheFinding: { nl: 'Accepteren: bevinding sluiten', en: 'Accept: close the finding' },
  rejectReopenTheFinding: { nl: 'Afwijzen: bevinding weer open', en: 'Reject: reopen the finding' },
  recordTheJudgement: { nl: 'Oordeel vastleggen', en: 'Record the judgement' },
  noReportedRepairsWaitingReview: { nl: 'Er wacht geen gemeld herstel op beoordeling.', en: 'No reported repairs are waiting for review.' },
  viewTheInspection: { nl: 'Keuring bekijken', en: 'View the inspection' },
  repairReportedRejectedBefore: {
    nl: (count: number) => `Eerder ${count}× herstel gemeld en afgewezen.`,
    en: (count: number) => `Repair reported and rejected ${count}× before.`,
  },
  repairReport: { nl: 'Herstelmelding', en: 'Repair report' },
  giveAnExplanation: { nl: 'Geef een toelichting.', en: 'Give an explanation.' },
  useAtMostCharacters: {
    nl: (max: number) => `Gebruik ten hoogste ${max} tekens.`,
    en: (max: number) => `Use at most ${max} characters.`,
  },
  toDecide: { nl: 'Te beslissen', en: 'To decide' },
  theJudgementHasBeenRecorded: { nl: 'Het oordeel is vastgelegd.', en: 'The judgement has been recorded.' },
  chooseAcceptOrReject: { nl: 'Kies accepteren of afwijzen.', en: 'Choose accept or reject.' },
  theJudgementWasNotRecorded: {
    nl: 'Het oordeel is niet vastgelegd; zie de bevinding hieronder.',
    en: 'The judgement was not recorded; see the finding below.',
  },
  chooseGrantOrRefuse: { nl: 'Kies toekennen of afwijzen.', en: 'Choose grant or refuse.' },
  findingStillOpen: {
    nl: (code: string, title: string, severity: string) => `${code} ${title}: bevinding (${severity}) staat nog open.`,
    en: (code: string, title: string, severity: string) => `${code} ${title}: finding (${severity}) is still open.`,
  },
  criterionSupportsNobody: {
    nl: (code: string, title: string) => `${code} ${title}: de meting ondersteunt geen enkele bewoner.`,
    en: (code: string, title: string) => `${code} ${title}: the measurement supports no resident.`,
  },
  decisionRefused: { nl: 'Het besluit is vastgelegd: afgewezen.', en: 'The decision has been recorded: refused.' },
  decisionGrantedIssuing: {
    nl: (number: string) => `Het besluit is vastgelegd: toegekend. Certificaat ${number} wordt uitgegeven.`,
    en: (number: string) => `The decision has been recorded: granted. Certificate ${number} is being issued.`,
  },
  decisionGrantedIssued: {
    nl: (number: string) => `Het besluit is vastgelegd: toegekend. Certificaat ${number} is uitgegeven.`,
    en: (number: string) => `The decision has been recorded: granted. Certificate ${number} has been issued.`,
  },
  decisionGranted: { nl: 'Het besluit is vastgelegd: toegekend.', en: 'The decision has been recorded: granted.' },
  whatThisDecisionDoes: { nl: 'Wat het besluit doet', en: 'What the decision does' },
  grantConsequence: {
    nl: (residents: number, current?: string) =>
      `Toekennen: er wordt een certificaat uitgegeven voor ${counted(residents, 'bewoner', 'bewoners')}, 12 maanden geldig.` +
      (current ? ` Het huidige certificaat ${current} van de locatie wordt erdoor vervangen.` : ''),
    en: (residents: number, current?: string) =>
      `Grant: a certificate for ${counted(residents, 'resident', 'residents')}, valid for 12 months, is issued.` +
      (current ? ` It replaces the location's current certificate ${current}.` : ''),
  },
  refuseConsequence: {
    nl: (current?: string) =>
      current
        ? `Afwijzen: de locatie krijgt geen nieuw certificaat en het huidige certificaat ${current} wordt geschorst.`
        : 'Afwijzen: de locatie krijgt geen certificaat.',
    en: (current?: string) =>
      current
        ? `Refuse: the location gets no new certificate and its current certificate ${current} is suspended.`
        : 'Refuse: the location gets no certificate.',
  },
  confirmDecision: {
    nl: 'Ik heb gelezen wat het besluit doet en leg het definitief vast.',
    en: 'I have read what the decision does and record it for good.',
  },
  confirmDecisionFirst: {
    nl: 'Vink aan dat u hebt gelezen wat het besluit doet. Er is nog niets besloten.',
    en: 'Tick that you have read what the decision does. Nothing has been decided yet.',
  },
  certificateIssued: {
    nl: (number: string) => `Certificaat ${number} is uitgegeven.`,
    en: (number: string) => `Certificate ${number} has been issued.`,
  },
  viewTheCertificate: { nl: 'Certificaat bekijken', en: 'View the certificate' },
  certificateBeingIssued: {
    nl: (number: string) => `Certificaat ${number} wordt uitgegeven; vernieuw de pagina over enkele ogenblikken voor de link.`,
    en: (number: string) => `Certificate ${number} is being issued; reload the page in a few moments for the link.`,
  },
  reloadThePage: { nl: 'Pagina vernieuwen', en: 'Reload the page' },
  reviewRepairs: { nl: 'Herstel beoordelen', en: 'Review repairs' },
  waitingForDecision: {
    nl: (count: number) => `${count === 1 ? '1 keuring wacht' : `${count} keuringen wachten`} op een besluit, oudste eerst.`,
    en: (count: number) => `${count === 1 ? '1 inspection is' : `${count} inspections are`} waiting for a decision, oldest first.`,
  },
  // Objections (bezwaren); the words every role shares are in sharedText(web).objection.
  objectionsToDecide: {
    nl: (count: number) => `${count === 1 ? '1 bezwaar wacht' : `${count} bezwaren wachten`} op uw beslissing, kortste termijn eerst.`,
    en: (count: number) => `${count === 1 ? '1 objection is' : `${count} objections are`} waiting for your decision, shortest term first.`,
  },
  noObjectionsToDecide: {
    nl: 'Er wachten geen bezwaren waarover u mag beslissen. Bezwaren over zaken waarbij u betrokken was, beslist een collega.',
    en: 'No objections you may decide are waiting. Objections about cases you took part in are decided by a colleague.',
  },
  objectionsWaiting: { nl: 'Bezwaren die wachten op een beslissing', en: 'Objections waiting for a decision' },
  // The outcomes as choices say what each does, where sharedText(web).objection.outcome only names them.
  upheld: { nl: 'Gegrond: het besluit wordt teruggedraaid', en: 'Upheld: the decision is undone' },
  rejected: { nl: 'Ongegrond: het besluit blijft staan', en: 'Rejected: the decision stands' },
  alsoReinspect: {
    nl: 'Ook om een herinspectie vragen (bij gegrond)',
    en: 'Also ask for a re-inspection (when upheld)',
  },
  recordTheObjectionDecision: { nl: 'Beslissing vastleggen', en: 'Record the decision' },
  chooseUpheldOrRejected: { nl: 'Kies gegrond of ongegrond.', en: 'Choose upheld or rejected.' },
  theObjectionDecisionWasNotRecorded: { nl: 'De beslissing is niet vastgelegd.', en: 'The decision was not recorded.' },
  objectionDecided: { nl: 'De beslissing op het bezwaar is vastgelegd.', en: 'The decision on the objection has been recorded.' },
  youTookPartInThisCase: {
    nl: 'U was betrokken bij het bestreden besluit of de keuring. Een andere certificeerder beslist op dit bezwaar.',
    en: 'You took part in the contested decision or inspection. Another certifier decides this objection.',
  },
  // Not objection.backToAll: the certifier's list holds only the objections waiting for a decision.
  allObjectionsWaiting: { nl: '← Alle bezwaren die wachten', en: '← All objections waiting' },
  viewTheContestedInspection: { nl: 'Bestreden keuring bekijken', en: 'View the contested inspection' },
});
