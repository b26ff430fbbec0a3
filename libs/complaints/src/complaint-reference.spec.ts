import { complaintReference, normaliseComplaintReference, REFERENCE_ALPHABET, REFERENCE_PATTERN } from './complaint-reference';

describe('complaint references', () => {
  it('draws six characters after the year', () => {
    for (let i = 0; i < 200; i++) expect(complaintReference(2026)).toMatch(REFERENCE_PATTERN);
  });

  it('uses every character of the alphabet and none that is ambiguous', () => {
    expect(REFERENCE_ALPHABET).toHaveLength(30);
    expect(REFERENCE_ALPHABET).not.toMatch(/[01ILOU]/);
    let n = 0;
    expect(complaintReference(2026, () => n++ % 30)).toBe('M-2026-234567');
    for (const character of REFERENCE_ALPHABET) expect(`M-2026-${character.repeat(6)}`).toMatch(REFERENCE_PATTERN);
  });

  it.each([
    ['M-2026-7K3Q9X', 'M-2026-7K3Q9X'],
    ['m 2026 7k3q9x', 'M-2026-7K3Q9X'],
    ['M2026-7K3Q9X', 'M-2026-7K3Q9X'],
    ['M-2026-7K3Q9O', undefined],
    ['M-26-7K3Q9X', undefined],
  ])('reads %j as %s', (input, expected) => {
    expect(normaliseComplaintReference(input)).toBe(expected);
  });
});
