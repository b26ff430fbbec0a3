import { addWorkingDays, dutchPublicHolidays, easterSunday, isDutchPublicHoliday, isWorkingDay, NormError } from './index';

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
    [2000, '2000-04-23'],
  ])('%i: %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('dutchPublicHolidays', () => {
  it('lists the Algemene termijnenwet days of 2026', () => {
    expect(dutchPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nieuwjaarsdag' },
      { date: '2026-04-03', name: 'Goede Vrijdag' },
      { date: '2026-04-06', name: 'Tweede Paasdag' },
      { date: '2026-04-27', name: 'Koningsdag' },
      { date: '2026-05-05', name: 'Bevrijdingsdag' },
      { date: '2026-05-14', name: 'Hemelvaartsdag' },
      { date: '2026-05-25', name: 'Tweede Pinksterdag' },
      { date: '2026-12-25', name: 'Eerste Kerstdag' },
      { date: '2026-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  it('lists the Algemene termijnenwet days of 2027', () => {
    expect(dutchPublicHolidays(2027)).toEqual([
      { date: '2027-01-01', name: 'Nieuwjaarsdag' },
      { date: '2027-03-26', name: 'Goede Vrijdag' },
      { date: '2027-03-29', name: 'Tweede Paasdag' },
      { date: '2027-04-27', name: 'Koningsdag' },
      { date: '2027-05-05', name: 'Bevrijdingsdag' },
      { date: '2027-05-06', name: 'Hemelvaartsdag' },
      { date: '2027-05-17', name: 'Tweede Pinksterdag' },
      { date: '2027-12-25', name: 'Eerste Kerstdag' },
      { date: '2027-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  it.each([
    [2025, '2025-04-26'], // 27 April 2025 was a Sunday
    [2026, '2026-04-27'],
    [2031, '2031-04-26'], // 27 April 2031 is a Sunday
    [2036, '2036-04-26'],
  ])('Koningsdag %i is %s', (year, expected) => {
    expect(dutchPublicHolidays(year).find((holiday) => holiday.name === 'Koningsdag')?.date).toBe(expected);
  });

  it('keeps both names when Hemelvaartsdag falls on 5 May', () => {
    const days = dutchPublicHolidays(2016).filter((holiday) => holiday.date === '2016-05-05');
    expect(days.map((holiday) => holiday.name).sort()).toEqual(['Bevrijdingsdag', 'Hemelvaartsdag']);
  });
});

describe('isDutchPublicHoliday', () => {
  it.each([
    ['2026-01-01', true],
    ['2026-04-03', true],
    ['2026-04-05', false], // Easter Sunday: a Sunday, not on the Atw list
    ['2026-04-06', true],
    ['2025-04-26', true],
    ['2025-04-27', false],
    ['2026-04-26', false],
    ['2026-05-05', true],
    ['2026-05-15', false], // the Friday after Ascension is only a decree day
    ['2026-12-24', false],
    ['2026-12-31', false],
  ])('%s → %p', (date, expected) => {
    expect(isDutchPublicHoliday(date)).toBe(expected);
  });

  it('rejects a malformed date', () => {
    expect(() => isDutchPublicHoliday('26-12-2026')).toThrow(NormError);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-12-24', true],
    ['2026-12-25', false],
    ['2026-12-26', false],
    ['2026-12-27', false],
    ['2026-12-28', true],
    ['2027-01-02', false],
  ])('%s → %p', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // Thursday 24 December 2026: Christmas on Friday and Saturday, then the weekend, New Year on Friday.
    ['2026-12-24', 1, '2026-12-28'],
    ['2026-12-24', 5, '2027-01-04'],
    ['2026-12-24', 30, '2027-02-08'],
    // Across Christmas 2027 (Saturday, Sunday) and New Year (Saturday): no weekday is lost.
    ['2027-12-23', 1, '2027-12-24'],
    ['2027-12-24', 1, '2027-12-27'],
    // Friday: counting starts on Monday.
    ['2026-06-05', 1, '2026-06-08'],
    // A weekend submission counts from the next working day too.
    ['2026-06-06', 1, '2026-06-08'],
    // Easter 2026: Goede Vrijdag and Tweede Paasdag.
    ['2026-04-02', 1, '2026-04-07'],
    // April-May 2026: Koningsdag, Bevrijdingsdag, Hemelvaartsdag, Tweede Pinksterdag.
    ['2026-04-24', 30, '2026-06-11'],
    ['2026-03-02', 30, '2026-04-15'],
    ['2026-03-02', 0, '2026-03-02'],
  ])('%s + %i working days = %s', (date, count, expected) => {
    expect(addWorkingDays(date, count)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])('rejects count %p', (count) => {
    expect(() => addWorkingDays('2026-01-05', count)).toThrow(NormError);
  });
});
