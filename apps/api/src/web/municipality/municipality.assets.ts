import type { AssetSource } from '../web.assets';

const MUNICIPALITY_STYLESHEET = String.raw`
.secret { display: block; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9375rem; padding: 0.6rem 0.75rem; background: #fff; border: 2px dashed #4a5260; border-radius: 0.25rem; word-break: break-all; margin: 0.5rem 0 0.75rem; user-select: all; }
.url { word-break: break-all; }
.row-actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
.attempts { margin: 0; padding-left: 1.1rem; }
.filters .inline-form select { min-width: 12rem; }
`;

/** Stylesheets and scripts of these pages only (logical names must be unique across the app). */
export const MUNICIPALITY_ASSETS: AssetSource[] = [{ logical: 'municipality.css', contentType: 'text/css; charset=utf-8', body: MUNICIPALITY_STYLESHEET }];
