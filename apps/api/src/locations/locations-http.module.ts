import { Module } from '@nestjs/common';

/** Locations, applications and their documents (POST/GET /v1/locaties, /v1/aanvragen). */
@Module({})
export class LocationsHttpModule {}
