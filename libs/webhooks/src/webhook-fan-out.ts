import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CertificateChangeObserver, type CertificateStatus, type CertificateStatusChangeEntity, eventTypeOf } from '@keurmerk/certificates';
import { Clock } from '@keurmerk/common';
import { JobQueue } from '@keurmerk/queue';
import { DeliveryRepository, type NewPendingDelivery } from './delivery.repository';

export const DELIVER_QUEUE = 'webhooks.deliver';
export const SWEEP_QUEUE = 'webhooks.sweep';

/** A nudge to deliver what is due for one subscription; `retry` marks the job scheduled for a retry. */
export interface DeliverJob {
  subscriptionId: string;
  retry?: boolean;
}

export interface PendingDelivery {
  subscriptionId: string;
  statusChangeId: string;
  fromStatus: string | null;
  toStatus: string;
}

/** The rows for pending deliveries, each due at once, with its event's id and type fixed now for every attempt. */
export function pendingDeliveries(pending: PendingDelivery[], now: Date): NewPendingDelivery[] {
  return pending.map((p) => ({
    id: randomUUID(),
    subscriptionId: p.subscriptionId,
    statusChangeId: p.statusChangeId,
    eventId: randomUUID(),
    eventType: eventTypeOf(p.fromStatus as CertificateStatus | null, p.toStatus as CertificateStatus),
    at: now,
  }));
}

/**
 * The transactional outbox: in the transaction that records a status change, one pending delivery
 * for every active subscription of the certificate's municipality, and a job to deliver it. Both
 * exist exactly when the change does.
 */
@Injectable()
export class WebhookFanOut extends CertificateChangeObserver {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {
    super();
  }

  async changed(manager: EntityManager, change: CertificateStatusChangeEntity): Promise<void> {
    const subscriptionIds = await this.deliveries.activeSubscriptionIds(manager, change.municipalityCode);
    const { fromStatus, toStatus } = change;
    const pending = subscriptionIds.map((subscriptionId) => ({ subscriptionId, statusChangeId: change.id, fromStatus, toStatus }));
    for (const subscriptionId of await this.deliveries.insertPending(manager, pendingDeliveries(pending, this.clock.now()))) {
      await this.queue.send<DeliverJob>(DELIVER_QUEUE, { subscriptionId }, { manager });
    }
  }
}
