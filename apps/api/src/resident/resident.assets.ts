import { HashedAssets } from '../http/hashed-assets';

/* The marks the residents' page draws inline (the stylesheets, script and icon file are linked below). */

/** The quality mark: a house with a tick, in the page's navy and gold. */
export const MARK_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" aria-hidden="true" focusable="false">' +
  '<rect width="48" height="48" rx="10" fill="#f5b800"/>' +
  '<path d="M24 8 7 22h5v17h24V22h5z" fill="#10284b"/>' +
  '<path d="m17.5 29 4.5 4.5 9-9.5" fill="none" stroke="#f5b800" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/>' +
  '</svg>';

export const CHECK_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
  '<path d="m4.5 12.5 5 5L19.5 7" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" ' +
  'stroke-linejoin="round"/></svg>';

export const CROSS_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
  '<path d="M6 6l12 12M18 6 6 18" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round"/></svg>';

/**
 * The page's stylesheets, script and icon: files in ./public/, linked by their content-hashed names. The
 * base stylesheet and the icon are the web app's files (web/public/), one copy for both sets of pages.
 */
export const RESIDENT_ASSETS = new HashedAssets(new URL('./public/', import.meta.url), '/controleer/assets', [], {
  folder: new URL('../web/public/', import.meta.url),
  files: ['base.css', 'keurmerk.svg'],
});

const FILES = { base: 'base.css', stylesheet: 'controleer.css', script: 'controleer.js', icon: 'keurmerk.svg' };

export function assetUrl(which: keyof typeof FILES): string {
  return RESIDENT_ASSETS.url(FILES[which]);
}
