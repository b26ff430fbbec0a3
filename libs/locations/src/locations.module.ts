import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@keurmerk/accounts';
import { ApplicationService } from './application.service';
import { LOCATION_ENTITIES } from './location.entities';
import { LocationService } from './location.service';

/** Locations and applications. Needs the global EventsModule and DocumentsModule of the process. */
@Module({
  imports: [TypeOrmModule.forFeature(LOCATION_ENTITIES), AccountsModule],
  providers: [LocationService, ApplicationService],
  exports: [LocationService, ApplicationService],
})
export class LocationsModule {}
