import type { AssetSource } from '../web.assets';

/**
 * The certifier's pages. The decision page puts the result, findings and form beside the answers on
 * a desktop and above them on a phone (where the answers are long to scroll past).
 */
const CERTIFIER_STYLESHEET = String.raw`
.waiting .decide-link { font-weight: 700; }
.result-summary { display: inline-flex; flex-wrap: wrap; gap: 0.25rem 0.4rem; align-items: center; }
.back { margin: -0.5rem 0 1rem; }
.decision-layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 1.25rem; }
@media (min-width: 60rem) {
  .decision-layout { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); align-items: start; }
  .decision-aside { grid-column: 2; grid-row: 1; }
  .answers { grid-column: 1; grid-row: 1; }
}
.decision-aside .stats { grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: 0.5rem; }
.decision-aside .stats li { padding: 0.5rem 0.75rem; line-height: 1.3; }
.decision-aside .stats strong { font-size: 1.375rem; }
.answers > h2 { margin-top: 0.25rem; }
.norm-section h3 { font-size: 1.125rem; }
.answer-list, .finding-list, .photos, .review-list { list-style: none; margin: 0; padding: 0; }
.answer { border-top: 1px solid #e1e5eb; padding: 0.6rem 0; scroll-margin-top: 1rem; }
.answer:first-child { border-top: 0; padding-top: 0; }
.answer--failed { border-left: 0.3rem solid #b3261e; padding-left: 0.6rem; }
.answer-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: flex-start; gap: 0.25rem 0.75rem; }
.answer-head h4 { margin: 0; font-size: 1rem; font-weight: 400; }
.code { font-weight: 700; font-variant-numeric: tabular-nums; margin-right: 0.2rem; }
.measurement, .remark { margin: 0.25rem 0 0; }
.remark { white-space: pre-line; }
.photos { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0 0; }
.photos img { display: block; width: 10rem; height: 7.5rem; object-fit: cover; border: 1px solid #c9ced6; border-radius: 0.35rem; background: #eef1f5; }
.finding-list li { border-top: 1px solid #e1e5eb; padding: 0.5rem 0; }
.finding-list li:first-child { border-top: 0; padding-top: 0; }
.finding-list p { margin: 0 0 0.25rem; }
.finding-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.6rem; }
.decision-result .remark { margin-top: 0.5rem; }
.review h2 { font-size: 1.125rem; }
.review .cols { margin-top: 0.75rem; }
`;

/** Stylesheets and scripts of these pages only (logical names must be unique across the app). */
export const CERTIFIER_ASSETS: AssetSource[] = [{ logical: 'certifier.css', contentType: 'text/css; charset=utf-8', body: CERTIFIER_STYLESHEET }];
