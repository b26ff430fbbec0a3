import { drawSample, monthlyShare, percentageShare, sampleRank, sampleSize, sharePercentage } from './sample';

describe('the random sample', () => {
  it.each([
    [20, 10, 2],
    [21, 10, 3],
    [0, 10, 0],
    [1, 1, 1],
    [99, 100, 99],
    [1_000_000, 10, 100_000],
    [3, 34, 2],
  ])('ceil(%i × %i %%) is %i', (eligible, percentage, expected) => {
    expect(sampleSize(eligible, percentageShare(percentage))).toBe(expected);
  });

  it.each([
    [1_000_000, 10, 8334],
    [1200, 10, 10],
    [20, 10, 1],
    [20, 0, 0],
  ])('each month, ceil(%i × %i %% / 12) is %i', (eligible, yearly, expected) => {
    expect(sampleSize(eligible, monthlyShare(yearly))).toBe(expected);
  });

  it('records the share as a percentage with four decimals', () => {
    expect(sharePercentage(percentageShare(10))).toBe(10);
    expect(sharePercentage(monthlyShare(10))).toBe(0.8333);
  });

  it('is the same draw for the same seed and set, whatever the order of the set, and another for another seed', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const first = drawSample('c0ffee', ids, percentageShare(10));
    expect(first).toHaveLength(5);
    expect(drawSample('c0ffee', [...ids].reverse(), percentageShare(10))).toEqual(first);
    expect(drawSample('C0FFEE', ids, percentageShare(10))).toEqual(first);
    expect(drawSample('c0ffef', ids, percentageShare(10))).not.toEqual(first);
  });

  it('hashes the seed as bytes followed by the id as text', () => {
    // printf '\x00a' | sha256sum
    expect(sampleRank('00', 'a').toString('hex')).toBe('022a6979e6dab7aa5ae4c3e5e45f7e977112a7e63593820dbec1ec738a24f93c');
  });
});
