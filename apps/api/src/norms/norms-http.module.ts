import { Module } from '@nestjs/common';

/** The norm versions (GET/POST/PUT /v1/normen, publications). */
@Module({})
export class NormsHttpModule {}
