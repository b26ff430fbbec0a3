import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  occurredAt: string;
  actorKind: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** JSON with keys in a fixed order at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Each entry's hash covers its content and the previous entry's hash: changing or removing one breaks every later link. */
export function chainHash(previousHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

export interface ChainRow extends ChainedFields {
  id: string;
  previousHash: string;
  hash: string;
}

export interface ChainVerdict {
  valid: boolean;
  checked: number;
  /** The first entry whose link does not hold, and why. */
  brokenAt?: { id: string; reason: 'previous-hash-mismatch' | 'hash-mismatch' };
}

/** Checks a run of entries in id order, continuing from `previousHash`. */
export class ChainVerifier {
  private previous = GENESIS_HASH;
  private count = 0;
  private broken?: ChainVerdict['brokenAt'];

  feed(row: ChainRow): boolean {
    if (this.broken) return false;
    this.count++;
    if (row.previousHash !== this.previous) {
      this.broken = { id: row.id, reason: 'previous-hash-mismatch' };
      return false;
    }
    const { id: _id, previousHash: _p, hash, ...fields } = row;
    if (chainHash(row.previousHash, fields) !== hash) {
      this.broken = { id: row.id, reason: 'hash-mismatch' };
      return false;
    }
    this.previous = hash;
    return true;
  }

  verdict(): ChainVerdict {
    return { valid: !this.broken, checked: this.count, ...(this.broken ? { brokenAt: this.broken } : {}) };
  }
}
