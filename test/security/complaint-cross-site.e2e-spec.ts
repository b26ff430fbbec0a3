import type request from 'supertest';
import { FixedClock } from '@keurmerk/common';
import { createScenario, Scenario } from '../support/scenario';
import { expectProblem, startTestApp, TestApp } from '../support/test-app';
import { isCrossSite } from '../../apps/api/src/resident/complaint-form.protection';

const cookiesOf = (response: request.Response) =>
  ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');
const tokenOf = (response: request.Response) => /name="formulier" value="([^"]+)"/.exec(response.text)?.[1];

/**
 * Issue 16 item 4: any web page could make its visitors file complaints from their own addresses,
 * through POST /v1/meldingen with a form-encoded body, or through the residents' form. Now the API
 * takes JSON only (a cross-site JSON post needs a CORS preflight it never grants), and the form needs
 * a token bound to a SameSite=Strict cookie, and is refused when the browser says it came from elsewhere.
 */
describe('complaints cannot be filed from another site', () => {
  let t: TestApp;
  let s: Scenario;
  let number: string;
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { TRUST_PROXY: 'true' } });
    s = await createScenario(t, 'xs');
    number = (await s.certifiedLocation()).number;
  });
  afterAll(() => t.close());

  const complaints = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM complaint'))[0].n;
  let address = 0;
  const from = () => `198.51.100.${++address}`;
  const post = (fields: Record<string, string | undefined>, headers: Record<string, string> = {}) =>
    t.http
      .post('/controleer/melding')
      .set({ 'X-Forwarded-For': from(), ...headers })
      .type('form')
      .send({ certificaatnummer: number, omschrijving: 'De rookmelder werkt niet.', taal: 'nl', ...fields });

  describe('POST /v1/meldingen', () => {
    it.each([
      ['a form-encoded body', 'application/x-www-form-urlencoded', `certificaatnummer=${'X'}&omschrijving=Spam&taal=nl`],
      ['a text/plain body', 'text/plain', '{"omschrijving":"Spam","taal":"nl"}'],
      [
        'a multipart body',
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="omschrijving"\r\n\r\nSpam\r\n--x--\r\n',
      ],
    ])('refuses %s with 415 problem+json and stores nothing', async (_, type, body) => {
      const before = await complaints();
      const response = await t.http
        .post('/v1/meldingen')
        .set('Content-Type', type)
        .set('X-Forwarded-For', from())
        .send(body.replace('X', number));
      expectProblem(response, 415);
      expect(await complaints()).toBe(before);
    });

    it('still takes JSON', async () => {
      const response = await t.http
        .post('/v1/meldingen')
        .set('X-Forwarded-For', from())
        .send({ certificaatnummer: number, omschrijving: 'Lekkage in de badkamer.', taal: 'nl' });
      expect(response.status).toBe(201);
    });
  });

  describe("the residents' form without JavaScript", () => {
    it('works as a resident uses it: the page, then the post with its token and cookie', async () => {
      const page = await t.http.get(`/controleer/${number}`).expect(200);
      expect(String(page.headers['set-cookie'])).toMatch(/keurmerk_melding=[^;]+;.*Path=\/controleer.*HttpOnly.*SameSite=Strict/i);
      const before = await complaints();
      const response = await post(
        { formulier: tokenOf(page) },
        // As Chromium sends it from the page: Origin null (the page's Referrer-Policy is no-referrer), Sec-Fetch-Site same-origin.
        { Cookie: cookiesOf(page), Origin: 'null', 'Sec-Fetch-Site': 'same-origin' },
      );
      expect(response.status).toBe(201);
      expect(response.text).toMatch(/data-reference/);
      expect(await complaints()).toBe(before + 1);
    });

    it.each([
      ['no token and no cookie (a form on another site)', () => ({})],
      [
        'a token from the page but no cookie (SameSite=Strict keeps it from a cross-site post)',
        (page: request.Response) => ({ fields: { formulier: tokenOf(page) } }),
      ],
      ['a cookie but no token', (page: request.Response) => ({ headers: { Cookie: cookiesOf(page) } })],
      [
        "another browser's token",
        (page: request.Response, other: request.Response) => ({
          fields: { formulier: tokenOf(other) },
          headers: { Cookie: cookiesOf(page) },
        }),
      ],
      [
        'a forged token',
        (page: request.Response) => ({
          fields: { formulier: `${Math.floor(Date.parse('2026-12-01T10:00:00Z') / 1000)}.${'A'.repeat(43)}` },
          headers: { Cookie: cookiesOf(page) },
        }),
      ],
      [
        'a valid token and cookie, but Sec-Fetch-Site: cross-site',
        (page: request.Response) => ({
          fields: { formulier: tokenOf(page) },
          headers: { Cookie: cookiesOf(page), 'Sec-Fetch-Site': 'cross-site' },
        }),
      ],
      [
        'a valid token and cookie, but an Origin of another site',
        (page: request.Response) => ({
          fields: { formulier: tokenOf(page) },
          headers: { Cookie: cookiesOf(page), Origin: 'https://evil.example' },
        }),
      ],
    ])('refuses %s with 403 and stores nothing', async (_, make) => {
      const page = await t.http.get(`/controleer/${number}`);
      const other = await t.http.get(`/controleer/${number}`);
      const { fields = {}, headers = {} } = make(page, other) as {
        fields?: Record<string, string | undefined>;
        headers?: Record<string, string>;
      };
      const before = await complaints();
      const response = await post(fields, headers);
      expect(response.status).toBe(403);
      expect(response.headers['content-type']).toContain('text/html');
      // The page comes back with the description kept and a fresh token, so a resident can send again.
      expect(response.text).toContain('De rookmelder werkt niet.');
      expect(tokenOf(response)).toBeDefined();
      expect(await complaints()).toBe(before);
    });

    it('refuses a token older than two hours; the page it answers with carries a fresh one that works', async () => {
      const page = await t.http.get(`/controleer/${number}`);
      clock.advance(2 * 60 * 60 * 1000 + 1000);
      const stale = await post({ formulier: tokenOf(page) }, { Cookie: cookiesOf(page) });
      expect(stale.status).toBe(403);
      const again = await post({ formulier: tokenOf(stale) }, { Cookie: cookiesOf(page) });
      expect(again.status).toBe(201);
    });
  });

  it.each([
    [{ 'sec-fetch-site': 'same-origin' }, false],
    [{ 'sec-fetch-site': 'none' }, false],
    [{ 'sec-fetch-site': 'same-site' }, true],
    [{ 'sec-fetch-site': 'cross-site' }, true],
    [{ origin: 'https://keurmerk.example' }, false],
    [{ origin: 'http://127.0.0.1:3000' }, false],
    // This site's own pages send `Origin: null` (Referrer-Policy: no-referrer); Sec-Fetch-Site decides then, or the token.
    [{ origin: 'null' }, false],
    [{ origin: 'null', 'sec-fetch-site': 'same-origin' }, false],
    [{ origin: 'null', 'sec-fetch-site': 'cross-site' }, true],
    [{ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }, false],
    [{ origin: 'https://keurmerk.example.evil.example' }, true],
    [{}, false],
  ])('isCrossSite(%j) is %s', (headers, expected) => {
    expect(isCrossSite({ headers, protocol: 'http', host: '127.0.0.1:3000' }, 'https://keurmerk.example')).toBe(expected);
  });
});
