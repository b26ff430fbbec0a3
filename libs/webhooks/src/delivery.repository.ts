import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { CertificateDocumentData } from '@keurmerk/certificate-pdf';
import { Page, PageRequest, pageOffset } from '@keurmerk/common';
import { DeliveryAttemptEntity, DeliveryEntity, type DeliveryStatus, OPEN_DELIVERY_STATUSES, SubscriptionEntity } from './webhook.entities';

/** The oldest open delivery of a subscription, with the change and certificate its event describes. */
export interface HeadDelivery {
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
  /** Set on a change to `vervangen`: the successor. */
  superseded_by: string | null;
}

/** A delivery to write as pending, due at once. */
export interface NewPendingDelivery {
  id: string;
  subscriptionId: string;
  statusChangeId: string;
  eventId: string;
  eventType: string;
  at: Date;
}

/** A change of the feed that an active subscription has no delivery for. */
export interface MissingDelivery {
  subscriptionId: string;
  statusChangeId: string;
  fromStatus: string | null;
  toStatus: string;
}

/** What one attempt changed on its delivery. */
export interface AttemptOutcome {
  status: DeliveryStatus;
  attemptedAt: Date;
  statusCode: number | null;
  error: string | null;
  deliveredAt: Date | null;
  nextAttemptAt: Date | null;
}

/**
 * Queries on deliveries and their attempts (the outbox). They read the changes feed and the
 * certificate to build an event, and write only the webhooks' own tables. The order, the retries
 * and when to give up are the delivery service's rules.
 */
@Injectable()
export class DeliveryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The ids of the active subscriptions of a municipality, in the caller's transaction. */
  async activeSubscriptionIds(manager: EntityManager, municipalityCode: string): Promise<string[]> {
    const rows = await manager.find(SubscriptionEntity, { where: { municipalityCode, deletedAt: IsNull() }, select: { id: true } });
    return rows.map((s) => s.id);
  }

  /** Writes pending deliveries, once per subscription and change, and answers for which subscriptions it wrote any. */
  async insertPending(manager: EntityManager, deliveries: NewPendingDelivery[]): Promise<string[]> {
    if (deliveries.length === 0) return [];
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(DeliveryEntity)
      .values(
        deliveries.map((d) => ({
          id: d.id,
          subscriptionId: d.subscriptionId,
          statusChangeId: d.statusChangeId,
          eventId: d.eventId,
          eventType: d.eventType,
          status: 'pending' as const,
          attempts: 0,
          nextAttemptAt: d.at,
          createdAt: d.at,
        })),
      )
      .orIgnore()
      .returning('subscription_id')
      .execute();
    return [...new Set((result.raw as { subscription_id: string }[]).map((r) => r.subscription_id))];
  }

  /** A delivery written as already made (the test event at subscription), with its one attempt. */
  async insertDelivered(manager: EntityManager, delivery: DeliveryEntity, attempt: Omit<DeliveryAttemptEntity, 'id'>): Promise<void> {
    await manager.insert(DeliveryEntity, delivery);
    await manager.insert(DeliveryAttemptEntity, attempt);
  }

  async insertAttempt(manager: EntityManager, attempt: Omit<DeliveryAttemptEntity, 'id'>): Promise<void> {
    await manager.insert(DeliveryAttemptEntity, attempt);
  }

  /**
   * Records the outcome on the delivery, only if nobody recorded an attempt since `attempts` was
   * read; false when someone did (theirs stands).
   */
  async recordOutcome(manager: EntityManager, id: string, attempts: number, outcome: AttemptOutcome): Promise<boolean> {
    const updated = await manager
      .createQueryBuilder()
      .update(DeliveryEntity)
      .set({
        status: outcome.status,
        attempts: attempts + 1,
        firstAttemptAt: () => 'COALESCE(first_attempt_at, :attemptedAt)',
        lastAttemptAt: outcome.attemptedAt,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        deliveredAt: outcome.deliveredAt,
        nextAttemptAt: outcome.nextAttemptAt,
      })
      .setParameter('attemptedAt', outcome.attemptedAt)
      .where(`id = :id AND attempts = :attempts AND status IN ('pending', 'failed')`, { id, attempts })
      .execute();
    return Boolean(updated.affected);
  }

  /** Gives up every open delivery of a subscription (it was deleted). */
  /** Open deliveries by status, for the metrics (the partial index on open deliveries answers it). */
  async openCounts(): Promise<{ labels: { status: string }; value: number }[]> {
    const rows = (await this.db.query(
      `SELECT status, count(*)::int AS n FROM delivery WHERE status IN ('pending', 'failed') GROUP BY status`,
    )) as { status: string; n: number }[];
    return ['pending', 'failed'].map((status) => ({ labels: { status }, value: rows.find((row) => row.status === status)?.n ?? 0 }));
  }

  async abandonOpen(manager: EntityManager, subscriptionId: string, reason: string): Promise<void> {
    await manager.update(
      DeliveryEntity,
      { subscriptionId, status: In(OPEN_DELIVERY_STATUSES) },
      { status: 'abandoned', nextAttemptAt: null, lastError: reason },
    );
  }

  async head(subscriptionId: string): Promise<HeadDelivery | undefined> {
    const [head] = (await this.db.query(
      `SELECT d.id, d.event_id, d.event_type, d.attempts, d.created_at, d.next_attempt_at,
              c.certificate_number, c.to_status, c.occurred_at, c.municipality_code,
              cert.valid_until, cert.maximum_residents, cert.content -> 'address' AS address,
              CASE WHEN c.to_status = 'vervangen' THEN cert.superseded_by END AS superseded_by
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

  /** When the oldest open delivery of a subscription is due; undefined when none is open. */
  async headDueAt(subscriptionId: string): Promise<Date | undefined> {
    const [head] = (await this.db.query(
      `SELECT next_attempt_at FROM delivery WHERE subscription_id = $1 AND status IN ('pending', 'failed') ORDER BY status_change_id ` +
        `LIMIT 1`,
      [subscriptionId],
    )) as { next_attempt_at: Date }[];
    return head?.next_attempt_at;
  }

  /** Changes since `since` that an active subscription of their municipality has no delivery for, oldest first. */
  async missing(since: Date, limit: number): Promise<MissingDelivery[]> {
    const rows = (await this.db.query(
      `SELECT s.id AS subscription_id, c.id::text AS status_change_id, c.from_status, c.to_status
         FROM subscription s
         JOIN certificate_status_change c
           ON c.municipality_code = s.municipality_code AND c.id > s.feed_start_id AND c.occurred_at >= $1
        WHERE s.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.subscription_id = s.id AND d.status_change_id = c.id)
        ORDER BY c.id
        LIMIT $2`,
      [since, limit],
    )) as { subscription_id: string; status_change_id: string; from_status: string | null; to_status: string }[];
    return rows.map((m) => ({
      subscriptionId: m.subscription_id,
      statusChangeId: m.status_change_id,
      fromStatus: m.from_status,
      toStatus: m.to_status,
    }));
  }

  /** Active subscriptions nobody is draining whose open deliveries were due at `dueBefore` already. */
  async stalledSubscriptionIds(dueBefore: Date, limit: number): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT DISTINCT d.subscription_id
         FROM delivery d JOIN subscription s ON s.id = d.subscription_id
        WHERE d.status IN ('pending', 'failed') AND d.next_attempt_at <= $1
          AND s.deleted_at IS NULL AND (s.lease_until IS NULL OR s.lease_until < now())
        LIMIT $2`,
      [dueBefore, limit],
    )) as { subscription_id: string }[];
    return rows.map((r) => r.subscription_id);
  }

  /** The deliveries of one subscription, newest first. */
  async page(subscriptionId: string, request: PageRequest): Promise<Page<DeliveryEntity>> {
    const [items, total] = await this.db.manager.findAndCount(DeliveryEntity, {
      where: { subscriptionId },
      order: { createdAt: 'DESC', statusChangeId: 'DESC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
    return { items, total, ...request };
  }

  /** The certificate number of each of these changes of the feed, by change id. */
  async certificateNumbers(statusChangeIds: string[]): Promise<Map<string, string>> {
    if (statusChangeIds.length === 0) return new Map();
    const rows = (await this.db.query(
      `SELECT id::text AS id, certificate_number FROM certificate_status_change WHERE id = ANY($1::bigint[])`,
      [statusChangeIds],
    )) as { id: string; certificate_number: string }[];
    return new Map(rows.map((row) => [row.id, row.certificate_number]));
  }

  /** The attempts of these deliveries, oldest first. */
  attempts(deliveryIds: string[]): Promise<DeliveryAttemptEntity[]> {
    if (deliveryIds.length === 0) return Promise.resolve([]);
    return this.db.manager.find(DeliveryAttemptEntity, { where: { deliveryId: In(deliveryIds) }, order: { id: 'ASC' } });
  }
}
