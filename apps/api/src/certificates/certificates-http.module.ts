import { Module } from '@nestjs/common';
import { CertificatesController, JwksController } from './certificates.controller';
import { SanctionsController } from './sanctions.controller';

@Module({ controllers: [CertificatesController, JwksController, SanctionsController] })
export class CertificatesHttpModule {}
