import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app';
import { describeBrowser, openBrowser, screenshot, signInAs, type BrowserSession, expectAccessiblePage } from '../support/browser';

function cookiesOf(response: { headers: Record<string, unknown> }): string[] {
  const set = response.headers['set-cookie'];
  return Array.isArray(set) ? (set as string[]) : typeof set === 'string' ? [set] : [];
}

/** `name=value` of the cookie whose name ends in `name` (outside embedded mode it has the `__Host-` prefix). */
function cookiePair(cookies: string[], name: string): string | undefined {
  const found = cookies.find((c) => new RegExp(`^(__Host-)?${name}=`).test(c));
  return found?.split(';')[0];
}

function cookieValue(cookies: string[], name: string): string | undefined {
  return cookiePair(cookies, name)?.split('=')[1];
}

function formToken(markup: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(markup);
  if (!match) throw new Error('no form token on the page');
  return match[1];
}

describe('web app: signing in, sessions and CSRF', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Fetches the sign-in form and posts it back with its token and cookie, as a browser would. */
  async function postSignIn(wachtwoord = ADMIN.password) {
    const form = await t.http.get('/app/inloggen');
    const preCookie = cookiePair(cookiesOf(form), 'keurmerk_formulier')!;
    const response = await t.http
      .post('/app/inloggen')
      .set('Cookie', preCookie)
      .type('form')
      .send({ _csrf: formToken(form.text), email: ADMIN.email, wachtwoord });
    return { form, response };
  }

  async function signedIn(): Promise<{ cookie: string; csrf: string }> {
    const { response } = await postSignIn();
    expect(response.status).toBe(303);
    const cookie = cookiePair(cookiesOf(response), 'keurmerk_sessie')!;
    const home = await t.http.get(response.headers.location).set('Cookie', cookie);
    expect(home.status).toBe(200);
    return { cookie, csrf: formToken(home.text) };
  }

  it('sends a visitor without a session from /app to the sign-in page', async () => {
    const response = await t.http.get('/app');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/app/inloggen');
    const page = await t.http.get('/app/beheer?x=1');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/app/inloggen?terug=%2Fapp%2Fbeheer%3Fx%3D1');
  });

  it('signs in with an HttpOnly, SameSite session cookie and lands on the role’s start page', async () => {
    const { form, response } = await postSignIn();
    expect(form.status).toBe(200);
    expect(form.headers['content-type']).toContain('text/html');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/app/beheer');
    const cookie = cookiesOf(response).find((c) => c.startsWith('__Host-keurmerk_sessie='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    // The test app names its database and store, so it is not embedded mode: the cookie is Secure.
    expect(cookie).toMatch(/Secure/);
    const stored = await t.sql<{ token_hash: string }>('SELECT token_hash FROM web_session');
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((s) => s.token_hash)).not.toContain(cookieValue([cookie], 'keurmerk_sessie'));
  });

  it('refuses a wrong password with the form again, and keeps the e-mail address', async () => {
    const { response } = await postSignIn('fout');
    expect(response.status).toBe(401);
    expect(response.text).toContain('Het e-mailadres of het wachtwoord klopt niet.');
    expect(response.text).toContain(`value="${ADMIN.email}"`);
    expect(cookieValue(cookiesOf(response), 'keurmerk_sessie')).toBeUndefined();
  });

  it('refuses a form post without a valid CSRF token with 403, signed in or not', async () => {
    const anonymous = await t.http.post('/app/inloggen').type('form').send({ email: ADMIN.email, wachtwoord: ADMIN.password });
    expect(anonymous.status).toBe(403);
    const { cookie, csrf } = await signedIn();
    const missing = await t.http.post('/app/uitloggen').set('Cookie', cookie).type('form').send({});
    expect(missing.status).toBe(403);
    const wrong = await t.http
      .post('/app/uitloggen')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: `${csrf.slice(0, -1)}x` });
    expect(wrong.status).toBe(403);
    // The session is still alive after the refused posts, and signing out with the token ends it.
    expect((await t.http.get('/app/beheer').set('Cookie', cookie)).status).toBe(200);
    const out = await t.http.post('/app/uitloggen').set('Cookie', cookie).type('form').send({ _csrf: csrf });
    expect(out.status).toBe(303);
    expect((await t.http.get('/app/beheer').set('Cookie', cookie)).status).toBe(303);
  });

  it('shows another role’s pages as no access', async () => {
    const { cookie } = await signedIn();
    const response = await t.http.get('/app/keuringen').set('Cookie', cookie);
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('returns only to paths of the app after signing in', async () => {
    const form = await t.http.get('/app/inloggen?terug=//evil.example/app');
    expect(form.text).not.toContain('name="terug"');
    const own = await t.http.get('/app/inloggen?terug=/app/beheer');
    expect(own.text).toContain('name="terug" value="/app/beheer"');
  });

  it('switches language with a cookie and returns to the page', async () => {
    const response = await t.http.get('/app/taal?kies=en&terug=%2Fapp%2Finloggen');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/app/inloggen');
    const language = cookieValue(cookiesOf(response), 'keurmerk_taal');
    expect(language).toBe('en');
    const page = await t.http.get('/app/inloggen').set('Cookie', `keurmerk_taal=${language}`);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('E-mail address');
  });

  describeBrowser('in Chromium', () => {
    let browser: BrowserSession;
    beforeAll(async () => {
      browser = await openBrowser(t);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('signs in with the keyboard and signs out again', async () => {
      const page = await (await browser.context({ phone: true })).newPage();
      await page.goto('/app');
      expect(new URL(page.url()).pathname).toBe('/app/inloggen');
      await screenshot(page, 'inloggen-phone');
      await expectAccessiblePage(page);
      await signInAs(page, ADMIN.email, ADMIN.password);
      expect(new URL(page.url()).pathname).toBe('/app/beheer');
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.waitForURL('**/app/inloggen');
      await page.goto('/app/beheer');
      expect(new URL(page.url()).pathname).toBe('/app/inloggen');
    });
  });
});
