import { FixedClock } from './clock';

describe('Clock.today', () => {
  it.each([
    // 01:30 in Amsterdam (summer time, UTC+2) on 1 July: the UTC date is still 30 June.
    ['2026-06-30T23:30:00Z', '2026-07-01'],
    ['2026-06-30T21:59:59Z', '2026-06-30'],
    ['2026-06-30T22:00:00Z', '2026-07-01'],
    // Winter time, UTC+1.
    ['2026-12-31T22:59:59Z', '2026-12-31'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
    // The night the clocks go back (25 October 2026, 03:00 CEST → 02:00 CET).
    ['2026-10-24T22:30:00Z', '2026-10-25'],
    ['2026-10-25T22:59:00Z', '2026-10-25'],
  ])('at %s is %s in Amsterdam', (instant, expected) => {
    expect(new FixedClock(new Date(instant)).today()).toBe(expected);
  });

  it('follows the clock when it moves, also within the memo of the same minute on another day', () => {
    const clock = new FixedClock(new Date('2026-06-30T21:30:00Z'));
    expect(clock.today()).toBe('2026-06-30');
    clock.set(new Date('2026-06-30T23:30:00Z'));
    expect(clock.today()).toBe('2026-07-01');
    clock.advance(-2 * 3600_000);
    expect(clock.today()).toBe('2026-06-30');
  });
});
