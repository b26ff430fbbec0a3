import { Module } from '@nestjs/common';
import { LocationsModule } from '@keurmerk/locations';
import { ApplicationsController } from './applications.controller';
import { LocationsController } from './locations.controller';

/** Locations, applications and their documents (POST/GET /v1/locaties, /v1/aanvragen). */
@Module({
  imports: [LocationsModule],
  controllers: [LocationsController, ApplicationsController],
})
export class LocationsHttpModule {}
