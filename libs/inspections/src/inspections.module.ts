import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@keurmerk/accounts';
import { LocationsModule } from '@keurmerk/locations';
import { NormVersionsModule } from '@keurmerk/norm-versions';
import { FindingRepository } from './finding.repository';
import { FindingService } from './finding.service';
import { INSPECTION_ENTITIES } from './inspection.entities';
import { InspectionRepository } from './inspection.repository';
import { InspectionService } from './inspection.service';
import { InspectionReportService } from './inspection-report.service';
import { OverdueFindingsProcessor } from './overdue-findings.processor';

/**
 * The audit workflow. It needs a CertificationPort from the process (the certificates module provides it).
 * It writes only its own tables; an application's status changes through the locations feature.
 */
@Module({
  imports: [TypeOrmModule.forFeature(INSPECTION_ENTITIES), NormVersionsModule, AccountsModule, LocationsModule],
  providers: [
    InspectionRepository,
    FindingRepository,
    InspectionService,
    FindingService,
    InspectionReportService,
    OverdueFindingsProcessor,
  ],
  exports: [InspectionService, FindingService, InspectionReportService],
})
export class InspectionsModule {}
