import { NestFactory, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { AccountService } from '@keurmerk/accounts';
import { PinoNestLogger, Runtime } from '@keurmerk/runtime';
import { VerificationService } from '@keurmerk/verification';
import { ApiModule, ApiModuleOptions } from './app.module';
import { AccessGuard } from './http/access.guard';
import { registerStaticFiles } from './http/hashed-assets';
import { configureFastify, createFastifyAdapter } from './http/http-server';
import { PublicRateWindows } from './http/public-rate-windows';
import { buildOpenApiDocument } from './http/openapi';
import { OpenApiDocumentHolder } from './openapi/openapi.controller';
import { installVerificationFastPath } from './verification/verification-fast-path';

/** Builds the HTTP API on Fastify, ready to listen; `main` and the end-to-end tests both use this. */
export async function createApiApp(runtime: Runtime, logger: Logger, options: ApiModuleOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(runtime, options),
    createFastifyAdapter(logger, runtime.config.trustProxy),
    {
      logger: new PinoNestLogger(logger),
      bufferLogs: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await configureFastify(fastify);
  await registerStaticFiles(fastify);
  installVerificationFastPath(fastify, app.get(VerificationService), app.get(PublicRateWindows), runtime.config);

  AccessGuard.assertDeclared(app.get(DiscoveryService), app.get(MetadataScanner), app.get(Reflector));

  await app.init();

  app.get(OpenApiDocumentHolder).document = buildOpenApiDocument(app, runtime.config.publicBaseUrl);

  await app.get(AccountService).ensureFirstAdministrator();
  return app;
}
