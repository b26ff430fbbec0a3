import { addDays, addMonths, dateInAmsterdam, dayOfWeek, isIsoDate, NormError } from './index';

describe('isIsoDate', () => {
  it.each([
    ['2026-01-01', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['1500-01-01', false],
    [20260101, false],
    [null, false],
  ])('%p → %p', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-10-15', 3, '2027-01-15'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-05-31', -3, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-08-31', 0, '2026-08-31'],
    ['2026-01-31', 12, '2027-01-31'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('rejects a non-date', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(NormError);
  });
});

describe('addDays and dayOfWeek', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-29', 1, '2026-03-30'], // the night the Dutch clocks go forward
    ['2026-10-25', 1, '2026-10-26'], // and back
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-01-01', 4],
    ['2026-04-05', 0],
    ['2025-04-27', 0],
    ['2026-12-26', 6],
  ])('%s falls on weekday %i', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });
});

describe('dateInAmsterdam', () => {
  it.each([
    ['2026-12-31T23:30:00Z', '2027-01-01'], // winter: UTC+1
    ['2026-12-31T22:59:59Z', '2026-12-31'],
    ['2026-06-30T22:00:00Z', '2026-07-01'], // summer: UTC+2
    ['2026-06-30T21:59:59Z', '2026-06-30'],
  ])('%s is %s in the Netherlands', (instant, expected) => {
    expect(dateInAmsterdam(new Date(instant))).toBe(expected);
  });

  it('rejects an invalid instant', () => {
    expect(() => dateInAmsterdam(new Date('nonsense'))).toThrow(NormError);
  });
});
