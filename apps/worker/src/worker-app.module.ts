import { DynamicModule, Module } from '@nestjs/common';
import { CertificatesModule } from '@keurmerk/certificates';
import { DocumentsModule } from '@keurmerk/documents';
import { EventsModule } from '@keurmerk/events';
import { InspectionsModule } from '@keurmerk/inspections';
import { WorkerModule } from '@keurmerk/jobs';
import { CoreModule, CoreOptions, Runtime } from '@keurmerk/runtime';
import { SurveillanceModule } from '@keurmerk/surveillance';
import { WebhooksModule } from '@keurmerk/webhooks';

@Module({})
export class WorkerAppModule {
  static forRoot(runtime: Runtime, options: CoreOptions = {}): DynamicModule {
    return { module: WorkerAppModule, imports: [CoreModule.forRoot(runtime, options), EventsModule, DocumentsModule, CertificatesModule, InspectionsModule, SurveillanceModule, WebhooksModule, WorkerModule] };
  }
}
