import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Reads a dated data file shipped in migrations/data, from source (tests) or from dist (built). */
export function readDataFile(name: string): string {
  const candidates = [join(here, 'data', name), join(here, '..', '..', 'migrations', 'data', name)];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`Data file ${name} not found in ${candidates.join(' or ')}`);
  return readFileSync(found, 'utf8');
}
