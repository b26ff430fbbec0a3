import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_NORM, normToContract } from '@keurmerk/norm';
import { PASSWORD, withNotice } from '../support/scenario';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeAnswer, type HttpCall } from './support/http-call';
import { callsRoute, fetchOpenApi, tableDrift } from './support/openapi-routes';
import { everyone, type Expectation, guarded, mismatch, type Policy, PUBLIC } from './support/policy';
import { PDF, PNG } from '../support/files';
import { AREA_IN, buildWorld, PRINCIPALS, type PrincipalName, type World } from './support/world';

/**
 * The declared policy of every route in the OpenAPI document, checked by calling each route as each
 * principal on the same fixtures (landlord A's, in GM1783, inspected by `auditor`; see world.ts).
 * A route added to the API without a row here fails the first test; so does a row for a route that
 * is gone. Writes that succeed get a throwaway target (w.fresh), so the cells do not depend on each
 * other's order.
 */
interface Route {
  policy: Policy;
  call(w: World, who: PrincipalName, expected: Expectation): Promise<HttpCall> | HttpCall;
  /** The fixture a collection is checked for ('sees' / 'hidden'). */
  marker?(w: World): string;
}

const page = { paginaGrootte: 100 };
const freshLandlord = async (w: World) =>
  (
    await w.call('beheerder', {
      method: 'POST',
      path: '/organisaties',
      json: { naam: 'Matrix Sanctie', kvkNummer: String(81_000_000 + w.fresh.serial()), soort: 'verhuurder' },
    })
  ).body.id as string;
const succeeds = (expected: Expectation) => expected === 'ok';
const draft = (versie: string) => ({
  ...(JSON.parse(JSON.stringify(normToContract(DEFAULT_NORM))) as object),
  versie,
  ingangsdatum: '2099-01-01',
});
const upload = (bytes: Buffer, fileName: string, contentType: string) => ({ field: 'bestand', bytes, fileName, contentType });
let certificatePdf: Buffer | undefined;

/** Who may do what: roles by the guard, ownership by the services (404 for what is someone else's). */
const MATRIX: Record<string, Route> = {
  'GET /health': { policy: PUBLIC, call: () => ({ method: 'GET', path: '/health' }) },
  'GET /openapi.json': { policy: PUBLIC, call: () => ({ method: 'GET', path: '/openapi.json' }) },
  'POST /tokens': {
    policy: PUBLIC,
    call: (w) => ({ method: 'POST', path: '/tokens', json: { email: w.ids.userEmail, wachtwoord: PASSWORD } }),
  },

  // Administration
  'POST /organisaties': {
    policy: guarded({ beheerder: 'ok' }),
    call: (w) => ({
      method: 'POST',
      path: '/organisaties',
      json: { naam: 'Matrix Verhuur', kvkNummer: String(80_000_000 + w.fresh.serial()), soort: 'verhuurder' },
    }),
  },
  'GET /organisaties': {
    policy: guarded({ beheerder: 'sees', certificeerder: 'sees', inspectorAsCertifier: 'sees' }),
    call: () => ({ method: 'GET', path: '/organisaties', query: page }),
    marker: (w) => w.ids.landlordA,
  },
  'GET /organisaties/{id}': {
    policy: guarded({
      beheerder: 'ok',
      certificeerder: 'ok',
      inspectorAsCertifier: 'ok',
      verhuurderA: 'ok',
      verhuurderB: 404,
      auditor: 404,
      auditorOther: 404,
    }),
    call: (w) => ({ method: 'GET', path: `/organisaties/${w.ids.landlordA}` }),
  },
  'POST /organisaties/{id}/sancties': {
    policy: guarded({ beheerder: 'ok' }),
    call: async (w, _who, expected) => ({
      method: 'POST',
      // Each allowed call suspends a landlord of its own: a second suspension of one company is 409.
      path: `/organisaties/${succeeds(expected) ? await freshLandlord(w) : w.ids.landlordA}/sancties`,
      json: { maatregel: 'schorsing', reden: 'Matrix' },
    }),
  },
  'POST /gebruikers': {
    policy: guarded({ beheerder: 'ok' }),
    call: (w) => ({
      method: 'POST',
      path: '/gebruikers',
      json: { email: `matrix-${w.fresh.serial()}@matrix.test`, wachtwoord: PASSWORD, naam: 'Nieuw', rol: 'certificeerder' },
    }),
  },
  'GET /gebruikers': {
    policy: guarded({ beheerder: 'sees' }),
    call: () => ({ method: 'GET', path: '/gebruikers', query: page }),
    marker: (w) => w.ids.user,
  },
  'GET /gebruikers/mij': {
    policy: guarded({
      beheerder: 'ok',
      verhuurderA: 'ok',
      verhuurderB: 'ok',
      auditor: 'ok',
      auditorOther: 'ok',
      certificeerder: 'ok',
      inspectorAsCertifier: 'ok',
      gemeenteIn: 'ok',
      gemeenteOut: 'ok',
    }),
    call: () => ({ method: 'GET', path: '/gebruikers/mij' }),
  },
  'GET /gebruikers/{id}': { policy: guarded({ beheerder: 'ok' }), call: (w) => ({ method: 'GET', path: `/gebruikers/${w.ids.user}` }) },
  // An empty change: the access check is what is tested, and no principal of the matrix loses its name or its sign-in.
  'PATCH /gebruikers/{id}': {
    policy: guarded({ beheerder: 'ok' }),
    call: (w) => ({ method: 'PATCH', path: `/gebruikers/${w.ids.user}`, json: {} }),
  },
  'PATCH /organisaties/{id}': {
    policy: guarded({ beheerder: 'ok' }),
    call: (w) => ({ method: 'PATCH', path: `/organisaties/${w.ids.landlordA}`, json: {} }),
  },
  'POST /gebruikers/mij/wachtwoord': {
    // Every person passes the access check; a wrong current password keeps every principal's tokens alive (400).
    policy: guarded({
      beheerder: 400,
      verhuurderA: 400,
      verhuurderB: 400,
      auditor: 400,
      auditorOther: 400,
      certificeerder: 400,
      inspectorAsCertifier: 400,
      gemeenteIn: 400,
      gemeenteOut: 400,
    }),
    call: () => ({
      method: 'POST',
      path: '/gebruikers/mij/wachtwoord',
      json: { huidigWachtwoord: 'niet-het-huidige-wachtwoord', nieuwWachtwoord: 'een ander lang wachtwoord' },
    }),
  },
  'POST /api-sleutels': {
    // A municipality makes keys for its own gemeentecode only.
    policy: guarded({ beheerder: 'ok', gemeenteIn: 'ok', gemeenteOut: 403 }),
    call: (w) => ({ method: 'POST', path: '/api-sleutels', json: { naam: `matrix ${w.fresh.serial()}`, gemeentecode: AREA_IN } }),
  },
  'GET /api-sleutels': {
    policy: guarded({ beheerder: 'sees', gemeenteIn: 'sees', gemeenteOut: 'hidden' }),
    call: () => ({ method: 'GET', path: '/api-sleutels', query: page }),
    marker: (w) => w.ids.apiKeyIn,
  },
  'DELETE /api-sleutels/{id}': {
    // Always a fresh key of GM1783: a leak must not revoke a key another cell signs in with.
    policy: guarded({ beheerder: 'ok', gemeenteIn: 'ok', gemeenteOut: 404 }),
    call: async (w) => ({ method: 'DELETE', path: `/api-sleutels/${await w.fresh.apiKey(AREA_IN)}` }),
  },
  'GET /gemeenten': { policy: PUBLIC, call: () => ({ method: 'GET', path: '/gemeenten' }) },
  'POST /belangenverklaringen': {
    policy: guarded({ beheerder: 'ok' }),
    call: (w) => ({
      method: 'POST',
      path: '/belangenverklaringen',
      json: { auditorId: w.ids.auditorOther, organisatieId: w.ids.landlordB, omschrijving: 'Zwager van de directeur' },
    }),
  },
  'GET /belangenverklaringen': { policy: guarded({ beheerder: 'ok' }), call: () => ({ method: 'GET', path: '/belangenverklaringen' }) },

  // Norm: concepts are the beheerder's alone, even to read.
  'GET /normen': {
    policy: everyone('hidden', { beheerder: 'sees' }),
    call: () => ({ method: 'GET', path: '/normen', query: page }),
    marker: (w) => w.ids.concept,
  },
  'POST /normen': {
    policy: guarded({ beheerder: 'ok' }),
    call: (w) => ({ method: 'POST', path: '/normen', json: draft(`2098.${w.fresh.serial()}`) }),
  },
  'GET /normen/{versie}': {
    policy: everyone(404, { beheerder: 'ok' }),
    call: (w) => ({ method: 'GET', path: `/normen/${w.ids.concept}` }),
  },
  'PUT /normen/{versie}': {
    policy: guarded({ beheerder: 'ok' }),
    call: async (w, _who, expected) => {
      const versie = succeeds(expected) ? await w.fresh.concept() : w.ids.concept;
      return { method: 'PUT', path: `/normen/${versie}`, json: draft(versie) };
    },
  },
  'POST /normen/{versie}/publicaties': {
    policy: guarded({ beheerder: 'ok' }),
    call: async (w, _who, expected) => ({
      method: 'POST',
      path: `/normen/${succeeds(expected) ? await w.fresh.concept() : w.ids.concept}/publicaties`,
    }),
  },

  // Locations and applications
  'POST /locaties': {
    // Every caller names landlord A: its own user and the beheerder may, landlord B may not (400 names the field).
    policy: guarded({ beheerder: 'ok', verhuurderA: 'ok', verhuurderB: 400 }),
    call: (w) => ({
      method: 'POST',
      path: '/locaties',
      json: {
        organisatieId: w.ids.landlordA,
        adres: { postcode: '2673 EF', huisnummer: w.fresh.serial(), straatnaam: 'Kassenweg', woonplaats: "'s-Gravenzande" },
        gemeentecode: AREA_IN,
        soortHuisvesting: 'logiesgebouw',
        nieuwbouw: true,
        aantalSlaapplaatsen: 20,
      },
    }),
  },
  'GET /locaties': {
    policy: guarded({
      beheerder: 'sees',
      certificeerder: 'sees',
      inspectorAsCertifier: 'sees',
      verhuurderA: 'sees',
      verhuurderB: 'hidden',
      auditor: 'sees',
      auditorOther: 'hidden',
      gemeenteIn: 'sees',
      gemeenteOut: 'hidden',
      apiKeyIn: 'sees',
      apiKeyOut: 'hidden',
    }),
    call: () => ({ method: 'GET', path: '/locaties', query: page }),
    marker: (w) => w.ids.location,
  },
  'GET /locaties/{id}': {
    policy: guarded({
      beheerder: 'ok',
      certificeerder: 'ok',
      inspectorAsCertifier: 'ok',
      verhuurderA: 'ok',
      verhuurderB: 404,
      auditor: 'ok',
      auditorOther: 404,
      gemeenteIn: 'ok',
      gemeenteOut: 404,
      apiKeyIn: 'ok',
      apiKeyOut: 404,
    }),
    call: (w) => ({ method: 'GET', path: `/locaties/${w.ids.location}` }),
  },
  // Locations after registration: its landlord or the beheerder changes or deregisters, the beheerder transfers.
  'PATCH /locaties/{id}': {
    policy: guarded({ beheerder: 'ok', verhuurderA: 'ok', verhuurderB: 404 }),
    call: async (w, _who, expected) => ({
      method: 'PATCH',
      path: `/locaties/${succeeds(expected) ? await w.fresh.location() : w.ids.location}`,
      json: { aantalSlaapplaatsen: 12 },
    }),
  },
  'POST /locaties/{id}/afmeldingen': {
    policy: guarded({ beheerder: 'ok', verhuurderA: 'ok', verhuurderB: 404 }),
    call: async (w, _who, expected) => ({
      method: 'POST',
      path: `/locaties/${succeeds(expected) ? await w.fresh.location() : w.ids.location}/afmeldingen`,
      json: { reden: 'Matrix' },
    }),
  },
  'POST /locaties/{id}/overdrachten': {
    policy: guarded({ beheerder: 'ok' }),
    call: async (w, _who, expected) => ({
      method: 'POST',
      path: `/locaties/${succeeds(expected) ? await w.fresh.location() : w.ids.location}/overdrachten`,
      json: { organisatieId: w.ids.landlordB, reden: 'Matrix' },
    }),
  },
  // Occupancy: the landlord reports, the landlord, the area's municipality and the beheerder read.
  'POST /locaties/{id}/bezettingen': {
    policy: guarded({ verhuurderA: 'ok', verhuurderB: 404 }),
    call: (w) => ({
      method: 'POST',
      path: `/locaties/${w.ids.location}/bezettingen`,
      json: { peildatum: '2026-01-15', aantalBewoners: 3 },
    }),
  },
  'GET /locaties/{id}/bezettingen': {
    policy: guarded({ beheerder: 'ok', verhuurderA: 'ok', verhuurderB: 404, gemeenteIn: 'ok', gemeenteOut: 404 }),
    call: (w) => ({ method: 'GET', path: `/locaties/${w.ids.location}/bezettingen`, query: page }),
  },
  'GET /statistieken': { policy: PUBLIC, call: () => ({ method: 'GET', path: '/statistieken', query: { gemeentecode: AREA_IN } }) },
  // Password reset: public; the answer never says whether an address exists, an unknown link is refused.
  'POST /wachtwoordherstel': {
    policy: PUBLIC,
    call: () => ({ method: 'POST', path: '/wachtwoordherstel', json: { email: 'niemand@matrix.test' } }),
  },
  'POST /wachtwoordherstel/{token}': {
    policy: everyone(400),
    call: () => ({
      method: 'POST',
      path: `/wachtwoordherstel/${'a'.repeat(64)}`,
      json: { nieuwWachtwoord: 'een heel lang en zeldzaam wachtwoord' },
    }),
  },
  'GET /adresclaims': {
    policy: guarded({ beheerder: 'ok' }),
    call: () => ({ method: 'GET', path: '/adresclaims', query: { ...page, status: 'open' } }),
  },
  'POST /adresclaims/{id}/afhandelingen': {
    // The beheerder closes a fresh claim: landlord B tries to register the address of a fresh location of A.
    policy: guarded({ beheerder: 'ok' }),
    call: async (w, _who, expected) => {
      let id = '00000000-0000-4000-8000-000000000000';
      if (succeeds(expected)) {
        const locationId = await w.fresh.location();
        const location = (await w.call('verhuurderA', { method: 'GET', path: `/locaties/${locationId}` })).body;
        await w.call('verhuurderB', {
          method: 'POST',
          path: '/locaties',
          json: { adres: location.adres, gemeentecode: AREA_IN, soortHuisvesting: 'woning', nieuwbouw: false, aantalSlaapplaatsen: 4 },
        });
        const claims = await w.call('beheerder', { method: 'GET', path: '/adresclaims', query: { ...page, status: 'open' } });
        id = (claims.body.resultaten as { id: string; locatieId: string }[]).find((claim) => claim.locatieId === locationId)!.id;
      }
      return { method: 'POST', path: `/adresclaims/${id}/afhandelingen`, json: { toelichting: 'Matrix' } };
    },
  },
  'POST /aanvragen': {
    policy: guarded({ verhuurderA: 'ok', verhuurderB: 404 }),
    call: async (w, _who, expected) => ({
      method: 'POST',
      path: '/aanvragen',
      json: { locatieId: succeeds(expected) ? await w.fresh.location() : w.ids.location },
    }),
  },
  'GET /aanvragen': {
    policy: guarded({
      verhuurderA: 'sees',
      verhuurderB: 'hidden',
      beheerder: 'sees',
      certificeerder: 'sees',
      inspectorAsCertifier: 'sees',
    }),
    call: () => ({ method: 'GET', path: '/aanvragen', query: page }),
    marker: (w) => w.ids.application,
  },
  'GET /aanvragen/{id}': {
    policy: guarded({ verhuurderA: 'ok', verhuurderB: 404, beheerder: 'ok', certificeerder: 'ok', inspectorAsCertifier: 'ok' }),
    call: (w) => ({ method: 'GET', path: `/aanvragen/${w.ids.application}` }),
  },
  'POST /aanvragen/{id}/documenten': {
    policy: guarded({ verhuurderA: 'ok', verhuurderB: 404, beheerder: 'ok' }),
    call: (w) => ({
      method: 'POST',
      path: `/aanvragen/${w.ids.application}/documenten`,
      attach: upload(PDF, 'vergunning.pdf', 'application/pdf'),
    }),
  },
  'GET /aanvragen/{id}/documenten': {
    policy: guarded({ verhuurderA: 'sees', verhuurderB: 404, beheerder: 'sees', certificeerder: 'sees', inspectorAsCertifier: 'sees' }),
    call: (w) => ({ method: 'GET', path: `/aanvragen/${w.ids.application}/documenten`, query: page }),
    marker: (w) => w.ids.document,
  },
  'GET /aanvragen/{id}/documenten/{documentId}': {
    policy: guarded({ verhuurderA: 'ok', verhuurderB: 404, beheerder: 'ok', certificeerder: 'ok', inspectorAsCertifier: 'ok' }),
    call: (w) => ({ method: 'GET', path: `/aanvragen/${w.ids.application}/documenten/${w.ids.document}` }),
  },

  // Inspections: the assigned auditor works on them; the landlord and staff read them.
  'POST /inspecties': {
    policy: guarded({ beheerder: 'ok' }),
    call: async (w, _who, expected) => ({
      method: 'POST',
      path: '/inspecties',
      json: {
        locatieId: succeeds(expected) ? await w.fresh.location() : w.ids.location,
        auditorId: w.ids.auditor,
        soort: 'periodiek',
        gepland: withNotice(new Date()),
      },
    }),
  },
  'GET /inspecties': {
    policy: guarded({
      auditor: 'sees',
      auditorOther: 'hidden',
      beheerder: 'sees',
      certificeerder: 'sees',
      inspectorAsCertifier: 'sees',
      verhuurderA: 'sees',
      verhuurderB: 'hidden',
    }),
    call: (w) => ({ method: 'GET', path: '/inspecties', query: { ...page, locatieId: w.ids.location } }),
    marker: (w) => w.ids.openInspection,
  },
  'GET /inspecties/{id}': {
    policy: guarded({
      auditor: 'ok',
      auditorOther: 404,
      beheerder: 'ok',
      certificeerder: 'ok',
      inspectorAsCertifier: 'ok',
      verhuurderA: 'ok',
      verhuurderB: 404,
    }),
    call: (w) => ({ method: 'GET', path: `/inspecties/${w.ids.openInspection}` }),
  },
  'GET /inspecties/{id}/antwoorden': {
    policy: guarded({
      auditor: 'ok',
      auditorOther: 404,
      beheerder: 'ok',
      certificeerder: 'ok',
      inspectorAsCertifier: 'ok',
      verhuurderA: 'ok',
      verhuurderB: 404,
    }),
    call: (w) => ({ method: 'GET', path: `/inspecties/${w.ids.decidedInspection}/antwoorden` }),
  },
  'PUT /inspecties/{id}/antwoorden/{criteriumCode}': {
    policy: guarded({ auditor: 'ok', auditorOther: 404 }),
    call: (w) => ({
      method: 'PUT',
      path: `/inspecties/${w.ids.openInspection}/antwoorden/BV-01`,
      json: { resultaat: 'voldoet', opmerking: 'Blusdeken aanwezig' },
    }),
  },
  'POST /inspecties/{id}/bewijsstukken': {
    policy: guarded({ auditor: 'ok', auditorOther: 404 }),
    call: (w) => ({
      method: 'POST',
      path: `/inspecties/${w.ids.openInspection}/bewijsstukken`,
      fields: { criteriumCode: 'BV-01' },
      attach: upload(PNG, 'foto.png', 'image/png'),
    }),
  },
  'GET /inspecties/{id}/bewijsstukken': {
    policy: guarded({
      auditor: 'sees',
      auditorOther: 404,
      beheerder: 'sees',
      certificeerder: 'sees',
      inspectorAsCertifier: 'sees',
      verhuurderA: 'sees',
      verhuurderB: 404,
    }),
    call: (w) => ({ method: 'GET', path: `/inspecties/${w.ids.openInspection}/bewijsstukken` }),
    marker: (w) => w.ids.evidence,
  },
  'GET /inspecties/{id}/bewijsstukken/{documentId}': {
    policy: guarded({
      auditor: 'ok',
      auditorOther: 404,
      beheerder: 'ok',
      certificeerder: 'ok',
      inspectorAsCertifier: 'ok',
      verhuurderA: 'ok',
      verhuurderB: 404,
    }),
    call: (w) => ({ method: 'GET', path: `/inspecties/${w.ids.openInspection}/bewijsstukken/${w.ids.evidence}` }),
  },
  'POST /inspecties/{id}/indieningen': {
    policy: guarded({ auditor: 'ok', auditorOther: 404 }),
    call: async (w, _who, expected) => ({
      method: 'POST',
      path: `/inspecties/${succeeds(expected) ? await w.fresh.answeredInspection() : w.ids.openInspection}/indieningen`,
    }),
  },
  'POST /inspecties/{id}/besluiten': {
    // Four eyes: the same submitted inspection, decided by a certificeerder, refused to the one who inspected it
    // (who comes later in PRINCIPALS, and is refused before the "already decided" check would answer 409).
    policy: guarded({ certificeerder: 'ok', inspectorAsCertifier: 403 }),
    call: (w) => ({
      method: 'POST',
      path: `/inspecties/${w.ids.inspectorInspection}/besluiten`,
      json: { uitkomst: 'afwijzen', toelichting: 'Matrix' },
    }),
  },
  'GET /inspecties/{id}/rapport': {
    policy: guarded({
      auditor: 'ok',
      auditorOther: 404,
      beheerder: 'ok',
      certificeerder: 'ok',
      inspectorAsCertifier: 'ok',
      verhuurderA: 'ok',
      verhuurderB: 404,
    }),
    call: (w) => ({ method: 'GET', path: `/inspecties/${w.ids.decidedInspection}/rapport` }),
  },
  'GET /inspecties/{id}/besluit': {
    policy: guarded({
      auditor: 'ok',
      auditorOther: 404,
      beheerder: 'ok',
      certificeerder: 'ok',
      inspectorAsCertifier: 'ok',
      verhuurderA: 'ok',
      verhuurderB: 404,
    }),
    call: (w) => ({ method: 'GET', path: `/inspecties/${w.ids.decidedInspection}/besluit` }),
  },

  // Findings: read like locations; the landlord reports repairs, the inspection's auditor or a certificeerder reviews.
  'GET /bevindingen': {
    policy: guarded({
      beheerder: 'sees',
      certificeerder: 'sees',
      inspectorAsCertifier: 'sees',
      auditor: 'sees',
      auditorOther: 'hidden',
      verhuurderA: 'sees',
      verhuurderB: 'hidden',
      gemeenteIn: 'sees',
      gemeenteOut: 'hidden',
    }),
    call: (w) => ({ method: 'GET', path: '/bevindingen', query: { ...page, locatieId: w.ids.findingsLocation } }),
    marker: (w) => w.ids.finding,
  },
  'GET /bevindingen/{id}': {
    policy: guarded({
      beheerder: 'ok',
      certificeerder: 'ok',
      inspectorAsCertifier: 'ok',
      auditor: 'ok',
      auditorOther: 404,
      verhuurderA: 'ok',
      verhuurderB: 404,
      gemeenteIn: 'ok',
      gemeenteOut: 404,
    }),
    call: (w) => ({ method: 'GET', path: `/bevindingen/${w.ids.finding}` }),
  },
  'POST /bevindingen/{id}/herstelmeldingen': {
    policy: guarded({ verhuurderA: 'ok', verhuurderB: 404 }),
    call: (w, _who, expected) => ({
      method: 'POST',
      path: `/bevindingen/${succeeds(expected) ? w.fresh.finding('open') : w.ids.finding}/herstelmeldingen`,
      fields: { omschrijving: 'Nieuwe rookmelder geplaatst' },
      attach: upload(PNG, 'rookmelder.png', 'image/png'),
    }),
  },
  'POST /bevindingen/{id}/beoordelingen': {
    policy: guarded({ auditor: 'ok', auditorOther: 404, certificeerder: 'ok', inspectorAsCertifier: 'ok' }),
    call: (w, _who, expected) => ({
      method: 'POST',
      path: `/bevindingen/${succeeds(expected) ? w.fresh.finding('reported') : w.ids.reportedFinding}/beoordelingen`,
      json: { akkoord: true, toelichting: 'Foto volstaat' },
    }),
  },

  // Certificates: public to read; status changes by staff.
  'GET /certificaten': {
    policy: guarded({
      beheerder: 'sees',
      certificeerder: 'sees',
      inspectorAsCertifier: 'sees',
      auditor: 'sees',
      auditorOther: 'hidden',
      verhuurderA: 'sees',
      verhuurderB: 'hidden',
      gemeenteIn: 'sees',
      gemeenteOut: 'hidden',
      apiKeyIn: 'sees',
      apiKeyOut: 'hidden',
    }),
    call: () => ({ method: 'GET', path: '/certificaten', query: page }),
    marker: (w) => w.ids.certificate,
  },
  'GET /certificaten/{nummer}': { policy: PUBLIC, call: (w) => ({ method: 'GET', path: `/certificaten/${w.ids.certificate}` }) },
  'GET /certificaten/{nummer}/pdf': { policy: PUBLIC, call: (w) => ({ method: 'GET', path: `/certificaten/${w.ids.certificate}/pdf` }) },
  'GET /certificaten/{nummer}/vc': { policy: PUBLIC, call: (w) => ({ method: 'GET', path: `/certificaten/${w.ids.certificate}/vc` }) },
  'POST /certificaten/{nummer}/statuswijzigingen': {
    policy: guarded({ beheerder: 'ok', certificeerder: 'ok', inspectorAsCertifier: 'ok' }),
    call: async (w, _who, expected) => ({
      method: 'POST',
      path: `/certificaten/${succeeds(expected) ? await w.fresh.certificate() : w.ids.certificate}/statuswijzigingen`,
      json: { status: 'geschorst', reden: 'Matrix' },
    }),
  },

  // Notifications to municipalities: a municipality manages its own area's.
  'POST /abonnementen': {
    policy: guarded({ beheerder: 'ok', gemeenteIn: 'ok', gemeenteOut: 403, apiKeyIn: 'ok', apiKeyOut: 403 }),
    call: (w) => ({ method: 'POST', path: '/abonnementen', json: { callbackUrl: w.receiverUrl, gemeentecode: AREA_IN } }),
  },
  'GET /abonnementen': {
    policy: guarded({ beheerder: 'sees', gemeenteIn: 'sees', gemeenteOut: 'hidden', apiKeyIn: 'sees', apiKeyOut: 'hidden' }),
    call: () => ({ method: 'GET', path: '/abonnementen', query: page }),
    marker: (w) => w.ids.subscription,
  },
  'GET /abonnementen/{id}': {
    policy: guarded({ beheerder: 'ok', gemeenteIn: 'ok', gemeenteOut: 404, apiKeyIn: 'ok', apiKeyOut: 404 }),
    call: (w) => ({ method: 'GET', path: `/abonnementen/${w.ids.subscription}` }),
  },
  'DELETE /abonnementen/{id}': {
    policy: guarded({ beheerder: 'ok', gemeenteIn: 'ok', gemeenteOut: 404, apiKeyIn: 'ok', apiKeyOut: 404 }),
    call: async (w) => ({ method: 'DELETE', path: `/abonnementen/${await w.fresh.subscription()}` }),
  },
  'GET /abonnementen/{id}/afleveringen': {
    policy: guarded({ beheerder: 'ok', gemeenteIn: 'ok', gemeenteOut: 404, apiKeyIn: 'ok', apiKeyOut: 404 }),
    call: (w) => ({ method: 'GET', path: `/abonnementen/${w.ids.subscription}/afleveringen` }),
  },

  // Public verification; bulk for municipal systems; the changes feed per area.
  'GET /verificaties': {
    policy: PUBLIC,
    call: (w) => ({ method: 'GET', path: '/verificaties', query: { certificaatnummer: w.ids.certificate, aantalBewoners: 4 } }),
  },
  'POST /bulkverificaties': {
    policy: guarded({ apiKeyIn: 'ok', apiKeyOut: 'ok' }),
    call: (w) => ({
      method: 'POST',
      path: '/bulkverificaties',
      json: { verzoeken: [{ certificaatnummer: w.ids.certificate }, { postcode: '2671 AB', huisnummer: 1 }] },
    }),
  },
  'POST /verificaties/documenten': {
    policy: PUBLIC,
    call: async (w) => {
      certificatePdf ??= (await w.call('anonymous', { method: 'GET', path: `/certificaten/${w.ids.certificate}/pdf` })).body as Buffer;
      return { method: 'POST', path: '/verificaties/documenten', raw: certificatePdf, contentType: 'application/pdf' };
    },
  },
  'GET /mutaties': {
    // A municipality reads its own area; naming another is refused.
    policy: guarded({ beheerder: 'sees', gemeenteIn: 'sees', gemeenteOut: 403, apiKeyIn: 'sees', apiKeyOut: 403 }),
    call: () => ({ method: 'GET', path: '/mutaties', query: { ...page, sinds: '2000-01-01T00:00:00Z', gemeentecode: AREA_IN } }),
    marker: (w) => w.ids.certificate,
  },
  'GET /register': { policy: PUBLIC, call: () => ({ method: 'GET', path: '/register' }) },

  // Residents' complaints: anyone files, the beheerder handles.
  'POST /meldingen': {
    policy: PUBLIC,
    call: (w) => ({
      method: 'POST',
      path: '/meldingen',
      json: { certificaatnummer: w.ids.certificate, omschrijving: 'Geen warm water.', taal: 'en' },
    }),
  },
  'GET /meldingen': {
    policy: guarded({ beheerder: 'sees' }),
    call: () => ({ method: 'GET', path: '/meldingen', query: page }),
    marker: (w) => w.ids.complaint,
  },
  'GET /meldingen/{id}': { policy: guarded({ beheerder: 'ok' }), call: (w) => ({ method: 'GET', path: `/meldingen/${w.ids.complaint}` }) },
  'POST /meldingen/{id}/inspecties': {
    policy: guarded({ beheerder: 'ok' }),
    call: async (w, _who, expected) => ({
      method: 'POST',
      path: `/meldingen/${succeeds(expected) ? await w.fresh.complaint() : w.ids.complaint}/inspecties`,
      json: { auditorId: w.ids.auditor, gepland: new Date().toISOString() },
    }),
  },
  'POST /meldingen/{id}/afhandelingen': {
    policy: guarded({ beheerder: 'ok' }),
    call: async (w, _who, expected) => ({
      method: 'POST',
      path: `/meldingen/${succeeds(expected) ? await w.fresh.complaint() : w.ids.complaint}/afhandelingen`,
      json: { toelichting: 'Afgehandeld' },
    }),
  },

  // Surveillance: planning requests and the random sample are the beheerder's.
  'GET /planningsverzoeken': {
    policy: guarded({ beheerder: 'ok' }),
    call: () => ({ method: 'GET', path: '/planningsverzoeken', query: { ...page, status: 'open' } }),
  },
  'POST /steekproeven': {
    policy: guarded({ beheerder: 'ok' }),
    call: () => ({ method: 'POST', path: '/steekproeven', json: { percentage: 10, zaad: '5eed' } }),
  },
  'GET /steekproeven': { policy: guarded({ beheerder: 'ok' }), call: () => ({ method: 'GET', path: '/steekproeven', query: page }) },

  // Objections: the landlord of the location files; scoped like locaties; an uninvolved certificeerder decides.
  'POST /bezwaren': {
    // Another landlord learns nothing of A's certificate (404); A's own, suspended anew for each success, is contested.
    policy: guarded({ verhuurderA: 'ok', verhuurderB: 404 }),
    call: async (w, _who, expected) => {
      let number = w.ids.certificate;
      if (succeeds(expected)) {
        number = await w.fresh.certificate();
        await w.call('beheerder', {
          method: 'POST',
          path: `/certificaten/${number}/statuswijzigingen`,
          json: { status: 'geschorst', reden: 'Matrix' },
        });
      }
      return { method: 'POST', path: '/bezwaren', json: { certificaatnummer: number, gronden: 'Matrix' } };
    },
  },
  'GET /bezwaren': {
    policy: guarded({
      beheerder: 'sees',
      certificeerder: 'sees',
      inspectorAsCertifier: 'sees',
      verhuurderA: 'sees',
      verhuurderB: 'hidden',
      auditor: 'sees',
      auditorOther: 'hidden',
      gemeenteIn: 'sees',
      gemeenteOut: 'hidden',
    }),
    call: () => ({ method: 'GET', path: '/bezwaren', query: page }),
    marker: (w) => w.ids.objection,
  },
  'GET /bezwaren/{id}': {
    policy: guarded({
      beheerder: 'ok',
      certificeerder: 'ok',
      inspectorAsCertifier: 'ok',
      verhuurderA: 'ok',
      verhuurderB: 404,
      auditor: 'ok',
      auditorOther: 404,
      gemeenteIn: 'ok',
      gemeenteOut: 404,
    }),
    call: (w) => ({ method: 'GET', path: `/bezwaren/${w.ids.objection}` }),
  },
  'POST /bezwaren/{id}/beslissingen': {
    // `certificeerder` granted the contested certificate: involved, so 403; the promoted inspector took no part in it.
    policy: guarded({ certificeerder: 403, inspectorAsCertifier: 'ok' }),
    call: async (w, _who, expected) => ({
      method: 'POST',
      path: `/bezwaren/${succeeds(expected) ? await w.fresh.objection() : w.ids.objection}/beslissingen`,
      json: { uitkomst: 'ongegrond', toelichting: 'Matrix' },
    }),
  },
};

describe('authorization matrix: every OpenAPI route × every principal', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    // Forwarded addresses are trusted so every call has its own (see send); webhooks go to a local receiver.
    // Every principal makes keys and subscriptions for one municipality: the caps (test/security/municipal-caps) are not tested here.
    t = await startTestApp({
      env: {
        TRUST_PROXY: 'true',
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        MAX_API_KEYS_PER_MUNICIPALITY: '100',
        MAX_SUBSCRIPTIONS_PER_MUNICIPALITY: '100',
      },
    });
    w = await buildWorld(t, 'mx');
  }, 180_000);
  afterAll(async () => {
    const routes = Object.keys(MATRIX).length;
    console.log(`authorization matrix: ${routes} routes × ${PRINCIPALS.length} principals = ${routes * PRINCIPALS.length} cells`);
    await w?.close();
    await t?.close();
  });

  it('has a row for every route of the OpenAPI document, and none for a route that is gone', async () => {
    expect(tableDrift(await fetchOpenApi(t), Object.keys(MATRIX))).toEqual({ missingFromTable: [], notInDocument: [] });
  });

  it.each(Object.keys(MATRIX))('%s answers each principal as declared', async (key) => {
    const route = MATRIX[key];
    const problems: string[] = [];
    for (const who of PRINCIPALS) {
      const expected = route.policy[who];
      const call = await route.call(w, who, expected);
      expect(callsRoute(call, key)).toBe(true);
      const response = await w.call(who, call);
      const wrong = mismatch(response, expected, route.marker?.(w));
      if (wrong) problems.push(`${who}: ${wrong} — ${describeAnswer(call, response)}`);
    }
    expect(problems).toEqual([]);
  });
});
