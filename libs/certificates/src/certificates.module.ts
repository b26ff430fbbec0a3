import { Global, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificationPort } from '@keurmerk/inspections';
import { JobQueue } from '@keurmerk/queue';
import { CertificateAllocator, ISSUE_QUEUE } from './certificate-allocator';
import { CertificateCertification } from './certificate-certification';
import { CERTIFICATE_ENTITIES } from './certificate.entities';
import { CertificateLifecycleService } from './certificate-lifecycle.service';
import { CertificateQueryService } from './certificate-query.service';
import { CertificateRepository } from './certificate.repository';
import { CompanySanctionService } from './company-sanction.service';
import { PublishedKeysService } from './published-keys.service';

/**
 * Certificates without the keys: allocation, the status path, reads and the published public keys,
 * in every process. Global, so the audit workflow's CertificationPort resolves to this implementation
 * wherever the module is part of the process. Signing is CertificateIssuanceModule's alone.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(CERTIFICATE_ENTITIES)],
  providers: [
    CertificateRepository,
    CertificateAllocator,
    CertificateLifecycleService,
    CertificateQueryService,
    PublishedKeysService,
    CompanySanctionService,
    { provide: CertificationPort, useClass: CertificateCertification },
  ],
  exports: [
    CertificateRepository,
    CertificateAllocator,
    CertificateLifecycleService,
    CertificateQueryService,
    PublishedKeysService,
    CompanySanctionService,
    CertificationPort,
  ],
})
export class CertificatesModule implements OnApplicationBootstrap {
  constructor(private readonly queue: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.declare(ISSUE_QUEUE);
  }
}
