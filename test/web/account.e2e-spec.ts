import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { FixedClock } from '@keurmerk/common';
import { accounts, PASSWORD } from '../support/scenario';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app';
import { describeBrowser, openBrowser, screenshot, type BrowserSession, expectAccessiblePage } from '../support/browser';

/** Also kept beside the worktree, to look at while building (the brief's place for them). */
const SHOTS = process.env.ACCOUNT_SHOTS_DIR;

async function shoot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await expectAccessiblePage(page);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }
}

/*
 * A person's own account in Chromium: a certifier enrols the second factor (QR code, the link as
 * text, the confirming code, the recovery codes shown once) and signs in again in two steps; the
 * beheerder deactivates a user and ends an accreditation from the users' pages.
 */
describeBrowser('web app: my account, second factor, and the beheerder’s account pages', () => {
  // Chromium on a shared two-core machine: each step waits on argon2 and page loads.
  jest.setTimeout(180_000);
  let t: TestApp;
  let browser: BrowserSession;
  const clock = new FixedClock(new Date());
  const email = 'certificeerder-2fa@keurmerk.test';
  let secret = '';
  const code = () => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: clock.now().getTime() });

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { LOGIN_MAX_FAILURES_PER_ADDRESS: '10000' } });
    await accounts(t).user(email, 'certificeerder', {}, 'Cor Certificeerder');
    browser = await openBrowser(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('enrols a TOTP with a QR code and a confirming code, and shows ten recovery codes once', async () => {
    const page = await browser.signedIn(email, PASSWORD);
    await page.getByRole('link', { name: 'Mijn account' }).click();
    await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
    await page.waitForURL('**/app/account/tweede-factor');
    await expect(page.locator('.qr-code svg').count()).resolves.toBe(1);
    const uri = (await page.locator('.otpauth-uri').textContent()) ?? '';
    expect(uri).toMatch(/^otpauth:\/\/totp\/Keurmerk:certificeerder-2fa%40keurmerk\.test\?/);
    secret = new URL(uri).searchParams.get('secret') ?? '';
    await page.locator('details summary').click();
    await shoot(page, 'account-tweede-factor-instellen');

    await page.getByLabel('Code uit de app').fill('000000' === code() ? '111111' : '000000');
    await page.getByRole('button', { name: 'Bevestigen en aanzetten' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Deze code klopt niet');
    await page.getByLabel('Code uit de app').fill(code());
    await page.getByRole('button', { name: 'Bevestigen en aanzetten' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Uw herstelcodes');
    await expect(page.locator('.recovery-codes li').count()).resolves.toBe(10);
    await shoot(page, 'account-herstelcodes');
    await page.getByRole('link', { name: 'Klaar' }).click();
    await expect(page.locator('#tweede-factor').textContent()).resolves.toContain('Nog 10 ongebruikte herstelcodes');
  });

  it('asks for the code on a second step when signing in again', async () => {
    clock.advance(30_000);
    const page = await (await browser.context()).newPage();
    await page.goto('/app/inloggen');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/app/inloggen/code');
    await shoot(page, 'inloggen-code');
    await page.getByLabel('Code', { exact: true }).fill(code());
    await page.getByRole('button', { name: 'Doorgaan' }).click();
    await page.waitForURL('**/app/besluiten');
    await expect(page.locator('.who').textContent()).resolves.toContain('Cor Certificeerder');
  });

  it('changes the password from “Wachtwoord wijzigen”, refusing a common one', async () => {
    const landlordEmail = 'verhuurder-wachtwoord@keurmerk.test';
    const organisatieId = await accounts(t).organisation('Verhuur Browser B.V.', '62000001', 'verhuurder');
    await accounts(t).user(landlordEmail, 'verhuurder', { organisatieId });
    const page = await browser.signedIn(landlordEmail, PASSWORD);
    await page.goto('/app/account');
    await page.getByRole('link', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByLabel('Huidig wachtwoord').fill(PASSWORD);
    await page.getByLabel('Nieuw wachtwoord').fill('password1234');
    await page.getByRole('button', { name: 'Nieuw wachtwoord opslaan' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('gelekte wachtwoorden');
    await shoot(page, 'wachtwoord-wijzigen-geweigerd');
    await page.getByLabel('Huidig wachtwoord').fill(PASSWORD);
    await page.getByLabel('Nieuw wachtwoord').fill('zeven groene appels op tafel');
    await page.getByRole('button', { name: 'Nieuw wachtwoord opslaan' }).click();
    await expect(page.locator('.notice').textContent()).resolves.toContain('Uw wachtwoord is gewijzigd');
  });

  it('lets the beheerder deactivate a user and end an auditor’s accreditation', async () => {
    const bodyId = await accounts(t).organisation('Inspectie Browser', '62000002', 'inspectie-instelling', {
      accreditatieGeldigTot: '2030-01-01',
    });
    const auditor = await accounts(t).user(
      'auditor-browser@keurmerk.test',
      'auditor',
      { organisatieId: bodyId, accreditatieGeldigTot: '2029-01-01' },
      'Arie Auditor',
    );
    const page = await browser.signedIn(ADMIN.email, ADMIN.password);
    await page.goto('/app/beheer/gebruikers');
    await page.getByRole('link', { name: 'Arie Auditor' }).click();
    await page.waitForURL(`**/app/beheer/gebruikers/${auditor.id}`);
    await page.getByRole('button', { name: 'Accreditatie per vandaag beëindigen' }).click();
    await expect(page.locator('.notice').textContent()).resolves.toContain('opgeslagen');
    await page.getByRole('button', { name: 'Uitschakelen' }).click();
    await expect(page.getByText('Deze gebruiker is uitgeschakeld.').count()).resolves.toBe(1);
    await shoot(page, 'beheer-gebruiker-wijzigen');
    const [row] = await t.sql<{ active: boolean; accreditation_valid_until: string }>(
      `SELECT active, to_char(accreditation_valid_until, 'YYYY-MM-DD') AS accreditation_valid_until FROM user_account WHERE id = $1`,
      [auditor.id],
    );
    expect(row.active).toBe(false);
    expect(row.accreditation_valid_until < clock.today()).toBe(true);
    await page.getByRole('button', { name: 'Weer inschakelen' }).click();
    await expect(page.getByText('Deze gebruiker is actief.').count()).resolves.toBe(1);

    await page.goto(`/app/beheer/organisaties/${bodyId}`);
    await page.getByLabel('Naam').fill('Inspectie Browser B.V.');
    await page.getByRole('button', { name: 'Naam opslaan' }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('Inspectie Browser B.V.');
    await shoot(page, 'beheer-organisatie-wijzigen');
    // A deactivated self is not offered.
    const me = (await t.sql<{ id: string }>(`SELECT id FROM user_account WHERE email = $1`, [ADMIN.email]))[0];
    await page.goto(`/app/beheer/gebruikers/${me.id}`);
    await expect(page.getByRole('button', { name: 'Uitschakelen' }).count()).resolves.toBe(0);
  });
});
