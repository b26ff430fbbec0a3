import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { CertificateChangeObserver, type CertificateStatus, type CertificateStatusChangeEntity, eventTypeOf } from '@keurmerk/certificates';
import { Clock } from '@keurmerk/common';
import { JobQueue } from '@keurmerk/queue';
import { DeliveryEntity, SubscriptionEntity } from './webhook.entities';

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

/** Writes pending deliveries (once per subscription and change) and answers for which subscriptions it wrote any. */
export async function insertDeliveries(manager: EntityManager, pending: PendingDelivery[], now: Date): Promise<string[]> {
  if (pending.length === 0) return [];
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(DeliveryEntity)
    .values(
      pending.map((p) => ({
        id: randomUUID(),
        subscriptionId: p.subscriptionId,
        statusChangeId: p.statusChangeId,
        eventId: randomUUID(),
        eventType: eventTypeOf(p.fromStatus as CertificateStatus | null, p.toStatus as CertificateStatus),
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .orIgnore()
    .returning('subscription_id')
    .execute();
  return [...new Set((result.raw as { subscription_id: string }[]).map((r) => r.subscription_id))];
}

/**
 * The transactional outbox: in the transaction that records a status change, one pending delivery
 * for every active subscription of the certificate's municipality, and a job to deliver it. Both
 * exist exactly when the change does.
 */
@Injectable()
export class WebhookFanOut extends CertificateChangeObserver {
  constructor(
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {
    super();
  }

  async changed(manager: EntityManager, change: CertificateStatusChangeEntity): Promise<void> {
    const subscriptions = await manager.find(SubscriptionEntity, {
      where: { municipalityCode: change.municipalityCode, deletedAt: IsNull() },
      select: { id: true },
    });
    const pending = subscriptions.map((s) => ({ subscriptionId: s.id, statusChangeId: change.id, fromStatus: change.fromStatus, toStatus: change.toStatus }));
    for (const subscriptionId of await insertDeliveries(manager, pending, this.clock.now())) {
      await this.queue.send<DeliverJob>(DELIVER_QUEUE, { subscriptionId }, { manager });
    }
  }
}
