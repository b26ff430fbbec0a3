import { catalog, counted } from '../shared/catalog';

/** Every text of the municipality's pages, Dutch and English side by side. */
export const municipalityText = catalog({
  qualityMarkCertificatesLocationsYour: {
    nl: (code: string) => `Keurmerkcertificaten van locaties in uw gemeente (${code}).`,
    en: (code: string) => `Quality-mark certificates of locations in your municipality (${code}).`,
  },
  search: { nl: 'Zoeken', en: 'Search' },
  certificateNumberPostcodeHouseNumber: {
    nl: 'Certificaatnummer, postcode en huisnummer, straat, plaats of houder',
    en: 'Certificate number, postcode and house number, street, place or holder',
  },
  status: { nl: 'Status', en: 'Status' },
  allStatuses: { nl: 'Alle statussen', en: 'All statuses' },
  filter: { nl: 'Filteren', en: 'Filter' },
  downloadThisListCsv: { nl: 'Deze lijst downloaden (CSV)', en: 'Download this list (CSV)' },
  downloadValidCertificatesCsv: { nl: 'Geldige certificaten downloaden (CSV)', en: 'Download valid certificates (CSV)' },
  theListChosenSearchStatus: {
    nl: 'De lijst met de gekozen zoekopdracht en status; de geldige certificaten in het formaat van het open register.',
    en: 'The list with the chosen search and status; the valid certificates in the open register’s format.',
  },
  noCertificatesMatchSearchStatus: {
    nl: 'Geen certificaten gevonden met deze zoekopdracht of status.',
    en: 'No certificates match this search or status.',
  },
  thereNoCertificatesYourMunicipality: {
    nl: 'Er zijn nog geen certificaten in uw gemeente.',
    en: 'There are no certificates in your municipality yet.',
  },
  n1Certificate: { nl: '1 certificaat', en: '1 certificate' },
  certificatesCount: { nl: (total: string) => `${total} certificaten`, en: (total: string) => `${total} certificates` },
  certificate: { nl: 'Certificaat', en: 'Certificate' },
  address: { nl: 'Adres', en: 'Address' },
  validUntil: { nl: 'Geldig tot', en: 'Valid until' },
  maxResidents: { nl: 'Max. bewoners', en: 'Max. residents' },
  holder: { nl: 'Houder', en: 'Holder' },
  certificatesTitle: { nl: 'Certificaten', en: 'Certificates' },
  enterValidDateSuch1: { nl: 'Vul een geldige datum in, zoals 1-12-2026.', en: 'Enter a valid date, such as 1-12-2026.' },
  changesSince: { nl: 'Wijzigingen sinds', en: 'Changes since' },
  show: { nl: 'Tonen', en: 'Show' },
  noStatusChangesSince: {
    nl: (sinceDate: string) => `Geen statuswijzigingen sinds ${sinceDate}.`,
    en: (sinceDate: string) => `No status changes since ${sinceDate}.`,
  },
  changesSinceOldestFirst: {
    nl: (total: number, shown: string, sinceDate: string) =>
      `${counted(total, 'wijziging', 'wijzigingen', shown)} sinds ${sinceDate}, oudste eerst.`,
    en: (total: number, shown: string, sinceDate: string) =>
      `${counted(total, 'change', 'changes', shown)} since ${sinceDate}, oldest first.`,
  },
  when: { nl: 'Tijdstip', en: 'When' },
  from: { nl: 'Van', en: 'From' },
  to: { nl: 'Naar', en: 'To' },
  reason: { nl: 'Reden', en: 'Reason' },
  statusChanges: { nl: 'Statuswijzigingen', en: 'Status changes' },
  theTestEventAddressWas: {
    nl: (reason: string) => `Het testbericht naar dit adres is niet aangenomen (er kwam geen 2xx-antwoord). ${reason}`,
    en: (reason: string) => `The test event to this address was not accepted (no 2xx answer). ${reason}`,
  },
  enterFullHttpsAddressReachable: {
    nl: (reason: string) => `Vul een volledig https-adres in dat van buitenaf bereikbaar is. ${reason}`,
    en: (reason: string) => `Enter a full https address reachable from outside. ${reason}`,
  },
  theAuthorizationValueOneLine: {
    nl: 'De Authorization-waarde is één regel leesbare tekens, zonder spaties aan begin of eind.',
    en: 'The Authorization value is one line of printable characters, without leading or trailing spaces.',
  },
  copyNowKeepSafeWill: {
    nl: 'Kopieer hem nu en bewaar hem veilig: hij wordt niet nog eens getoond.',
    en: 'Copy it now and keep it safe: it will not be shown again.',
  },
  theSubscriptionHasEnded: { nl: 'Het abonnement is beëindigd.', en: 'The subscription has ended.' },
  theSubscriptionPlaceSecretEvery: {
    nl: 'Het abonnement staat. Dit is het geheim waarmee elk bericht is ondertekend (Standard Webhooks):',
    en: 'The subscription is in place. This is the secret every event is signed with (Standard Webhooks):',
  },
  since: { nl: 'Sinds', en: 'Since' },
  authorization: { nl: 'Authorization', en: 'Authorization' },
  setNotShown: { nl: 'Ingesteld (niet zichtbaar)', en: 'Set (not shown)' },
  none: { nl: 'Geen', en: 'None' },
  deliveries: { nl: 'Afleveringen', en: 'Deliveries' },
  noDeliveriesYet: { nl: 'Nog geen afleveringen.', en: 'No deliveries yet.' },
  created: { nl: 'Gemaakt', en: 'Created' },
  event: { nl: 'Bericht', en: 'Event' },
  attempts: { nl: 'Pogingen', en: 'Attempts' },
  lastAnswer: { nl: 'Laatste antwoord', en: 'Last answer' },
  nextAttempt: { nl: 'Volgende poging', en: 'Next attempt' },
  noAnswer: { nl: 'geen antwoord', en: 'no answer' },
  allSubscriptions: { nl: 'Alle abonnementen', en: 'All subscriptions' },
  deliveryLog: { nl: 'Afleverlog', en: 'Delivery log' },
  theKeyHasBeenRevoked: { nl: 'De sleutel is ingetrokken.', en: 'The key has been revoked.' },
  theKeyHasBeenCreated: {
    nl: 'De sleutel is gemaakt. Stuur hem mee in de header X-API-Key:',
    en: 'The key has been created. Send it in the X-API-Key header:',
  },
  giveKeyNameMost200: {
    nl: 'Geef de sleutel een naam (ten hoogste 200 tekens), bijvoorbeeld het systeem dat hem gebruikt.',
    en: 'Give the key a name (at most 200 characters), such as the system using it.',
  },
  onEachStatusChangeCertificate: {
    nl:
      'Bij elke statuswijziging van een certificaat in uw gemeente stuurt Keurmerk een ondertekend bericht (CloudEvents) naar elk ' +
      'abonnement.',
    en: 'On each status change of a certificate in your municipality, Keurmerk sends a signed event (CloudEvents) to each subscription.',
  },
  noSubscriptionsYet: { nl: 'Nog geen abonnementen.', en: 'No subscriptions yet.' },
  actions: { nl: 'Acties', en: 'Actions' },
  endSubscriptionEventsStillWaiting: {
    nl: 'Dit abonnement beëindigen? Berichten die nog wachten worden niet meer afgeleverd.',
    en: 'End this subscription? Events still waiting will not be delivered.',
  },
  end: { nl: 'Beëindigen', en: 'End' },
  newSubscription: { nl: 'Nieuw abonnement', en: 'New subscription' },
  yourReceiversAddress: { nl: 'Adres van uw ontvanger', en: 'Your receiver’s address' },
  anHttpsAddressTestEvent: {
    nl: 'Een https-adres. Er gaat eerst een testbericht heen; alleen bij een 2xx-antwoord komt het abonnement er.',
    en: 'An https address. A test event is sent first; the subscription is made only on a 2xx answer.',
  },
  authorizationValueOptional: { nl: 'Authorization-waarde (optioneel)', en: 'Authorization value (optional)' },
  sentEachEventAuthorizationHeader: {
    nl: 'Gaat met elk bericht mee als Authorization-header; wordt daarna niet meer getoond.',
    en: 'Sent with each event as the Authorization header; not shown again.',
  },
  subscribe: { nl: 'Abonneren', en: 'Subscribe' },
  subscriptions: { nl: 'Abonnementen', en: 'Subscriptions' },
  withApiKeyYourMunicipalitys: {
    nl: 'Met een API-sleutel bevraagt het systeem van uw gemeente Keurmerk (bulkverificatie, wijzigingen, abonnementen).',
    en: 'With an API key your municipality’s system queries Keurmerk (bulk verification, changes, subscriptions).',
  },
  noApiKeysYet: { nl: 'Nog geen API-sleutels.', en: 'No API keys yet.' },
  name: { nl: 'Naam', en: 'Name' },
  startsWith: { nl: 'Begint met', en: 'Starts with' },
  // An API key's end ('Revoked'), not a certificate's (statuses.certificate.ingetrokken, 'Withdrawn').
  revoked: { nl: 'Ingetrokken', en: 'Revoked' },
  active: { nl: 'Actief', en: 'Active' },
  revokeKeySystemsUsingLose: {
    nl: (name: string) => `Sleutel “${name}” intrekken? Systemen die hem gebruiken krijgen dan geen toegang meer.`,
    en: (name: string) => `Revoke key “${name}”? Systems using it lose access.`,
  },
  revoke: { nl: 'Intrekken', en: 'Revoke' },
  newKey: { nl: 'Nieuwe sleutel', en: 'New key' },
  forExampleSystemUsesKey: { nl: 'Bijvoorbeeld het systeem dat de sleutel gebruikt.', en: 'For example the system that uses the key.' },
  createKey: { nl: 'Sleutel maken', en: 'Create key' },
  apiKeys: { nl: 'API-sleutels', en: 'API keys' },
  // The municipality's figures (issue 19).
  insightTitle: { nl: 'Cijfers en kaart', en: 'Figures and map' },
  insightLead: {
    nl: (name: string, date: string) =>
      `Gecertificeerde huisvesting van arbeidsmigranten in ${name}, op ${date}. Alle cijfers komen rechtstreeks uit het register.`,
    en: (name: string, date: string) =>
      `Certified housing of labour migrants in ${name}, on ${date}. Every figure comes straight from the register.`,
  },
  // The words both figures pages use are in sharedText(web).figures; the statuses' in sharedText(web).statuses.
  overOccupiedLocations: { nl: 'Locaties boven het maximum', en: 'Locations above the maximum' },
  // With 'en bedden', unlike the administrator's byStatusTitle: this page's status table has a beds column.
  byStatusTitle: { nl: 'Locaties en bedden naar status', en: 'Locations and beds by status' },
  byTownTitle: { nl: 'Gecertificeerde locaties naar woonplaats', en: 'Certified locations by town' },
  town: { nl: 'Woonplaats', en: 'Town' },
  total: { nl: 'Totaal', en: 'Total' },
  occupancyTitle: { nl: 'Gemelde bewoners tegen het maximum', en: 'Reported residents against the maximum' },
  occupancyLead: {
    nl:
      'Verhuurders melden minstens maandelijks hoeveel mensen er wonen. Locaties boven het maximum staan bovenaan; ' +
      'voor elk daarvan is een onaangekondigde keuring aangevraagd.',
    en:
      'Landlords report at least monthly how many people live there. Locations above the maximum are on top; ' +
      'an unannounced inspection has been requested for each.',
  },
  residents: { nl: 'Gemeld', en: 'Reported' },
  reportedOn: { nl: 'Peildatum', en: 'Reference date' },
  difference: { nl: 'Boven maximum', en: 'Above maximum' },
  overOccupied: { nl: 'Boven maximum', en: 'Above maximum' },
  withinMaximum: { nl: 'Binnen maximum', en: 'Within maximum' },
  notReported: { nl: 'Niet gemeld', en: 'Not reported' },
  noCertificate: { nl: 'Geen certificaat', en: 'No certificate' },
  firstOfTotal: {
    nl: (shown: string, total: string) => `De eerste ${shown} van ${total} locaties; de CSV bevat ze allemaal.`,
    en: (shown: string, total: string) => `The first ${shown} of ${total} locations; the CSV holds them all.`,
  },
  noLocationsYet: { nl: 'Er zijn nog geen locaties in uw gemeente.', en: 'There are no locations in your municipality yet.' },
  mapTitle: { nl: 'Kaart', en: 'Map' },
  mapLead: {
    nl: 'De locaties met coördinaten uit de BAG, gekleurd naar status en bezetting. Dezelfde locaties staan in de tabel hierboven.',
    en: 'The locations with coordinates from the BAG, coloured by status and occupancy. The same locations are in the table above.',
  },
  mapLabel: { nl: 'Kaart van de locaties in uw gemeente', en: 'Map of the locations in your municipality' },
  mapWithoutCoordinates: {
    nl: (count: string) => `Niet op de kaart, want zonder coördinaten (adres niet in de BAG gevonden): ${count}.`,
    en: (count: string) => `Not on the map, having no coordinates (address not found in the BAG): ${count}.`,
  },
  mapNoScript: {
    nl: 'De kaart heeft JavaScript nodig; alle locaties staan ook in de tabel.',
    en: 'The map needs JavaScript; every location is in the table too.',
  },
  legendOver: { nl: 'Geldig, boven het maximum', en: 'Valid, above the maximum' },
  legendValid: { nl: 'Geldig, binnen het maximum of niet gemeld', en: 'Valid, within the maximum or not reported' },
  legendOther: { nl: 'Ingetrokken, verlopen of zonder certificaat', en: 'Withdrawn, expired or without a certificate' },
  nothingExpires: { nl: 'Geen certificaat verloopt in de komende 90 dagen.', en: 'No certificate expires in the next 90 days.' },
});
