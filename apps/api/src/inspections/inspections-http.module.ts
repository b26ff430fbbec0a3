import { Module } from '@nestjs/common';
import { InspectionsModule } from '@keurmerk/inspections';
import { FindingsController } from './findings.controller';
import { InspectionsController } from './inspections.controller';
import { RelationsController } from './relations.controller';

@Module({
  imports: [InspectionsModule],
  controllers: [InspectionsController, FindingsController, RelationsController],
})
export class InspectionsHttpModule {}
