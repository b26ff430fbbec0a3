import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueueModule } from '@keurmerk/queue';
import { WorkerService } from './worker.service';

/**
 * The background worker: runs in its own process (apps/worker) or inside the API process (the
 * embedded default). Feature modules with @JobProcessor providers are imported here as they come.
 */
@Module({
  imports: [DiscoveryModule, QueueModule],
  providers: [WorkerService],
})
export class WorkerModule {}
