import { catalog } from '../shared/catalog';

/** Every text of the landlord's pages, Dutch and English side by side. */
export const landlordText = catalog({
  enterPostcodeFourDigitsTwo: {
    nl: 'Vul een postcode in van vier cijfers en twee letters, bijvoorbeeld 2671 AB.',
    en: 'Enter a postcode of four digits and two letters, for example 2671 AB.',
  },
  enterHouseNumberWholeNumber: {
    nl: 'Vul een huisnummer in: een heel getal van 1 tot en met 99999.',
    en: 'Enter a house number: a whole number from 1 to 99999.',
  },
  aHouseLetterOneLetter: { nl: 'Een huisletter is één letter.', en: 'A house letter is one letter.' },
  anAddition14Letters: { nl: 'Een toevoeging is 1 tot 4 letters of cijfers.', en: 'An addition is 1 to 4 letters or digits.' },
  enterStreetMost: {
    nl: (max: number) => `Vul de straatnaam in (ten hoogste ${max} tekens).`,
    en: (max: number) => `Enter the street (at most ${max} characters).`,
  },
  enterTownMost: {
    nl: (max: number) => `Vul de woonplaats in (ten hoogste ${max} tekens).`,
    en: (max: number) => `Enter the town (at most ${max} characters).`,
  },
  thisMunicipalityCodeNotCurrent: {
    nl: 'Deze gemeentecode hoort niet bij een bestaande gemeente.',
    en: 'This municipality code is not a current municipality.',
  },
  enterMunicipalityCodeGmFour: {
    nl: 'Vul de gemeentecode in: GM en vier cijfers, bijvoorbeeld GM1783.',
    en: 'Enter the municipality code: GM and four digits, for example GM1783.',
  },
  aBagAddressId16: {
    nl: 'Een BAG-nummeraanduiding is 16 cijfers, met 20 op de plaatsen 5 en 6.',
    en: 'A BAG address id is 16 digits, with 20 in positions 5 and 6.',
  },
  chooseKindHousing: { nl: 'Kies de soort huisvesting.', en: 'Choose the kind of housing.' },
  chooseWhetherNewBuild: { nl: 'Kies of het nieuwbouw is.', en: 'Choose whether it is a new build.' },
  enterNumberBedsWholeNumber: {
    nl: (min: number, max: number) => `Vul het aantal slaapplaatsen in: een heel getal van ${min} tot en met ${max}.`,
    en: (min: number, max: number) => `Enter the number of beds: a whole number from ${min} to ${max}.`,
  },
  repairBy: {
    nl: (criterionCode: string | undefined, date: string) => `Herstel ${criterionCode} vóór ${date}`,
    en: (criterionCode: string | undefined, date: string) => `Repair ${criterionCode} by ${date}`,
  },
  certificateValidUntil: {
    nl: (date: string) => `Certificaat geldig tot ${date}`,
    en: (date: string) => `Certificate valid until ${date}`,
  },
  overdue: { nl: 'termijn verstreken', en: 'overdue' },
  // A flag in lower case after a deadline's date ('Certificaat geldig tot … verlopen'), not the status statuses.certificate.verlopen.
  expired: { nl: 'verlopen', en: 'expired' },
  soon: { nl: 'binnenkort', en: 'soon' },
  none: { nl: 'Geen', en: 'None' },
  noCertificate: { nl: 'Geen certificaat', en: 'No certificate' },
  registerALocation: { nl: 'Locatie registreren', en: 'Register a location' },
  youHaveNotRegisteredAny: {
    nl: 'U heeft nog geen locaties geregistreerd. Registreer een locatie om het keurmerk aan te vragen.',
    en: 'You have not registered any locations yet. Register a location to apply for the mark.',
  },
  address: { nl: 'Adres', en: 'Address' },
  certificate: { nl: 'Certificaat', en: 'Certificate' },
  validUntil: { nl: 'Geldig tot', en: 'Valid until' },
  deadlines: { nl: 'Termijnen', en: 'Deadlines' },
  application: { nl: 'Aanvraag', en: 'Application' },
  yourLocations: { nl: 'Uw locaties', en: 'Your locations' },
  notAppliedYet: { nl: 'Nog niet aangevraagd', en: 'Not applied yet' },
  postcode: { nl: 'Postcode', en: 'Postcode' },
  forExample2671Ab: { nl: 'Bijvoorbeeld 2671 AB', en: 'For example 2671 AB' },
  houseNumber: { nl: 'Huisnummer', en: 'House number' },
  houseLetterIfAny: { nl: 'Huisletter (als die er is)', en: 'House letter (if any)' },
  additionIfAny: { nl: 'Toevoeging (als die er is)', en: 'Addition (if any)' },
  street: { nl: 'Straatnaam', en: 'Street' },
  town: { nl: 'Woonplaats', en: 'Town' },
  municipalityCode: { nl: 'Gemeentecode', en: 'Municipality code' },
  gmFourDigitsExampleGm1783: {
    nl: 'GM en vier cijfers, bijvoorbeeld GM1783 (Westland)',
    en: 'GM and four digits, for example GM1783 (Westland)',
  },
  bagAddressIdOptional: { nl: 'BAG-nummeraanduiding (niet verplicht)', en: 'BAG address id (optional)' },
  n16DigitsFoundKadasterBag: {
    nl: '16 cijfers, te vinden in de BAG-viewer van het Kadaster',
    en: '16 digits, found in the Kadaster BAG viewer',
  },
  housing: { nl: 'Huisvesting', en: 'Housing' },
  kindOfHousing: { nl: 'Soort huisvesting', en: 'Kind of housing' },
  choose: { nl: 'Kies…', en: 'Choose…' },
  isNewBuild: { nl: 'Is het nieuwbouw?', en: 'Is it a new build?' },
  no: { nl: 'Nee', en: 'No' },
  yes: { nl: 'Ja', en: 'Yes' },
  numberOfBeds: { nl: 'Aantal slaapplaatsen', en: 'Number of beds' },
  theNumberYouApplyMark: { nl: 'Het aantal waarvoor u het keurmerk aanvraagt', en: 'The number you apply for the mark for' },
  registerLocation: { nl: 'Locatie registreren', en: 'Register location' },
  cancel: { nl: 'Annuleren', en: 'Cancel' },
  bagAddressId: { nl: 'BAG-nummeraanduiding', en: 'BAG address id' },
  newBuild: { nl: ', nieuwbouw', en: ', new build' },
  beds: { nl: 'Slaapplaatsen', en: 'Beds' },
  registered: { nl: 'Geregistreerd', en: 'Registered' },
  downloadPdf: { nl: 'PDF downloaden', en: 'Download PDF' },
  thisLocationHasNoCertificate: {
    nl: 'Deze locatie heeft nog geen certificaat. Na een goedgekeurde keuring verschijnt het hier.',
    en: 'This location has no certificate yet. It appears here after an approved inspection.',
  },
  status: { nl: 'Status', en: 'Status' },
  number: { nl: 'Nummer', en: 'Number' },
  // The heading of the certificate's period (from – until), not its status statuses.certificate.geldig.
  valid: { nl: 'Geldig', en: 'Valid' },
  maxResidents: { nl: 'Max. bewoners', en: 'Max. residents' },
  earlierCertificates: { nl: 'Eerdere certificaten', en: 'Earlier certificates' },
  until: { nl: 'tot', en: 'until' },
  noDocumentsYet: { nl: 'Nog geen documenten.', en: 'No documents yet.' },
  document: { nl: 'Document', en: 'Document' },
  size: { nl: 'Grootte', en: 'Size' },
  added: { nl: 'Toegevoegd', en: 'Added' },
  documentsOfTheApplication: { nl: 'Documenten bij de aanvraag', en: 'Documents of the application' },
  addADocument: { nl: 'Document toevoegen', en: 'Add a document' },
  pdfJpegPngMost10: {
    nl: 'PDF, JPEG of PNG, ten hoogste 10 MB: bijvoorbeeld een plattegrond, vergunning of huurcontract.',
    en: 'PDF, JPEG or PNG, at most 10 MB: for example a floor plan, permit or lease.',
  },
  upload: { nl: 'Uploaden', en: 'Upload' },
  applyForReInspection: { nl: 'Herkeuring aanvragen', en: 'Apply for re-inspection' },
  applyForTheMark: { nl: 'Keurmerk aanvragen', en: 'Apply for the mark' },
  theCertificateValidUntilApply: {
    nl: (validUntil: string) => `Het certificaat is geldig tot ${validUntil}. Vraag op tijd een herkeuring aan om het te verlengen.`,
    en: (validUntil: string) => `The certificate is valid until ${validUntil}. Apply for a re-inspection in time to renew it.`,
  },
  applyMarkLocationAdministratorThen: {
    nl: 'Vraag het keurmerk aan voor deze locatie. Een beheerder plant daarna de keuring.',
    en: 'Apply for the mark for this location. An administrator then plans the inspection.',
  },
  applicationOf: { nl: 'Aanvraag van', en: 'Application of' },
  date: { nl: 'Datum', en: 'Date' },
  kind: { nl: 'Soort', en: 'Kind' },
  noInspectionHasBeenPlanned: { nl: 'Er is nog geen keuring gepland.', en: 'No inspection has been planned yet.' },
  inspectionsOfThisLocation: { nl: 'Keuringen van deze locatie', en: 'Inspections of this location' },
  inspections: { nl: 'Keuringen', en: 'Inspections' },
  awaitingReview: { nl: 'Wacht op beoordeling', en: 'Awaiting review' },
  accepted: { nl: 'Geaccepteerd', en: 'Accepted' },
  rejected: { nl: 'Afgewezen', en: 'Rejected' },
  repairReportedOn: { nl: 'Herstel gemeld op', en: 'Repair reported on' },
  whatHasBeenRepaired: { nl: 'Wat is er hersteld?', en: 'What has been repaired?' },
  evidencePhotoPdfOptional: { nl: 'Bewijs (foto of PDF, niet verplicht)', en: 'Evidence (photo or PDF, optional)' },
  reportTheRepair: { nl: 'Herstel melden', en: 'Report the repair' },
  noFindings: { nl: 'Geen bevindingen.', en: 'No findings.' },
  repairByLabel: { nl: 'Herstellen vóór', en: 'Repair by' },
  noRepairDeadlineBlocksCertificate: {
    nl: 'Geen hersteltermijn: blokkeert het certificaat',
    en: 'No repair deadline: blocks the certificate',
  },
  findings: { nl: 'Bevindingen', en: 'Findings' },
  allLocations: { nl: '← Alle locaties', en: '← All locations' },
  details: { nl: 'Gegevens', en: 'Details' },
  theFileLargerThan10: { nl: 'Het bestand is groter dan 10 MB.', en: 'The file is larger than 10 MB.' },
  chooseAFile: { nl: 'Kies een bestand.', en: 'Choose a file.' },
  choosePdfJpegPngMost: { nl: 'Kies een PDF, JPEG of PNG (ten hoogste 10 MB).', en: 'Choose a PDF, JPEG or PNG (at most 10 MB).' },
  locations: { nl: 'Locaties', en: 'Locations' },
  theDocumentWasNotAdded: { nl: 'Het document is niet toegevoegd.', en: 'The document was not added.' },
  useAtMostCharacters: {
    nl: (max: number) => `Gebruik ten hoogste ${max} tekens.`,
    en: (max: number) => `Use at most ${max} characters.`,
  },
  describeWhatHasBeenRepaired: { nl: 'Beschrijf wat er is hersteld.', en: 'Describe what has been repaired.' },
  theRepairWasNotReported: {
    nl: 'Het herstel is niet gemeld; zie de bevinding hieronder.',
    en: 'The repair was not reported; see the finding below.',
  },
  theLocationHasBeenRegistered: {
    nl: 'De locatie is geregistreerd. U kunt nu het keurmerk aanvragen.',
    en: 'The location has been registered. You can now apply for the mark.',
  },
  theApplicationHasBeenSubmitted: {
    nl: 'De aanvraag is ingediend. Voeg de gevraagde documenten toe.',
    en: 'The application has been submitted. Add the requested documents.',
  },
  theDocumentHasBeenAdded: { nl: 'Het document is toegevoegd.', en: 'The document has been added.' },
  theRepairHasBeenReported: {
    nl: 'Het herstel is gemeld. Een auditor of certificeerder beoordeelt het.',
    en: 'The repair has been reported. An auditor or certifier reviews it.',
  },
  // Objections (bezwaren); the words every role shares are in sharedText(web).objection.
  youMayObjectUntil: {
    nl: (what: string, date: string) => `${what} van ${date}: u kunt bezwaar maken tot en met`,
    en: (what: string, date: string) => `${what} of ${date}: you may object up to and including`,
  },
  fileAnObjection: { nl: 'Bezwaar maken', en: 'File an objection' },
  noObjectionsYet: {
    nl:
      'U heeft nog geen bezwaar gemaakt. Bezwaar maakt u vanaf de pagina van een locatie, binnen 42 dagen na een afwijzing, ' +
      'schorsing of intrekking.',
    en: 'You have not filed an objection yet. You object from a location’s page, within 42 days of a refusal, suspension or withdrawal.',
  },
  nothingToObjectHere: {
    nl: 'Er is hier niets om bezwaar tegen te maken: geen afwijzing, schorsing of intrekking van de afgelopen 42 dagen.',
    en: 'There is nothing to object against here: no refusal, suspension or withdrawal in the past 42 days.',
  },
  yourObjections: { nl: 'Uw bezwaren', en: 'Your objections' },
  yourObjection: { nl: 'Uw bezwaar', en: 'Your objection' },
  groundsLabel: { nl: 'Gronden van uw bezwaar', en: 'Grounds of your objection' },
  groundsHint: {
    nl:
      'Waarom is het besluit volgens u onjuist? Een certificeerder die niet bij het besluit betrokken was, beoordeelt uw bezwaar ' +
      'binnen 42 dagen.',
    en: 'Why do you think the decision is wrong? A certifier who took no part in the decision judges your objection within 42 days.',
  },
  submitTheObjection: { nl: 'Bezwaar indienen', en: 'Submit the objection' },
  giveTheGrounds: { nl: 'Geef de gronden van uw bezwaar.', en: 'Give the grounds of your objection.' },
  theObjectionWasNotFiled: { nl: 'Het bezwaar is niet ingediend.', en: 'The objection was not filed.' },
  theObjectionHasBeenFiled: {
    nl: (date: string) => `Uw bezwaar is ingediend. U krijgt uiterlijk ${date} een beslissing.`,
    en: (date: string) => `Your objection has been filed. You will have a decision by ${date}.`,
  },
  toTheLocation: { nl: 'Naar de locatie', en: 'To the location' },
  lastDayToObject: { nl: 'Bezwaar mogelijk tot en met', en: 'Objection possible up to and including' },
  awaitingDecision: {
    nl: (date: string) => `Uw bezwaar wordt behandeld. Beslissing uiterlijk ${date}.`,
    en: (date: string) => `Your objection is being handled. Decision by ${date}.`,
  },
  // Changing, deregistering a location; the inspection report (issue 15, 17).
  changeTheLocation: { nl: 'Locatie wijzigen', en: 'Change the location' },
  changeExplanation: {
    nl:
      'Meer slaapplaatsen dan het gecertificeerde maximum, een andere soort huisvesting of nieuwbouw: dan volgt een herinspectie. ' +
      'Tot het besluit daarover blijft het maximum op het certificaat wat het is.',
    en:
      'More beds than the certified maximum, another kind of housing or new build: a re-inspection follows. ' +
      'Until its decision, the maximum on the certificate stays as it is.',
  },
  saveChanges: { nl: 'Wijzigingen opslaan', en: 'Save changes' },
  theChangeHasBeenSaved: { nl: 'De wijziging is opgeslagen.', en: 'The change has been saved.' },
  theChangeHasBeenSavedReinspection: {
    nl:
      'De wijziging is opgeslagen. Omdat het een wezenlijke wijziging is, volgt een herinspectie; ' +
      'tot het besluit blijft het maximum op het certificaat gelden.',
    en:
      'The change has been saved. Because it is a material change, a re-inspection follows; ' +
      'until its decision the maximum on the certificate applies.',
  },
  nothingWasChanged: { nl: 'Er is niets gewijzigd.', en: 'Nothing was changed.' },
  theChangeWasNotSaved: { nl: 'De wijziging is niet opgeslagen.', en: 'The change was not saved.' },
  deregisterTheLocation: { nl: 'Locatie afmelden', en: 'Deregister the location' },
  deregisterExplanation: {
    nl: 'Afmelden is definitief. De locatie verdwijnt niet uit uw overzicht, maar er kan niets meer aan veranderen.',
    en: 'Deregistering is final. The location stays in your overview, but nothing about it can change any more.',
  },
  deregisterWillWithdraw: {
    nl: (number: string) => `Certificaat ${number} wordt ingetrokken; gemeenten krijgen daarvan direct bericht.`,
    en: (number: string) => `Certificate ${number} will be withdrawn; municipalities are told at once.`,
  },
  deregisterFreesAddress: {
    nl: 'Het adres komt vrij: een andere verhuurder kan het daarna registreren.',
    en: 'The address becomes free: another landlord can register it afterwards.',
  },
  deregisterEndsApplication: {
    nl: 'Een lopende aanvraag wordt ingetrokken.',
    en: 'An open application is withdrawn.',
  },
  reasonForDeregistration: { nl: 'Reden van afmelding', en: 'Reason for deregistration' },
  reasonForDeregistrationHint: {
    nl: 'Bijvoorbeeld: pand verkocht, huurcontract beëindigd.',
    en: 'For example: building sold, lease ended.',
  },
  iUnderstandDeregistration: {
    nl: 'Ik begrijp dat afmelden definitief is en het certificaat intrekt.',
    en: 'I understand that deregistering is final and withdraws the certificate.',
  },
  giveAReason: {
    nl: (max: number) => `Geef een reden (ten hoogste ${max} tekens).`,
    en: (max: number) => `Give a reason (at most ${max} characters).`,
  },
  confirmDeregistration: {
    nl: 'Vink aan dat u begrijpt wat afmelden betekent.',
    en: 'Tick the box to confirm you understand what deregistering means.',
  },
  theLocationWasNotDeregistered: { nl: 'De locatie is niet afgemeld.', en: 'The location was not deregistered.' },
  theLocationHasBeenDeregistered: {
    nl: 'De locatie is afgemeld. Het certificaat is ingetrokken en het adres is weer vrij.',
    en: 'The location has been deregistered. The certificate has been withdrawn and the address is free again.',
  },
  deregisteredOn: {
    nl: (date: string, reason: string) => `Afgemeld op ${date}: ${reason}`,
    en: (date: string, reason: string) => `Deregistered on ${date}: ${reason}`,
  },
  deregistered: { nl: 'Afgemeld', en: 'Deregistered' },
  report: { nl: 'Rapport', en: 'Report' },
  viewReport: { nl: 'Rapport bekijken', en: 'View report' },
  reportAfterDecision: { nl: 'Na het besluit', en: 'After the decision' },
  inspectionReport: { nl: 'Inspectierapport', en: 'Inspection report' },
  downloadReportPdf: { nl: 'Rapport downloaden (pdf)', en: 'Download the report (PDF)' },
  backToLocation: { nl: 'Terug naar de locatie', en: 'Back to the location' },
  decision: { nl: 'Besluit', en: 'Decision' },
  decidedByOn: {
    nl: (name: string, date: string) => `Besloten door ${name} op ${date}`,
    en: (name: string, date: string) => `Decided by ${name} on ${date}`,
  },
  certifiersExplanation: { nl: 'Toelichting van de certificeerder', en: "The certifier's explanation" },
  result: { nl: 'Uitslag', en: 'Result' },
  score: { nl: 'Score', en: 'Score' },
  photosAsEvidence: { nl: "Foto's als bewijs", en: 'Photos as evidence' },
  findingsBySeverity: { nl: 'Bevindingen (knock-out / major / minor)', en: 'Findings (knock-out / major / minor)' },
  auditorsRemark: { nl: 'Opmerking van de auditor', en: "The auditor's remark" },
  noRemark: { nl: 'Geen opmerking.', en: 'No remark.' },
  everyAnswer: { nl: 'Alle antwoorden en metingen', en: 'Every answer and measurement' },
  criterion: { nl: 'Criterium', en: 'Criterion' },
  answer: { nl: 'Antwoord', en: 'Answer' },
  measurement: { nl: 'Meting', en: 'Measurement' },
  remark: { nl: 'Opmerking', en: 'Remark' },
  answerResults: {
    nl: { voldoet: 'Voldoet', 'voldoet-niet': 'Voldoet niet', nvt: 'N.v.t.' } as Record<string, string>,
    en: { voldoet: 'Passes', 'voldoet-niet': 'Fails', nvt: 'N/a' },
  },
  notAnswered: { nl: 'Niet beantwoord', en: 'Not answered' },
  personsSupported: {
    nl: (count: number) => `${count} ${count === 1 ? 'persoon' : 'personen'}`,
    en: (count: number) => `${count} ${count === 1 ? 'person' : 'persons'}`,
  },
  units: {
    nl: { m2: 'm²', m3: 'm³', aantal: 'stuks', liter: 'liter' } as Record<string, string>,
    en: { m2: 'm²', m3: 'm³', aantal: 'pieces', liter: 'litres' },
  },
  auditor: { nl: 'Auditor', en: 'Auditor' },
  submittedOn: { nl: 'Ingediend', en: 'Submitted' },
  noFindingsAllPass: { nl: 'Geen bevindingen: alle criteria voldoen.', en: 'No findings: every criterion passes.' },
  // Occupancy reports and the address lookup (issues 19 and 17).
  reportResidents: { nl: 'Bewoners melden', en: 'Report residents' },
  residentsTitle: { nl: (address: string) => `Bewoners van ${address}`, en: (address: string) => `Residents of ${address}` },
  residentsLead: {
    nl: 'Meld minstens eens per maand hoeveel mensen er op een dag wonen. Een tweede melding voor dezelfde dag vervangt de eerste.',
    en: 'Report at least once a month how many people live here on a day. A second report for the same day replaces the first.',
  },
  lastReported: {
    nl: (count: string, date: string) => `Laatst gemeld: ${count} bewoners op ${date}.`,
    en: (count: string, date: string) => `Last reported: ${count} residents on ${date}.`,
  },
  nothingReportedYet: { nl: 'Voor deze locatie is nog niets gemeld.', en: 'Nothing has been reported for this location yet.' },
  certifiedMaximumIs: {
    nl: (count: string) => `Het certificaat staat maximaal ${count} bewoners toe.`,
    en: (count: string) => `The certificate allows at most ${count} residents.`,
  },
  referenceDate: { nl: 'Peildatum', en: 'Reference date' },
  referenceDateHint: { nl: 'De dag waarop u telde; niet later dan vandaag.', en: 'The day you counted; not later than today.' },
  numberOfResidents: { nl: 'Aantal bewoners', en: 'Number of residents' },
  send: { nl: 'Melden', en: 'Report' },
  reported: {
    nl: (count: string, date: string) => `Gemeld: ${count} bewoners op ${date}.`,
    en: (count: string, date: string) => `Reported: ${count} residents on ${date}.`,
  },
  aboveMaximum: { nl: 'Boven het maximum', en: 'Above the maximum' },
  earlierReports: { nl: 'Eerdere meldingen', en: 'Earlier reports' },
  maximum: { nl: 'Maximum', en: 'Maximum' },
  residentsNotReported: { nl: 'De melding is niet opgeslagen.', en: 'The report was not saved.' },
  enterDateNotAfterToday: {
    nl: 'Vul een bestaande datum in, vanaf 1-1-2000 en niet later dan vandaag.',
    en: 'Enter an existing date, from 1-1-2000 and not later than today.',
  },
  enterResidents: { nl: 'Vul een heel getal in van 0 tot 10.000.', en: 'Enter a whole number from 0 to 10,000.' },
  addressLookupFound: {
    nl: (street: string, town: string, municipality: string) => `Gevonden in de BAG: ${street}, ${town}, gemeente ${municipality}.`,
    en: (street: string, town: string, municipality: string) => `Found in the BAG: ${street}, ${town}, municipality of ${municipality}.`,
  },
  addressLookupHint: {
    nl: 'Na postcode en huisnummer vullen we straat, woonplaats en gemeente in uit de BAG; u kunt ze altijd zelf invullen.',
    en: 'After postcode and house number we fill in street, town and municipality from the BAG; you can always type them yourself.',
  },
});
