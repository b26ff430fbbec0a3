import { pause } from '../../support/until';

/** What a load run saw: every status by count, and the results the server acknowledged. */
export class LoadRecord<T> {
  readonly acknowledged: T[] = [];
  readonly statuses = new Map<string, number>();

  count(kind: string, status: number | string): void {
    const key = `${kind} ${status}`;
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
  }

  summary(): Record<string, number> {
    return Object.fromEntries([...this.statuses.entries()].sort());
  }
}

/**
 * Runs `workers` loops of `step` until `stop()` is called; a thrown error (a refused connection, a
 * 5xx) is the step's own business to record, never the end of the loop.
 */
export function runLoad(workers: number, step: (worker: number, iteration: number) => Promise<void>): { stop(): Promise<void> } {
  let running = true;
  const loops = Array.from({ length: workers }, async (_, worker) => {
    for (let iteration = 0; running; iteration++) {
      await step(worker, iteration);
      await pause(20);
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
