import { createHash } from 'node:crypto';
import { MARK_SVG } from '../resident/resident.assets';
import { ADMIN_ASSETS } from './admin/admin.assets';
import { AUDITOR_ASSETS } from './auditor/auditor.assets';
import { CERTIFIER_ASSETS } from './certifier/certifier.assets';
import { LANDLORD_ASSETS } from './landlord/landlord.assets';
import { MUNICIPALITY_ASSETS } from './municipality/municipality.assets';
import { WEB_SCRIPT, WEB_STYLESHEET } from './web.styles';

/*
 * The web app's stylesheet, scripts and icon. The Content-Security-Policy allows no inline style or
 * script, so they are files under /app/assets/, named by their content hash so a browser may keep
 * them for a year and still gets a change at once. They live in TypeScript strings because the
 * build (tsc) copies nothing else into dist.
 */

export interface WebAsset {
  /** The name pages refer to: `app.css`. */
  logical: string;
  /** The name it is served under: `app.3f2a….css`. */
  name: string;
  contentType: string;
  body: string;
}

export interface AssetSource {
  logical: string;
  contentType: string;
  body: string;
}

function hashed(source: AssetSource): WebAsset {
  const hash = createHash('sha256').update(source.body).digest('hex').slice(0, 12);
  const dot = source.logical.lastIndexOf('.');
  return { ...source, name: `${source.logical.slice(0, dot)}.${hash}${source.logical.slice(dot)}` };
}

const SOURCES: AssetSource[] = [
  { logical: 'app.css', contentType: 'text/css; charset=utf-8', body: WEB_STYLESHEET },
  { logical: 'app.js', contentType: 'text/javascript; charset=utf-8', body: WEB_SCRIPT },
  { logical: 'keurmerk.svg', contentType: 'image/svg+xml', body: MARK_SVG.replace(' aria-hidden="true" focusable="false"', '') },
  ...AUDITOR_ASSETS,
  ...LANDLORD_ASSETS,
  ...CERTIFIER_ASSETS,
  ...ADMIN_ASSETS,
  ...MUNICIPALITY_ASSETS,
];

const ASSETS = SOURCES.map(hashed);
const BY_LOGICAL = new Map(ASSETS.map((asset) => [asset.logical, asset]));
const BY_NAME = new Map(ASSETS.map((asset) => [asset.name, asset]));

export const WEB_ASSET_PATH = '/app/assets';

export function webAssetUrl(logical: string): string {
  const asset = BY_LOGICAL.get(logical);
  if (!asset) throw new Error(`No web asset named ${logical}`);
  return `${WEB_ASSET_PATH}/${asset.name}`;
}

export function findWebAsset(name: string): WebAsset | undefined {
  return BY_NAME.get(name);
}

/** Every asset's URL, for the offline cache of the service worker. */
export function allWebAssetUrls(): string[] {
  return ASSETS.map((asset) => `${WEB_ASSET_PATH}/${asset.name}`);
}
