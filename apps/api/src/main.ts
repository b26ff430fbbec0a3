import 'reflect-metadata';
import { ConfigError, loadConfig } from '@keurmerk/config';
import { createLogger, migrateRuntime, startRuntime } from '@keurmerk/runtime';
import { createApiApp } from './bootstrap';

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
  const logger = createLogger(config);
  const runtime = await startRuntime(config, logger);
  await migrateRuntime(runtime, logger);
  const app = await createApiApp(runtime, logger, { withWorker: config.workerInProcess });
  await app.listen({ port: config.port, host: config.host });
  logger.info({ url: config.publicBaseUrl, embedded: config.embedded, worker: config.workerInProcess }, 'Keurmerk API listening');

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
  process.stderr.write(`Keurmerk API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
