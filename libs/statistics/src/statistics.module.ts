import { Module } from '@nestjs/common';
import { AccountsModule } from '@keurmerk/accounts';
import { StatisticsRepository } from './statistics.repository';
import { StatisticsService } from './statistics.service';

/** Statistics and the municipal insight: read-only aggregates. Needs the process's Clock. */
@Module({
  imports: [AccountsModule],
  providers: [StatisticsRepository, StatisticsService],
  exports: [StatisticsService],
})
export class StatisticsModule {}
