import type { CertificateAddress } from '@keurmerk/certificate-pdf';
import type { AddressLookup } from '@keurmerk/common';
import { type ComplaintStatus, DESCRIPTION_MAX_LENGTH } from '@keurmerk/complaints';
import type { CertificateFacts } from '@keurmerk/verification';
import { Html, html } from './html';
import { assetUrl, CHECK_SVG, CROSS_SVG, MARK_SVG } from './resident.assets';
import { RESIDENT_LANGUAGES, type ResidentLanguage } from './resident-language';
import { type PageStatus, RESIDENT_TEXTS, type ResidentTexts, SCHEME_NAME } from './resident.texts';

/** Who is looking, and at what: the language, whether it was chosen with ?taal=, and the page's own address. */
export interface PageContext {
  language: ResidentLanguage;
  explicit: boolean;
  /** The page's path and query without `taal`, for the language links. */
  path: string;
  query: URLSearchParams;
  now: Date;
  /** The complaint form's token (ComplaintFormProtection): proves the form was sent from this page. */
  formToken?: string;
}

/** What a complaint form is about: its hidden fields. */
export type ComplaintTarget = { certificateNumber: string } | { address: AddressLookup };

export interface ComplaintFormState {
  description?: string;
  /** A message for the description field, already in the page's language. */
  error?: string;
  /** A message for the whole form (too many reports, ...). */
  formError?: string;
}

export type FieldErrors = Partial<
  Record<'certificaatnummer' | 'postcode' | 'huisnummer' | 'huisletter' | 'huisnummertoevoeging' | 'referentie', string>
>;

export interface SearchValues {
  certificaatnummer?: string;
  postcode?: string;
  huisnummer?: string;
  huisletter?: string;
  huisnummertoevoeging?: string;
  referentie?: string;
}

const raw = (markup: string) => new Html(markup);

export function textsOf(context: PageContext): ResidentTexts {
  return RESIDENT_TEXTS[context.language];
}

/** A link inside the page: keeps the resident's explicit language choice. */
export function pageHref(context: PageContext, path: string, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  if (context.explicit) query.set('taal', context.language);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

function languageHref(context: PageContext, language: ResidentLanguage): string {
  const query = new URLSearchParams(context.query);
  query.delete('taal');
  query.set('taal', language);
  return `${context.path}?${query.toString()}`;
}

export function formatDate(language: ResidentLanguage, isoDate: string): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

function formatMoment(language: ResidentLanguage, moment: Date): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(moment);
}

/** The Dutch calendar day of a moment, as a date in words. */
function formatDay(language: ResidentLanguage, moment: Date): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(moment);
}

export function formatPostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return /^\d{4}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : compact;
}

function houseNumberText(address: { houseNumber: number; houseLetter?: string | null; houseNumberAddition?: string | null }): string {
  return `${address.houseNumber}${address.houseLetter ?? ''}${address.houseNumberAddition ? `-${address.houseNumberAddition}` : ''}`;
}

/** `Tuinbouwweg 12A-2` / `2671 AB Naaldwijk`, as Dutch addresses are written. */
function addressLines(address: CertificateAddress): [string, string] {
  return [`${address.street} ${houseNumberText(address)}`, `${formatPostcode(address.postcode)} ${address.city}`];
}

export function addressLookupText(address: AddressLookup): string {
  return `${formatPostcode(address.postcode)}, ${houseNumberText(address)}`;
}

/** The frame of every page: language links, header, footer, the stylesheet and the script. */
export function layout(context: PageContext, title: string, main: Html): string {
  const t = textsOf(context);
  const languages = RESIDENT_LANGUAGES.map((language) => {
    const current = language === context.language;
    return html`<li><a href="${languageHref(context, language)}" lang="${language}" hreflang="${language}"${raw(
      current ? ' aria-current="true"' : '',
    )}>${RESIDENT_TEXTS[language].languageName}</a></li>`;
  });
  const page = html`<!doctype html>
<html lang="${context.language}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${SCHEME_NAME}</title>
<meta name="description" content="${t.searchIntro}">
<link rel="stylesheet" href="${assetUrl('base')}">
<link rel="stylesheet" href="${assetUrl('stylesheet')}">
<link rel="icon" type="image/svg+xml" href="${assetUrl('icon')}">
<script src="${assetUrl('script')}" defer></script>
</head>
<body>
<a class="skip" href="#inhoud">${t.skipToContent}</a>
<header class="site">
<div class="wrap">
<a class="brand" href="${pageHref(context, '/controleer')}">${raw(MARK_SVG)}<span>${SCHEME_NAME}<span>${t.tagline}</span></span></a>
<nav aria-label="${t.languageNavigation}"><ul class="languages">${languages}</ul></nav>
</div>
</header>
<main id="inhoud" class="wrap" tabindex="-1">
${main}
</main>
<footer class="site">
<div class="wrap">
<p>${SCHEME_NAME}</p>
</div>
</footer>
</body>
</html>
`;
  return page.markup;
}

function errorSummary(t: ResidentTexts, errors: [id: string, message: string][]): Html | '' {
  if (errors.length === 0) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="fouten-titel">
<h2 id="fouten-titel">${t.errorSummary}</h2>
<ul>${errors.map(([id, message]) => html`<li><a href="#${id}">${message}</a></li>`)}</ul>
</div>`;
}

function textField(options: {
  name: keyof SearchValues;
  label: string;
  optional?: string;
  hint?: string;
  value?: string;
  error?: string;
  attributes?: string;
}): Html {
  const id = `veld-${options.name}`;
  const described = [options.hint ? `${id}-hint` : '', options.error ? `${id}-fout` : ''].filter(Boolean).join(' ');
  return html`<div class="field${options.error ? ' field--error' : ''}">
<label for="${id}">${options.label}${options.optional ? html` <span class="optional">${options.optional}</span>` : ''}</label>
${options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : ''}
${options.error ? html`<p class="error-message" id="${id}-fout">${options.error}</p>` : ''}
<input type="text" id="${id}" name="${options.name}" value="${options.value ?? ''}"${raw(
    described ? ` aria-describedby="${described}"` : '',
  )}${raw(options.error ? ' aria-invalid="true"' : '')} ${raw(options.attributes ?? '')}>
</div>`;
}

function hiddenTaal(context: PageContext): Html | '' {
  return context.explicit ? html`<input type="hidden" name="taal" value="${context.language}">` : '';
}

/** The two ways to search: by the number on the card, or by address. */
function searchForms(context: PageContext, values: SearchValues, errors: FieldErrors): Html {
  const t = textsOf(context);
  return html`<section class="card" aria-labelledby="zoek-nummer">
<h2 id="zoek-nummer">${t.byNumber}</h2>
<form method="get" action="/controleer">
${hiddenTaal(context)}
${textField({
  name: 'certificaatnummer',
  label: t.numberLabel,
  hint: t.numberHint,
  value: values.certificaatnummer,
  error: errors.certificaatnummer,
  attributes: 'autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40"',
})}
<button type="submit">${t.searchButton}</button>
</form>
</section>
<p class="divider">${t.or}</p>
<section class="card" aria-labelledby="zoek-adres">
<h2 id="zoek-adres">${t.byAddress}</h2>
<form method="get" action="/controleer">
${hiddenTaal(context)}
<div class="row row--address">
${textField({
  name: 'postcode',
  label: t.postcodeLabel,
  hint: t.postcodeHint,
  value: values.postcode,
  error: errors.postcode,
  attributes: 'autocomplete="postal-code" autocapitalize="characters" spellcheck="false" maxlength="10"',
})}
${textField({
  name: 'huisnummer',
  label: t.houseNumberLabel,
  value: values.huisnummer,
  error: errors.huisnummer,
  attributes: 'inputmode="numeric" autocomplete="off" maxlength="5"',
})}
${textField({
  name: 'huisletter',
  label: t.houseLetterLabel,
  optional: t.optional,
  value: values.huisletter,
  error: errors.huisletter,
  attributes: 'autocomplete="off" maxlength="1"',
})}
${textField({
  name: 'huisnummertoevoeging',
  label: t.additionLabel,
  optional: t.optional,
  value: values.huisnummertoevoeging,
  error: errors.huisnummertoevoeging,
  attributes: 'autocomplete="off" maxlength="4"',
})}
</div>
<button type="submit">${t.searchButton}</button>
</form>
</section>`;
}

/** A complaint's progress by its reference: the sender's only key to it. */
function progressForm(context: PageContext, value: string | undefined, error: string | undefined): Html {
  const t = textsOf(context);
  return html`<section class="card" aria-labelledby="melding-status">
<h2 id="melding-status">${t.progressTitle}</h2>
<p>${t.progressIntro}</p>
<form method="get" action="/controleer/melding">
${hiddenTaal(context)}
${textField({
  name: 'referentie',
  label: t.referenceLabel,
  hint: t.referenceHint,
  value,
  error,
  attributes: 'autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40"',
})}
<button type="submit" class="button--secondary">${t.progressButton}</button>
</form>
</section>`;
}

/** Where a complaint stands, and since when; nothing it says. Without `progress`: not found, with the form to try again. */
export function progressPage(
  context: PageContext,
  reference: string,
  progress: { status: ComplaintStatus; changedAt: Date } | undefined,
): string {
  const t = textsOf(context);
  if (!progress) {
    return layout(
      context,
      t.progressNotFoundTitle,
      html`<h1>${t.progressNotFoundTitle}</h1>
<p>${t.progressNotFoundText}</p>
${progressForm(context, reference, undefined)}
<p><a href="${pageHref(context, '/controleer')}">← ${t.searchAgain}</a></p>`,
    );
  }
  return layout(
    context,
    `${t.progressTitle}: ${reference}`,
    html`<div class="receipt progress progress--${progress.status}" role="status">
<h1>${t.progressFor(reference.replace(/-/g, '\u2011'))}</h1>
<p class="progress__status"><strong>${t.progressStatusName[progress.status]}</strong></p>
<p>${t.progressStatus[progress.status](formatDay(context.language, progress.changedAt))}</p>
</div>
<p class="emergency">${t.emergency}</p>
<p><a href="${pageHref(context, '/controleer')}">← ${t.searchAgain}</a></p>`,
  );
}

export function searchPage(context: PageContext, values: SearchValues = {}, errors: FieldErrors = {}): string {
  const t = textsOf(context);
  const listed = (Object.keys(errors) as (keyof FieldErrors)[]).map((name) => [`veld-${name}`, errors[name]!] as [string, string]);
  return layout(
    context,
    t.searchTitle,
    html`<h1>${t.searchTitle}</h1>
<p class="lead">${t.searchIntro}</p>
${errorSummary(t, listed)}
${searchForms(context, values, errors)}
${progressForm(context, values.referentie, errors.referentie)}`,
  );
}

export function invalidNumberPage(context: PageContext, number: string): string {
  const t = textsOf(context);
  return layout(
    context,
    t.invalidNumberTitle,
    html`<div class="verdict verdict--not" role="alert">
<div class="verdict__icon">${raw(CROSS_SVG)}</div>
<div>
<h1>${t.invalidNumberTitle}</h1>
<p>${t.invalidNumberText(number)}</p>
</div>
</div>
${searchForms(context, { certificaatnummer: number }, {})}`,
  );
}

function complaintHiddenFields(target: ComplaintTarget): Html {
  if ('certificateNumber' in target) return html`<input type="hidden" name="certificaatnummer" value="${target.certificateNumber}">`;
  const a = target.address;
  return html`<input type="hidden" name="postcode" value="${a.postcode}">
<input type="hidden" name="huisnummer" value="${String(a.houseNumber)}">
${a.houseLetter ? html`<input type="hidden" name="huisletter" value="${a.houseLetter}">` : ''}
${a.houseNumberAddition ? html`<input type="hidden" name="huisnummertoevoeging" value="${a.houseNumberAddition}">` : ''}`;
}

/**
 * The complaint form. With the script it is sent as JSON to /v1/meldingen; without, it posts to
 * /controleer/melding. Both end in the same complaints service.
 */
function complaintForm(context: PageContext, target: ComplaintTarget, state: ComplaintFormState): Html {
  const t = textsOf(context);
  const described = ['melding-hint', state.error ? 'melding-fout' : ''].filter(Boolean).join(' ');
  return html`<section class="card" id="melden" aria-labelledby="melden-titel">
<h2 id="melden-titel">${t.complaintTitle}</h2>
<form method="post" action="/controleer/melding" data-complaint-form
 data-msg-sending="${t.complaintSending}" data-msg-received="${t.receivedTitle}" data-msg-reference="${t.receivedReference}"
   data-msg-next="${t.receivedNext}"
 data-msg-description="${t.errorDescription}" data-msg-too-long="${t.errorDescriptionTooLong}"
   data-msg-too-many="${t.errorTooMany('{minutes}')}" data-msg-failed="${t.errorSendFailed}">
<input type="hidden" name="taal" value="${context.language}">
${context.formToken ? html`<input type="hidden" name="formulier" value="${context.formToken}">` : ''}
${complaintHiddenFields(target)}
<div class="field${state.error ? ' field--error' : ''}">
<label for="omschrijving">${t.complaintLabel}</label>
<span class="hint" id="melding-hint">${t.complaintHint}</span>
${state.error ? html`<p class="error-message" id="melding-fout">${state.error}</p>` : ''}
<textarea id="omschrijving" name="omschrijving" rows="6" maxlength="${DESCRIPTION_MAX_LENGTH}" required
  aria-describedby="${described}"${raw(state.error ? ' aria-invalid="true"' : '')}>${state.description ?? ''}</textarea>
</div>
<p class="privacy">${t.complaintPrivacy}</p>
<p class="form-status${
    state.formError ? ' form-status--error' : ''
  }" data-complaint-status role="status" aria-live="polite">${state.formError ?? ''}</p>
<button type="submit">${t.complaintSubmit}</button>
</form>
</section>`;
}

function helpSection(t: ResidentTexts): Html {
  return html`<section class="card help" aria-labelledby="hulp-titel">
<h2 id="hulp-titel">${t.helpTitle}</h2>
<ul>${t.helpItems.map((item) => html`<li>${item}</li>`)}</ul>
<p>${t.helpAction}</p>
<p class="emergency">${t.emergency}</p>
</section>`;
}

function certificateDetails(context: PageContext, certificate: CertificateFacts, status: PageStatus): Html {
  const t = textsOf(context);
  const [street, city] = addressLines(certificate.content.address);
  const valid = status === 'geldig';
  return html`<section class="card" aria-labelledby="gegevens-titel">
<h2 id="gegevens-titel">${t.detailsTitle}</h2>
${
  valid
    ? html`<div class="capacity">
<span class="capacity__number" aria-hidden="true">${String(certificate.maximumResidents)}</span>
<p>${html`<span class="capacity__label">${t.maximumResidentsFact}: ${String(certificate.maximumResidents)}</span>`}${t.atMost(
        certificate.maximumResidents,
      )}</p>
</div>`
    : ''
}
<dl class="facts">
<dt>${t.addressFact}</dt><dd>${street}<br>${city}</dd>
<dt>${t.municipalityFact}</dt><dd>${certificate.content.municipalityName}</dd>
<dt>${t.numberFact}</dt><dd>${certificate.number}</dd>
${valid ? '' : html`<dt>${t.maximumResidentsFact}</dt><dd>${String(certificate.maximumResidents)}</dd>`}
<dt>${t.validFromFact}</dt><dd>${formatDate(context.language, certificate.validFrom)}</dd>
<dt>${t.validUntilFact}</dt><dd>${formatDate(context.language, certificate.validUntil)}</dd>
<dt>${t.holderFact}</dt><dd>${certificate.content.holderName}</dd>
${valid ? '' : html`<dt>${t.statusChangedFact}</dt><dd>${formatDay(context.language, new Date(certificate.statusChangedAt))}</dd>`}
</dl>
${valid ? html`<p><a class="button button--secondary" href="/v1/certificaten/${certificate.number}/pdf">${t.pdfLink}</a></p>` : ''}
</section>`;
}

/** On a replaced certificate: the way to the one that replaced it. */
function successorLink(context: PageContext, successor: string): Html {
  const href = pageHref(context, `/controleer/${successor}`);
  const label = textsOf(context).successorLink;
  return html`<p><a class="button" href="${href}" data-successor>${label}: <span class="nowrap">${successor}</span></a></p>`;
}

/** The answer for one certificate number or address: the verdict first, then the facts, then what to do. */
export function statusPage(
  context: PageContext,
  input: { certificate: CertificateFacts | null; subject: string; target: ComplaintTarget; complaint?: ComplaintFormState },
): string {
  const t = textsOf(context);
  const status: PageStatus = input.certificate ? (input.certificate.status as PageStatus) : 'geen-certificaat';
  const valid = status === 'geldig';
  const texts = t.status[status];
  const until = input.certificate ? formatDate(context.language, input.certificate.validUntil) : '';
  const successor = status === 'vervangen' ? input.certificate?.supersededBy : undefined;
  return layout(
    context,
    `${texts.title}: ${input.subject}`,
    html`<p class="back"><a href="${pageHref(context, '/controleer')}">← ${t.searchAgain}</a></p>
<section class="verdict ${valid ? 'verdict--ok' : 'verdict--not'}" aria-labelledby="oordeel" data-status="${status}">
<div class="verdict__icon">${raw(valid ? CHECK_SVG : CROSS_SVG)}</div>
<div>
<p class="verdict__label">${valid ? t.certified : t.notCertified}</p>
<h1 id="oordeel">${texts.title}</h1>
<p class="subject">${t.resultFor} ${
      input.certificate ? addressLines(input.certificate.content.address).join(', ') : html`<span class="nowrap">${input.subject}</span>`
    }</p>
<p>${texts.explanation(until)}</p>
${successor ? successorLink(context, successor) : ''}
<p class="checked">${t.checkedAt(formatMoment(context.language, context.now))}</p>
</div>
</section>
${input.certificate ? certificateDetails(context, input.certificate, status) : ''}
${helpSection(t)}
${complaintForm(context, input.target, input.complaint ?? {})}`,
  );
}

export function receiptPage(context: PageContext, reference: string, backHref: string): string {
  const t = textsOf(context);
  return layout(
    context,
    t.receivedTitle,
    html`<div class="receipt" role="status">
<h1>${t.receivedTitle}</h1>
<p>${t.receivedReference}</p>
<p><strong class="reference" data-reference>${reference}</strong></p>
<p>${t.receivedNext}</p>
<p><a href="${pageHref(context, '/controleer/melding', { referentie: reference })}">${t.progressTitle}</a></p>
</div>
<p class="emergency">${t.emergency}</p>
<p><a href="${backHref}">← ${t.backToResult}</a></p>`,
  );
}

export function errorPage(context: PageContext, status: number, retryAfterSeconds?: number): string {
  const t = textsOf(context);
  const [title, text] =
    status === 404
      ? [t.notFoundTitle, t.notFoundText]
      : status === 429
        ? [t.failureTitle, t.errorTooMany(String(Math.max(1, Math.ceil((retryAfterSeconds ?? 600) / 60))))]
        : [t.failureTitle, t.failureText];
  return layout(
    context,
    title,
    html`<h1>${title}</h1>
<p>${text}</p>
<p><a href="${pageHref(context, '/controleer')}">← ${t.searchAgain}</a></p>`,
  );
}
