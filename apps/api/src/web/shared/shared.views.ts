import { csrfField, errorSummary, field, html, type Html, page } from '../layout';
import type { WebContext } from '../web-context';
import { sharedText } from './shared.texts';

export interface SignInState {
  email?: string;
  back?: string;
  errors?: Record<string, string>;
  message?: string;
  notice?: string;
}

export function signInPage(web: WebContext, state: SignInState): Html {
  const errors = state.errors ?? {};
  return page(web, {
    title: sharedText(web).signIn,
    notice: state.notice,
    body: html`<div class="sign-in">
${errorSummary(web, errors, state.message)}
<p>${sharedText(web).forLandlordsAuditorsCertifiersMunicipalities}</p>
<form method="post" action="/app/inloggen" class="card" novalidate>
  ${csrfField(web)}
  ${state.back ? html`<input type="hidden" name="terug" value="${state.back}">` : ''}
  ${field({
    name: 'email',
    label: sharedText(web).eMailAddress,
    type: 'email',
    value: state.email,
    error: errors.email,
    autocomplete: 'username',
    required: true,
  })}
  ${field({
    name: 'wachtwoord',
    label: sharedText(web).password,
    type: 'password',
    error: errors.wachtwoord,
    autocomplete: 'current-password',
    required: true,
  })}
  <button type="submit">${sharedText(web).signIn}</button>
  <p><a href="/app/wachtwoord-vergeten">${sharedText(web).forgotPassword}</a></p>
</form>
<p class="muted">${sharedText(web).wantCheckCertificate} <a href="/controleer">${sharedText(web).checkAHome}</a></p>
</div>`,
  });
}

/** Any refusal that reaches the error filter: its status's title and sentence, and the way back. */
export function errorPage(web: WebContext, status: number): Html {
  const pages = sharedText(web).errorPages;
  const { title, text } = pages[status] ?? (status >= 500 ? pages[500] : pages[400]);
  const body = html`<div class="card"><p>${text}</p><p><a href="/app">${sharedText(web).toTheStartPage}</a></p></div>`;
  return page(web, { title, body });
}

/** Asking for a reset link: one field; after sending, the same answer whatever the address. */
export function forgotPasswordPage(web: WebContext, state: { email?: string; error?: string; sent?: boolean }): Html {
  const t = sharedText(web);
  return page(web, {
    title: t.resetYourPassword,
    notice: state.sent ? t.resetLinkSent : undefined,
    body: html`<div class="sign-in">
${errorSummary(web, state.error ? { email: state.error } : {})}
<p>${t.resetExplanation}</p>
<form method="post" action="/app/wachtwoord-vergeten" class="card" novalidate>
  ${csrfField(web)}
  ${field({
    name: 'email',
    label: t.eMailAddress,
    type: 'email',
    value: state.email,
    error: state.error,
    autocomplete: 'username',
    required: true,
  })}
  <button type="submit">${t.sendResetLink}</button>
</form>
<p><a href="/app/inloggen">${t.signIn}</a></p>
</div>`,
  });
}

/** The page the mail's link opens: a new password, or why the link no longer works. */
export function resetPasswordPage(web: WebContext, state: { action: string; error?: string; refusal?: string }): Html {
  const t = sharedText(web);
  const body = state.refusal
    ? html`<div class="sign-in"><div class="card"><p>${state.refusal}</p>
<p><a href="/app/wachtwoord-vergeten">${t.askForANewLink}</a></p></div></div>`
    : html`<div class="sign-in">
${errorSummary(web, state.error ? { nieuwWachtwoord: state.error } : {})}
<form method="post" action="${state.action}" class="card" novalidate>
  ${csrfField(web)}
  ${field({
    name: 'nieuwWachtwoord',
    label: t.newPassword,
    type: 'password',
    hint: t.newPasswordHint,
    error: state.error,
    autocomplete: 'new-password',
    required: true,
  })}
  <button type="submit">${t.setPassword}</button>
</form>
</div>`;
  return page(web, { title: t.chooseANewPassword, body });
}
