import { Module } from '@nestjs/common';
import { StatisticsModule } from '@keurmerk/statistics';
import { StatisticsController } from './statistics.controller';

/** The open statistics (GET /v1/statistieken). */
@Module({ imports: [StatisticsModule], controllers: [StatisticsController] })
export class StatisticsHttpModule {}
