import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InspectionsModule } from '@keurmerk/inspections';
import { LocationsModule } from '@keurmerk/locations';
import { ObjectionEntity } from './objection.entity';
import { ObjectionRepository } from './objection.repository';
import { ObjectionService } from './objection.service';

/**
 * Objections. Needs in the process the global CertificatesModule (status path, allocation), the global
 * SurveillanceModule (planning requests) and EventsModule, and a CertificationPort for the inspections module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ObjectionEntity]), InspectionsModule, LocationsModule],
  providers: [ObjectionRepository, ObjectionService],
  exports: [ObjectionService],
})
export class ObjectionsModule {}
