import { Module } from '@nestjs/common';
import { SurveillanceModule } from '@keurmerk/surveillance';
import { PlanningRequestsController } from './planning-requests.controller';
import { SamplesController } from './samples.controller';

@Module({
  imports: [SurveillanceModule],
  controllers: [PlanningRequestsController, SamplesController],
})
export class SurveillanceHttpModule {}
