import { Module } from '@nestjs/common';
import { OverviewRepository } from './overview.repository';

/** Read-only reporting across features (the beheerder's overview). */
@Module({ providers: [OverviewRepository], exports: [OverviewRepository] })
export class ReportingModule {}
