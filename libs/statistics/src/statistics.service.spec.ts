import { jest } from '@jest/globals';
import type { MunicipalityService } from '@keurmerk/accounts';
import { FixedClock } from '@keurmerk/common';
import type { StatisticsFigures, StatisticsRepository } from './statistics.repository';
import { StatisticsService } from './statistics.service';

const FIGURES: StatisticsFigures = {
  byStatus: { geldig: { locations: 2, beds: 20 } },
  byHousingType: { woning: { locations: 2, beds: 20 } },
  reportedResidents: 7,
  expiringWithin90Days: 1,
  complaintsLast30Days: 0,
};

/** The open statistics: concurrent callers of one area and day share one computation, and nothing is kept after it. */
describe('StatisticsService.statistics', () => {
  const setUp = () => {
    const pending: ((figures: StatisticsFigures) => void)[] = [];
    const figures = jest.fn(() => new Promise<StatisticsFigures>((resolve) => pending.push(resolve)));
    const repository = { figures } as unknown as StatisticsRepository;
    const municipalities = {
      exists: async () => true,
      find: async () => ({ code: 'GM1783', name: 'Westland' }),
    } as unknown as MunicipalityService;
    const service = new StatisticsService(repository, municipalities, new FixedClock(new Date('2026-12-04T10:00:00Z')));
    /** Answers every computation still running. */
    const finish = (f: StatisticsFigures) => pending.splice(0).forEach((resolve) => resolve(f));
    return { service, figures, finish };
  };

  it('computes once for callers asking the same while it runs, and anew after it was answered', async () => {
    const { service, figures, finish } = setUp();
    const asked = [service.statistics({}), service.statistics({}), service.statistics({})];
    await new Promise((resolve) => setImmediate(resolve));
    expect(figures).toHaveBeenCalledTimes(1);
    finish(FIGURES);
    const answers = await Promise.all(asked);
    expect(answers[0]).toMatchObject({
      municipalityCode: null,
      referenceDate: '2026-12-04',
      locations: { geldig: 2 },
      maximumResidents: 20,
    });
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);

    const again = service.statistics({});
    await new Promise((resolve) => setImmediate(resolve));
    expect(figures).toHaveBeenCalledTimes(2);
    finish(FIGURES);
    await again;
  });

  it('does not share between areas or days', async () => {
    const { service, figures, finish } = setUp();
    const asked = [
      service.statistics({}),
      service.statistics({ gemeentecode: 'GM1783' }),
      service.statistics({ gemeentecode: 'GM1783', peildatum: '2026-11-01' }),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    expect(figures).toHaveBeenCalledTimes(3);
    finish(FIGURES);
    const [national, municipal, past] = await Promise.all(asked);
    expect([national.municipalityCode, municipal.municipalityCode, past.referenceDate]).toEqual([null, 'GM1783', '2026-11-01']);
  });
});
