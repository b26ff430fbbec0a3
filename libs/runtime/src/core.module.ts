import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock, SystemClock } from '@keurmerk/common';
import { ConfigModule } from '@keurmerk/config';
import { dataSourceOptions } from '@keurmerk/database';
import { Metrics } from '@keurmerk/metrics';
import { ObjectStorage } from '@keurmerk/storage';
import { Runtime } from './runtime';

export const RUNTIME = Symbol('RUNTIME');

export interface CoreOptions {
  clock?: Clock;
}

/** What every process shares: configuration, the clock, the database, the object store and the metrics. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(runtime: Runtime, options: CoreOptions = {}): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(runtime.config),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions({ url: runtime.database.url, poolSize: runtime.database.poolSize, applicationName: 'keurmerk' }),
            autoLoadEntities: true,
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        {
          provide: ObjectStorage,
          useFactory: () => new ObjectStorage(runtime.objectStore),
        },
        // One registry per application: served on METRICS_PORT by the process's main.
        { provide: Metrics, useFactory: () => new Metrics() },
      ],
      exports: [RUNTIME, Clock, ObjectStorage, ConfigModule, TypeOrmModule, Metrics],
    };
  }
}
