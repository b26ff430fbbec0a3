import { csrfField, errorSummary, field, html, type Html, page } from '../layout';
import type { WebContext } from '../web-context';
import { sharedText } from './shared.texts';

export interface SignInState {
  email?: string;
  back?: string;
  errors?: Record<string, string>;
  message?: string;
}

export function signInPage(web: WebContext, state: SignInState): Html {
  const errors = state.errors ?? {};
  return page(web, {
    title: sharedText(web).signIn,
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
