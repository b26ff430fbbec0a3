import { describe, expect, it } from '@jest/globals';
import { amsterdamInstant, amsterdamParts, pageRequest } from './page-parts';

describe('amsterdamInstant', () => {
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

describe('pageRequest', () => {
  it('takes a positive page number and falls back to the first page', () => {
    expect(pageRequest('3')).toEqual({ page: 3, pageSize: 20 });
    for (const value of ['0', '-1', 'x', undefined, ['2'], '1e3']) expect(pageRequest(value).page).toBe(1);
  });
});
