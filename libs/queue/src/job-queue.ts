import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { Metrics } from '@keurmerk/metrics';
import { JOB_QUEUE_SCHEMA } from '@keurmerk/migrations';

export interface EnqueueOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  manager?: EntityManager;
  startAfter?: Date | number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
}

export interface QueueJob<T> {
  id: string;
  name: string;
  data: T;
}

export type JobHandler<T> = (job: QueueJob<T>) => Promise<void>;

/**
 * The PostgreSQL-backed job queue (pg-boss) on the application's own connections, so the embedded
 * default's single PGlite session is shared, and a job can be enqueued in the same transaction as
 * the change that calls for it (the transactional outbox the webhooks rely on).
 */
@Injectable()
export class JobQueue implements OnModuleDestroy {
  private readonly logger = new Logger(JobQueue.name);
  private boss?: PgBoss;
  private started?: Promise<PgBoss>;
  private readonly createdQueues = new Set<string>();
  /**
   * pg-boss's statements still running. pg-boss 10 completes a job without awaiting it: its `stop`
   * returns while that statement may still run, and closing the database under it made the statement
   * fail as an unhandled rejection (CI saw one). `stop` waits for these too.
   */
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    // Depth is pg-boss's count of jobs not yet taken, per queue this process knows, asked at scrape time.
    metrics.gaugeFrom('keurmerk_job_queue_depth', 'Jobs waiting to be taken (created or retrying), by queue.', ['queue'], async () =>
      this.boss
        ? Promise.all([...this.createdQueues].map(async (queue) => ({ labels: { queue }, value: await this.boss!.getQueueSize(queue) })))
        : [],
    );
  }

  /**
   * pg-boss's SQL through TypeORM. The structured result is needed: plain `query()` answers
   * `[rows, count]` for UPDATE ... RETURNING, which is how pg-boss fetches jobs.
   */
  private executor(manager?: EntityManager) {
    return {
      executeSql: (text: string, values: unknown[]) => {
        const statement = (async () => {
          const transactional = manager?.queryRunner;
          const runner = transactional ?? this.db.createQueryRunner();
          try {
            const result = await runner.query(text, values, true);
            return { rows: (result.records ?? []) as unknown[] };
          } finally {
            if (!transactional) await runner.release();
          }
        })();
        this.running.add(statement);
        const settled = () => this.running.delete(statement);
        statement.then(settled, settled);
        return statement;
      },
    };
  }

  start(): Promise<PgBoss> {
    this.started ??= (async () => {
      const boss = new PgBoss({
        db: this.executor(),
        schema: JOB_QUEUE_SCHEMA,
        migrate: false,
        supervise: true,
        schedule: true,
        // Maintenance is what finds the jobs of a worker that died (they time out) and retries them:
        // it runs at least twice per timeout, and no less often than pg-boss's default of two minutes.
        maintenanceIntervalSeconds: Math.max(1, Math.min(120, Math.floor(this.config.jobs.timeoutSeconds / 2))),
      });
      boss.on('error', (error) => this.logger.error(`job queue: ${error.message}`));
      await boss.start();
      this.boss = boss;
      return boss;
    })();
    return this.started;
  }

  private async queue(name: string): Promise<PgBoss> {
    const boss = await this.start();
    if (!this.createdQueues.has(name)) {
      if (!(await boss.getQueue(name)))
        await boss.createQueue(name).catch(async (error: unknown) => {
          // Another process created it between the check and the create.
          if (!(await boss.getQueue(name))) throw error;
        });
      this.createdQueues.add(name);
    }
    return boss;
  }

  /**
   * Creates queues up front. A module that enqueues inside transactions declares its queues at start:
   * creating one lazily would need a second connection mid-transaction (a deadlock on PGlite).
   */
  async declare(...names: string[]): Promise<void> {
    for (const name of names) await this.queue(name);
  }

  async send<T extends object>(name: string, data: T, options: EnqueueOptions = {}): Promise<string | null> {
    if (options.manager && !this.createdQueues.has(name)) {
      throw new Error(`Queue ${name} must be declared (JobQueue.declare) before jobs are enqueued in a transaction`);
    }
    const boss = await this.queue(name);
    return boss.send(name, data, {
      ...(options.manager ? { db: this.executor(options.manager) } : {}),
      startAfter: options.startAfter,
      retryLimit: options.retryLimit ?? 10,
      retryDelay: options.retryDelaySeconds ?? 5,
      retryBackoff: options.retryBackoff ?? true,
      expireInSeconds: this.config.jobs.timeoutSeconds,
    } as PgBoss.SendOptions);
  }

  /** Runs `handler` for each job; a thrown error fails the job, and pg-boss retries it by its options. */
  async work<T>(
    name: string,
    handler: JobHandler<T>,
    options: { pollingIntervalSeconds?: number; batchSize?: number } = {},
  ): Promise<void> {
    const boss = await this.queue(name);
    await boss.work<T>(
      name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: options.batchSize ?? 1, includeMetadata: true },
      async (jobs) => {
        for (const job of jobs) {
          const waited = job.startAfter ? Date.now() - Math.max(job.createdOn.getTime(), job.startAfter.getTime()) : 0;
          this.metrics.jobWait.labels(name).observe(Math.max(0, waited) / 1000);
          const done = this.metrics.jobs.startTimer({ queue: name });
          try {
            await handler({ id: job.id, name: job.name, data: job.data });
            done({ outcome: 'done' });
          } catch (error) {
            done({ outcome: 'failed' });
            throw error;
          }
        }
      },
    );
  }

  /** A recurring job (cron, UTC); every process may declare it, pg-boss runs it once per slot. */
  async schedule(name: string, cron: string, data: object = {}): Promise<void> {
    const boss = await this.queue(name);
    await boss.schedule(name, cron, data, { tz: 'UTC' });
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    const boss = await this.started.catch(() => undefined);
    this.started = undefined;
    await boss?.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
    // What pg-boss left running (a job's completion) ends before the database closes.
    await Promise.allSettled([...this.running]);
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }
}
