import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InspectionsModule } from '@keurmerk/inspections';
import { ComplaintEntity } from './complaint.entity';
import { ComplaintService } from './complaint.service';

/** Residents' complaints. Needs the global EventsModule and a CertificationPort (for the inspections module) in the process. */
@Module({
  imports: [TypeOrmModule.forFeature([ComplaintEntity]), InspectionsModule],
  providers: [ComplaintService],
  exports: [ComplaintService],
})
export class ComplaintsModule {}
