import type { AssetSource } from '../web.assets';

/** The landlord's pages: deadlines that say their urgency, findings with their repair form. */
const LANDLORD_STYLESHEET = String.raw`
.locations .location-link { font-weight: 700; }
.locations .cert-number { display: inline-block; font-size: 0.875rem; color: #3d4551; }
.cert-number { font-variant-numeric: tabular-nums; }
.deadlines { list-style: none; margin: 0; padding: 0; }
.deadline { margin: 0 0 0.2rem; }
.deadline-flag { display: inline-block; font-size: 0.8125rem; font-weight: 700; padding: 0 0.4rem; border-radius: 0.25rem; border: 1px solid; }
.deadline-flag--overdue { color: #8a1c15; background: #fdeceb; border-color: #b3261e; }
.deadline-flag--soon { color: #6b4a00; background: #fff4d6; border-color: #b37a00; }
.back { margin: -0.5rem 0 1rem; }
.cert-number { white-space: nowrap; }
.earlier-certs { margin: 0; padding-left: 1.25rem; }
.location-form input.short { max-width: 10rem; }
.location-form > fieldset > legend { font-size: 1.125rem; }
.findings, .reports { list-style: none; margin: 0; padding: 0; }
.finding { border: 1px solid #c9ced6; border-left: 0.4rem solid #8a94a3; border-radius: 0.5rem; padding: 0.8rem 1rem; margin: 0 0 0.9rem; scroll-margin-top: 1rem; }
.finding--open { border-left-color: #b3261e; }
.finding--herstel-gemeld { border-left-color: #b37a00; }
.finding--gesloten { border-left-color: #0a7a3a; }
.finding h3 .code { font-variant-numeric: tabular-nums; margin-right: 0.25rem; }
.finding-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.6rem; }
.report { background: #f6f7f9; border-radius: 0.35rem; padding: 0.6rem 0.8rem; margin: 0 0 0.6rem; }
.report-text { white-space: pre-line; }
.repair-form, .upload-form { margin-top: 0.75rem; }
.application { border-top: 1px solid #e1e5eb; padding-top: 0.75rem; margin-top: 0.75rem; }
.application h3 { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.5rem; }
`;

/** Stylesheets and scripts of these pages only (logical names must be unique across the app). */
export const LANDLORD_ASSETS: AssetSource[] = [{ logical: 'landlord.css', contentType: 'text/css; charset=utf-8', body: LANDLORD_STYLESHEET }];
