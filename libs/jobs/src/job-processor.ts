import { SetMetadata } from '@nestjs/common';
import type { QueueJob } from '@keurmerk/queue';

export const JOB_PROCESSOR = 'keurmerk:job-processor';

export interface JobProcessorOptions {
  queue: string;
  /** A cron expression (UTC) when the job also recurs on its own, e.g. the expiry sweep. */
  cron?: string;
  pollingIntervalSeconds?: number;
}

/** Marks a provider whose `process(job)` the worker runs for every job of `queue`. */
export const JobProcessor = (options: JobProcessorOptions): ClassDecorator => SetMetadata(JOB_PROCESSOR, options);

export interface ProcessesJobs<T = unknown> {
  process(job: QueueJob<T>): Promise<void>;
}
