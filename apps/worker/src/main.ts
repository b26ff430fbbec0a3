import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { exitUnlessReadyToSign, loadConfigOrExit } from '@keurmerk/config';
import { Metrics, startMetricsServer } from '@keurmerk/metrics';
import { createLogger, migrateRuntime, PinoNestLogger, startRuntime, stopOnSignals } from '@keurmerk/runtime';
import { WorkerAppModule } from './worker-app.module';

/** The worker alone, for production: `npm run start:worker`. The embedded default runs it inside the API. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.database.url) {
    process.stderr.write('The worker alone needs DATABASE_URL: the embedded database belongs to the API process (npm start runs both).\n');
    process.exit(78);
  }
  // Checked here, not in the signing code: a worker without a real key must not start at all.
  exitUnlessReadyToSign(config);
  const logger = createLogger(config);
  const runtime = await startRuntime(config, logger);
  await migrateRuntime(runtime, logger);
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(runtime), { logger: new PinoNestLogger(logger) });
  await app.init();
  logger.info('Keurmerk worker running');
  // The worker serves no HTTP but its metrics (job latency, queue depth, issuance time, webhook failures).
  if (config.metrics.port !== undefined) {
    await startMetricsServer(app.get(Metrics), { port: config.metrics.port, host: config.host });
    logger.info({ port: config.metrics.port }, 'metrics at /metrics');
  }

  stopOnSignals(runtime, logger, app);
}

main().catch((error: unknown) => {
  process.stderr.write(`Keurmerk worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
