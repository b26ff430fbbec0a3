import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '@keurmerk/accounts';
import { CertificateIssuanceModule, CertificatesModule } from '@keurmerk/certificates';
import { EventsModule } from '@keurmerk/events';
import { NormVersionsModule } from '@keurmerk/norm-versions';
import { QueueModule } from '@keurmerk/queue';
import { CoreModule, Runtime } from '@keurmerk/runtime';

/**
 * What operator commands need: the services, without HTTP or the worker. With `issuer` (the commands
 * `reissue` and `rotate-key`) also the certificate issuer and its key ring; the other commands load no key.
 */
@Module({})
export class CliAppModule {
  static forRoot(runtime: Runtime, options: { issuer?: boolean } = {}): DynamicModule {
    return {
      module: CliAppModule,
      imports: [
        CoreModule.forRoot(runtime),
        EventsModule,
        QueueModule,
        AccountsModule,
        CertificatesModule,
        ...(options.issuer ? [CertificateIssuanceModule] : []),
        NormVersionsModule,
      ],
    };
  }
}
