import { readFileSync } from 'node:fs';
import { HashedAssets } from '../http/hashed-assets';

/*
 * The web app's stylesheets, scripts and icon: files in ./public/, linked under /app/assets/ by their
 * content-hashed names (see http/hashed-assets.ts). The auditor's service worker (public/sw.js) is the
 * exception: it must keep one address, so it is served at /app/sw.js (auditor/service-worker.ts) and
 * never cached.
 */

const SERVICE_WORKER_FILE = 'sw.js';

export const WEB_ASSETS = new HashedAssets(new URL('./public/', import.meta.url), '/app/assets', [SERVICE_WORKER_FILE]);

export function webAssetUrl(logical: string): string {
  return WEB_ASSETS.url(logical);
}

/** Every asset's URL, for the offline cache of the service worker. */
export function allWebAssetUrls(): string[] {
  return WEB_ASSETS.urls();
}

/** The service worker's source, as written in ./public/. */
export function serviceWorkerSource(): string {
  return readFileSync(`${WEB_ASSETS.dir}/${SERVICE_WORKER_FILE}`, 'utf8');
}
