import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { AccountsModule } from '@keurmerk/accounts';
import { WorkerModule } from '@keurmerk/jobs';
import { QueueModule } from '@keurmerk/queue';
import { CoreModule, CoreOptions, Runtime } from '@keurmerk/runtime';
import { CertificateIssuanceModule, CertificatesModule } from '@keurmerk/certificates';
import { DocumentsModule } from '@keurmerk/documents';
import { EventsModule } from '@keurmerk/events';
import { MailModule } from '@keurmerk/mail';
import { AccountsHttpModule } from './accounts/accounts-http.module';
import { InspectionsHttpModule } from './inspections/inspections-http.module';
import { LocationsHttpModule } from './locations/locations-http.module';
import { NormsHttpModule } from './norms/norms-http.module';
import { CertificatesHttpModule } from './certificates/certificates-http.module';
import { HealthController } from './health/health.controller';
import { WebhooksHttpModule } from './webhooks/webhooks-http.module';
import { VerificationHttpModule } from './verification/verification-http.module';
import { ComplaintsHttpModule } from './complaints/complaints-http.module';
import { SurveillanceHttpModule } from './surveillance/surveillance-http.module';
import { OccupancyHttpModule } from './occupancy/occupancy-http.module';
import { StatisticsHttpModule } from './statistics/statistics-http.module';
import { ObjectionsHttpModule } from './objections/objections-http.module';
import { ResidentModule } from './resident/resident.module';
import { WebModule } from './web/web.module';
import { OpenApiController, OpenApiDocumentHolder } from './openapi/openapi.controller';
import { AccessGuard } from './http/access.guard';
import { RateLimitGuard } from './http/rate-limit.guard';
import { PublicRateWindows } from './http/public-rate-windows';
import { ProblemFilter } from './http/problem.filter';
import { createValidationPipe } from './http/validation';

export interface ApiModuleOptions extends CoreOptions {
  /** The background worker runs in this process too, on the same connections (embedded default), and with it the issuer. */
  withWorker?: boolean;
  /**
   * The certificate issuer (and so the private key) in this process without the worker's job loop: for
   * tests that issue by hand. Never set by `npm run start:api`: an API of its own holds public keys only.
   */
  withIssuer?: boolean;
}

@Module({})
export class ApiModule {
  static forRoot(runtime: Runtime, options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(runtime, options),
        DiscoveryModule,
        QueueModule,
        EventsModule,
        DocumentsModule,
        AccountsModule,
        AccountsHttpModule,
        NormsHttpModule,
        LocationsHttpModule,
        InspectionsHttpModule,
        CertificatesModule,
        CertificatesHttpModule,
        WebhooksHttpModule,
        VerificationHttpModule,
        ComplaintsHttpModule,
        SurveillanceHttpModule,
        OccupancyHttpModule,
        StatisticsHttpModule,
        ObjectionsHttpModule,
        ResidentModule,
        WebModule,
        MailModule,
        ...(options.withWorker || options.withIssuer ? [CertificateIssuanceModule] : []),
        ...(options.withWorker ? [WorkerModule] : []),
      ],
      controllers: [HealthController, OpenApiController],
      providers: [
        OpenApiDocumentHolder,
        PublicRateWindows,
        // In this order: the access guard identifies the caller the rate limit is counted for.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
