import { Module } from '@nestjs/common';
import { CertificatesController, JwksController } from './certificates.controller';

@Module({ controllers: [CertificatesController, JwksController] })
export class CertificatesHttpModule {}
