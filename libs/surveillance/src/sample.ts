import { createHash } from 'node:crypto';

/**
 * The random sample, as an auditor of the scheme recomputes it: order the ids of the eligible
 * locations (those holding a `geldig` certificate on the day of the draw) by SHA-256 of the seed's
 * bytes followed by the id's text (lower-case UUID, UTF-8), and take the first
 * ceil(eligible × percentage / 100). The database computes the same order in SQL
 * (sample-draw.repository.ts); the e2e test keeps the two equal.
 */
export function sampleRank(seedHex: string, locationId: string): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(seedHex, 'hex'), Buffer.from(locationId.toLowerCase(), 'utf8')]))
    .digest();
}

/** The draw over `eligible` ids, in draw order. */
export function drawSample(seedHex: string, eligible: readonly string[], share: SampleShare): string[] {
  const ranked = eligible
    .map((id) => ({ id, rank: sampleRank(seedHex, id) }))
    .sort((a, b) => Buffer.compare(a.rank, b.rank) || (a.id < b.id ? -1 : 1));
  return ranked.slice(0, sampleSize(eligible.length, share)).map((r) => r.id);
}

/**
 * A share as an exact fraction, so that ceil() never suffers from floating point: a draw asked
 * through the API is percentage/100; the worker's monthly draw is (yearly percentage)/1200.
 */
export interface SampleShare {
  numerator: number;
  denominator: number;
}

export function percentageShare(percentage: number): SampleShare {
  return { numerator: percentage, denominator: 100 };
}

/** One twelfth of the yearly percentage, drawn each month. */
export function monthlyShare(yearlyPercentage: number): SampleShare {
  return { numerator: yearlyPercentage, denominator: 1200 };
}

/** The share as a percentage, as recorded (four decimals: 10 % a year is 0.8333 % a month). */
export function sharePercentage(share: SampleShare): number {
  return Math.round((share.numerator * 100 * 10_000) / share.denominator) / 10_000;
}

/** ceil(eligible × share): at least one location from any non-empty set with a share above zero. */
export function sampleSize(eligible: number, share: SampleShare): number {
  if (!Number.isSafeInteger(eligible) || eligible < 0) throw new RangeError(`eligible must be a whole number ≥ 0, got ${eligible}`);
  if (!Number.isSafeInteger(share.numerator) || !Number.isSafeInteger(share.denominator) || share.numerator < 0 || share.denominator <= 0) {
    throw new RangeError('a share is a fraction of whole numbers');
  }
  return Math.min(eligible, Math.ceil((eligible * share.numerator) / share.denominator));
}
