import { Global, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@keurmerk/accounts';
import { CertificateChangeObserver } from '@keurmerk/certificates';
import { JobQueue } from '@keurmerk/queue';
import { DeliveryRepository } from './delivery.repository';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionService } from './subscription.service';
import { WEBHOOK_ENTITIES } from './webhook.entities';
import { DELIVER_QUEUE, WebhookFanOut } from './webhook-fan-out';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { DeliverWebhooksProcessor, SweepWebhooksProcessor } from './webhook.processors';
import { WebhookSender } from './webhook-sender';
import { WebhookTargetPolicy } from './webhook-target.policy';

/**
 * Webhooks for municipalities. Global, because it is the CertificateChangeObserver the certificates
 * module picks up: a process that records status changes (the API, the worker) imports this module
 * and every change it records fans out to the subscriptions in the same transaction.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(WEBHOOK_ENTITIES), AccountsModule],
  providers: [
    SubscriptionRepository,
    DeliveryRepository,
    WebhookTargetPolicy,
    WebhookSender,
    WebhookFanOut,
    WebhookDeliveryService,
    SubscriptionService,
    DeliverWebhooksProcessor,
    SweepWebhooksProcessor,
    { provide: CertificateChangeObserver, useExisting: WebhookFanOut },
  ],
  exports: [CertificateChangeObserver, SubscriptionService, WebhookDeliveryService, WebhookSender, WebhookTargetPolicy],
})
export class WebhooksModule implements OnModuleInit {
  constructor(private readonly queue: JobQueue) {}

  /**
   * Before any bootstrap hook: the fan-out enqueues inside status-change transactions, which may
   * start as soon as the worker does, and a queue cannot be created mid-transaction.
   */
  async onModuleInit(): Promise<void> {
    await this.queue.declare(DELIVER_QUEUE);
  }
}
