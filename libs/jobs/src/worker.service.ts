import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { JobQueue } from '@keurmerk/queue';
import { JOB_PROCESSOR, JobProcessorOptions, ProcessesJobs } from './job-processor';

/** Finds every @JobProcessor provider and subscribes it to its queue (and its schedule, if any). */
@Injectable()
export class WorkerService implements OnApplicationBootstrap {
  private readonly logger = new Logger('worker');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly queue: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.start();
    const processors = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance)
      .map((wrapper) => ({
        options: this.reflector.get<JobProcessorOptions | undefined>(JOB_PROCESSOR, wrapper.metatype!),
        instance: wrapper.instance as ProcessesJobs,
      }))
      .filter((p): p is { options: JobProcessorOptions; instance: ProcessesJobs } => Boolean(p.options));
    for (const { options, instance } of processors) {
      await this.queue.work(options.queue, (job) => instance.process(job), { pollingIntervalSeconds: options.pollingIntervalSeconds });
      if (options.cron) await this.queue.schedule(options.queue, options.cron);
    }
    this.logger.log(
      `worker started with ${processors.length} job processor(s): ${processors.map((p) => p.options.queue).join(', ') || 'none'}`,
    );
  }
}
