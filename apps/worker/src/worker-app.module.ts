import { DynamicModule, Module } from '@nestjs/common';
import { CertificateIssuanceModule, CertificatesModule } from '@keurmerk/certificates';
import { DocumentsModule } from '@keurmerk/documents';
import { EventsModule } from '@keurmerk/events';
import { InspectionsModule } from '@keurmerk/inspections';
import { WorkerModule } from '@keurmerk/jobs';
import { CoreModule, CoreOptions, Runtime } from '@keurmerk/runtime';
import { SurveillanceModule } from '@keurmerk/surveillance';
import { WebhooksModule } from '@keurmerk/webhooks';

/** The worker: the jobs, and the certificate issuer, the one process (with the CLI) that holds the signing key. */
@Module({})
export class WorkerAppModule {
  static forRoot(runtime: Runtime, options: CoreOptions = {}): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        CoreModule.forRoot(runtime, options),
        EventsModule,
        DocumentsModule,
        CertificatesModule,
        CertificateIssuanceModule,
        InspectionsModule,
        SurveillanceModule,
        WebhooksModule,
        WorkerModule,
      ],
    };
  }
}
