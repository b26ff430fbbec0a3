import { CertificateIssuer } from '@keurmerk/certificates';
import { ANNOUNCED_NOTICE_HOURS } from '@keurmerk/inspections';
import type { TestApp } from './test-app';

type OrganisationKind = 'verhuurder' | 'inspectie-instelling';

/** Builds organisations, people and certified locations through the real API, for tests beyond the audit flow. */
export const PASSWORD = 'een-lang-wachtwoord';

/** DOMAIN.md's worked example: every measurement passes, and 14 beds asked for come out at 11 (the fridge). */
export const PASSING_MEASUREMENTS: Record<string, number> = {
  'RU-01': 180,
  'RU-02': 52,
  'PR-01': 7,
  'PR-02': 14,
  'PR-03': 14,
  'PR-04': 14,
  'SA-01': 2,
  'SA-02': 2,
  'VZ-01': 335,
  'VZ-02': 8,
  'VZ-03': 20,
};
/**
 * A contract answer body as a test means it: a `voldoet-niet` given without an opmerking gets one, since
 * the platform refuses a failed criterion nobody described (API 1.1). Tests of that refusal send the
 * body directly.
 */
export function answerBody(body: object): object {
  const b = body as { resultaat?: unknown; opmerking?: unknown };
  return b.resultaat === 'voldoet-niet' && b.opmerking === undefined
    ? { ...body, opmerking: 'Afwijking vastgesteld bij de keuring.' }
    : body;
}

export const YES_NO_CODES = [
  'VZ-04',
  'BZ-01',
  'BZ-02',
  'ID-01',
  'VL-01',
  'VL-02',
  'BV-01',
  'BV-02',
  'BV-03',
  'BV-04',
  'IF-01',
  'IF-02',
  'CT-01',
  'CT-02',
  'BH-01',
  'BH-02',
];

/**
 * `gepland` for a test that plans an inspection and inspects at once: the notice an announced
 * inspection needs after `now` (24 hours), with an hour to spare. Nothing waits for the planned moment.
 */
export function withNotice(now: Date): string {
  return new Date(now.getTime() + (ANNOUNCED_NOTICE_HOURS + 1) * 3_600_000).toISOString();
}

/** The Authorization header of a bearer token. */
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface Accounts {
  /** An organisation made by the beheerder; returns its id. */
  organisation(naam: string, kvkNummer: string, soort: OrganisationKind, extra?: Record<string, string>): Promise<string>;
  /** A user made by the beheerder (password PASSWORD, name the e-mail address unless told), signed in. */
  user(email: string, rol: string, extra?: Record<string, string>, naam?: string): Promise<{ id: string; token: string }>;
}

/** Organisations and people through the API, as the beheerder makes them: the one way every test makes its own. */
export function accounts(t: TestApp): Accounts {
  return {
    async organisation(naam, kvkNummer, soort, extra = {}) {
      const admin = bearer(await t.adminToken());
      return (
        await t.http
          .post('/v1/organisaties')
          .set(admin)
          .send({ naam, kvkNummer, soort, ...extra })
          .expect(201)
      ).body.id as string;
    },
    async user(email, rol, extra = {}, naam = email) {
      const admin = bearer(await t.adminToken());
      const created = await t.http
        .post('/v1/gebruikers')
        .set(admin)
        .send({ email, wachtwoord: PASSWORD, naam, rol, ...extra })
        .expect(201);
      return { id: created.body.id as string, token: await t.signIn(email, PASSWORD) };
    },
  };
}

export interface Scenario {
  token(who: string): string;
  as(who: string): { Authorization: string };
  id(key: string): string;
  /** Registers a location for landlord A (Tuinbouwweg, 2671AB, GM1783 unless told); returns its id. */
  location(options?: LocationOptions): Promise<string>;
  /** Registers a location for landlord A (GM1783 unless told), certified after a passing inspection. */
  certifiedLocation(options?: LocationOptions): Promise<{ locationId: string; number: string }>;
  /** Plans, answers (all passing unless overridden) and submits an inspection; returns its id. */
  inspect(locationId: string, overrides?: Record<string, object>, soort?: string): Promise<string>;
  decide(inspectionId: string): Promise<string>;
}

export interface LocationOptions {
  huisnummer?: number;
  gemeentecode?: string;
  postcode?: string;
  straatnaam?: string;
}

// Across scenarios in one test file (one database), KvK numbers must stay unique.
let kvkSerial = 0;

export async function createScenario(t: TestApp, prefix = 'sc'): Promise<Scenario> {
  const tokens: Record<string, string> = { admin: await t.adminToken() };
  const ids: Record<string, string> = {};
  const as = (who: string) => bearer(tokens[who]);
  const kvk = () => String(60_000_000 + ++kvkSerial);
  const made = accounts(t);

  const organisation = (naam: string, soort: OrganisationKind, extra: Record<string, string> = {}) =>
    made.organisation(naam, kvk(), soort, extra);
  const user = async (key: string, rol: string, extra: Record<string, string> = {}) => {
    ({ id: ids[key], token: tokens[key] } = await made.user(`${prefix}-${key}@scenario.test`, rol, extra, key));
  };

  ids.landlordA = await organisation(`${prefix} Verhuur A B.V.`, 'verhuurder');
  ids.landlordB = await organisation(`${prefix} Verhuur B B.V.`, 'verhuurder');
  ids.body = await organisation(`${prefix} Inspectie`, 'inspectie-instelling', { accreditatieGeldigTot: '2030-12-31' });
  await user('verhuurderA', 'verhuurder', { organisatieId: ids.landlordA });
  await user('verhuurderB', 'verhuurder', { organisatieId: ids.landlordB });
  await user('auditor', 'auditor', { organisatieId: ids.body });
  await user('certifier', 'certificeerder');
  await user('municipality', 'gemeente', { gemeentecode: 'GM1783' });

  let nextNumber = 1;
  const scenario: Scenario = {
    token: (who) => tokens[who],
    as,
    id: (key) => ids[key],
    async inspect(locationId, overrides = {}, soort = 'initieel') {
      const planned = await t.http
        .post('/v1/inspecties')
        .set(as('admin'))
        .send({ locatieId: locationId, auditorId: ids.auditor, soort, gepland: withNotice(t.now()) });
      if (planned.status !== 201) throw new Error(`planning failed: ${planned.status} ${JSON.stringify(planned.body)}`);
      const id = planned.body.id as string;
      const answer = (code: string, body: object) =>
        t.http.put(`/v1/inspecties/${id}/antwoorden/${code}`).set(as('auditor')).send(body).expect(200);
      for (const [code, meetwaarde] of Object.entries(PASSING_MEASUREMENTS))
        await answer(code, answerBody(overrides[code] ?? { meetwaarde }));
      for (const code of YES_NO_CODES) await answer(code, answerBody(overrides[code] ?? { resultaat: 'voldoet' }));
      await t.http.post(`/v1/inspecties/${id}/indieningen`).set(as('auditor')).expect(201);
      return id;
    },
    async decide(inspectionId) {
      const decided = await t.http
        .post(`/v1/inspecties/${inspectionId}/besluiten`)
        .set(as('certifier'))
        .send({ uitkomst: 'toekennen', toelichting: 'Voldoet' });
      if (decided.status !== 201) throw new Error(`decision failed: ${decided.status} ${JSON.stringify(decided.body)}`);
      return decided.body.certificaatnummer as string;
    },
    async location(options = {}) {
      const response = await t.http
        .post('/v1/locaties')
        .set(as('verhuurderA'))
        .send({
          adres: {
            postcode: options.postcode ?? '2671AB',
            huisnummer: options.huisnummer ?? nextNumber++,
            straatnaam: options.straatnaam ?? 'Tuinbouwweg',
            woonplaats: 'Naaldwijk',
          },
          gemeentecode: options.gemeentecode ?? 'GM1783',
          soortHuisvesting: 'woning',
          nieuwbouw: false,
          aantalSlaapplaatsen: 14,
        });
      if (response.status !== 201) throw new Error(`location failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.id as string;
    },
    async certifiedLocation(options = {}) {
      const locationId = await scenario.location(options);
      const number = await scenario.decide(await scenario.inspect(locationId));
      await t.app.get(CertificateIssuer).issue(number);
      return { locationId, number };
    },
  };
  return scenario;
}
