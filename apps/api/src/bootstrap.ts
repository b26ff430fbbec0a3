import { NestFactory, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { AccountService } from '@keurmerk/accounts';
import { Metrics } from '@keurmerk/metrics';
import { PinoNestLogger, Runtime } from '@keurmerk/runtime';
import { VerificationService } from '@keurmerk/verification';
import { ApiModule, ApiModuleOptions } from './app.module';
import { AccessGuard } from './http/access.guard';
import { registerStaticFiles } from './http/hashed-assets';
import { configureFastify, createFastifyAdapter, type FrontDoor } from './http/http-server';
import { installHttpMetrics } from './http/http-metrics';
import { PublicRateWindows } from './http/public-rate-windows';
import { buildOpenApiDocument } from './http/openapi';
import { OpenApiDocumentHolder } from './openapi/openapi.controller';
import { quietVerificationRoute, verificationFrontDoor } from './verification/verification-front-door';

/** Builds the HTTP API on Fastify, ready to listen; `main` and the end-to-end tests both use this. */
export async function createApiApp(runtime: Runtime, logger: Logger, options: ApiModuleOptions = {}): Promise<NestFastifyApplication> {
  // Set below, once the services it answers with exist; until then every request goes to Fastify.
  const frontDoor: FrontDoor = {};
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(runtime, options),
    createFastifyAdapter(logger, runtime.config.trustProxy, frontDoor),
    {
      logger: new PinoNestLogger(logger),
      bufferLogs: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const tiles = runtime.config.map.tileUrl;
  const commonHeaders = await configureFastify(fastify, { imageOrigins: tiles ? [new URL(tiles).origin] : [] });
  await registerStaticFiles(fastify);
  installHttpMetrics(fastify, app.get(Metrics));
  quietVerificationRoute(fastify);
  frontDoor.answer = verificationFrontDoor({
    verification: app.get(VerificationService),
    limiter: app.get(PublicRateWindows),
    config: runtime.config,
    headers: commonHeaders,
    metrics: app.get(Metrics),
  });

  AccessGuard.assertDeclared(app.get(DiscoveryService), app.get(MetadataScanner), app.get(Reflector));

  await app.init();

  app.get(OpenApiDocumentHolder).document = buildOpenApiDocument(app, runtime.config.publicBaseUrl);

  await app.get(AccountService).ensureFirstAdministrator();
  return app;
}
