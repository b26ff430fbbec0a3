/** The web app's one stylesheet: plain CSS, system fonts, WCAG AA contrast, phone first. */
export const WEB_STYLESHEET = String.raw`
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 1rem; line-height: 1.5; color: #1b1b1b; background: #f2f4f7; overflow-wrap: break-word; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
a { color: #0b4fa0; text-underline-offset: 0.15em; }
a:hover { color: #083b78; text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
a:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 0; background: #ffdd00; color: #0b0c0c; text-decoration: none; }
.skip { position: absolute; left: -9999px; top: 0; }
.skip:focus { left: 1rem; top: 0.5rem; z-index: 10; padding: 0.5rem 1rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

header.site { background: #10284b; color: #fff; }
header.site .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem; padding-top: 0.6rem; padding-bottom: 0.6rem; }
.brand { display: flex; align-items: center; gap: 0.6rem; color: #fff; text-decoration: none; font-weight: 700; line-height: 1.2; }
.brand:hover { color: #fff; }
.brand svg { width: 2.25rem; height: 2.25rem; flex: none; }
.brand span span { display: block; font-weight: 400; font-size: 0.8125rem; color: #e3e9f2; }
.account { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.9rem; font-size: 0.9375rem; }
.account .who { display: flex; flex-direction: column; line-height: 1.2; }
.account .role { font-size: 0.8125rem; color: #e3e9f2; }
.account a, .account .link-button { color: #fff; }
.account form { margin: 0; }
header.site a:focus-visible, header.site button:focus-visible { outline: 3px solid #ffdd00; outline-offset: 2px; background: #ffdd00; color: #0b0c0c; }

nav.tabs { background: #fff; border-bottom: 1px solid #c9ced6; }
nav.tabs ul { list-style: none; margin: 0; padding: 0; display: flex; gap: 0.25rem; overflow-x: auto; scrollbar-width: thin; }
nav.tabs a { display: block; padding: 0.75rem 0.8rem; white-space: nowrap; text-decoration: none; color: #1b1b1b; border-bottom: 4px solid transparent; }
nav.tabs a:hover { border-bottom-color: #8a94a3; }
nav.tabs a[aria-current] { border-bottom-color: #0b4fa0; font-weight: 700; color: #0b4fa0; }

main.wrap { padding-top: 1.25rem; padding-bottom: 3rem; }
main:focus { outline: none; }
h1 { font-size: 1.625rem; line-height: 1.2; margin: 0.25rem 0 1rem; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 0 0 0.75rem; }
h3 { font-size: 1.0625rem; margin: 0 0 0.5rem; }
p { margin: 0 0 0.75rem; }
.lead { font-size: 1.125rem; }
.muted, .hint { color: #4a5260; font-size: 0.9375rem; }

.card { background: #fff; border: 1px solid #c9ced6; border-radius: 0.5rem; padding: 1rem 1.25rem; margin: 0 0 1.25rem; }
.card > :last-child { margin-bottom: 0; }
.cols { display: grid; grid-template-columns: 1fr; gap: 0 1.25rem; }
@media (min-width: 56rem) { .cols { grid-template-columns: 1fr 1fr; } .cols--wide-left { grid-template-columns: 2fr 1fr; } }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: 0.75rem; margin: 0 0 1.25rem; padding: 0; list-style: none; }
.stats li { background: #fff; border: 1px solid #c9ced6; border-radius: 0.5rem; padding: 0.75rem 1rem; }
.stats strong { display: block; font-size: 1.75rem; line-height: 1.1; color: #10284b; }
.stats a { text-decoration: none; color: inherit; display: block; }
.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.35rem 1rem; margin: 0 0 1rem; }
.facts dt { font-weight: 700; color: #3d4551; }
.facts dd { margin: 0; }
@media (max-width: 30rem) { .facts { grid-template-columns: 1fr; gap: 0; } .facts dd { margin-bottom: 0.5rem; } }

.table-wrap { overflow-x: auto; margin: 0 0 1.25rem; background: #fff; border: 1px solid #c9ced6; border-radius: 0.5rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9375rem; }
th, td { text-align: left; vertical-align: top; padding: 0.6rem 0.75rem; border-bottom: 1px solid #e1e5eb; }
thead th { background: #eef1f5; font-weight: 700; white-space: nowrap; }
tbody tr:last-child td { border-bottom: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
@media (max-width: 40rem) {
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.stack tr { display: block; padding: 0.5rem 0; border-bottom: 1px solid #c9ced6; }
  table.stack td { display: block; border: 0; padding: 0.2rem 0.75rem; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 700; color: #3d4551; }
  table.stack td.num { text-align: left; }
}

.badge { display: inline-block; padding: 0.1rem 0.55rem; border-radius: 1rem; font-size: 0.8125rem; font-weight: 700; border: 1px solid; white-space: nowrap; }
.badge--ok { background: #e6f4ea; color: #0b5a2b; border-color: #0a7a3a; }
.badge--warn { background: #fff4d6; color: #6b4a00; border-color: #b37a00; }
.badge--bad { background: #fdeceb; color: #8a1c15; border-color: #b3261e; }
.badge--info { background: #e8f0fb; color: #0b3f80; border-color: #0b4fa0; }
.badge--neutral { background: #eef1f5; color: #3d4551; border-color: #8a94a3; }

.notice { padding: 0.75rem 1rem; margin: 0 0 1rem; background: #e6f4ea; border-left: 0.4rem solid #0a7a3a; border-radius: 0.25rem; }
.warning { padding: 0.75rem 1rem; margin: 0 0 1rem; background: #fff4d6; border-left: 0.4rem solid #b37a00; border-radius: 0.25rem; }
.error-summary { padding: 0.9rem 1rem; margin: 0 0 1.25rem; border: 3px solid #b3261e; background: #fff; border-radius: 0.25rem; }
.error-summary h2 { font-size: 1.125rem; color: #8a1c15; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: #8a1c15; font-weight: 700; }
.empty { padding: 1.25rem; background: #fff; border: 1px dashed #8a94a3; border-radius: 0.5rem; margin: 0 0 1.25rem; }

form { margin: 0; }
.field { margin: 0 0 1rem; }
.field label, .label { display: block; font-weight: 700; margin: 0 0 0.25rem; }
.field .hint { margin: 0 0 0.25rem; }
.field .error { margin: 0 0 0.25rem; color: #8a1c15; font-weight: 700; }
.field--error { border-left: 4px solid #b3261e; padding-left: 0.75rem; }
input[type=text], input[type=email], input[type=password], input[type=number], input[type=date], input[type=search], input[type=url], input[type=file], select, textarea {
  display: block; width: 100%; max-width: 32rem; font: inherit; padding: 0.5rem 0.6rem; border: 2px solid #4a5260; border-radius: 0.25rem; background: #fff; color: #1b1b1b; min-height: 2.75rem; }
input[type=number] { max-width: 10rem; }
textarea { max-width: 48rem; min-height: 6rem; }
input[aria-invalid=true], select[aria-invalid=true], textarea[aria-invalid=true] { border-color: #b3261e; }
fieldset { border: 0; padding: 0; margin: 0 0 1rem; min-width: 0; }
legend { font-weight: 700; padding: 0; margin: 0 0 0.35rem; }
.choices { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.choices label { display: flex; align-items: center; gap: 0.4rem; padding: 0.45rem 0.8rem; border: 2px solid #8a94a3; border-radius: 0.25rem; background: #fff; cursor: pointer; min-height: 2.75rem; font-weight: 400; }
.choices input { width: 1.2rem; height: 1.2rem; margin: 0; }
.choices label:has(input:checked) { border-color: #0b4fa0; background: #e8f0fb; font-weight: 700; }
.inline-form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem 0.75rem; }
.inline-form .field { margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1rem 0; }

.button, button { display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem; font: inherit; font-weight: 700; padding: 0.55rem 1.1rem; min-height: 2.75rem; border-radius: 0.25rem; border: 2px solid #0b4fa0; background: #0b4fa0; color: #fff; cursor: pointer; text-decoration: none; }
.button:hover, button:hover { background: #083b78; border-color: #083b78; color: #fff; }
.button--secondary, button.button--secondary { background: #fff; color: #0b4fa0; }
.button--secondary:hover, button.button--secondary:hover { background: #e8f0fb; color: #083b78; }
.button--danger, button.button--danger { background: #b3261e; border-color: #b3261e; }
.button--danger:hover, button.button--danger:hover { background: #8a1c15; border-color: #8a1c15; }
button:disabled { opacity: 0.6; cursor: not-allowed; }
.link-button { background: none; border: 0; padding: 0; min-height: 0; font-weight: 400; color: #0b4fa0; text-decoration: underline; text-underline-offset: 0.15em; }
.link-button:hover { background: none; color: #083b78; }

.pager { display: flex; gap: 1rem; align-items: center; margin: 0 0 1.25rem; }
.filters { background: #fff; border: 1px solid #c9ced6; border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 0 0 1rem; }

.sign-in { max-width: 26rem; }
.diff-added { background: #e6f4ea; }
.diff-removed { background: #fdeceb; text-decoration: line-through; }
.diff-changed { background: #fff4d6; }
@media print { header.site, nav.tabs, .actions, form { display: none; } body { background: #fff; } }
`;

/** Small enhancements for every page; the pages work without them. */
export const WEB_SCRIPT = String.raw`
(function () {
  'use strict';
  // An error summary takes focus so screen-reader and keyboard users land on what to fix.
  var summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
  // Buttons that undo something ask first.
  document.addEventListener('submit', function (event) {
    var button = event.submitter;
    var question = (button && button.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) event.preventDefault();
  });
})();
`;
