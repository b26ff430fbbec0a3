import { createHash } from 'node:crypto';
import { allWebAssetUrls, serviceWorkerSource } from '../web.assets';

/**
 * The worker (public/sw.js) with this build's asset list to keep offline; its version changes
 * whenever an asset or the worker does, so a new build replaces the old cache.
 */
export function serviceWorkerScript(): string {
  const assets = allWebAssetUrls();
  const worker = serviceWorkerSource();
  const version = createHash('sha256').update(assets.join('\n')).update(worker).digest('hex').slice(0, 12);
  return `var VERSION = ${JSON.stringify(version)};\nvar ASSETS = ${JSON.stringify(assets)};\n${worker}`;
}
