import { Global, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificationPort } from '@keurmerk/inspections';
import { JobQueue } from '@keurmerk/queue';
import { CertificateCertification } from './certificate-certification';
import { CERTIFICATE_ENTITIES } from './certificate.entities';
import { DailyCertificateProcessor, IssueCertificateProcessor } from './certificate.processors';
import { CertificateService, ISSUE_QUEUE } from './certificate.service';
import { KEY_RING, keyRingProvider } from './key-ring.provider';

/**
 * Certificates and the signing keys. Global, so the audit workflow's CertificationPort resolves to
 * this implementation wherever the certificates module is part of the process.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(CERTIFICATE_ENTITIES)],
  providers: [
    keyRingProvider,
    CertificateService,
    IssueCertificateProcessor,
    DailyCertificateProcessor,
    { provide: CertificationPort, useClass: CertificateCertification },
  ],
  exports: [CertificateService, CertificationPort, KEY_RING],
})
export class CertificatesModule implements OnApplicationBootstrap {
  constructor(private readonly queue: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.declare(ISSUE_QUEUE);
  }
}
