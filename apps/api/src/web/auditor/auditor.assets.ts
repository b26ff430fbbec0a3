import type { AssetSource } from '../web.assets';

/** The auditor's scripts (checklist, offline queue). The service worker itself is served at /app/sw.js. */
export const AUDITOR_ASSETS: AssetSource[] = [];
