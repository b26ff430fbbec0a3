import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AccountService, demoAccountsText, ROLES, Role, seedDemoAccounts } from '@keurmerk/accounts';
import { AppException } from '@keurmerk/common';
import { AppConfig, ConfigError, loadConfig } from '@keurmerk/config';
import { createDataSource, migrate, revertLastMigration } from '@keurmerk/database';
import { CertificateIssuer, developmentKeyDirectory, seedScale } from '@keurmerk/certificates';
import { EventLog } from '@keurmerk/events';
import { rotateDevelopmentKey } from '@keurmerk/signing';
import { createLogger, migrateRuntime, PinoNestLogger, Runtime, startRuntime } from '@keurmerk/runtime';
// The OpenAPI document is built from the API's own controllers, so this one command loads that app.
import { createApiApp } from '../../api/src/bootstrap';
import { CliAppModule } from './cli-app.module';
import { progressBar } from './commands/progress-bar';

const USAGE = `Keurmerk operator commands

  npm run cli -- migrate [--revert-last]     apply pending migrations (or revert the latest)
  npm run cli -- create-user --email E --name N --role R [--organisation-id ID] [--gemeentecode GM0000]
                                             the password is read from standard input
  npm run cli -- seed-demo [--force]         demo organisations and users (embedded default only, unless --force)
  npm run cli -- seed-scale --count N [--force]
                                             benchmark data: N certificates with locations in every municipality
                                             (embedded default only, unless --force); resumable
  npm run cli -- openapi [--out FILE]        write the OpenAPI document
  npm run cli -- verify-events               check the event log's hash chain (exit 2 when broken)
  npm run cli -- rotate-key                  make a new development signing key (production: install a new P12)
  npm run cli -- reissue [--limit N]         re-render and re-sign (PDF and credential) current certificates made
                                             with an older key or template; resumable: run it again to continue

The configuration comes from the same environment variables as the API (see README).
With the embedded default, stop the API first: one process owns DATA_DIR at a time.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function withServices<T>(
  config: AppConfig,
  work: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>, runtime: Runtime) => Promise<T>,
  options: { issuer?: boolean } = {},
): Promise<T> {
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const runtime = await startRuntime(config, logger);
  try {
    await migrateRuntime(runtime, logger);
    const app = await NestFactory.createApplicationContext(CliAppModule.forRoot(runtime, options), { logger: new PinoNestLogger(logger) });
    try {
      return await work(app, runtime);
    } finally {
      await app.close();
    }
  } finally {
    await runtime.stop();
  }
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      'revert-last': { type: 'boolean' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'organisation-id': { type: 'string' },
      gemeentecode: { type: 'string' },
      force: { type: 'boolean' },
      out: { type: 'string' },
      limit: { type: 'string' },
      count: { type: 'string' },
    },
    strict: true,
  });
  const config = loadConfig();

  switch (command) {
    case 'migrate': {
      const logger = createLogger(config);
      const runtime = await startRuntime(config, logger);
      const db: DataSource = createDataSource({ url: runtime.database.url, poolSize: 1 });
      await db.initialize();
      try {
        if (values['revert-last']) {
          await revertLastMigration(db);
          process.stdout.write('Reverted the latest migration.\n');
        } else {
          const applied = await migrate(db);
          process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
        }
      } finally {
        await db.destroy();
        await runtime.stop();
      }
      return;
    }
    case 'create-user': {
      if (!values.email || !values.name || !values.role) throw new UsageError('create-user needs --email, --name and --role');
      if (!ROLES.includes(values.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const password = await readStdin();
      await withServices(config, async (app) => {
        const user = await app.get(AccountService).createUser({
          email: values.email!,
          password,
          name: values.name!,
          role: values.role as Role,
          organisationId: values['organisation-id'],
          municipalityCode: values.gemeentecode,
        });
        process.stdout.write(`Created ${user.role} ${user.email} (${user.id}).\n`);
      });
      return;
    }
    case 'seed-demo': {
      if (!config.embedded && !values.force) {
        throw new UsageError('seed-demo writes demo accounts with public passwords; it runs on the embedded default only, or with --force');
      }
      await withServices(config, async (app) => {
        await seedDemoAccounts(app.get(AccountService));
        process.stdout.write(demoAccountsText());
      });
      return;
    }
    case 'verify-events': {
      await withServices(config, async (app) => {
        const verdict = await app.get(EventLog).verify();
        if (verdict.valid) {
          process.stdout.write(`The event log is intact: ${verdict.checked} entries, every link verified.\n`);
        } else {
          process.stdout.write(
            `The event log is BROKEN at entry ${verdict.brokenAt!.id} (${verdict.brokenAt!.reason}) after ${
              verdict.checked - 1
            } intact entries.\n`,
          );
          process.exitCode = 2;
        }
      });
      return;
    }
    case 'rotate-key': {
      if (config.signing.p12Path) {
        throw new UsageError(
          'Production keys come from SIGNING_KEY_P12: install the new PKCS#12, restart, then run reissue. Old certificates stay ' +
            'verifiable (their certificates are archived).',
        );
      }
      const ring = await rotateDevelopmentKey(developmentKeyDirectory(config));
      // The issuer publishes its public keys as it starts: every API process serves the new key in its JWKS.
      await withServices(config, (app) => app.get(CertificateIssuer).publishKeys(), { issuer: true });
      process.stdout.write(
        `New development signing key ${ring.activeKey.kid} is active and published; ${
          ring.keys.length - 1
        } older key(s) stay in the JWKS.\n` + 'Restart the worker, then run: npm run cli -- reissue\n',
      );
      return;
    }
    case 'reissue': {
      const limit = values.limit === undefined ? undefined : Number(values.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UsageError('--limit must be a positive whole number');
      await withServices(
        config,
        async (app) => {
          const started = Date.now();
          const bar = (done: number, total: number) => {
            const width = 30;
            const filled = total === 0 ? width : Math.round((done / total) * width);
            const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
            process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} (${rate.toFixed(1)}/s)`);
          };
          const result = await app.get(CertificateIssuer).reissue({ limit, onProgress: bar });
          const seconds = (Date.now() - started) / 1000;
          process.stderr.write('\n');
          process.stdout.write(
            `Re-issued ${result.reissued} certificate(s) in ${seconds.toFixed(1)} s (${(result.reissued / Math.max(seconds, 0.001)).toFixed(
              1,
            )}/s); ${result.remaining} remaining.\n`,
          );
        },
        { issuer: true },
      );
      return;
    }
    case 'seed-scale': {
      const count = Number(values.count);
      if (!Number.isInteger(count) || count < 1) throw new UsageError('seed-scale needs --count, a positive whole number');
      if (!config.embedded && !values.force)
        throw new UsageError('seed-scale writes made-up certificates; it runs on the embedded default only, or with --force');
      await withServices(config, async (app) => {
        const result = await seedScale(app.get(DataSource), { count, publicBaseUrl: config.publicBaseUrl, onProgress: progressBar() });
        process.stderr.write('\n');
        process.stdout.write(`Seeded ${result.added} certificate(s) in ${result.seconds.toFixed(1)} s; ${result.total} seeded in all.\n`);
      });
      return;
    }
    case 'openapi': {
      const logger = createLogger({ logLevel: 'warn' });
      const runtime = await startRuntime(config, logger);
      try {
        await migrateRuntime(runtime, logger);
        const app = await createApiApp(runtime, logger);
        const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/v1/openapi.json' });
        await app.close();
        if (values.out) writeFileSync(values.out, response.body);
        else process.stdout.write(`${response.body}\n`);
      } finally {
        await runtime.stop();
      }
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
  }
}

class UsageError extends Error {}

run(process.argv.slice(2)).then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    else if (error instanceof AppException)
      process.stderr.write(
        `${error.detail}${error.invalidParams ? `\n${error.invalidParams.map((p) => `  ${p.name}: ${p.reason}`).join('\n')}` : ''}\n`,
      );
    else if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    else process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(error instanceof UsageError || error instanceof ConfigError ? 64 : 1);
  },
);
