import { Injectable, Logger } from '@nestjs/common';
import { JobProcessor, ProcessesJobs } from '@keurmerk/jobs';
import type { QueueJob } from '@keurmerk/queue';
import { type DeliverJob, DELIVER_QUEUE, SWEEP_QUEUE } from './webhook-fan-out';
import { WebhookDeliveryService } from './webhook-delivery.service';

/**
 * Delivers one subscription's due events. Retries are not pg-boss's: its backoff doubles and counts
 * whole seconds, the contract's quadruples from WEBHOOK_RETRY_BASE_MS, so a failed attempt schedules
 * its own retry job (startAfter) in the transaction that records it. A job that throws (the database
 * went away) is retried by pg-boss, and the sweep picks up anything left behind.
 */
@Injectable()
@JobProcessor({ queue: DELIVER_QUEUE, pollingIntervalSeconds: 0.5 })
export class DeliverWebhooksProcessor implements ProcessesJobs<DeliverJob> {
  constructor(private readonly deliveries: WebhookDeliveryService) {}

  async process(job: QueueJob<DeliverJob>): Promise<void> {
    await this.deliveries.drain(job.data.subscriptionId, { retry: job.data.retry });
  }
}

/** Every minute: deliveries the fan-out missed, and due deliveries whose job was lost. */
@Injectable()
@JobProcessor({ queue: SWEEP_QUEUE, cron: '* * * * *' })
export class SweepWebhooksProcessor implements ProcessesJobs {
  private readonly logger = new Logger('webhooks');

  constructor(private readonly deliveries: WebhookDeliveryService) {}

  async process(): Promise<void> {
    const { written, nudged } = await this.deliveries.sweep();
    if (written || nudged) this.logger.log(`sweep: ${written} delivery(ies) written, ${nudged} subscription(s) nudged`);
  }
}
