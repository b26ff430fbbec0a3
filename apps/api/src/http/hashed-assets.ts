import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/*
 * Stylesheets, scripts and icons are plain files in a `public/` folder beside the code that links
 * them: linted as what they are (eslint.config.mjs), copied into dist by `npm run build`, sent by
 * @fastify/static. The Content-Security-Policy allows no inline style or script, so pages link them
 * under a name that carries their content hash (`app.3f2a….css`): a browser may keep them for a
 * year and still gets a change at once, and an old name after a deploy answers 404, never new content.
 */

export interface HashedAsset {
  /** The file in the folder, and the name pages refer to: `app.css`. */
  logical: string;
  /** The name it is served under: `app.3f2a….css`. */
  name: string;
  /** The folder it is read from. */
  dir: string;
}

/** Files another folder holds that these pages link too (one copy of what two sets of pages share). */
export interface SharedAssets {
  folder: URL;
  files: string[];
}

export class HashedAssets {
  readonly dir: string;
  private readonly byLogical: Map<string, HashedAsset>;
  private readonly byName: Map<string, HashedAsset>;

  /** Reads and hashes the folder's files (and the shared ones) once, at start: a file changes only with a new build. */
  constructor(
    folder: URL,
    readonly path: string,
    except: string[] = [],
    shared?: SharedAssets,
  ) {
    this.dir = fileURLToPath(folder);
    const own = readdirSync(this.dir)
      .filter((file) => !except.includes(file))
      .map((logical) => hashed(this.dir, logical));
    const borrowed = shared ? shared.files.map((logical) => hashed(fileURLToPath(shared.folder), logical)) : [];
    const assets = [...own, ...borrowed].sort((a, b) => a.logical.localeCompare(b.logical));
    this.byLogical = new Map(assets.map((asset) => [asset.logical, asset]));
    this.byName = new Map(assets.map((asset) => [asset.name, asset]));
  }

  url(logical: string): string {
    const asset = this.byLogical.get(logical);
    if (!asset) throw new Error(`No asset named ${logical} in ${this.path}`);
    return `${this.path}/${asset.name}`;
  }

  urls(): string[] {
    return [...this.byName.keys()].map((name) => `${this.path}/${name}`);
  }

  find(name: string): HashedAsset | undefined {
    return this.byName.get(name);
  }

  /** A hashed asset: its content never changes under this name, so every cache may keep it for a year. */
  send(reply: FastifyReply, asset: HashedAsset): FastifyReply {
    return reply.sendFile(asset.logical, asset.dir, { maxAge: 31_536_000_000, immutable: true });
  }
}

function hashed(dir: string, logical: string): HashedAsset {
  const hash = createHash('sha256')
    .update(readFileSync(`${dir}/${logical}`))
    .digest('hex')
    .slice(0, 12);
  const dot = logical.lastIndexOf('.');
  return { logical, name: `${logical.slice(0, dot)}.${hash}${logical.slice(dot)}`, dir };
}

/** Gives every reply `sendFile`; the routes that use it decide the folder, the names and the headers. */
export async function registerStaticFiles(fastify: FastifyInstance): Promise<void> {
  await fastify.register(fastifyStatic, { root: fileURLToPath(new URL('../', import.meta.url)), serve: false });
}
