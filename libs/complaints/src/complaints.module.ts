import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InspectionsModule } from '@keurmerk/inspections';
import { SurveillanceModule } from '@keurmerk/surveillance';
import { ComplaintEntity } from './complaint.entity';
import { ComplaintRepository } from './complaint.repository';
import { ComplaintService } from './complaint.service';

/**
 * Residents' complaints; a complaint needing an inspection opens a planning request (SurveillanceModule).
 * Needs the global EventsModule and a CertificationPort (for the inspections module) in the process.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ComplaintEntity]), InspectionsModule, SurveillanceModule],
  providers: [ComplaintService, ComplaintRepository],
  exports: [ComplaintService],
})
export class ComplaintsModule {}
