import { CertificateIssuer } from '@keurmerk/certificates';
import { DEFAULT_NORM, normToContract } from '@keurmerk/norm';
import {
  answerBody,
  createScenario,
  PASSING_MEASUREMENTS,
  PASSWORD,
  type Scenario,
  YES_NO_CODES,
  withNotice,
} from '../../support/scenario';
import type { TestApp } from '../../support/test-app';
import { PDF, PNG } from '../../support/files';
import { WebhookReceiver } from '../../support/webhook-receiver';
import { send, type HttpCall } from './http-call';

/**
 * Who calls, in the order the matrix lists them. "In" and "out" are relative to the fixtures: every
 * resource the matrix addresses belongs to landlord A, lies in GM1783 (Westland) and was inspected by
 * `auditor`; the others are the same roles on someone else's side of that line.
 */
export const PRINCIPALS = [
  'anonymous',
  'beheerder',
  'verhuurderA', // the owner
  'verhuurderB', // another landlord
  'auditor', // assigned to the fixtures' inspections
  'auditorOther', // an auditor of another inspection body, assigned to nothing of A's
  'certificeerder',
  'inspectorAsCertifier', // inspected one of A's locations, since promoted to certificeerder
  'gemeenteIn', // municipal user of GM1783
  'gemeenteOut', // municipal user of GM0363 (Amsterdam)
  'apiKeyIn', // municipal API key of GM1783
  'apiKeyOut', // municipal API key of GM0363
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

export const AREA_IN = 'GM1783';
export const AREA_OUT = 'GM0363';

/** The failing answers that give the findings inspection one finding per criterion. */
const FAILED_FINDINGS = ['VZ-04', 'BZ-02', 'VL-01', 'BV-02', 'BV-04', 'IF-01', 'IF-02', 'BH-01', 'BH-02'];

export interface World {
  t: TestApp;
  s: Scenario;
  credentials(who: PrincipalName): Record<string, string>;
  call(who: PrincipalName, call: HttpCall): ReturnType<typeof send>;
  /** Ids of the standing fixtures; see buildWorld for what each one is. */
  ids: Record<string, string>;
  fresh: FreshResources;
  receiverUrl: string;
  /** Stops the webhook receiver; the test app is closed by its owner. */
  close(): Promise<void>;
}

/** Throwaway resources for the cells that change state, so each allowed write has its own target. */
export interface FreshResources {
  location(owner?: 'verhuurderA' | 'verhuurderB'): Promise<string>;
  /** A location of A with an open application. */
  application(): Promise<{ locationId: string; applicationId: string }>;
  /** An inspection by `auditor` of a fresh location of A, every criterion answered (passing), not submitted. */
  answeredInspection(): Promise<string>;
  /** As answeredInspection, then submitted. */
  submittedInspection(): Promise<string>;
  /** A geldig certificate of a fresh location of A, issued. */
  certificate(): Promise<string>;
  apiKey(area?: string): Promise<string>;
  subscription(): Promise<string>;
  complaint(): Promise<string>;
  concept(): Promise<string>;
  /** An undecided objection of A against the suspension (by the beheerder) of a fresh certificate. */
  objection(): Promise<string>;
  /** One of the findings inspection's findings nobody has used yet, as given. */
  finding(state: 'open' | 'reported'): string;
  serial(): number;
}

async function expectStatus(response: Awaited<ReturnType<typeof send>>, status: number, what: string) {
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status} ${response.text.slice(0, 300)}`);
  return response;
}

/**
 * Builds the fixtures through the real API: the principals, and around landlord A's locations in
 * GM1783 a certificate, an open inspection with evidence, an application with a document, findings,
 * an inspection by the later-promoted inspector, a concept norm, a complaint, an API key and a
 * subscription of GM1783.
 */
export async function buildWorld(t: TestApp, prefix: string): Promise<World> {
  // Accepts every webhook, so subscriptions can be made (their test event answered 2xx).
  const receiver = await new WebhookReceiver(204).start();
  const receiverUrl = receiver.url('/keurmerk');
  const s = await createScenario(t, prefix);
  const tokens: Partial<Record<PrincipalName, string>> = {
    beheerder: s.token('admin'),
    verhuurderA: s.token('verhuurderA'),
    verhuurderB: s.token('verhuurderB'),
    auditor: s.token('auditor'),
    certificeerder: s.token('certifier'),
    gemeenteIn: s.token('municipality'),
  };
  const keys: Partial<Record<PrincipalName, string>> = {};
  const credentials = (who: PrincipalName): Record<string, string> => {
    if (who === 'anonymous') return {};
    if (who === 'apiKeyIn' || who === 'apiKeyOut') return { 'X-Api-Key': keys[who]! };
    return { Authorization: `Bearer ${tokens[who]}` };
  };
  const call = (who: PrincipalName, c: HttpCall) => send(t, c, credentials(who));
  const admin = (c: HttpCall) => call('beheerder', c);
  const ids: Record<string, string> = {
    landlordA: s.id('landlordA'),
    landlordB: s.id('landlordB'),
    body: s.id('body'),
    auditor: s.id('auditor'),
  };

  let serial = 0;
  const next = () => ++serial;
  const person = async (key: string, rol: string, extra: Record<string, string>) => {
    const email = `${prefix}-${key}@matrix.test`;
    const created = await expectStatus(
      await admin({ method: 'POST', path: '/gebruikers', json: { email, wachtwoord: PASSWORD, naam: key, rol, ...extra } }),
      201,
      `user ${key}`,
    );
    return { id: created.body.id as string, email };
  };

  // Another inspection body with its own auditor, assigned to nothing of landlord A's.
  ids.otherBody = (
    await expectStatus(
      await admin({
        method: 'POST',
        path: '/organisaties',
        json: { naam: `${prefix} Keuring Twee`, kvkNummer: '70000001', soort: 'inspectie-instelling', accreditatieGeldigTot: '2030-12-31' },
      }),
      201,
      'second inspection body',
    )
  ).body.id;
  const other = await person('auditor-other', 'auditor', { organisatieId: ids.otherBody });
  ids.auditorOther = other.id;
  tokens.auditorOther = await t.signIn(other.email, PASSWORD);
  const outsider = await person('gemeente-out', 'gemeente', { gemeentecode: AREA_OUT });
  tokens.gemeenteOut = await t.signIn(outsider.email, PASSWORD);
  const inspector = await person('inspector', 'auditor', { organisatieId: ids.body });
  ids.inspector = inspector.id;
  const inspectorAuditorToken = await t.signIn(inspector.email, PASSWORD);

  const apiKey = async (area: string) =>
    (
      await expectStatus(
        await admin({ method: 'POST', path: '/api-sleutels', json: { naam: `${prefix} sleutel ${next()}`, gemeentecode: area } }),
        201,
        'api key',
      )
    ).body;
  const keyIn = await apiKey(AREA_IN);
  const keyOut = await apiKey(AREA_OUT);
  keys.apiKeyIn = keyIn.sleutel;
  keys.apiKeyOut = keyOut.sleutel;
  ids.apiKeyIn = keyIn.id;
  ids.apiKeyOut = keyOut.id;

  const location = async (owner: 'verhuurderA' | 'verhuurderB' = 'verhuurderA') => {
    const response = await call(owner, {
      method: 'POST',
      path: '/locaties',
      json: {
        adres: {
          postcode: owner === 'verhuurderA' ? '2671AB' : '2672CD',
          huisnummer: next(),
          straatnaam: 'Tuinbouwweg',
          woonplaats: 'Naaldwijk',
        },
        gemeentecode: AREA_IN,
        soortHuisvesting: 'woning',
        nieuwbouw: false,
        aantalSlaapplaatsen: 14,
      },
    });
    return (await expectStatus(response, 201, 'location')).body.id as string;
  };
  const plan = async (locationId: string, auditorId = ids.auditor) =>
    (
      await expectStatus(
        await admin({
          method: 'POST',
          path: '/inspecties',
          json: { locatieId: locationId, auditorId, soort: 'initieel', gepland: withNotice(new Date()) },
        }),
        201,
        'plan',
      )
    ).body.id as string;
  const answerAll = async (inspectionId: string, auditorToken: string, overrides: Record<string, object> = {}) => {
    const answer = async (code: string, body: object) =>
      expectStatus(
        await send(
          t,
          { method: 'PUT', path: `/inspecties/${inspectionId}/antwoorden/${code}`, json: body },
          { Authorization: `Bearer ${auditorToken}` },
        ),
        200,
        `answer ${code}`,
      );
    for (const [code, meetwaarde] of Object.entries(PASSING_MEASUREMENTS))
      await answer(code, answerBody(overrides[code] ?? { meetwaarde }));
    for (const code of YES_NO_CODES) await answer(code, answerBody(overrides[code] ?? { resultaat: 'voldoet' }));
  };
  const submit = async (inspectionId: string, auditorToken: string) =>
    expectStatus(
      await send(t, { method: 'POST', path: `/inspecties/${inspectionId}/indieningen` }, { Authorization: `Bearer ${auditorToken}` }),
      201,
      'submit',
    );
  const apply = async (locationId: string) =>
    (
      await expectStatus(
        await call('verhuurderA', { method: 'POST', path: '/aanvragen', json: { locatieId: locationId } }),
        201,
        'application',
      )
    ).body.id as string;
  const certificate = async () => {
    const locationId = await location();
    const inspectionId = await s.inspect(locationId);
    const number = await s.decide(inspectionId);
    await t.app.get(CertificateIssuer).issue(number);
    return { locationId, inspectionId, number };
  };
  // Suspended by the beheerder; granted by `certificeerder`, who is therefore involved and may not decide the objection.
  const objection = async () => {
    const { number } = await certificate();
    await expectStatus(
      await admin({ method: 'POST', path: `/certificaten/${number}/statuswijzigingen`, json: { status: 'geschorst', reden: 'Matrix' } }),
      201,
      'suspension',
    );
    const filed = await call('verhuurderA', { method: 'POST', path: '/bezwaren', json: { certificaatnummer: number, gronden: 'Matrix' } });
    return (await expectStatus(filed, 201, 'objection')).body.id as string;
  };
  const subscription = async () =>
    (
      await expectStatus(
        await call('gemeenteIn', { method: 'POST', path: '/abonnementen', json: { callbackUrl: receiverUrl } }),
        201,
        'subscription',
      )
    ).body.id as string;
  const complaint = async () =>
    (
      await expectStatus(
        await call('anonymous', {
          method: 'POST',
          path: '/meldingen',
          json: { certificaatnummer: ids.certificate, omschrijving: 'Te veel mensen in het huis.', taal: 'nl' },
        }),
        201,
        'complaint',
      )
    ).body.referentie as string;
  const complaintId = async (reference: string) =>
    (await t.sql<{ id: string }>(`SELECT id FROM complaint WHERE reference = $1`, [reference]))[0].id;
  const concept = async () => {
    const versie = `2099.${next()}`;
    const draft = { ...(JSON.parse(JSON.stringify(normToContract(DEFAULT_NORM))) as object), versie, ingangsdatum: '2099-01-01' };
    await expectStatus(await admin({ method: 'POST', path: '/normen', json: draft }), 201, 'concept norm');
    return versie;
  };

  // A certified location of A: the certificate, its location and its decided inspection.
  const certified = await certificate();
  ids.location = certified.locationId;
  ids.certificate = certified.number;
  ids.decidedInspection = certified.inspectionId;

  // An open inspection of the same location, with one piece of evidence.
  ids.openInspection = await plan(ids.location);
  ids.evidence = (
    await expectStatus(
      await call('auditor', {
        method: 'POST',
        path: `/inspecties/${ids.openInspection}/bewijsstukken`,
        fields: { criteriumCode: 'BV-01' },
        attach: { field: 'bestand', bytes: PNG, fileName: 'blusdeken.png', contentType: 'image/png' },
      }),
      201,
      'evidence',
    )
  ).body.id;

  // An application of A with one document.
  ids.applicationLocation = await location();
  ids.application = await apply(ids.applicationLocation);
  ids.document = (
    await expectStatus(
      await call('verhuurderA', {
        method: 'POST',
        path: `/aanvragen/${ids.application}/documenten`,
        attach: { field: 'bestand', bytes: PDF, fileName: 'huurcontract.pdf', contentType: 'application/pdf' },
      }),
      201,
      'document',
    )
  ).body.id;

  // The findings inspection: every failed criterion is a finding of A's location; some are reported as repaired.
  ids.findingsLocation = await location();
  const overrides = Object.fromEntries(FAILED_FINDINGS.map((code) => [code, { resultaat: 'voldoet-niet' }]));
  ids.findingsInspection = await plan(ids.findingsLocation);
  await answerAll(ids.findingsInspection, s.token('auditor'), overrides);
  const findings = ((await submit(ids.findingsInspection, s.token('auditor'))).body.uitslag.bevindingen as { id: string }[]).map(
    (f) => f.id,
  );
  ids.finding = findings.shift()!;
  const reported: string[] = [];
  for (const id of findings.splice(0, 4)) {
    await expectStatus(
      await call('verhuurderA', {
        method: 'POST',
        path: `/bevindingen/${id}/herstelmeldingen`,
        fields: { omschrijving: 'Hersteld.' },
        attach: { field: 'bestand', bytes: PNG, fileName: 'herstel.png', contentType: 'image/png' },
      }),
      201,
      'repair report',
    );
    reported.push(id);
  }
  ids.reportedFinding = reported.shift()!;
  const unused = { open: findings, reported };

  // The inspector inspects and submits as an auditor, and is then promoted to certificeerder: the
  // token it signs in with afterwards is a certificeerder's, for the inspection it did itself.
  ids.inspectorLocation = await location();
  ids.inspectorInspection = await plan(ids.inspectorLocation, ids.inspector);
  await answerAll(ids.inspectorInspection, inspectorAuditorToken);
  await submit(ids.inspectorInspection, inspectorAuditorToken);
  await t.sql(`UPDATE user_account SET role = 'certificeerder', organisation_id = NULL WHERE id = $1`, [ids.inspector]);
  tokens.inspectorAsCertifier = await t.signIn(inspector.email, PASSWORD);

  ids.concept = await concept();
  ids.complaintReference = await complaint();
  ids.complaint = await complaintId(ids.complaintReference);
  ids.subscription = await subscription();
  ids.objection = await objection();
  ids.user = other.id;
  ids.userEmail = other.email;

  const fresh: FreshResources = {
    location,
    async application() {
      const locationId = await location();
      return { locationId, applicationId: await apply(locationId) };
    },
    async answeredInspection() {
      const id = await plan(await location());
      await answerAll(id, s.token('auditor'));
      return id;
    },
    async submittedInspection() {
      const id = await fresh.answeredInspection();
      await submit(id, s.token('auditor'));
      return id;
    },
    async certificate() {
      return (await certificate()).number;
    },
    async apiKey(area = AREA_IN) {
      return (await apiKey(area)).id as string;
    },
    subscription,
    async complaint() {
      return complaintId(await complaint());
    },
    concept,
    objection,
    finding(state) {
      const id = unused[state].shift();
      if (!id) throw new Error(`the findings inspection has no unused ${state} finding left; fail more criteria in FAILED_FINDINGS`);
      return id;
    },
    serial: next,
  };

  return { t, s, credentials, call, ids, fresh, receiverUrl, close: () => receiver.stop() };
}
