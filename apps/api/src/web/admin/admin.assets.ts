import type { AssetSource } from '../web.assets';

const ADMIN_STYLESHEET = String.raw`
.stats li a strong { margin-bottom: 0.25rem; }
.stats li .badge { white-space: normal; border-radius: 0.35rem; }
/* The shared sheet styles no time field; planning needs one like the date beside it. */
input[type=time] { display: block; font: inherit; padding: 0.5rem 0.6rem; border: 2px solid #4a5260; border-radius: 0.25rem; background: #fff; color: #1b1b1b; min-height: 2.75rem; max-width: 10rem; }
input[type=time][aria-invalid=true] { border-color: #b3261e; }
/* With script the check happens on choosing; the button is for browsers without it. */
button[data-check-button][hidden] { display: none; }
.count { font-weight: 400; color: #4a5260; }
.conflicts h2 { font-size: 1.0625rem; margin: 0 0 0.35rem; }
.conflicts ul { margin: 0; padding-left: 1.25rem; }
textarea.code, .code textarea { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.875rem; min-height: 24rem; max-width: none; }
.diff-list { list-style: none; margin: 0 0 1.25rem; padding: 0; }
.diff-list > li { border: 1px solid #c9ced6; border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
.diff-list h3 { display: flex; flex-wrap: wrap; gap: 0.25rem 0.6rem; align-items: baseline; }
.diff-list table { font-size: 0.875rem; }
.diff-list .table-wrap { margin-bottom: 0; }
/* A removed criterion: its code and title struck through, the rest of its card readable. */
.diff-list > li.diff-removed { text-decoration: none; }
.diff-list > li.diff-removed h3 span:not(.badge) { text-decoration: line-through; }
.diff-list td { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; word-break: break-word; }
.diff-legend { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; padding: 0; list-style: none; }
.diff-legend li { padding: 0.1rem 0.5rem; border-radius: 0.25rem; }
`;

/**
 * The planning form's live conflict check: choosing an auditor or a date asks the server (the same
 * rule as the no-script "check" button) and shows the answer before anything is submitted.
 */
const PLANNING_SCRIPT = String.raw`
(function () {
  'use strict';
  var form = document.querySelector('form[data-planning]');
  if (!form || !window.fetch) return;
  var region = form.querySelector('[data-conflicts]');
  var checkButton = form.querySelector('[data-check-button]');
  if (checkButton) checkButton.hidden = true;
  var latest = 0;
  function check() {
    var auditor = form.elements.auditorId.value;
    if (!auditor) { region.innerHTML = ''; return; }
    var query = new URLSearchParams({ locatieId: form.elements.locatieId.value, auditorId: auditor, datum: form.elements.datum.value });
    var mine = ++latest;
    fetch(form.getAttribute('data-conflicts-url') + '?' + query.toString(), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        // Only the answer to the last choice counts: an earlier, slower one must not overwrite it.
        if (mine !== latest) return;
        if (answer) region.innerHTML = answer.html;
        else if (checkButton) checkButton.hidden = false;
      })
      .catch(function () { if (checkButton) checkButton.hidden = false; });
  }
  form.elements.auditorId.addEventListener('change', check);
  form.elements.datum.addEventListener('change', check);
  if (form.elements.auditorId.value && !region.textContent.trim()) check();
})();
`;

/** Stylesheets and scripts of these pages only (logical names must be unique across the app). */
export const ADMIN_ASSETS: AssetSource[] = [
  { logical: 'admin.css', contentType: 'text/css; charset=utf-8', body: ADMIN_STYLESHEET },
  { logical: 'admin-planning.js', contentType: 'text/javascript; charset=utf-8', body: PLANNING_SCRIPT },
];
