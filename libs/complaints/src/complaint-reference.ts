import { randomInt } from 'node:crypto';

/** Read aloud or copied by hand: no 0/O, 1/I/L, and no U (which reads as V). */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_PATTERN = /^M-\d{4}-[2-9A-HJKMNP-TV-Z]{6}$/;

/**
 * A complaint reference such as `M-2026-7K3Q9X`: the year, and six random characters (30^6, about
 * 729 million a year), so references neither reveal how many complaints there are nor can be guessed.
 */
export function complaintReference(year: number, random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)];
  return `M-${year}-${code}`;
}

/** What a resident typed back: `m 2026 7k3q9x`, `M-2026-7K3Q9X` and `M2026-7K3Q9X` are one reference. */
export function normaliseComplaintReference(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const match = /^M(\d{4})([2-9A-HJKMNP-TV-Z]{6})$/.exec(compact);
  return match ? `M-${match[1]}-${match[2]}` : undefined;
}
