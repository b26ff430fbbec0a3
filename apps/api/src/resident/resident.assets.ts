import { createHash } from 'node:crypto';

/*
 * The residents' page's stylesheet, script and icon. The Content-Security-Policy allows no inline
 * style or script, so they are served as files from /controleer/assets/. They live in TypeScript
 * strings because the build (tsc) copies nothing else into dist; each is served under a name with
 * its content hash, so browsers may keep it for a year and still get a change at once.
 */

const STYLESHEET = String.raw`
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 1.0625rem;
  line-height: 1.5;
  color: #1b1b1b;
  background: #f2f4f7;
  overflow-wrap: break-word;
}
.wrap { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
a { color: #0b4fa0; text-underline-offset: 0.15em; }
a:hover { color: #083b78; text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
a:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 0; background: #ffdd00; color: #0b0c0c; text-decoration: none; }
.skip { position: absolute; left: -9999px; top: 0; }
.skip:focus { left: 1rem; top: 0.5rem; z-index: 10; padding: 0.5rem 1rem; }

header.site { background: #10284b; color: #fff; }
header.site .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
.brand { display: flex; align-items: center; gap: 0.65rem; color: #fff; text-decoration: none; font-weight: 700; line-height: 1.25; }
.brand:hover { color: #fff; }
.brand svg { width: 2.5rem; height: 2.5rem; flex: none; }
.brand span span { display: block; font-weight: 400; font-size: 0.875rem; color: #e3e9f2; }
.languages { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem; }
.languages a { display: inline-block; padding: 0.4rem 0.6rem; border-radius: 0.25rem; color: #fff; border: 1px solid transparent; }
.languages a:hover { color: #fff; border-color: #fff; }
.languages a[aria-current] { background: #fff; color: #10284b; font-weight: 700; text-decoration: none; }
header.site a:focus-visible { outline: 3px solid #ffdd00; outline-offset: 2px; background: #ffdd00; color: #0b0c0c; }

main.wrap { padding-top: 1.25rem; padding-bottom: 2rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0.25rem 0 0.75rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 0 0 0.75rem; }
p { margin: 0 0 0.75rem; }
.lead { font-size: 1.125rem; }
.back { margin: 0 0 1rem; }

.card { background: #fff; border: 1px solid #c9ced6; border-radius: 0.5rem; padding: 1.25rem; margin: 0 0 1.25rem; }
.card > :last-child { margin-bottom: 0; }
.divider { display: flex; align-items: center; gap: 0.75rem; margin: -0.25rem 0 1rem; color: #4a4f57; font-weight: 700; }
.divider::before, .divider::after { content: ""; flex: 1; border-top: 1px solid #c9ced6; }

.verdict { display: flex; gap: 1rem; align-items: flex-start; padding: 1.25rem; margin: 0 0 1.25rem; border: 2px solid; border-left-width: 0.75rem; border-radius: 0.5rem; }
.verdict--ok { background: #e6f4ea; border-color: #0a7a3a; color: #0b3a1d; }
.verdict--not { background: #fdeceb; border-color: #b3261e; color: #5a100c; }
.verdict__icon { flex: none; display: flex; align-items: center; justify-content: center; width: 3.25rem; height: 3.25rem; border-radius: 50%; color: #fff; }
.verdict--ok .verdict__icon { background: #0a7a3a; }
.verdict--not .verdict__icon { background: #b3261e; }
.verdict__icon svg { width: 2rem; height: 2rem; }
.verdict__label { margin: 0; font-size: 0.875rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; }
.verdict h1 { margin: 0.1rem 0 0.5rem; }
.verdict p:last-child { margin-bottom: 0; }
.subject { margin: 0 0 0.5rem; font-weight: 700; }
.nowrap { white-space: nowrap; }
.checked { font-size: 0.9375rem; }

.capacity { display: flex; align-items: center; gap: 1rem; padding: 1rem; margin: 0 0 1rem; background: #eaf0f8; border-radius: 0.5rem; }
.capacity__number { flex: none; min-width: 3.5rem; font-size: 2.75rem; font-weight: 800; line-height: 1; text-align: center; color: #10284b; }
.capacity__label { display: block; font-weight: 700; }
.capacity p { margin: 0; }
.facts { display: grid; grid-template-columns: 1fr; margin: 0 0 1rem; }
.facts dt { margin-top: 0.65rem; font-size: 0.9375rem; font-weight: 700; color: #3d4551; }
.facts dt:first-child { margin-top: 0; }
.facts dd { margin: 0; }
.note { color: #3d4551; font-size: 0.9375rem; }

.help ul { margin: 0 0 0.75rem; padding-left: 1.25rem; }
.help li { margin: 0 0 0.35rem; }
.emergency { padding: 0.75rem 1rem; border-left: 0.4rem solid #b3261e; background: #fff6f5; font-weight: 700; }

form { margin: 0; }
fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
legend { padding: 0; }
.field { margin: 0 0 1rem; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 0 0.75rem; align-items: end; }
label { display: block; margin: 0 0 0.25rem; font-weight: 700; }
.optional { font-weight: 400; color: #4a4f57; }
.hint { display: block; margin: 0 0 0.35rem; font-size: 0.9375rem; color: #4a4f57; }
input[type="text"], textarea {
  display: block; width: 100%; padding: 0.6rem 0.7rem; font: inherit; font-size: 1.0625rem; color: #1b1b1b; background: #fff;
  border: 2px solid #4a4f57; border-radius: 0.25rem;
}
input[type="text"]:focus-visible, textarea:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 0; box-shadow: inset 0 0 0 2px #1b1b1b; border-color: #1b1b1b; }
textarea { min-height: 10rem; resize: vertical; }
.field--error input[type="text"], .field--error textarea { border-color: #b3261e; }
.error-message { margin: 0 0 0.35rem; font-weight: 700; color: #b3261e; }
.error-summary { padding: 1rem 1.25rem; margin: 0 0 1.25rem; background: #fff; border: 3px solid #b3261e; border-radius: 0.5rem; }
.error-summary h2 { font-size: 1.125rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: #b3261e; font-weight: 700; }
button, .button {
  display: inline-flex; align-items: center; justify-content: center; min-height: 2.75rem; padding: 0.65rem 1.25rem;
  font: inherit; font-size: 1.0625rem; font-weight: 700; line-height: 1.25; text-align: center; text-decoration: none;
  color: #fff; background: #0b4fa0; border: 2px solid #0b4fa0; border-radius: 0.3rem; cursor: pointer;
}
button:hover, .button:hover { color: #fff; background: #083b78; border-color: #083b78; }
button:focus-visible, .button:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; background: #ffdd00; color: #0b0c0c; border-color: #0b0c0c; }
button[disabled] { cursor: progress; opacity: 0.75; }
.button--secondary { color: #0b4fa0; background: #fff; }
.button--secondary:hover { color: #fff; }
.privacy { font-size: 0.9375rem; color: #3d4551; }
.form-status:empty { display: none; }
.form-status { padding: 0.5rem 0.75rem; border-left: 0.4rem solid #4a4f57; background: #f2f4f7; }
.form-status--error { border-left-color: #b3261e; background: #fdeceb; color: #5a100c; font-weight: 700; }
.receipt { padding: 1.25rem; margin: 0 0 1.25rem; background: #e6f4ea; border: 2px solid #0a7a3a; border-left-width: 0.75rem; border-radius: 0.5rem; color: #0b3a1d; }
.receipt h1, .receipt h2, .receipt h3 { margin-top: 0; }
.reference { display: inline-block; margin: 0.25rem 0 0.5rem; padding: 0.35rem 0.75rem; font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, monospace; font-size: 1.5rem; font-weight: 700; letter-spacing: 0.08em; background: #fff; border: 2px dashed #0a7a3a; border-radius: 0.25rem; color: #0b3a1d; }

footer.site { padding: 1.25rem 0 2rem; font-size: 0.9375rem; color: #3d4551; border-top: 1px solid #c9ced6; background: #fff; }
footer.site p { margin: 0 0 0.35rem; }

@media (min-width: 40rem) {
  h1 { font-size: 2.1rem; }
  main.wrap { padding-top: 2rem; }
  .card, .verdict { padding: 1.5rem 1.75rem; }
  .facts { grid-template-columns: minmax(11rem, 15rem) 1fr; gap: 0.5rem 1rem; }
  .facts dt { margin-top: 0; }
  .row { max-width: 30rem; }
  #veld-certificaatnummer { max-width: 24rem; }
}
@media print {
  header.site, .languages, form, .skip { display: none; }
  body { background: #fff; }
}
`;

/**
 * Sends the complaint form as JSON to /v1/meldingen and shows the reference in place. Without it (or
 * without fetch) the form posts to /controleer/melding, which does the same on the server. Every
 * text it shows comes from the form's data-* attributes, in the page's language; it writes only
 * textContent, never markup.
 */
const SCRIPT = String.raw`(function () {
  'use strict';
  if (!window.fetch || !window.FormData) return;
  var forms = document.querySelectorAll('form[data-complaint-form]');
  Array.prototype.forEach.call(forms, function (form) {
    var status = form.querySelector('[data-complaint-status]');
    var button = form.querySelector('button[type="submit"]');
    var text = form.querySelector('textarea');
    function say(message, isError) {
      status.textContent = message;
      status.className = 'form-status' + (isError ? ' form-status--error' : '');
      if (text) {
        if (isError) text.setAttribute('aria-invalid', 'true');
        else text.removeAttribute('aria-invalid');
      }
    }
    function value(name) {
      var field = form.elements.namedItem(name);
      return field && field.value ? String(field.value).trim() : '';
    }
    function receipt(reference) {
      var box = document.createElement('div');
      box.className = 'receipt';
      box.setAttribute('data-complaint-receipt', '');
      var heading = document.createElement('h3');
      heading.textContent = form.getAttribute('data-msg-received');
      heading.setAttribute('tabindex', '-1');
      var label = document.createElement('p');
      label.textContent = form.getAttribute('data-msg-reference');
      var ref = document.createElement('p');
      var strong = document.createElement('strong');
      strong.className = 'reference';
      strong.textContent = reference;
      ref.appendChild(strong);
      var next = document.createElement('p');
      next.textContent = form.getAttribute('data-msg-next');
      box.appendChild(heading);
      box.appendChild(label);
      box.appendChild(ref);
      box.appendChild(next);
      form.parentNode.replaceChild(box, form);
      heading.focus();
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = { omschrijving: value('omschrijving'), taal: value('taal') };
      if (value('certificaatnummer')) {
        body.certificaatnummer = value('certificaatnummer');
      } else {
        body.adres = { postcode: value('postcode'), huisnummer: Number(value('huisnummer')) };
        if (value('huisletter')) body.adres.huisletter = value('huisletter');
        if (value('huisnummertoevoeging')) body.adres.huisnummertoevoeging = value('huisnummertoevoeging');
      }
      button.disabled = true;
      say(form.getAttribute('data-msg-sending'), false);
      fetch('/v1/meldingen', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        credentials: 'omit',
        body: JSON.stringify(body)
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (response.status === 201 && json.referentie) {
            receipt(json.referentie);
            return;
          }
          if (response.status === 429) {
            var seconds = Number(response.headers.get('Retry-After')) || 600;
            say(form.getAttribute('data-msg-too-many').replace('{minutes}', String(Math.max(1, Math.ceil(seconds / 60)))), true);
          } else if (response.status === 400) {
            var params = json.invalidParams || [];
            var problem = params.filter(function (p) { return p.name === 'omschrijving'; })[0];
            if (problem) say(form.getAttribute(problem.code === 'max-length' ? 'data-msg-too-long' : 'data-msg-description'), true);
            else say(form.getAttribute('data-msg-failed'), true);
          } else {
            say(form.getAttribute('data-msg-failed'), true);
          }
          button.disabled = false;
        });
      }).catch(function () {
        say(form.getAttribute('data-msg-failed'), true);
        button.disabled = false;
      });
    });
  });
})();
`;

/** The quality mark: a house with a tick, in the page's navy and gold. */
export const MARK_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" aria-hidden="true" focusable="false">' +
  '<rect width="48" height="48" rx="10" fill="#f5b800"/>' +
  '<path d="M24 8 7 22h5v17h24V22h5z" fill="#10284b"/>' +
  '<path d="m17.5 29 4.5 4.5 9-9.5" fill="none" stroke="#f5b800" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/>' +
  '</svg>';

export const CHECK_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
  '<path d="m4.5 12.5 5 5L19.5 7" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>';

export const CROSS_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
  '<path d="M6 6l12 12M18 6 6 18" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round"/></svg>';

export interface Asset {
  name: string;
  contentType: string;
  body: string;
}

function asset(base: string, extension: string, contentType: string, body: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { name: `${base}.${hash}.${extension}`, contentType, body };
}

export const ASSETS = {
  stylesheet: asset('controleer', 'css', 'text/css; charset=utf-8', STYLESHEET),
  script: asset('controleer', 'js', 'text/javascript; charset=utf-8', SCRIPT),
  icon: asset('keurmerk', 'svg', 'image/svg+xml', MARK_SVG.replace(' aria-hidden="true" focusable="false"', '')),
};

const BY_NAME = new Map(Object.values(ASSETS).map((a) => [a.name, a]));

export const ASSET_PATH = '/controleer/assets';

export function assetUrl(which: keyof typeof ASSETS): string {
  return `${ASSET_PATH}/${ASSETS[which].name}`;
}

export function findAsset(name: string): Asset | undefined {
  return BY_NAME.get(name);
}
