import type { AssetSource } from '../web.assets';
import { AUDITOR_SCRIPT } from './auditor.client';
import { CAPACITY_SCRIPT } from './capacity.client';

/** The checklist's layout: phone first, one criterion under the other, the capacity always in view. */
const AUDITOR_STYLESHEET = String.raw`
.js-enhanced .no-js-only { display: none; }
/* The shared button style sets display, which would show a [hidden] button. */
.checklist [hidden] { display: none !important; }
.late { color: #8a1c15; font-weight: 700; }
.count { font-weight: 400; color: #4a5260; }
table.inspections td:first-child a { font-weight: 700; }

.capacity-bar { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; margin: 0 -1rem 1rem; padding: 0.6rem 1rem; background: #10284b; color: #fff; }
.capacity-bar p { margin: 0; }
.capacity-figure strong { font-size: 1.5rem; line-height: 1; margin: 0 0.15rem; }
.capacity-of { color: #e3e9f2; font-size: 0.9375rem; }
.sync-state { font-size: 0.9375rem; color: #fff; flex: 1 1 12rem; }
.capacity-bar .sync-now { min-height: 2.25rem; padding: 0.3rem 0.8rem; }
.capacity-bar .sync-now:focus-visible { outline: 3px solid #ffdd00; }
@media (min-width: 40rem) { .capacity-bar { margin: 0 0 1.25rem; border-radius: 0.5rem; } }

.section-index ul { list-style: none; margin: 0 0 1.25rem; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }
.section-index a { display: inline-block; padding: 0.35rem 0.7rem; border: 1px solid #c9ced6; border-radius: 1rem; background: #fff; text-decoration: none; }

.norm-section { margin: 0 0 1.5rem; scroll-margin-top: 4.5rem; }
.criterion { background: #fff; border: 1px solid #c9ced6; border-left: 0.4rem solid #8a94a3; border-radius: 0.5rem; padding: 0.9rem 1rem; margin: 0 0 0.9rem; scroll-margin-top: 4.5rem; }
.criterion--answered { border-left-color: #0a7a3a; }
.criterion--failed { border-left-color: #b3261e; }
.criterion-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: flex-start; gap: 0.25rem 0.75rem; margin: 0 0 0.4rem; }
.criterion-head h3 { margin: 0; flex: 1 1 14rem; }
.criterion-head .code { display: inline-block; margin-right: 0.35rem; color: #3d4551; font-variant-numeric: tabular-nums; }
.guidance { margin: 0 0 0.75rem; font-size: 0.9375rem; }
.guidance summary, .remark summary { cursor: pointer; color: #0b4fa0; min-height: 2rem; }
.guidance p { margin: 0.4rem 0 0; color: #3d4551; }
.criterion fieldset { margin-bottom: 0.5rem; }
.criterion .field { margin-bottom: 0.5rem; }
.measure-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
.supports { font-weight: 700; color: #0b5a2b; }
.supports--none { color: #8a1c15; }
.remark { margin: 0 0 0.5rem; }
.remark textarea { min-height: 4.5rem; }
.answer-foot { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
.answer-state { margin: 0; font-size: 0.9375rem; color: #0b5a2b; }
.answer-state:empty { display: none; }
.answer-state--waiting { color: #6b4a00; }
.answer-state--error { color: #8a1c15; font-weight: 700; }
.evidence { border-top: 1px solid #e1e5eb; margin-top: 0.5rem; padding-top: 0.6rem; }
.evidence-list { margin: 0 0 0.5rem; padding-left: 1.25rem; font-size: 0.9375rem; }
.evidence-list:empty { display: none; }
.photo { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; }
.photo-label { font-weight: 700; flex: 1 0 100%; }
.photo input[type=file] { flex: 1 1 14rem; max-width: 24rem; }
.answer-facts { margin: 0; }
.submit-card .error { color: #8a1c15; font-weight: 700; }
.unanswered { display: flex; flex-wrap: wrap; gap: 0.25rem 0.9rem; list-style: none; padding: 0; margin: 0; }
.result .stats strong { color: #10284b; }
`;

/** The auditor's scripts (checklist, offline queue). The service worker itself is served at /app/sw.js. */
export const AUDITOR_ASSETS: AssetSource[] = [
  { logical: 'auditor.css', contentType: 'text/css; charset=utf-8', body: AUDITOR_STYLESHEET },
  { logical: 'auditor-capacity.js', contentType: 'text/javascript; charset=utf-8', body: CAPACITY_SCRIPT },
  { logical: 'auditor.js', contentType: 'text/javascript; charset=utf-8', body: AUDITOR_SCRIPT },
];
