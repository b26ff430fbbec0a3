import { DynamicModule, Module } from '@nestjs/common';
import { CertificateIssuanceModule, CertificatesModule } from '@keurmerk/certificates';
import { DocumentsModule } from '@keurmerk/documents';
import { EventsModule } from '@keurmerk/events';
import { InspectionsModule } from '@keurmerk/inspections';
import { WorkerModule } from '@keurmerk/jobs';
import { MailModule } from '@keurmerk/mail';
import { QueueModule } from '@keurmerk/queue';
import { CoreModule, CoreOptions, Runtime } from '@keurmerk/runtime';
import { SurveillanceModule } from '@keurmerk/surveillance';
import { WebhooksModule } from '@keurmerk/webhooks';

/** What the worker's jobs are made of, without the job loop: also what the benchmark times the sweeps on. */
export const WORKER_FEATURE_MODULES = [
  EventsModule,
  QueueModule,
  DocumentsModule,
  CertificatesModule,
  CertificateIssuanceModule,
  InspectionsModule,
  SurveillanceModule,
  WebhooksModule,
  MailModule,
];

/** The worker: the jobs, and the certificate issuer, the one process (with the CLI) that holds the signing key. */
@Module({})
export class WorkerAppModule {
  static forRoot(runtime: Runtime, options: CoreOptions = {}): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [CoreModule.forRoot(runtime, options), ...WORKER_FEATURE_MODULES, WorkerModule],
    };
  }
}
