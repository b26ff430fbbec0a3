import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InspectionPlanningObserver } from '@keurmerk/inspections';
import { PlanningRequestEntity } from './planning-request.entity';
import { PlanningRequestRepository } from './planning-request.repository';
import { PlanningRequestService } from './planning-request.service';
import { SampleDrawEntity } from './sample-draw.entity';
import { SampleDrawRepository } from './sample-draw.repository';
import { SampleService } from './sample.service';
import { DailySurveillanceProcessor, MonthlySampleProcessor } from './surveillance.processors';

/**
 * Surveillance: planning requests and the random sample. Global, so the audit workflow's
 * InspectionPlanningObserver resolves to the planning requests wherever this module is in the process.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([PlanningRequestEntity, SampleDrawEntity])],
  providers: [
    PlanningRequestRepository,
    SampleDrawRepository,
    PlanningRequestService,
    SampleService,
    DailySurveillanceProcessor,
    MonthlySampleProcessor,
    { provide: InspectionPlanningObserver, useExisting: PlanningRequestService },
  ],
  exports: [PlanningRequestService, SampleService, InspectionPlanningObserver],
})
export class SurveillanceModule {}
