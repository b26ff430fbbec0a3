import 'reflect-metadata';
import { AccountService, demoAccountsText, seedDemoAccounts } from '@keurmerk/accounts';
import { exitUnlessReadyToSign, loadConfigOrExit } from '@keurmerk/config';
import { Metrics, startMetricsServer } from '@keurmerk/metrics';
import { createLogger, migrateRuntime, startRuntime, stopOnSignals } from '@keurmerk/runtime';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // `npm start -- --demo`: the demo accounts of the README, for trying the product on the embedded default only.
  const demo = process.argv.includes('--demo');
  if (demo && !config.embedded) {
    process.stderr.write(
      "--demo writes accounts with public passwords; it runs on the embedded default only (use the CLI's seed-demo --force elsewhere).\n",
    );
    process.exit(64);
  }
  // The worker inside the API signs and sends as the worker alone does, so it needs the same.
  if (config.workerInProcess) exitUnlessReadyToSign(config);
  const logger = createLogger(config);
  const runtime = await startRuntime(config, logger);
  await migrateRuntime(runtime, logger);
  const app = await createApiApp(runtime, logger, { withWorker: config.workerInProcess });
  if (demo) {
    await seedDemoAccounts(app.get(AccountService));
    process.stdout.write(demoAccountsText());
  }
  await app.listen({ port: config.port, host: config.host });
  logger.info({ url: config.publicBaseUrl, embedded: config.embedded, worker: config.workerInProcess }, 'Keurmerk API listening');
  if (config.metrics.port !== undefined) {
    await startMetricsServer(app.get(Metrics), { port: config.metrics.port, host: config.host });
    logger.info({ port: config.metrics.port }, 'metrics at /metrics');
  }

  stopOnSignals(runtime, logger, app);
}

main().catch((error: unknown) => {
  process.stderr.write(`Keurmerk API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
