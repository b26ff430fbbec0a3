import { describe, expect, it } from '@jest/globals';
import { deadlinesOf, groupByLocation, newestByLocation } from './location-overview';

const TODAY = '2026-11-28';

describe('deadlinesOf', () => {
  it('lists open repairs and the expiry of a certificate in force, earliest first, with their urgency', () => {
    const deadlines = deadlinesOf(
      [
        { criterionCode: 'SA-01', status: 'open', repairDeadline: '2027-01-30' },
        { criterionCode: 'RU-01', status: 'herstel-gemeld', repairDeadline: '2026-12-05' },
        { criterionCode: 'BV-01', status: 'open', repairDeadline: '2026-11-27' },
      ],
      { locationId: 'l', status: 'geldig', validUntil: '2027-02-01' },
      TODAY,
    );
    expect(deadlines).toEqual([
      { kind: 'repair', date: '2026-11-27', state: 'overdue', criterionCode: 'BV-01' },
      { kind: 'repair', date: '2026-12-05', state: 'soon', criterionCode: 'RU-01' },
      { kind: 'repair', date: '2027-01-30', state: 'later', criterionCode: 'SA-01' },
      { kind: 'expiry', date: '2027-02-01', state: 'soon' },
    ]);
  });

  it('leaves out closed findings, findings without a deadline and certificates no longer in force', () => {
    const findings = [
      { criterionCode: 'SA-01', status: 'gesloten', repairDeadline: '2026-12-01' },
      { criterionCode: 'VZ-04', status: 'open', repairDeadline: null },
    ];
    expect(deadlinesOf(findings, { locationId: 'l', status: 'ingetrokken', validUntil: '2029-01-01' }, TODAY)).toEqual([]);
    expect(deadlinesOf([], undefined, TODAY)).toEqual([]);
  });

  it('marks a day exactly at the edge of "soon" as soon, today as not yet overdue', () => {
    const [edge, now] = deadlinesOf(
      [
        { criterionCode: 'A', status: 'open', repairDeadline: '2026-12-12' },
        { criterionCode: 'B', status: 'open', repairDeadline: TODAY },
      ],
      undefined,
      TODAY,
    ).sort((a, b) => b.date.localeCompare(a.date));
    expect(edge.state).toBe('soon');
    expect(now.state).toBe('soon');
  });
});

describe('newestByLocation and groupByLocation', () => {
  it('keeps the first (newest) item of each location, and groups all of them', () => {
    const items = [
      { locationId: 'a', n: 3 },
      { locationId: 'b', n: 2 },
      { locationId: 'a', n: 1 },
    ];
    expect([...newestByLocation(items).values()].map((item) => item.n)).toEqual([3, 2]);
    expect(
      groupByLocation(items)
        .get('a')
        ?.map((item) => item.n),
    ).toEqual([3, 1]);
  });
});
