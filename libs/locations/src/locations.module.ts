import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@keurmerk/accounts';
import { AddressLookupModule } from '@keurmerk/address-lookup';
import { ApplicationRepository } from './application.repository';
import { ApplicationService } from './application.service';
import { LOCATION_ENTITIES } from './location.entities';
import { LocationRepository } from './location.repository';
import { LocationService } from './location.service';
import { LocationOperationsService } from './location-operations.service';

/** Locations and applications. Needs the global EventsModule and DocumentsModule of the process. */
@Module({
  imports: [TypeOrmModule.forFeature(LOCATION_ENTITIES), AccountsModule, AddressLookupModule],
  providers: [LocationRepository, ApplicationRepository, LocationService, ApplicationService, LocationOperationsService],
  exports: [LocationService, ApplicationService, LocationOperationsService],
})
export class LocationsModule {}
