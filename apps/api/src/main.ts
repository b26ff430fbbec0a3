import 'reflect-metadata';
import { loadConfigOrExit } from '@keurmerk/config';
import { createLogger, migrateRuntime, startRuntime, stopOnSignals } from '@keurmerk/runtime';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  const runtime = await startRuntime(config, logger);
  await migrateRuntime(runtime, logger);
  const app = await createApiApp(runtime, logger, { withWorker: config.workerInProcess });
  await app.listen({ port: config.port, host: config.host });
  logger.info({ url: config.publicBaseUrl, embedded: config.embedded, worker: config.workerInProcess }, 'Keurmerk API listening');

  stopOnSignals(runtime, logger, app);
}

main().catch((error: unknown) => {
  process.stderr.write(`Keurmerk API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
