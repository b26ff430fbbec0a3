import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { Metrics } from '@keurmerk/metrics';
import { JobQueue } from '@keurmerk/queue';
import { certificateEvent } from './cloud-event';
import { afterFailedAttempt, RETRY_WINDOW_MS } from './retry-schedule';
import { DeliveryRepository, type HeadDelivery } from './delivery.repository';
import { type LeasedSubscription, SubscriptionRepository } from './subscription.repository';
import { type DeliverJob, DELIVER_QUEUE, pendingDeliveries } from './webhook-fan-out';
import { type SendOutcome, WebhookSender } from './webhook-sender';

/** How long one drainer holds a subscription; renewed before every attempt (attempts take at most the send timeout). */
const LEASE_SECONDS = 60;
/** Deliveries and time per job before the drainer hands over to a fresh job, well inside pg-boss's 15-minute job expiry. */
const BATCH = 100;
const BATCH_MS = 5 * 60_000;
/** How late a due delivery may be before the sweep assumes its job was lost and nudges it again. */
const SWEEP_GRACE_MS = 30_000;
/** Rows the sweep handles per run; the next run takes the rest. */
const SWEEP_LIMIT = 1000;

type AttemptResult = 'delivered' | 'retry' | 'abandoned' | 'superseded';

/**
 * Delivers the outbox. One drainer per subscription at a time (a lease on the subscription row, not
 * a transaction: on PGlite's single connection a transaction held across an HTTP call would stall
 * the whole process), taking its open deliveries in the order of the changes feed. A failed head
 * blocks the ones behind it until it is delivered or abandoned, so a receiver sees the changes of
 * a certificate in the order they happened. Every attempt is recorded, and a retry is scheduled in
 * the same transaction that records the failure.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger('webhooks');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveries: DeliveryRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly sender: WebhookSender,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {
    // The backlog lives in the database: counted when Prometheus asks, not kept in the process.
    metrics.gaugeFrom(
      'keurmerk_webhook_backlog',
      'Open webhook deliveries by status (pending, failed and waiting to retry).',
      ['status'],
      () => this.deliveries.openCounts(),
    );
  }

  /** Delivers what is due for one subscription, in order, until it is done or blocked by a failure. */
  async drain(subscriptionId: string, options: { retry?: boolean } = {}): Promise<void> {
    // A job that arrives while another drainer holds the lease is turned away. The holder looks
    // again after letting go, so what became due meanwhile (a new delivery, the retry time of the
    // head) is not left to the sweep.
    for (let round = 0; ; round++) {
      if (round === 3) {
        await this.queue.send<DeliverJob>(DELIVER_QUEUE, { subscriptionId });
        return;
      }
      const token = randomUUID();
      const subscription = await this.subscriptions.claimLease(subscriptionId, token, LEASE_SECONDS);
      if (!subscription) return;
      let result: 'idle' | 'blocked' | 'more';
      try {
        result = await this.deliverInOrder(subscription, token, { retry: options.retry && round === 0 });
      } finally {
        await this.subscriptions.releaseLease(subscriptionId, token);
      }
      if (result === 'more') {
        await this.queue.send<DeliverJob>(DELIVER_QUEUE, { subscriptionId });
        return;
      }
      if (!(await this.headIsDue(subscriptionId))) return;
    }
  }

  private async deliverInOrder(
    subscription: LeasedSubscription,
    token: string,
    options: { retry?: boolean },
  ): Promise<'idle' | 'blocked' | 'more'> {
    const deadline = Date.now() + BATCH_MS;
    for (let n = 0; n < BATCH && Date.now() < deadline; n++) {
      const head = await this.deliveries.head(subscription.id);
      if (!head) return 'idle';
      const wait = head.next_attempt_at.getTime() - this.clock.now().getTime();
      if (wait > 0) {
        // A retry job that fired early (the database's clock runs ahead of ours) comes back later;
        // any other nudge leaves the head to the retry job already scheduled for it.
        if (options.retry)
          await this.queue.send<DeliverJob>(DELIVER_QUEUE, { subscriptionId: subscription.id, retry: true }, { startAfter: wait / 1000 });
        return 'blocked';
      }
      if (!(await this.subscriptions.renewLease(subscription.id, token, LEASE_SECONDS))) return 'blocked';
      const result = await this.attempt(subscription, head);
      if (result === 'retry' || result === 'superseded') return 'blocked';
    }
    return 'more';
  }

  private async attempt(subscription: LeasedSubscription, head: HeadDelivery): Promise<AttemptResult> {
    const event = certificateEvent({
      id: head.event_id,
      type: head.event_type,
      publicBaseUrl: this.config.publicBaseUrl,
      source: this.config.eventSource,
      occurredAt: head.occurred_at,
      certificateNumber: head.certificate_number,
      status: head.to_status,
      municipalityCode: head.municipality_code,
      address: head.address,
      maximumResidents: head.maximum_residents,
      validUntil: head.valid_until,
      supersededBy: head.superseded_by,
    });
    const outcome = await this.sender.send(subscription.callback_url, {
      id: head.event_id,
      body: JSON.stringify(event),
      secret: subscription.secret,
      auth: subscription.auth_header,
    });
    const result = await this.record(subscription.id, head, outcome);
    this.metrics.webhookAttempts.labels(result).inc();
    if (result === 'retry' || result === 'abandoned') {
      this.logger.warn(
        `delivery ${head.id} (subscription ${subscription.id}, attempt ${head.attempts + 1}) failed: ${
          outcome.statusCode ?? outcome.error
        }${result === 'abandoned' ? '; abandoned' : ''}`,
      );
    }
    return result;
  }

  /** The attempt, the delivery's new state and, after a failure, the job for the retry: all or nothing. */
  private async record(subscriptionId: string, head: HeadDelivery, outcome: SendOutcome): Promise<AttemptResult> {
    return this.db.transaction(async (manager) => {
      await this.deliveries.insertAttempt(manager, {
        deliveryId: head.id,
        attemptedAt: outcome.attemptedAt,
        statusCode: outcome.statusCode,
        error: outcome.error?.slice(0, 500) ?? null,
        durationMs: outcome.durationMs,
      });
      const now = this.clock.now();
      const step = outcome.delivered
        ? undefined
        : afterFailedAttempt({
            failedAttempts: head.attempts + 1,
            eventAt: head.created_at,
            now,
            baseMs: this.config.webhooks.retryBaseMs,
          });
      const status = outcome.delivered ? 'delivered' : step!.abandon ? 'abandoned' : 'failed';
      const recorded = await this.deliveries.recordOutcome(manager, head.id, head.attempts, {
        status,
        attemptedAt: outcome.attemptedAt,
        statusCode: outcome.statusCode,
        error: outcome.error?.slice(0, 500) ?? null,
        deliveredAt: outcome.delivered ? now : null,
        nextAttemptAt: step && !step.abandon ? step.nextAttemptAt : null,
      });
      // Someone else recorded an attempt first (a lease that ran out mid-attempt): theirs stands.
      if (!recorded) return 'superseded';
      if (step && !step.abandon) {
        await this.queue.send<DeliverJob>(DELIVER_QUEUE, { subscriptionId, retry: true }, { manager, startAfter: step.delayMs / 1000 });
        return 'retry';
      }
      return status === 'delivered' ? 'delivered' : 'abandoned';
    });
  }

  /**
   * Every minute: writes deliveries for recent changes that have none (a change recorded by a
   * process without the fan-out, or one that raced a new subscription), and nudges subscriptions
   * whose due deliveries have sat for longer than a job takes to start (a lost job).
   */
  async sweep(): Promise<{ written: number; nudged: number }> {
    const now = this.clock.now();
    const missing = await this.deliveries.missing(new Date(now.getTime() - RETRY_WINDOW_MS), SWEEP_LIMIT);
    let written = 0;
    if (missing.length > 0) {
      written = missing.length;
      await this.db.transaction(async (manager) => {
        for (const subscriptionId of await this.deliveries.insertPending(manager, pendingDeliveries(missing, now))) {
          await this.queue.send<DeliverJob>(DELIVER_QUEUE, { subscriptionId }, { manager });
        }
      });
      this.logger.warn(`wrote ${written} delivery(ies) the fan-out had not`);
    }
    const stalled = await this.deliveries.stalledSubscriptionIds(new Date(now.getTime() - SWEEP_GRACE_MS), SWEEP_LIMIT);
    for (const subscriptionId of stalled) await this.queue.send<DeliverJob>(DELIVER_QUEUE, { subscriptionId });
    return { written, nudged: stalled.length };
  }

  private async headIsDue(subscriptionId: string): Promise<boolean> {
    const dueAt = await this.deliveries.headDueAt(subscriptionId);
    return dueAt !== undefined && dueAt.getTime() <= this.clock.now().getTime();
  }
}
