import { DynamicModule, Module } from '@nestjs/common';
import { DocumentsModule } from '@keurmerk/documents';
import { EventsModule } from '@keurmerk/events';
import { WorkerModule } from '@keurmerk/jobs';
import { CoreModule, CoreOptions, Runtime } from '@keurmerk/runtime';

@Module({})
export class WorkerAppModule {
  static forRoot(runtime: Runtime, options: CoreOptions = {}): DynamicModule {
    return { module: WorkerAppModule, imports: [CoreModule.forRoot(runtime, options), EventsModule, DocumentsModule, WorkerModule] };
  }
}
