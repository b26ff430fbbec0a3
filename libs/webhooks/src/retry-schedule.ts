/**
 * The retry schedule of a webhook delivery: the first retry `baseMs` after the first failed attempt,
 * each next one four times longer, for at least 24 hours counted from when the event arose. A
 * delivery whose attempt fails once that window has passed is abandoned.
 *
 * The window counts from the event, not from the delivery's own first attempt: deliveries to one
 * subscription go out in order, so events queued behind a failing one have been waiting on the same
 * receiver all along; counting from their own first attempt would make a long outage last 24 hours
 * per queued event.
 */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const RETRY_FACTOR = 4;

/** The wait after the `failedAttempts`-th failed attempt (1 → baseMs, 2 → 4·baseMs, ...). */
export function retryDelayMs(failedAttempts: number, baseMs: number): number {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1)
    throw new RangeError(`failedAttempts must be 1 or more, got ${failedAttempts}`);
  return baseMs * RETRY_FACTOR ** Math.min(failedAttempts - 1, 30);
}

export type RetryStep = { abandon: true } | { abandon: false; delayMs: number; nextAttemptAt: Date };

/** What follows a failed attempt: the next try, or giving up once the window is over. */
export function afterFailedAttempt(input: { failedAttempts: number; eventAt: Date; now: Date; baseMs: number }): RetryStep {
  if (input.now.getTime() - input.eventAt.getTime() >= RETRY_WINDOW_MS) return { abandon: true };
  const delayMs = retryDelayMs(input.failedAttempts, input.baseMs);
  return { abandon: false, delayMs, nextAttemptAt: new Date(input.now.getTime() + delayMs) };
}

/** When the attempts of an event fall (ms after it arose) if every one fails and takes no time. */
export function retryTimeline(baseMs: number): number[] {
  const times = [0];
  const eventAt = new Date(0);
  for (let failed = 1; ; failed++) {
    const step = afterFailedAttempt({ failedAttempts: failed, eventAt, now: new Date(times[times.length - 1]), baseMs });
    if (step.abandon) return times;
    times.push(step.nextAttemptAt.getTime());
  }
}
