import type { SecondFactorEnrolment, SecondFactorStatus } from '@keurmerk/accounts';
import { csrfField, errorSummary, field, type FieldErrors, html, Html, page } from '../layout';
import type { WebContext } from '../web-context';
import { accountText } from './account.texts';

export const ACCOUNT_PATH = '/app/account';
export const PASSWORD_PATH = `${ACCOUNT_PATH}/wachtwoord`;
export const SECOND_FACTOR_PATH = `${ACCOUNT_PATH}/tweede-factor`;
export const SIGN_IN_CODE_PATH = '/app/inloggen/code';

/** The person's own account: the way to change the password and, for staff, the second factor. */
export function accountPage(web: WebContext, state: { secondFactor?: SecondFactorStatus; notice?: string }): Html {
  const t = accountText(web);
  const factor = state.secondFactor;
  const body = html`<section class="card">
    <h2>${t.changePassword}</h2>
    <p><a class="button" href="${PASSWORD_PATH}">${t.changePassword}</a></p>
  </section>
  ${
    factor
      ? html`<section class="card" id="tweede-factor">
    <h2>${t.secondFactor}</h2>
    ${
      factor.enrolled
        ? html`<p>${t.secondFactorOn}</p><p class="muted">${t.recoveryCodesLeft(factor.recoveryCodesLeft)}</p>`
        : html`<p>${t.secondFactorOff}</p>
      <form method="post" action="${SECOND_FACTOR_PATH}">${csrfField(web)}<button type="submit">${t.setUpSecondFactor}</button></form>`
    }
  </section>`
      : ''
  }`;
  return page(web, { title: t.myAccount, body, notice: state.notice });
}

export function changePasswordPage(web: WebContext, errors: FieldErrors): Html {
  const t = accountText(web);
  const body = html`${errorSummary(web, errors)}
  <form method="post" action="${PASSWORD_PATH}" class="card" novalidate>
    ${csrfField(web)}
    ${field({
      name: 'huidigWachtwoord',
      label: t.currentPassword,
      type: 'password',
      error: errors.huidigWachtwoord,
      required: true,
      autocomplete: 'current-password',
    })}
    ${field({
      name: 'nieuwWachtwoord',
      label: t.newPassword,
      type: 'password',
      hint: t.newPasswordHint,
      error: errors.nieuwWachtwoord,
      required: true,
      autocomplete: 'new-password',
    })}
    <div class="actions"><button type="submit">${t.saveNewPassword}</button></div>
  </form>`;
  return page(web, { title: t.changePassword, body });
}

/** The enrolment: the QR code (an SVG made on the server) and the same link as text, and the code that confirms it. */
export function enrolPage(web: WebContext, enrolment: SecondFactorEnrolment, qrSvg: string, errors: FieldErrors): Html {
  const t = accountText(web);
  const body = html`${errorSummary(web, errors)}
  <div class="card">
    <p>${t.scanThisCode}</p>
    <div class="qr-code" role="img" aria-label="QR">${new Html(qrSvg)}</div>
    <p>${t.orTypeThisKey} <code class="secret">${enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code></p>
    <details><summary>${t.theLink}</summary><p><code class="otpauth-uri">${enrolment.uri}</code></p></details>
  </div>
  <form method="post" action="${SECOND_FACTOR_PATH}/bevestigen" class="card" novalidate>
    ${csrfField(web)}
    ${field({
      name: 'code',
      label: t.codeFromApp,
      hint: t.codeFromAppHint,
      error: errors.code,
      required: true,
      autocomplete: 'one-time-code',
      inputmode: 'numeric',
    })}
    <div class="actions"><button type="submit">${t.confirmSecondFactor}</button></div>
  </form>`;
  return page(web, { title: t.setUpSecondFactor, body, styles: ['account.css'] });
}

/** Shown once, right after the enrolment was confirmed: only the hashes are kept. */
export function recoveryCodesPage(web: WebContext, codes: string[]): Html {
  const t = accountText(web);
  const body = html`<div class="card">
    <p>${t.recoveryCodesExplained}</p>
    <ul class="recovery-codes">${codes.map((code) => html`<li><code>${code}</code></li>`)}</ul>
    <p><a class="button" href="${ACCOUNT_PATH}">${t.done}</a></p>
  </div>`;
  return page(web, { title: t.recoveryCodes, body, styles: ['account.css'] });
}

/** The sign-in's second step, after the password of an account with a second factor. */
export function secondStepPage(web: WebContext, state: { back?: string; errors?: FieldErrors; message?: string }): Html {
  const t = accountText(web);
  const errors = state.errors ?? {};
  const body = html`<div class="sign-in">
  ${errorSummary(web, errors, state.message)}
  <p>${t.secondStepExplained}</p>
  <form method="post" action="${SIGN_IN_CODE_PATH}" class="card" novalidate>
    ${csrfField(web)}
    ${state.back ? html`<input type="hidden" name="terug" value="${state.back}">` : ''}
    ${field({
      name: 'code',
      label: t.code,
      error: errors.code,
      required: true,
      autocomplete: 'one-time-code',
      attributes: html` autofocus`,
    })}
    <button type="submit">${t.continue}</button>
  </form>
  <p class="muted"><a href="/app/inloggen">${t.signInAgain}</a></p>
</div>`;
  return page(web, { title: t.secondStep, body });
}
