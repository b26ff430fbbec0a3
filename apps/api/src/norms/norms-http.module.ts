import { Module } from '@nestjs/common';
import { NormVersionsModule } from '@keurmerk/norm-versions';
import { NormsController } from './norms.controller';

/** The norm versions (GET/POST/PUT /v1/normen, publications). */
@Module({
  imports: [NormVersionsModule],
  controllers: [NormsController],
})
export class NormsHttpModule {}
