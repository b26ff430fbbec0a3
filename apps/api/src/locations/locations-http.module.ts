import { Module } from '@nestjs/common';
import { LocationConsequencesModule } from '@keurmerk/location-consequences';
import { LocationsModule } from '@keurmerk/locations';
import { AddressClaimsController } from './address-claims.controller';
import { ApplicationsController } from './applications.controller';
import { LocationsController } from './locations.controller';

/** Locations, applications and their documents (POST/GET /v1/locaties, /v1/aanvragen). */
@Module({
  imports: [LocationsModule, LocationConsequencesModule],
  controllers: [LocationsController, ApplicationsController, AddressClaimsController],
})
export class LocationsHttpModule {}
