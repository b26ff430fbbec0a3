import { validateOccupancyReport } from './occupancy-input';

describe('an occupancy report', () => {
  const today = '2026-03-02';
  it.each([
    [{ referenceDate: '2026-03-02', residents: 0 }, []],
    [{ referenceDate: '2000-01-01', residents: 10_000 }, []],
    [{ referenceDate: '2026-03-03', residents: 1 }, ['peildatum']],
    [{ referenceDate: '1999-12-31', residents: 1 }, ['peildatum']],
    [{ referenceDate: '2026-02-29', residents: 1 }, ['peildatum']],
    [{ referenceDate: 20260301, residents: 1 }, ['peildatum']],
    [{ referenceDate: '2026-03-01', residents: 10_001 }, ['aantalBewoners']],
    [{ referenceDate: '2026-03-01', residents: -1 }, ['aantalBewoners']],
    [{ referenceDate: '2026-03-01', residents: '3' }, ['aantalBewoners']],
    [{ referenceDate: 'x', residents: 1.5 }, ['peildatum', 'aantalBewoners']],
  ])('%p → problems with %p', (input, fields) => {
    expect(validateOccupancyReport(input, today).problems.map((p) => p.name)).toEqual(fields);
  });
});
