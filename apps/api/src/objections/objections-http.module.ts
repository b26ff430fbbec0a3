import { Module } from '@nestjs/common';
import { ObjectionsModule } from '@keurmerk/objections';
import { ObjectionsController } from './objections.controller';

@Module({
  imports: [ObjectionsModule],
  controllers: [ObjectionsController],
})
export class ObjectionsHttpModule {}
