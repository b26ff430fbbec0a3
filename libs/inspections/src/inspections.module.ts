import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NormVersionsModule } from '@keurmerk/norm-versions';
import { FindingService } from './finding.service';
import { INSPECTION_ENTITIES } from './inspection.entities';
import { InspectionService } from './inspection.service';
import { OverdueFindingsProcessor } from './overdue-findings.processor';

/** The audit workflow. It needs a CertificationPort from the process (the certificates module provides it). */
@Module({
  imports: [TypeOrmModule.forFeature(INSPECTION_ENTITIES), NormVersionsModule],
  providers: [InspectionService, FindingService, OverdueFindingsProcessor],
  exports: [InspectionService, FindingService],
})
export class InspectionsModule {}
