import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/*
 * The web app's stylesheets, scripts and icon are plain files in ./public/: linted as what they are
 * (eslint.config.js), copied into dist by the build, sent by @fastify/static. The Content-Security-
 * Policy allows no inline style or script, so pages link them under /app/assets/ by a name that
 * carries their content hash (`app.3f2a….css`): a browser may keep them for a year and still gets
 * a change at once. The auditor's service worker (public/sw.js) is the exception: it must keep one
 * address, so it is served at /app/sw.js (auditor/service-worker.ts) and never cached.
 */

export const WEB_PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
export const WEB_ASSET_PATH = '/app/assets';
const SERVICE_WORKER_FILE = 'sw.js';

export interface WebAsset {
  /** The file in ./public/ and the name pages refer to: `app.css`. */
  logical: string;
  /** The name it is served under: `app.3f2a….css`. */
  name: string;
}

/** Read once at start; a file changes only with a new build. */
function loadAssets(): WebAsset[] {
  return readdirSync(WEB_PUBLIC_DIR)
    .filter((file) => file !== SERVICE_WORKER_FILE)
    .sort()
    .map((logical) => {
      const hash = createHash('sha256').update(readFileSync(`${WEB_PUBLIC_DIR}${logical}`)).digest('hex').slice(0, 12);
      const dot = logical.lastIndexOf('.');
      return { logical, name: `${logical.slice(0, dot)}.${hash}${logical.slice(dot)}` };
    });
}

const ASSETS = loadAssets();
const BY_LOGICAL = new Map(ASSETS.map((asset) => [asset.logical, asset]));
const BY_NAME = new Map(ASSETS.map((asset) => [asset.name, asset]));

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

/** The service worker's source, as written in ./public/. */
export function serviceWorkerSource(): string {
  return readFileSync(`${WEB_PUBLIC_DIR}${SERVICE_WORKER_FILE}`, 'utf8');
}

/** Gives every reply `sendFile` from ./public/; the routes that use it decide the names and headers. */
export async function registerWebAssets(fastify: FastifyInstance): Promise<void> {
  await fastify.register(fastifyStatic, { root: WEB_PUBLIC_DIR, serve: false });
}

/** A hashed asset: its content never changes under this name, so every cache may keep it for a year. */
export function sendWebAsset(reply: FastifyReply, asset: WebAsset): FastifyReply {
  return reply.sendFile(asset.logical, { maxAge: 31_536_000_000, immutable: true });
}
