import { Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { createDataSource } from '@keurmerk/database';
import { Metrics } from '@keurmerk/metrics';
import { CertificateChangeListener } from './change-listener';
import { CommitEvictor } from './commit-evictor';
import { DocumentCheckService } from './document-check.service';
import { PublicRegisterService } from './public-register.service';
import { VerificationCache } from './verification-cache';
import { VERIFICATION_READER, VerificationRepository } from './verification.repository';
import { VerificationService } from './verification.service';

/**
 * The public read path. With DATABASE_READONLY_URL it reads through a role that can only SELECT;
 * otherwise through the application's connections.
 */
@Module({
  providers: [
    VerificationCache,
    VerificationRepository,
    CertificateChangeListener,
    CommitEvictor,
    VerificationService,
    DocumentCheckService,
    PublicRegisterService,
    {
      provide: VERIFICATION_READER,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: async (config: AppConfig, main: DataSource): Promise<DataSource> => {
        if (!config.database.readOnlyUrl) return main;
        const reader = createDataSource({
          url: config.database.readOnlyUrl,
          poolSize: config.database.poolSize,
          applicationName: 'keurmerk-verify',
        });
        return reader.initialize();
      },
    },
  ],
  exports: [VerificationService, VerificationCache, DocumentCheckService, PublicRegisterService],
})
export class VerificationModule implements OnModuleDestroy {
  constructor(
    @Inject(VERIFICATION_READER) private readonly reader: DataSource,
    @Inject(getDataSourceToken()) private readonly main: DataSource,
    cache: VerificationCache,
    metrics: Metrics,
  ) {
    // The cache counts its hits and misses anyway (two integer increments); they are read when scraped.
    metrics.counterFrom('keurmerk_verification_cache_hits_total', 'Verification lookups answered from the cache.', () => cache.hits);
    metrics.counterFrom('keurmerk_verification_cache_misses_total', 'Verification lookups that went to the database.', () => cache.misses);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.reader !== this.main && this.reader.isInitialized) await this.reader.destroy();
  }
}
