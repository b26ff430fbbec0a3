import { Module } from '@nestjs/common';
import { OccupancyModule } from '@keurmerk/occupancy';
import { OccupancyController } from './occupancy.controller';

/** Occupancy reports (POST/GET /v1/locaties/{id}/bezettingen). */
@Module({ imports: [OccupancyModule], controllers: [OccupancyController] })
export class OccupancyHttpModule {}
