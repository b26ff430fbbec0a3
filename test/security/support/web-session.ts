import type request from 'supertest';
import type { TestApp } from '../../support/test-app';

const cookiesOf = (response: request.Response) => ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);

/**
 * A web-app session without a browser: the sign-in form's token and cookie, then the session cookie.
 * Cookies are carried by hand: outside embedded mode they are `__Host-` and Secure, which an agent
 * would not send over the test's plain HTTP. `cookie` goes on every later request; `csrf` is the
 * session's form token, read from the start page.
 */
export async function webSession(t: TestApp, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const form = await t.http.get('/app/inloggen').expect(200);
  const formToken = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1];
  if (!formToken) throw new Error('no form token on the sign-in page');
  const signedIn = await t.http
    .post('/app/inloggen')
    .set('Cookie', cookiesOf(form).join('; '))
    .type('form')
    .send({ email, wachtwoord: password, _csrf: formToken });
  if (signedIn.status !== 303) throw new Error(`web sign-in of ${email} failed: ${signedIn.status}`);
  const cookie = cookiesOf(signedIn).join('; ');
  const home = await t.http.get(String(signedIn.headers.location)).set('Cookie', cookie);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(home.text)?.[1] ?? /name="csrf-token" content="([^"]+)"/.exec(home.text)?.[1] ?? '';
  return { cookie, csrf };
}
