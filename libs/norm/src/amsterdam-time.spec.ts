import { amsterdamInstant, amsterdamParts, startOfAmsterdamDay } from './amsterdam-time';
import { NormError } from './problem';

describe('Dutch wall-clock time', () => {
  it.each([
    ['2026-12-05', '2026-12-04T23:00:00.000Z'], // winter: UTC+1
    ['2027-06-01', '2027-05-31T22:00:00.000Z'], // summer: UTC+2
    ['2027-03-28', '2027-03-27T23:00:00.000Z'], // the day the clocks go forward (at 02:00)
    ['2027-03-29', '2027-03-28T22:00:00.000Z'],
    ['2027-10-31', '2027-10-30T22:00:00.000Z'], // the day the clocks go back (at 03:00)
    ['2027-11-01', '2027-10-31T23:00:00.000Z'],
  ])('starts %s at midnight in Amsterdam (%s)', (date, instant) => {
    expect(startOfAmsterdamDay(date).toISOString()).toBe(instant);
    expect(amsterdamParts(startOfAmsterdamDay(date))).toEqual({ date, time: '00:00' });
  });

  it('refuses what is not a date', () => {
    for (const date of ['2027-02-30', '2027-13-01', '27-01-01', '']) expect(() => startOfAmsterdamDay(date)).toThrow(NormError);
  });

  it('reads a wall-clock time on either side of a clock change', () => {
    expect(amsterdamInstant('2027-03-28', '01:30')?.toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(amsterdamInstant('2027-03-28', '03:30')?.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(amsterdamInstant('2027-03-28', '24:00')).toBeUndefined();
  });
});

describe('amsterdamInstant, as the planning forms read it', () => {
  it('reads Dutch wall-clock time in winter and in summer', () => {
    expect(amsterdamInstant('2026-12-07', '09:30')?.toISOString()).toBe('2026-12-07T08:30:00.000Z');
    expect(amsterdamInstant('2026-07-01', '09:30')?.toISOString()).toBe('2026-07-01T07:30:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    expect(amsterdamInstant('2026-03-29', '12:00')?.toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(amsterdamInstant('2026-10-25', '12:00')?.toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    for (const [date, time] of [
      ['2026-02-30', '09:00'],
      ['2026-12-07', '24:00'],
      ['7-12-2026', '09:00'],
      ['', ''],
      ['2026-12-07', '9:00'],
    ]) {
      expect(amsterdamInstant(date, time)).toBeUndefined();
    }
  });

  it('gives back the fields it came from', () => {
    const instant = amsterdamInstant('2026-12-07', '09:30')!;
    expect(amsterdamParts(instant)).toEqual({ date: '2026-12-07', time: '09:30' });
  });
});
