import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@keurmerk/accounts';
import { ApplicationRepository } from './application.repository';
import { ApplicationService } from './application.service';
import { LOCATION_ENTITIES } from './location.entities';
import { LocationRepository } from './location.repository';
import { LocationService } from './location.service';

/** Locations and applications. Needs the global EventsModule and DocumentsModule of the process. */
@Module({
  imports: [TypeOrmModule.forFeature(LOCATION_ENTITIES), AccountsModule],
  providers: [LocationRepository, ApplicationRepository, LocationService, ApplicationService],
  exports: [LocationService, ApplicationService],
})
export class LocationsModule {}
