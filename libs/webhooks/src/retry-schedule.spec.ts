import { afterFailedAttempt, RETRY_WINDOW_MS, retryDelayMs, retryTimeline } from './retry-schedule';

describe('webhook retry schedule', () => {
  it.each([
    [1, 25_000],
    [2, 100_000],
    [3, 400_000],
    [4, 1_600_000],
    [7, 102_400_000],
  ])('after failed attempt %i the wait is %i ms (base 25 s)', (failed, wait) => {
    expect(retryDelayMs(failed, 25_000)).toBe(wait);
  });

  it('tries at 0 s, 25 s, 125 s, 525 s, ... with the default base, and gives up after the first failure past 24 hours', () => {
    const seconds = retryTimeline(25_000).map((ms) => ms / 1000);
    expect(seconds).toEqual([0, 25, 125, 525, 2125, 8525, 34125, 136525]);
  });

  it.each([1, 200, 25_000, 60_000, 3_600_000])('retries for at least 24 hours with base %i ms', (base) => {
    const timeline = retryTimeline(base);
    expect(timeline.at(-1)).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    expect(timeline.at(-2)!).toBeLessThan(RETRY_WINDOW_MS);
    for (let i = 2; i < timeline.length; i++) expect(timeline[i] - timeline[i - 1]).toBe(4 * (timeline[i - 1] - timeline[i - 2]));
  });

  it('counts the window from the event, so a delivery queued behind others gets at least one attempt', () => {
    const eventAt = new Date('2026-01-01T00:00:00Z');
    expect(afterFailedAttempt({ failedAttempts: 1, eventAt, now: new Date('2026-01-02T00:00:00Z'), baseMs: 25_000 })).toEqual({
      abandon: true,
    });
    expect(afterFailedAttempt({ failedAttempts: 1, eventAt, now: new Date('2026-01-01T23:59:59Z'), baseMs: 25_000 })).toEqual({
      abandon: false,
      delayMs: 25_000,
      nextAttemptAt: new Date('2026-01-02T00:00:24Z'),
    });
  });

  it('refuses a count below one', () => {
    expect(() => retryDelayMs(0, 25_000)).toThrow(RangeError);
  });
});
