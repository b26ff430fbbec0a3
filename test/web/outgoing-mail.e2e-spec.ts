import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app';
import { createScenario, PASSWORD, type Scenario } from '../support/scenario';
import { describeBrowser, openBrowser, screenshot, signInAs, type BrowserSession, expectAccessiblePage } from '../support/browser';

/*
 * The embedded default (no SMTP_URL): mail is kept in the outbox and the beheerder reads it in the web
 * app. A landlord forgets their password, the beheerder finds the mail under "Uitgaande e-mail", and
 * its link sets a new password once.
 */
describeBrowser('web app: outgoing e-mail kept for the beheerder', () => {
  let t: TestApp;
  let s: Scenario;
  let browser: BrowserSession;
  const email = 'mailweb-verhuurdera@scenario.test';

  beforeAll(async () => {
    t = await startTestApp();
    s = await createScenario(t, 'mailweb');
    await s.location({ huisnummer: 7, straatnaam: 'Postlaan' });
    browser = await openBrowser(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('keeps the reset mail, shows it to the beheerder, and its link works once', async () => {
    const landlord = await (await browser.context()).newPage();
    await landlord.goto('/app/inloggen');
    await landlord.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await landlord.getByLabel('E-mailadres').fill(email);
    await landlord.getByRole('button', { name: 'Stuur de link' }).click();
    await landlord.getByRole('status').first().waitFor();
    expect(await landlord.getByRole('status').first().innerText()).toContain('Als dit adres een account heeft');

    const admin = await browser.signedIn(ADMIN.email, ADMIN.password);
    await admin.getByRole('link', { name: 'Uitgaande e-mail' }).click();
    await admin.locator('main').first().waitFor();
    expect(await admin.locator('main').first().innerText()).toContain('Er is geen mailserver ingesteld');
    const row = admin.getByRole('row').filter({ hasText: email });
    await row.first().waitFor();
    expect(await row.first().innerText()).toContain('bewaard');
    await screenshot(admin, 'admin-outgoing-mail');
    await expectAccessiblePage(admin);
    await admin.screenshot({ path: '/work/wt/mail-shots/admin-outgoing-mail.png', fullPage: true }).catch(() => undefined);
    await row.getByRole('link', { name: 'Nieuw wachtwoord instellen voor Keurmerk' }).click();
    const body = await admin.locator('pre.mail-body').innerText();
    expect(body).toContain('Beste verhuurderA,');
    await admin.screenshot({ path: '/work/wt/mail-shots/admin-mail-detail.png', fullPage: true }).catch(() => undefined);
    const link = /https?:\/\/\S+\/app\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}/.exec(body)![0];
    const path = new URL(link).pathname;

    await landlord.goto(path);
    await landlord.getByLabel('Nieuw wachtwoord').fill('mijn-nieuwe-wachtwoordzin');
    await landlord.screenshot({ path: '/work/wt/mail-shots/reset-password.png', fullPage: true }).catch(() => undefined);
    await landlord.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await landlord.getByRole('status').first().waitFor();
    expect(await landlord.getByRole('status').first().innerText()).toContain('Uw nieuwe wachtwoord is ingesteld');
    await signInAs(landlord, email, 'mijn-nieuwe-wachtwoordzin');
    expect(new URL(landlord.url()).pathname).toBe('/app/locaties');

    const again = await (await browser.context()).newPage();
    await again.goto(path);
    await again.getByLabel('Nieuw wachtwoord').fill('nog-een-wachtwoordzin');
    await again.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await again.locator('main').first().waitFor();
    expect(await again.locator('main').first().innerText()).toContain('Deze link is al gebruikt');
    expect((await t.http.post('/v1/tokens').send({ email, wachtwoord: PASSWORD })).status).toBe(401);
  });
});
