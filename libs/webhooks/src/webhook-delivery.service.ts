import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CertificateDocumentData } from '@keurmerk/certificate-pdf';
import { Clock } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { JobQueue } from '@keurmerk/queue';
import { certificateEvent } from './cloud-event';
import { afterFailedAttempt, RETRY_WINDOW_MS } from './retry-schedule';
import { DeliveryAttemptEntity, DeliveryEntity } from './webhook.entities';
import { type DeliverJob, DELIVER_QUEUE, insertDeliveries } from './webhook-fan-out';
import { type SendOutcome, WebhookSender } from './webhook-sender';

/** How long one drainer holds a subscription; renewed before every attempt (attempts take at most the send timeout). */
const LEASE_SECONDS = 60;
/** Deliveries and time per job before the drainer hands over to a fresh job, well inside pg-boss's 15-minute job expiry. */
const BATCH = 100;
const BATCH_MS = 5 * 60_000;
/** How late a due delivery may be before the sweep assumes its job was lost and nudges it again. */
const SWEEP_GRACE_MS = 30_000;

interface LeasedSubscription {
  id: string;
  callback_url: string;
  auth_header: string | null;
  secret: string;
}

interface HeadDelivery {
  id: string;
  event_id: string;
  event_type: string;
  attempts: number;
  created_at: Date;
  next_attempt_at: Date;
  certificate_number: string;
  to_status: string;
  occurred_at: Date;
  municipality_code: string;
  valid_until: string;
  maximum_residents: number;
  address: CertificateDocumentData['address'];
}

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly sender: WebhookSender,
    private readonly clock: Clock,
  ) {}

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
      const subscription = await this.claim(subscriptionId, token);
      if (!subscription) return;
      let result: 'idle' | 'blocked' | 'more';
      try {
        result = await this.deliverInOrder(subscription, token, { retry: options.retry && round === 0 });
      } finally {
        await this.updateReturning(`UPDATE subscription SET lease_token = NULL, lease_until = NULL WHERE id = $1 AND lease_token = $2 RETURNING id`, [subscriptionId, token]);
      }
      if (result === 'more') {
        await this.queue.send<DeliverJob>(DELIVER_QUEUE, { subscriptionId });
        return;
      }
      if (!(await this.headIsDue(subscriptionId))) return;
    }
  }

  private async deliverInOrder(subscription: LeasedSubscription, token: string, options: { retry?: boolean }): Promise<'idle' | 'blocked' | 'more'> {
    const deadline = Date.now() + BATCH_MS;
    for (let n = 0; n < BATCH && Date.now() < deadline; n++) {
      const head = await this.head(subscription.id);
      if (!head) return 'idle';
      const wait = head.next_attempt_at.getTime() - this.clock.now().getTime();
      if (wait > 0) {
        // A retry job that fired early (the database's clock runs ahead of ours) comes back later;
        // any other nudge leaves the head to the retry job already scheduled for it.
        if (options.retry) await this.queue.send<DeliverJob>(DELIVER_QUEUE, { subscriptionId: subscription.id, retry: true }, { startAfter: wait / 1000 });
        return 'blocked';
      }
      const renewed = await this.updateReturning(
        `UPDATE subscription SET lease_until = now() + make_interval(secs => $3) WHERE id = $1 AND lease_token = $2 AND deleted_at IS NULL RETURNING id`,
        [subscription.id, token, LEASE_SECONDS],
      );
      if (renewed.length === 0) return 'blocked';
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
    });
    const outcome = await this.sender.send(subscription.callback_url, { id: head.event_id, body: JSON.stringify(event), secret: subscription.secret, auth: subscription.auth_header });
    const result = await this.record(subscription.id, head, outcome);
    if (result === 'retry' || result === 'abandoned') {
      this.logger.warn(`delivery ${head.id} (subscription ${subscription.id}, attempt ${head.attempts + 1}) failed: ${outcome.statusCode ?? outcome.error}${result === 'abandoned' ? '; abandoned' : ''}`);
    }
    return result;
  }

  /** The attempt, the delivery's new state and, after a failure, the job for the retry: all or nothing. */
  private async record(subscriptionId: string, head: HeadDelivery, outcome: SendOutcome): Promise<AttemptResult> {
    return this.db.transaction(async (manager) => {
      await manager.insert(DeliveryAttemptEntity, {
        deliveryId: head.id,
        attemptedAt: outcome.attemptedAt,
        statusCode: outcome.statusCode,
        error: outcome.error?.slice(0, 500) ?? null,
        durationMs: outcome.durationMs,
      });
      const now = this.clock.now();
      const step = outcome.delivered ? undefined : afterFailedAttempt({ failedAttempts: head.attempts + 1, eventAt: head.created_at, now, baseMs: this.config.webhooks.retryBaseMs });
      const status = outcome.delivered ? 'delivered' : step!.abandon ? 'abandoned' : 'failed';
      const updated = await manager
        .createQueryBuilder()
        .update(DeliveryEntity)
        .set({
          status,
          attempts: head.attempts + 1,
          firstAttemptAt: () => 'COALESCE(first_attempt_at, :attemptedAt)',
          lastAttemptAt: outcome.attemptedAt,
          lastStatusCode: outcome.statusCode,
          lastError: outcome.error?.slice(0, 500) ?? null,
          deliveredAt: outcome.delivered ? now : null,
          nextAttemptAt: step && !step.abandon ? step.nextAttemptAt : null,
        })
        .setParameter('attemptedAt', outcome.attemptedAt)
        .where(`id = :id AND attempts = :attempts AND status IN ('pending', 'failed')`, { id: head.id, attempts: head.attempts })
        .execute();
      // Someone else recorded an attempt first (a lease that ran out mid-attempt): theirs stands.
      if (!updated.affected) return 'superseded';
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
    const missing = (await this.db.query(
      `SELECT s.id AS subscription_id, c.id::text AS status_change_id, c.from_status, c.to_status
         FROM subscription s
         JOIN certificate_status_change c
           ON c.municipality_code = s.municipality_code AND c.id > s.feed_start_id AND c.occurred_at >= $1
        WHERE s.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.subscription_id = s.id AND d.status_change_id = c.id)
        ORDER BY c.id
        LIMIT 1000`,
      [new Date(now.getTime() - RETRY_WINDOW_MS)],
    )) as { subscription_id: string; status_change_id: string; from_status: string | null; to_status: string }[];
    let written = 0;
    if (missing.length > 0) {
      written = missing.length;
      await this.db.transaction(async (manager) => {
        const pending = missing.map((m) => ({ subscriptionId: m.subscription_id, statusChangeId: m.status_change_id, fromStatus: m.from_status, toStatus: m.to_status }));
        for (const subscriptionId of await insertDeliveries(manager, pending, now)) {
          await this.queue.send<DeliverJob>(DELIVER_QUEUE, { subscriptionId }, { manager });
        }
      });
      this.logger.warn(`wrote ${written} delivery(ies) the fan-out had not`);
    }
    const stalled = (await this.db.query(
      `SELECT DISTINCT d.subscription_id
         FROM delivery d JOIN subscription s ON s.id = d.subscription_id
        WHERE d.status IN ('pending', 'failed') AND d.next_attempt_at <= $1
          AND s.deleted_at IS NULL AND (s.lease_until IS NULL OR s.lease_until < now())
        LIMIT 1000`,
      [new Date(now.getTime() - SWEEP_GRACE_MS)],
    )) as { subscription_id: string }[];
    for (const { subscription_id } of stalled) await this.queue.send<DeliverJob>(DELIVER_QUEUE, { subscriptionId: subscription_id });
    return { written, nudged: stalled.length };
  }

  private async claim(subscriptionId: string, token: string): Promise<LeasedSubscription | undefined> {
    const [subscription] = await this.updateReturning<LeasedSubscription>(
      `UPDATE subscription SET lease_token = $2, lease_until = now() + make_interval(secs => $3)
        WHERE id = $1 AND deleted_at IS NULL AND (lease_until IS NULL OR lease_until < now())
        RETURNING id, callback_url, auth_header, secret`,
      [subscriptionId, token, LEASE_SECONDS],
    );
    return subscription;
  }

  private async head(subscriptionId: string): Promise<HeadDelivery | undefined> {
    const [head] = (await this.db.query(
      `SELECT d.id, d.event_id, d.event_type, d.attempts, d.created_at, d.next_attempt_at,
              c.certificate_number, c.to_status, c.occurred_at, c.municipality_code,
              cert.valid_until, cert.maximum_residents, cert.content -> 'address' AS address
         FROM delivery d
         JOIN certificate_status_change c ON c.id = d.status_change_id
         JOIN certificate cert ON cert.number = c.certificate_number
        WHERE d.subscription_id = $1 AND d.status IN ('pending', 'failed')
        ORDER BY d.status_change_id
        LIMIT 1`,
      [subscriptionId],
    )) as HeadDelivery[];
    return head;
  }

  private async headIsDue(subscriptionId: string): Promise<boolean> {
    const [head] = (await this.db.query(
      `SELECT next_attempt_at FROM delivery WHERE subscription_id = $1 AND status IN ('pending', 'failed') ORDER BY status_change_id LIMIT 1`,
      [subscriptionId],
    )) as { next_attempt_at: Date }[];
    return head !== undefined && head.next_attempt_at.getTime() <= this.clock.now().getTime();
  }

  /** UPDATE ... RETURNING through TypeORM answers `[rows, count]`; this answers the rows. */
  private async updateReturning<T = { id: string }>(sql: string, parameters: unknown[]): Promise<T[]> {
    const result = (await this.db.query(sql, parameters)) as unknown[];
    return (Array.isArray(result[0]) ? result[0] : result) as T[];
  }
}
