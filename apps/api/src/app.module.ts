import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { AccountsModule } from '@keurmerk/accounts';
import { CoreModule, CoreOptions, Runtime } from '@keurmerk/runtime';
import { AccountsHttpModule } from './accounts/accounts-http.module';
import { HealthController } from './health/health.controller';
import { AccessGuard } from './http/access.guard';
import { ProblemFilter } from './http/problem.filter';
import { createValidationPipe } from './http/validation';

@Module({})
export class ApiModule {
  static forRoot(runtime: Runtime, options: CoreOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [CoreModule.forRoot(runtime, options), DiscoveryModule, AccountsModule, AccountsHttpModule],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
