import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '@keurmerk/accounts';
import { CertificatesModule } from '@keurmerk/certificates';
import { EventsModule } from '@keurmerk/events';
import { NormVersionsModule } from '@keurmerk/norm-versions';
import { QueueModule } from '@keurmerk/queue';
import { CoreModule, Runtime } from '@keurmerk/runtime';

/** What operator commands need: the services, without HTTP or the worker. */
@Module({})
export class CliAppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return { module: CliAppModule, imports: [CoreModule.forRoot(runtime), EventsModule, QueueModule, AccountsModule, CertificatesModule, NormVersionsModule] };
  }
}
