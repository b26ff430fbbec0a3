import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { CertificateIssuer } from './certificate-issuer';
import { DailyCertificateProcessor, IssueCertificateProcessor } from './certificate.processors';
import { KEY_RING, keyRingProvider } from './key-ring.provider';

/**
 * The issuer and the key ring it alone holds, with the jobs that use it. Imported by the worker, the
 * CLI and, on the embedded default, the API process that runs the worker too (WORKER_IN_PROCESS=true);
 * an API process on its own never loads a private key. Needs CertificatesModule in the same process.
 * On start it publishes its public keys, so a rotation is visible to every API process.
 */
@Module({
  providers: [keyRingProvider, CertificateIssuer, IssueCertificateProcessor, DailyCertificateProcessor],
  exports: [CertificateIssuer, KEY_RING],
})
export class CertificateIssuanceModule implements OnApplicationBootstrap {
  constructor(private readonly issuer: CertificateIssuer) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.issuer.publishKeys();
  }
}
