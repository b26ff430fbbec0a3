import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '@keurmerk/events';
import { NormVersionEntity } from './norm-version.entity';
import { NormVersionRepository } from './norm-version.repository';
import { NormVersionService } from './norm-version.service';

/** The norm versions; a process that loads this module has the default norm published once it has started. */
@Module({
  imports: [TypeOrmModule.forFeature([NormVersionEntity]), EventsModule],
  providers: [NormVersionService, NormVersionRepository],
  exports: [NormVersionService],
})
export class NormVersionsModule implements OnApplicationBootstrap {
  constructor(private readonly norms: NormVersionService) {}

  // Inspections cannot be planned without a published norm, so a fresh database gets one at start.
  async onApplicationBootstrap(): Promise<void> {
    await this.norms.ensureDefaultNorm();
  }
}
