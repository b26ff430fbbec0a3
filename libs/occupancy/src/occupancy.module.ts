import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LocationsModule } from '@keurmerk/locations';
import { SurveillanceModule } from '@keurmerk/surveillance';
import { OccupancyReportEntity } from './occupancy-report.entity';
import { OccupancyRepository } from './occupancy.repository';
import { OccupancyService } from './occupancy.service';

/** Occupancy reports. Needs the process's EventsModule and Clock. */
@Module({
  imports: [TypeOrmModule.forFeature([OccupancyReportEntity]), LocationsModule, SurveillanceModule],
  providers: [OccupancyRepository, OccupancyService],
  exports: [OccupancyService],
})
export class OccupancyModule {}
