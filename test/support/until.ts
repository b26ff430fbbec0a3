/*
 * Waiting in tests. A test waits for something it can name (a delivery, a published certificate, a
 * status in an answer), never for a fixed time, and never for a date: dates come from the injected
 * clock, which the test moves. A wait that runs out fails with what it waited for and how long.
 */

type Maybe<T> = T | false | undefined | null;

/** What a wait that ran out throws: what it waited for, and how long. */
export class TimedOut extends Error {}

/** Polls `check` until it gives something truthy and returns that; fails naming `what` after `timeoutMs`. */
export async function until<T>(check: () => Promise<Maybe<T>> | Maybe<T>, timeoutMs: number, what: string, intervalMs = 50): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new TimedOut(`timed out after ${timeoutMs} ms waiting for ${what}`);
    if (intervalMs > 0) await pause(intervalMs);
  }
}

/**
 * How many milliseconds after `since` `check` came true, polling as fast as it answers, or Infinity
 * when it did not within `boundMs`: for tests whose assertion is the bound itself (seen within 1 s).
 */
export async function msUntil(check: () => Promise<boolean> | boolean, boundMs: number, since = Date.now()): Promise<number> {
  const left = boundMs - (Date.now() - since);
  return until(async () => (await check()) && { ms: Date.now() - since }, left, 'the bound', 0).then(
    (seen) => seen.ms,
    (error: unknown) => {
      if (error instanceof TimedOut) return Infinity;
      throw error;
    },
  );
}

/**
 * Watches `check` stay true for `forMs` (fails at once, naming `what`, when it turns false): the way to
 * show that something does NOT happen, such as a second run of a job or a second delivery.
 */
export async function holds(check: () => Promise<boolean> | boolean, forMs: number, what: string, intervalMs = 50): Promise<void> {
  const started = Date.now();
  do {
    if (!(await check())) throw new Error(`${what} stopped holding after ${Date.now() - started} ms`);
    await pause(intervalMs);
  } while (Date.now() - started < forMs);
}

/** Only for pacing (load loops, jitter against a poller), never to wait for something: use `until`. */
export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
