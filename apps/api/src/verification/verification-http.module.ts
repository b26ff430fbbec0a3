import { Module } from '@nestjs/common';
import { VerificationModule } from '@keurmerk/verification';
import { VerificationController } from './verification.controller';

@Module({ imports: [VerificationModule], controllers: [VerificationController] })
export class VerificationHttpModule {}
