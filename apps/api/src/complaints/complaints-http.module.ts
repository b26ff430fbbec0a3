import { Module } from '@nestjs/common';
import { ComplaintsModule } from '@keurmerk/complaints';
import { ComplaintRateLimiter } from './complaint-rate-limiter';
import { ComplaintsController } from './complaints.controller';

@Module({
  imports: [ComplaintsModule],
  controllers: [ComplaintsController],
  providers: [ComplaintRateLimiter.provider],
  exports: [ComplaintsModule, ComplaintRateLimiter],
})
export class ComplaintsHttpModule {}
