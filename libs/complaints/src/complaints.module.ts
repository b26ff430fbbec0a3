import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InspectionsModule } from '@keurmerk/inspections';
import { ComplaintEntity } from './complaint.entity';
import { ComplaintRepository } from './complaint.repository';
import { ComplaintService } from './complaint.service';

/** Residents' complaints. Needs the global EventsModule and a CertificationPort (for the inspections module) in the process. */
@Module({
  imports: [TypeOrmModule.forFeature([ComplaintEntity]), InspectionsModule],
  providers: [ComplaintService, ComplaintRepository],
  exports: [ComplaintService],
})
export class ComplaintsModule {}
