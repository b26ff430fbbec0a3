import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@keurmerk/config';
import { createLogger, migrateRuntime, PinoNestLogger, startRuntime } from '@keurmerk/runtime';
import { WorkerAppModule } from './worker-app.module';

/** The worker alone, for production: `npm run start:worker`. The embedded default runs it inside the API. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  if (!config.database.url) {
    process.stderr.write('The worker alone needs DATABASE_URL: the embedded database belongs to the API process (npm start runs both).\n');
    process.exit(78);
  }
  const logger = createLogger(config);
  const runtime = await startRuntime(config, logger);
  await migrateRuntime(runtime, logger);
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(runtime), { logger: new PinoNestLogger(logger) });
  await app.init();
  logger.info('Keurmerk worker running');

  // Not Nest's shutdown hooks: they re-raise the signal before the embedded services are stopped.
  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    await runtime.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Keurmerk worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
