import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '@keurmerk/config';
import { JobProcessor, ProcessesJobs, WorkerModule } from '@keurmerk/jobs';
import { JobQueue, QueueJob } from '@keurmerk/queue';
import { CoreModule, createLogger, Runtime, startRuntime } from '@keurmerk/runtime';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { holds, until } from './support/until';

const processed: { id: number; attempt: number }[] = [];
const attempts = new Map<number, number>();

@Injectable()
@JobProcessor({ queue: 'test.echo', pollingIntervalSeconds: 0.5 })
class EchoProcessor implements ProcessesJobs<{ id: number; failTimes?: number }> {
  async process(job: QueueJob<{ id: number; failTimes?: number }>): Promise<void> {
    const attempt = (attempts.get(job.data.id) ?? 0) + 1;
    attempts.set(job.data.id, attempt);
    if (attempt <= (job.data.failTimes ?? 0)) throw new Error(`planned failure ${attempt}`);
    processed.push({ id: job.data.id, attempt });
  }
}

@Module({ providers: [EchoProcessor] })
class EchoModule {}

describe('job queue (pg-boss on the application connections)', () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let app: INestApplicationContext;
  let queue: JobQueue;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: database.url,
      S3_ENDPOINT: 'http://127.0.0.1:1',
      S3_ACCESS_KEY_ID: 'x',
      S3_SECRET_ACCESS_KEY: 'unused-store-0123456789abcdefghijkl',
      LOG_LEVEL: 'silent',
    });
    const logger = createLogger(config);
    runtime = await startRuntime(config, logger, {
      database: { url: database.url, embedded: database.embedded },
      objectStore: { ...config.objectStore, endpoint: 'http://127.0.0.1:1' },
    });
    @Module({ imports: [CoreModule.forRoot(runtime), WorkerModule, EchoModule] })
    class TestWorkerModule {}
    app = await NestFactory.createApplicationContext(TestWorkerModule, { logger: false });
    await app.init();
    queue = app.get(JobQueue);
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
    await runtime.stop();
    await database.drop();
  });

  it('runs a job enqueued in a committed transaction exactly once', async () => {
    await db.transaction(async (manager) => {
      await queue.send('test.echo', { id: 1 }, { manager });
    });
    await until(() => processed.some((p) => p.id === 1), 15_000, 'job 1 to run');
    // Three of the worker's polls: long enough for a second run to show.
    await holds(() => processed.filter((p) => p.id === 1).length === 1, 1500, 'job 1 running once');
    expect(processed.filter((p) => p.id === 1)).toEqual([{ id: 1, attempt: 1 }]);
  });

  it('never runs a job whose transaction rolled back', async () => {
    await db
      .transaction(async (manager) => {
        await queue.send('test.echo', { id: 2 }, { manager });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await queue.send('test.echo', { id: 3 });
    await until(() => processed.some((p) => p.id === 3), 15_000, 'job 3 to run');
    expect(processed.some((p) => p.id === 2)).toBe(false);
    expect(attempts.has(2)).toBe(false);
  });

  it('retries a failing job until it succeeds', async () => {
    await queue.send('test.echo', { id: 4, failTimes: 2 }, { retryDelaySeconds: 1, retryBackoff: false });
    await until(() => processed.some((p) => p.id === 4), 30_000, 'job 4 to succeed');
    expect(processed.filter((p) => p.id === 4)).toEqual([{ id: 4, attempt: 3 }]);
  });
});
