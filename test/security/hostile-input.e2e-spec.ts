import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { DEFAULT_NORM, normToContract } from '@keurmerk/norm';
import { createScenario, PASSWORD, type Scenario, withNotice } from '../support/scenario';
import { expectProblem, invalidParamNames, startTestApp, type TestApp } from '../support/test-app';
import {
  bodyShapeCases,
  generatedBodies,
  generatedUploads,
  HOSTILE_PATH_VALUES,
  type HostileCase,
  suspiciousFieldCases,
  uploadCases,
  wrongFieldCases,
} from './support/hostile-corpus';
import { describeAnswer, type HttpCall } from './support/http-call';
import {
  fetchOpenApi,
  jsonFieldTypesOf,
  type OpenApiDocument,
  operationsOf,
  tableDrift,
  unboundedInputs,
  WRITE_METHODS,
} from './support/openapi-routes';
import { rowCounts } from './support/row-counts';
import { PNG } from '../support/files';
import { AREA_OUT, buildWorld, type PrincipalName, type World } from './support/world';

/** Targets in a state that refuses even a well-formed request, made once in beforeAll. */
interface Targets {
  closedApplication: string;
  submittedInspection: string;
  withdrawnCertificate: string;
  closedComplaint: string;
  deletedSubscription: string;
  keyOutOfArea: string;
  openApplicationLocation: string;
  decidedObjection: string;
}

/**
 * How to reach each write endpoint as a caller who may use it, so that the body is really read:
 * the path names a real resource of that caller, in a state where a valid request still changes
 * nothing (a closed application, a submitted inspection, a withdrawn certificate ...). Creation
 * routes have nothing to refuse with: their valid body would create (`creates`), so only values that
 * must be refused are put in it, and legitimate-but-suspicious text comes with an unknown field.
 */
interface WriteTarget {
  who: PrincipalName;
  path(w: World, x: Targets): string;
  body: 'json' | 'multipart' | 'pdf' | 'none';
  base?(w: World, x: Targets): Record<string, unknown>;
  creates?: boolean;
  upload?: { fileField: string; fields: Record<string, string> };
  /** Answers the contract gives hostile input here besides a 4xx problem (a PDF check reports on any bytes as a PDF). */
  reportsWith?: number;
  /** Tables a refused request writes to on purpose (failed sign-ins are counted to slow guessing). */
  recordsRefusalsIn?: string[];
  /**
   * A route whose every field is optional, so `{}` is a valid request that writes (a sample draw): the
   * bodies this predicate accepts, judged here independently of the API, must answer 201 and may write to
   * `writesTo`; every other body must still be refused.
   */
  allOptional?: { isValid(body: unknown): boolean; writesTo: string[] };
}

/** The sample draw's body as the contract defines it: `percentage` 1..100, `zaad` whole bytes of hex; null is absent. */
function isValidSampleDraw(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const fields = body as Record<string, unknown>;
  if (Object.keys(fields).some((key) => key !== 'percentage' && key !== 'zaad')) return false;
  const { percentage, zaad } = fields;
  const percentageOk =
    percentage === undefined ||
    percentage === null ||
    (Number.isInteger(percentage) && (percentage as number) >= 1 && (percentage as number) <= 100);
  const seedOk = zaad === undefined || zaad === null || (typeof zaad === 'string' && /^(?:[0-9a-fA-F]{2}){1,32}$/.test(zaad));
  return percentageOk && seedOk;
}

/** An id nothing has: a well-formed request for it is refused (404) and writes nothing. */
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const draft = (versie: string) => ({
  ...(JSON.parse(JSON.stringify(normToContract(DEFAULT_NORM))) as object),
  versie,
  ingangsdatum: '2099-01-01',
});

/** A well-formed id of no user and no organisation. */
const NOBODY = '00000000-0000-4000-8000-00000000dead';

const WRITES: Record<string, WriteTarget> = {
  'POST /tokens': {
    who: 'anonymous',
    body: 'json',
    path: () => '/tokens',
    base: (w) => ({ email: w.ids.userEmail, wachtwoord: 'niet-het-goede-wachtwoord' }),
    recordsRefusalsIn: ['login_failure'],
  },
  'POST /organisaties': {
    who: 'beheerder',
    body: 'json',
    creates: true,
    path: () => '/organisaties',
    base: () => ({ naam: 'Vijandig B.V.', kvkNummer: '87654321', soort: 'verhuurder' }),
  },
  'POST /gebruikers': {
    who: 'beheerder',
    body: 'json',
    creates: true,
    path: () => '/gebruikers',
    base: () => ({ email: 'vijandig@hostile.test', wachtwoord: PASSWORD, naam: 'Vijand', rol: 'certificeerder' }),
  },
  // Every field is optional, so a valid body would change the user or organisation: the path names none,
  // and the body is still read whole by the validation that runs before the lookup (a valid body: 404).
  'PATCH /gebruikers/{id}': {
    who: 'beheerder',
    body: 'json',
    path: () => `/gebruikers/${NOBODY}`,
    base: () => ({ naam: 'Vijand', actief: true, accreditatieGeldigTot: '2030-01-01' }),
  },
  'PATCH /organisaties/{id}': {
    who: 'beheerder',
    body: 'json',
    path: () => `/organisaties/${NOBODY}`,
    base: () => ({ naam: 'Vijandig B.V.', accreditatieGeldigTot: '2030-01-01' }),
  },
  'POST /gebruikers/mij/wachtwoord': {
    who: 'certificeerder',
    body: 'json',
    path: () => '/gebruikers/mij/wachtwoord',
    base: () => ({ huidigWachtwoord: 'niet-het-goede-wachtwoord', nieuwWachtwoord: 'een ander lang wachtwoord' }),
    recordsRefusalsIn: ['login_failure'],
  },
  'POST /api-sleutels': {
    who: 'beheerder',
    body: 'json',
    creates: true,
    path: () => '/api-sleutels',
    base: () => ({ naam: 'vijandig', gemeentecode: 'GM1783' }),
  },
  'DELETE /api-sleutels/{id}': { who: 'gemeenteIn', body: 'none', path: (_w, x) => `/api-sleutels/${x.keyOutOfArea}` },
  'POST /normen': { who: 'beheerder', body: 'json', creates: true, path: () => '/normen', base: () => draft('2097.1') },
  'PUT /normen/{versie}': {
    who: 'beheerder',
    body: 'json',
    path: () => `/normen/${DEFAULT_NORM.version}`,
    base: () => draft(DEFAULT_NORM.version),
  },
  'POST /normen/{versie}/publicaties': { who: 'beheerder', body: 'none', path: () => `/normen/${DEFAULT_NORM.version}/publicaties` },
  'POST /locaties': {
    who: 'verhuurderA',
    body: 'json',
    creates: true,
    path: () => '/locaties',
    base: () => ({
      adres: { postcode: '2675 GH', huisnummer: 5, straatnaam: 'Vijandweg', woonplaats: 'Monster' },
      gemeentecode: 'GM1783',
      soortHuisvesting: 'woning',
      nieuwbouw: false,
      aantalSlaapplaatsen: 8,
    }),
  },
  'POST /aanvragen': {
    who: 'verhuurderA',
    body: 'json',
    path: () => '/aanvragen',
    base: (_w, x) => ({ locatieId: x.openApplicationLocation }),
  },
  'POST /aanvragen/{id}/documenten': {
    who: 'verhuurderA',
    body: 'multipart',
    path: (_w, x) => `/aanvragen/${x.closedApplication}/documenten`,
    upload: { fileField: 'bestand', fields: { clientReferentie: 'vijand-1', soort: 'plattegrond' } },
  },
  'POST /inspecties': {
    who: 'beheerder',
    body: 'json',
    creates: true,
    path: () => '/inspecties',
    base: (w) => ({ locatieId: w.ids.location, auditorId: w.ids.auditor, soort: 'herinspectie', gepland: withNotice(new Date()) }),
  },
  'PUT /inspecties/{id}/antwoorden/{criteriumCode}': {
    who: 'auditor',
    body: 'json',
    path: (_w, x) => `/inspecties/${x.submittedInspection}/antwoorden/RU-01`,
    base: () => ({ meetwaarde: 200, opmerking: 'Gemeten' }),
  },
  'POST /inspecties/{id}/bewijsstukken': {
    who: 'auditor',
    body: 'multipart',
    path: (_w, x) => `/inspecties/${x.submittedInspection}/bewijsstukken`,
    upload: { fileField: 'bestand', fields: { criteriumCode: 'BV-01' } },
  },
  'POST /inspecties/{id}/indieningen': {
    who: 'auditor',
    body: 'none',
    path: (_w, x) => `/inspecties/${x.submittedInspection}/indieningen`,
  },
  'POST /inspecties/{id}/besluiten': {
    who: 'certificeerder',
    body: 'json',
    path: (w) => `/inspecties/${w.ids.decidedInspection}/besluiten`,
    base: () => ({ uitkomst: 'afwijzen', toelichting: 'Nogmaals' }),
  },
  'POST /bevindingen/{id}/herstelmeldingen': {
    who: 'verhuurderA',
    body: 'multipart',
    path: (w) => `/bevindingen/${w.ids.reportedFinding}/herstelmeldingen`,
    upload: { fileField: 'bestand', fields: { omschrijving: 'Gerepareerd' } },
  },
  'POST /bevindingen/{id}/beoordelingen': {
    who: 'auditor',
    body: 'json',
    path: (w) => `/bevindingen/${w.ids.finding}/beoordelingen`,
    base: () => ({ akkoord: true, toelichting: 'Akkoord' }),
  },
  'POST /belangenverklaringen': {
    who: 'beheerder',
    body: 'json',
    path: () => '/belangenverklaringen',
    base: (w) => ({ auditorId: w.ids.auditorOther, organisatieId: w.ids.landlordB, omschrijving: 'Al verklaard' }),
  },
  'POST /certificaten/{nummer}/statuswijzigingen': {
    who: 'certificeerder',
    body: 'json',
    path: (_w, x) => `/certificaten/${x.withdrawnCertificate}/statuswijzigingen`,
    base: () => ({ status: 'geschorst', reden: 'Opnieuw' }),
  },
  'POST /abonnementen': {
    who: 'gemeenteIn',
    body: 'json',
    creates: true,
    path: () => '/abonnementen',
    base: (w) => ({ callbackUrl: w.receiverUrl }),
  },
  'DELETE /abonnementen/{id}': { who: 'gemeenteIn', body: 'none', path: (_w, x) => `/abonnementen/${x.deletedSubscription}` },
  'POST /bulkverificaties': {
    who: 'apiKeyIn',
    body: 'json',
    // Read-only, but a valid body answers 200: treated like a creation route.
    creates: true,
    path: () => '/bulkverificaties',
    base: (w) => ({ verzoeken: [{ certificaatnummer: w.ids.certificate }] }),
  },
  'POST /verificaties/documenten': { who: 'anonymous', body: 'pdf', path: () => '/verificaties/documenten', reportsWith: 200 },
  'POST /meldingen': {
    who: 'anonymous',
    body: 'json',
    creates: true,
    path: () => '/meldingen',
    base: (w) => ({ certificaatnummer: w.ids.certificate, omschrijving: 'Schimmel in de badkamer.', taal: 'nl' }),
  },
  'POST /meldingen/{id}/inspecties': {
    who: 'beheerder',
    body: 'json',
    path: (_w, x) => `/meldingen/${x.closedComplaint}/inspecties`,
    base: (w) => ({ auditorId: w.ids.auditor, gepland: '2026-06-01T09:00:00Z' }),
  },
  'POST /meldingen/{id}/afhandelingen': {
    who: 'beheerder',
    body: 'json',
    path: (_w, x) => `/meldingen/${x.closedComplaint}/afhandelingen`,
    base: () => ({ toelichting: 'Nogmaals' }),
  },
  'POST /steekproeven': {
    who: 'beheerder',
    body: 'json',
    creates: true,
    path: () => '/steekproeven',
    base: () => ({ percentage: 10, zaad: '5eed' }),
    allOptional: { isValid: isValidSampleDraw, writesTo: ['sample_draw', 'planning_request', 'event_log'] },
  },
  // Operating the scheme and insight (API 1.1). Each base is refused when well formed (another landlord: 404; an
  // unknown id or token), so the variants prove the input checks and nothing is ever written.
  'PATCH /locaties/{id}': {
    who: 'verhuurderB',
    body: 'json',
    path: (w) => `/locaties/${w.ids.location}`,
    base: () => ({ aantalSlaapplaatsen: 12 }),
  },
  'POST /locaties/{id}/afmeldingen': {
    who: 'verhuurderB',
    body: 'json',
    path: (w) => `/locaties/${w.ids.location}/afmeldingen`,
    base: () => ({ reden: 'Vijandig' }),
  },
  'POST /locaties/{id}/overdrachten': {
    who: 'beheerder',
    body: 'json',
    path: () => `/locaties/${UNKNOWN_ID}/overdrachten`,
    base: (w) => ({ organisatieId: w.ids.body, reden: 'Vijandig' }),
  },
  'POST /adresclaims/{id}/afhandelingen': {
    who: 'beheerder',
    body: 'json',
    path: () => `/adresclaims/${UNKNOWN_ID}/afhandelingen`,
    base: () => ({ toelichting: 'Vijandig' }),
  },
  'POST /locaties/{id}/bezettingen': {
    who: 'verhuurderB',
    body: 'json',
    path: (w) => `/locaties/${w.ids.location}/bezettingen`,
    base: () => ({ peildatum: '2026-01-15', aantalBewoners: 3 }),
  },
  'POST /organisaties/{id}/sancties': {
    who: 'beheerder',
    body: 'json',
    path: () => `/organisaties/${UNKNOWN_ID}/sancties`,
    base: () => ({ maatregel: 'schorsing', reden: 'Vijandig' }),
  },
  'POST /wachtwoordherstel': {
    who: 'anonymous',
    body: 'json',
    path: () => '/wachtwoordherstel',
    reportsWith: 202,
    base: () => ({ email: 'niemand@vijand.test' }),
  },
  'POST /wachtwoordherstel/{token}': {
    who: 'anonymous',
    body: 'json',
    path: () => `/wachtwoordherstel/${'a'.repeat(64)}`,
    base: () => ({ nieuwWachtwoord: 'een heel lang en zeldzaam wachtwoord' }),
  },
  'POST /bezwaren': {
    who: 'verhuurderA',
    body: 'json',
    // A geldig certificate: a well-formed objection against it is refused (409), nothing is written.
    path: () => '/bezwaren',
    base: (w) => ({ certificaatnummer: w.ids.certificate, gronden: 'Oneens' }),
  },
  'POST /bezwaren/{id}/beslissingen': {
    who: 'inspectorAsCertifier',
    body: 'json',
    path: (_w, x) => `/bezwaren/${x.decidedObjection}/beslissingen`,
    base: () => ({ uitkomst: 'gegrond', toelichting: 'Nogmaals' }),
  },
};

/** Bytes that are not a PDF, or not this scheme's, sent as one; and the wrong ways to send them. */
function pdfCheckCases(path: string): HostileCase[] {
  const raw = (name: string, bytes: Buffer | string, contentType: string): HostileCase => ({
    name,
    call: { method: 'POST', path, raw: bytes, contentType },
  });
  return [
    raw('png sent as a PDF', PNG, 'application/pdf'),
    raw('truncated PDF', '%PDF-1.7\n1 0 obj <<', 'application/pdf'),
    raw(
      'PDF with a bogus signature dictionary',
      '%PDF-1.7\n1 0 obj << /Type /Sig /ByteRange [0 999999999 0 -5] /Contents <00ff> >> endobj\n%%EOF',
      'application/pdf',
    ),
    raw('null bytes as a PDF', Buffer.alloc(4096), 'application/pdf'),
    raw('empty body', Buffer.alloc(0), 'application/pdf'),
    raw('over 5 MiB', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024 + 1)]), 'application/pdf'),
    raw('JSON instead of a PDF', '{"pdf":"JVBERi0="}', 'application/json'),
    raw('PDF as text/plain', '%PDF-1.7', 'text/plain'),
    raw('PDF as octet-stream', '%PDF-1.7', 'application/octet-stream'),
    {
      name: 'multipart upload of a PDF',
      call: { method: 'POST', path, attach: { field: 'bestand', bytes: PNG, fileName: 'certificaat.pdf', contentType: 'application/pdf' } },
    },
  ];
}

/** The same request with one path parameter replaced by each hostile value. */
function pathCases(template: string, path: string, call: Omit<HttpCall, 'path'>): HostileCase[] {
  const templateSegments = template.split('/');
  const pathSegments = path.split('/');
  return templateSegments.flatMap((segment, index) =>
    /^\{.+\}$/.test(segment)
      ? HOSTILE_PATH_VALUES.map(([what, value]) => ({
          name: `${segment}: ${what}`,
          call: { ...call, path: pathSegments.map((s, i) => (i === index ? value : s)).join('/') } as HttpCall,
        }))
      : [],
  );
}

const RUNS_PER_GENERATOR = 50;
let requestsTried = 0;

describe('hostile input on every write endpoint', () => {
  let t: TestApp;
  let w: World;
  let x: Targets;
  let document: OpenApiDocument;
  const tally: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'true', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
    w = await buildWorld(t, 'hi');
    document = await fetchOpenApi(t);

    const admin = (call: HttpCall) => w.call('beheerder', call);
    const closed = await w.fresh.application();
    await w.s.decide(await w.s.inspect(closed.locationId));
    const withdrawn = await w.fresh.certificate();
    await w.call('certificeerder', {
      method: 'POST',
      path: `/certificaten/${withdrawn}/statuswijzigingen`,
      json: { status: 'ingetrokken', reden: 'Vervallen' },
    });
    const complaint = await w.fresh.complaint();
    await admin({ method: 'POST', path: `/meldingen/${complaint}/afhandelingen`, json: { toelichting: 'Klaar' } });
    const subscription = await w.fresh.subscription();
    await w.call('gemeenteIn', { method: 'DELETE', path: `/abonnementen/${subscription}` });
    await admin({
      method: 'POST',
      path: '/belangenverklaringen',
      json: { auditorId: w.ids.auditorOther, organisatieId: w.ids.landlordB, omschrijving: 'Oud-collega' },
    });
    const decidedObjection = await w.fresh.objection();
    await w.call('inspectorAsCertifier', {
      method: 'POST',
      path: `/bezwaren/${decidedObjection}/beslissingen`,
      json: { uitkomst: 'ongegrond', toelichting: 'Terecht' },
    });
    x = {
      decidedObjection,
      closedApplication: closed.applicationId,
      submittedInspection: await w.fresh.submittedInspection(),
      withdrawnCertificate: withdrawn,
      closedComplaint: complaint,
      deletedSubscription: subscription,
      keyOutOfArea: await w.fresh.apiKey(AREA_OUT),
      openApplicationLocation: w.ids.applicationLocation,
    };
  }, 240_000);

  afterAll(async () => {
    const endpoints = Object.keys(tally).length;
    console.log(
      `hostile input: ${requestsTried} requests on ${endpoints} write endpoints, each answered 4xx problem+json (or the contract's ` +
        `report), row counts unchanged\n` +
        Object.entries(tally)
          .map(([key, n]) => `  ${key}: ${n}`)
          .join('\n'),
    );
    await w?.close();
    await t?.close();
  });

  it('has a target for every write endpoint of the OpenAPI document, and none for an endpoint that is gone', () => {
    expect(tableDrift(document, Object.keys(WRITES), (o) => WRITE_METHODS.includes(o.method))).toEqual({
      missingFromTable: [],
      notInDocument: [],
    });
  });

  /** Why an answer to hostile input is wrong, or undefined when it is a 4xx problem (or the contract's report). */
  function wrongAnswer(response: Response, target: WriteTarget): string | undefined {
    if (target.reportsWith !== undefined && response.status === target.reportsWith) return undefined;
    if (response.status < 400 || response.status >= 500) return `status ${response.status}`;
    const type = String(response.headers['content-type'] ?? '');
    if (!type.startsWith('application/problem+json')) return `content type ${type}`;
    if (response.body?.status !== response.status) return 'problem body does not repeat the status';
    return undefined;
  }

  it.each(Object.keys(WRITES))('%s answers every hostile request with a 4xx problem and writes nothing', async (key) => {
    const target = WRITES[key];
    const operation = operationsOf(document).find((o) => o.key === key)!;
    const method = operation.method as HttpCall['method'];
    const path = target.path(w, x);
    const base = target.base?.(w, x) ?? {};
    const types = jsonFieldTypesOf(document, operation);

    const cases: HostileCase[] = [];
    const pathCall: Omit<HttpCall, 'path'> =
      target.body === 'json'
        ? { method, json: base }
        : target.body === 'multipart'
          ? {
              method,
              fields: target.upload!.fields,
              attach: { field: target.upload!.fileField, bytes: PNG, fileName: 'foto.png', contentType: 'image/png' },
            }
          : { method };
    cases.push(...pathCases(operation.path, path, pathCall));
    if (target.body === 'json') {
      cases.push(
        ...bodyShapeCases(path, method, base),
        ...wrongFieldCases(path, method, base, types),
        ...suspiciousFieldCases(path, method, base, types, target.creates ?? false),
      );
    } else if (target.body === 'multipart') {
      cases.push(...uploadCases(path, target.upload!.fileField, target.upload!.fields));
    } else if (target.body === 'pdf') {
      cases.push(...pdfCheckCases(path));
    } else {
      cases.push(...bodyShapeCases(path, method, { veld: 1 }));
    }

    const counted = async () => {
      const counts = await rowCounts(t);
      for (const table of [...(target.recordsRefusalsIn ?? []), ...(target.allOptional?.writesTo ?? [])]) delete counts[table];
      return counts;
    };
    const before = await counted();
    const problems: string[] = [];
    const tryCall = async (name: string, call: HttpCall): Promise<boolean> => {
      requestsTried++;
      tally[key] = (tally[key] ?? 0) + 1;
      const response = await w.call(target.who, call);
      const valid = target.allOptional && call.json !== undefined && call.raw === undefined && target.allOptional.isValid(call.json);
      const wrong = valid
        ? response.status === 201
          ? undefined
          : `a valid body answered ${response.status}`
        : wrongAnswer(response, target);
      if (wrong) problems.push(`${name}: ${wrong} — ${describeAnswer(call, response)}`);
      return !wrong;
    };
    for (const c of cases) await tryCall(c.name, c.call);

    // Generated input, seeded per endpoint so a failure can be replayed.
    const seed = [...key].reduce((hash, ch) => (hash * 31 + ch.charCodeAt(0)) | 0, 7);
    const generated =
      target.body === 'multipart'
        ? fc.asyncProperty(generatedUploads(Object.keys(target.upload!.fields)), ({ bytes, fileName, values }) =>
            tryCall(`generated upload ${JSON.stringify(fileName)}`, {
              method,
              path,
              fields: values,
              attach: { field: target.upload!.fileField, bytes: Buffer.from(bytes), fileName, contentType: 'application/octet-stream' },
            }),
          )
        : target.body === 'pdf'
          ? fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4096 }), (bytes) =>
              tryCall('generated bytes', { method, path, raw: Buffer.from(bytes), contentType: 'application/pdf' }),
            )
          : fc.asyncProperty(generatedBodies(Object.keys(types)), (body) =>
              tryCall(`generated body ${JSON.stringify(body)?.slice(0, 120)}`, { method, path, json: body }),
            );
    await fc
      .assert(generated, { numRuns: RUNS_PER_GENERATOR, seed, endOnFailure: true })
      .catch((error: Error) => problems.push(`fast-check: ${error.message.split('\n')[0]}`));

    expect(problems).toEqual([]);
    expect(await counted()).toEqual(before);
  });
});

/**
 * Issue 16, item 2: input an outside test turned into 500s. Each must be a 400 problem naming the
 * field, with nothing written; and every number, date, text and list the contract takes has an upper
 * and a lower bound, enforced and documented in the OpenAPI document.
 */
describe('hostile input: depth, huge numbers and far dates (issue 16, item 2)', () => {
  let t: TestApp;
  let s: Scenario;
  let admin: { Authorization: string };
  let inspectionId: string;
  let certificate: string;
  let complaintId: string;

  beforeAll(async () => {
    t = await startTestApp();
    s = await createScenario(t, 'h2');
    admin = s.as('admin');
    certificate = (await s.certifiedLocation()).number;
    const planned = await t.http
      .post('/v1/inspecties')
      .set(admin)
      .send({ locatieId: await s.location(), auditorId: s.id('auditor'), soort: 'initieel', gepland: withNotice(t.now()) })
      .expect(201);
    inspectionId = planned.body.id;
    const complaint = await t.http
      .post('/v1/meldingen')
      .send({ certificaatnummer: certificate, omschrijving: 'Te vol.', taal: 'nl' })
      .expect(201);
    complaintId = (await t.sql<{ id: string }>('SELECT id FROM complaint WHERE reference = $1', [complaint.body.referentie]))[0].id;
  }, 120_000);
  afterAll(async () => t?.close());

  const nested = (depth: number, leaf: unknown = 'bodem'): string => `${'{"a":'.repeat(depth)}${JSON.stringify(leaf)}${'}'.repeat(depth)}`;
  const nestedArray = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const postRaw = (path: string, text: string, headers: Record<string, string> = {}) =>
    t.http
      .post(path)
      .set({ 'Content-Type': 'application/json', ...headers })
      .send(text);
  const expectRefusedNaming = async (response: Response, name: string) => {
    expectProblem(response, 400);
    expect(invalidParamNames(response)).toContain(name);
  };

  it.each([3_000, 10_000, 100_000])(
    'refuses JSON nested %i deep on the public complaint route, naming body, and writes nothing',
    async (depth) => {
      const before = await rowCounts(t);
      await expectRefusedNaming(await postRaw('/v1/meldingen', nested(depth)), 'body');
      await expectRefusedNaming(
        await postRaw('/v1/meldingen', `{"certificaatnummer":${JSON.stringify(certificate)},"taal":"nl","omschrijving":${nested(depth)}}`),
        'body',
      );
      await expectRefusedNaming(await postRaw('/v1/meldingen', nestedArray(depth)), 'body');
      expect(await rowCounts(t)).toEqual(before);
    },
  );

  it('refuses deep JSON on an authenticated DTO route and on the norm document, naming body', async () => {
    await expectRefusedNaming(
      await postRaw('/v1/organisaties', `{"naam":"Diep","kvkNummer":"12345678","soort":"verhuurder","x":${nested(5_000)}}`, admin),
      'body',
    );
    await expectRefusedNaming(await postRaw('/v1/normen', nested(5_000), admin), 'body');
    await expectRefusedNaming(await postRaw('/v1/bulkverificaties', `{"verzoeken":[${nestedArray(5_000)}]}`, admin), 'body');
  });

  it('still takes the deepest legitimate body, the norm document (depth 7)', async () => {
    const draft = { ...(JSON.parse(JSON.stringify(normToContract(DEFAULT_NORM))) as object), versie: '2096.1', ingangsdatum: '2096-01-01' };
    await t.http.post('/v1/normen').set(admin).send(draft).expect(201);
  });

  it.each([1e15, 99_999_999_999, 2 ** 31, 1_000_001, Number.MAX_SAFE_INTEGER])(
    'refuses meetwaarde %d, naming meetwaarde, and stores no answer',
    async (meetwaarde) => {
      const before = await rowCounts(t);
      const response = await t.http.put(`/v1/inspecties/${inspectionId}/antwoorden/RU-01`).set(s.as('auditor')).send({ meetwaarde });
      await expectRefusedNaming(response, 'meetwaarde');
      expect(await rowCounts(t)).toEqual(before);
    },
  );

  it('takes meetwaarde at its upper bound', async () => {
    await t.http.put(`/v1/inspecties/${inspectionId}/antwoorden/RU-01`).set(s.as('auditor')).send({ meetwaarde: 1_000_000 }).expect(200);
  });

  it.each([
    '9999-12-31T23:59:59.999999999Z',
    '9999-12-31T23:59:59Z',
    '2101-01-01T00:00:00Z',
    '1999-12-31T23:59:59Z',
    '0001-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
  ])('refuses gepland %s, naming gepland, on both planning routes', async (gepland) => {
    const before = await rowCounts(t);
    const body = { locatieId: await s.location(), auditorId: s.id('auditor'), soort: 'initieel', gepland };
    await expectRefusedNaming(await t.http.post('/v1/inspecties').set(admin).send(body), 'gepland');
    const after = await rowCounts(t);
    await expectRefusedNaming(
      await t.http
        .post(`/v1/meldingen/${complaintId}/inspecties`)
        .set(admin)
        .send({ auditorId: s.id('auditor'), gepland }),
      'gepland',
    );
    expect(await rowCounts(t)).toEqual(after);
    expect(after.inspection).toEqual(before.inspection);
  });

  it.each([
    [
      'POST',
      '/v1/organisaties',
      { naam: 'Ver B.V.', kvkNummer: '12340001', soort: 'inspectie-instelling', accreditatieGeldigTot: '9999-12-31' },
      'accreditatieGeldigTot',
    ],
    [
      'POST',
      '/v1/organisaties',
      { naam: 'Oud B.V.', kvkNummer: '12340002', soort: 'inspectie-instelling', accreditatieGeldigTot: '1899-01-01' },
      'accreditatieGeldigTot',
    ],
    [
      'POST',
      '/v1/gebruikers',
      { email: 'ver@h2.test', wachtwoord: 'een-lang-wachtwoord', naam: 'Ver', rol: 'certificeerder', accreditatieGeldigTot: '2101-01-01' },
      'accreditatieGeldigTot',
    ],
    ['POST', '/v1/normen', { ...(normToContract(DEFAULT_NORM) as object), versie: '2095.1', ingangsdatum: '9999-12-31' }, 'ingangsdatum'],
    ['POST', '/v1/normen', { ...(normToContract(DEFAULT_NORM) as object), versie: '2095.2', ingangsdatum: '1583-01-01' }, 'ingangsdatum'],
  ] as [string, string, object, string][])('%s %s refuses a date out of range (%#)', async (_method, path, body, name) => {
    const before = await rowCounts(t);
    await expectRefusedNaming(await t.http.post(path).set(admin).send(body), name);
    expect(await rowCounts(t)).toEqual(before);
  });

  it.each(['9999-12-31T23:59:59.999999999Z', '2101-01-01T00:00:00Z', '0000-01-01T00:00:00Z'])(
    'GET /v1/mutaties refuses sinds %s, naming sinds',
    async (sinds) => {
      await expectRefusedNaming(await t.http.get('/v1/mutaties').set(admin).query({ sinds }), 'sinds');
    },
  );

  it.each([
    ['pagina', { pagina: '1000001' }],
    ['pagina', { pagina: '1e15' }],
    ['paginaGrootte', { paginaGrootte: '101' }],
    ['paginaGrootte', { paginaGrootte: '0' }],
  ])('a collection refuses %s out of range', async (name, query) => {
    await expectRefusedNaming(await t.http.get('/v1/locaties').set(admin).query(query), name);
  });

  it('refuses norm numbers beyond their bounds, naming each by its path', async () => {
    const draft = JSON.parse(JSON.stringify(normToContract(DEFAULT_NORM))) as { secties: { criteria: Record<string, unknown>[] }[] };
    const measured = draft.secties.flatMap((s) => s.criteria).find((c) => c.soort === 'meting')!;
    const yesNo = draft.secties.flatMap((s) => s.criteria).find((c) => c.soort === 'ja-nee')!;
    yesNo.punten = 1e15;
    measured.minimumEenheden = 99_999_999_999;
    const response = await t.http
      .post('/v1/normen')
      .set(admin)
      .send({ ...draft, versie: '2094.1', ingangsdatum: '2094-01-01' });
    expectProblem(response, 400);
    expect(invalidParamNames(response).some((n) => n.endsWith('.punten'))).toBe(true);
    expect(invalidParamNames(response).some((n) => n.endsWith('.minimumEenheden'))).toBe(true);
  });

  it('documents a lower and an upper bound for every number, a length for every text and a size for every list it takes', async () => {
    const document = (await t.http.get('/v1/openapi.json').expect(200)).body as OpenApiDocument;
    expect(unboundedInputs(document)).toEqual([]);
  });
});

describe('requests the HTTP parser refuses (found by the fuzzer, issue 16 item 9)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(async () => t?.close());

  // Repeated: the answer must arrive before the connection closes, every time.
  it('answers a request line over 16 KiB with a 431 problem, not Fastify’s plain JSON', async () => {
    for (let i = 0; i < 10; i++) expectProblem(await t.http.get('/v1/verificaties').query({ postcode: 'é'.repeat(4001) }), 431);
  });

  it('answers headers over 16 KiB with a 431 problem', async () => {
    for (let i = 0; i < 10; i++) expectProblem(await t.http.get('/v1/health').set('X-Opvulling', 'x'.repeat(20_000 + i * 10_000)), 431);
  });
});
