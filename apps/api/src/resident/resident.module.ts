import { Module } from '@nestjs/common';
import { AccountsModule } from '@keurmerk/accounts';
import { VerificationModule } from '@keurmerk/verification';
import { ComplaintsHttpModule } from '../complaints/complaints-http.module';
import { ComplaintFormProtection } from './complaint-form.protection';
import { ResidentErrorFilter } from './resident-error.filter';
import { ResidentController } from './resident.controller';

/** The residents' page at /controleer: outside /v1 and outside the OpenAPI document. */
@Module({
  imports: [AccountsModule, VerificationModule, ComplaintsHttpModule],
  controllers: [ResidentController],
  providers: [ResidentErrorFilter, ComplaintFormProtection],
})
export class ResidentModule {}
