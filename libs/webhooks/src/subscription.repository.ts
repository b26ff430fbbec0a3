import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Page, PageRequest, pageOffset } from '@keurmerk/common';
import { SubscriptionEntity } from './webhook.entities';

/** A subscription as the one drainer holding its lease reads it: with the secret and the receiver's credential. */
export interface LeasedSubscription {
  id: string;
  callback_url: string;
  auth_header: string | null;
  secret: string;
}

/**
 * Queries on subscriptions. Who may manage which is the subscription service's rule; the lease
 * (one drainer per subscription) is the delivery service's; this only reads and writes rows.
 */
@Injectable()
export class SubscriptionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The newest entry of the changes feed now: a new subscription is sent what comes after it. */
  async feedPosition(manager: EntityManager): Promise<string> {
    const [feed] = (await manager.query(`SELECT COALESCE(max(id), 0)::text AS id FROM certificate_status_change`)) as { id: string }[];
    return feed.id;
  }

  async insert(manager: EntityManager, subscription: SubscriptionEntity): Promise<void> {
    await manager.insert(SubscriptionEntity, subscription);
  }

  /** Serialises subscribing for one municipality until the caller's transaction ends (a count, then the insert). */
  async lockMunicipality(manager: EntityManager, municipalityCode: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('subscription:' || $1, 0))`, [municipalityCode]);
  }

  async countActive(manager: EntityManager, municipalityCode: string): Promise<number> {
    const [{ n }] = (await manager.query(
      'SELECT count(*)::int AS n FROM subscription WHERE municipality_code = $1 AND deleted_at IS NULL',
      [municipalityCode],
    )) as { n: number }[];
    return n;
  }

  /** Active subscriptions, newest first; `municipalityCode` undefined means every municipality's. */
  async page(request: PageRequest, municipalityCode?: string): Promise<Page<SubscriptionEntity>> {
    const [items, total] = await this.db.manager.findAndCount(SubscriptionEntity, {
      where: { deletedAt: IsNull(), ...(municipalityCode !== undefined ? { municipalityCode } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
    return { items, total, ...request };
  }

  findActive(id: string): Promise<SubscriptionEntity | null> {
    return this.db.manager.findOneBy(SubscriptionEntity, { id, deletedAt: IsNull() });
  }

  /** Which of these subscriptions send an Authorization value (the value itself is not read). */
  async withAuth(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = (await this.db.query(`SELECT id FROM subscription WHERE id = ANY($1::uuid[]) AND auth_header IS NOT NULL`, [ids])) as {
      id: string;
    }[];
    return new Set(rows.map((r) => r.id));
  }

  async markDeleted(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.update(SubscriptionEntity, { id }, { deletedAt: at });
  }

  /** Takes the lease when nobody holds it (or it ran out), answering the subscription with what sending needs. */
  async claimLease(id: string, token: string, seconds: number): Promise<LeasedSubscription | undefined> {
    const [subscription] = await this.updateReturning<LeasedSubscription>(
      `UPDATE subscription SET lease_token = $2, lease_until = now() + make_interval(secs => $3)
        WHERE id = $1 AND deleted_at IS NULL AND (lease_until IS NULL OR lease_until < now())
        RETURNING id, callback_url, auth_header, secret`,
      [id, token, seconds],
    );
    return subscription;
  }

  /** Extends the lease held with `token`; false when it is no longer held (or the subscription was deleted). */
  async renewLease(id: string, token: string, seconds: number): Promise<boolean> {
    const renewed = await this.updateReturning(
      `UPDATE subscription SET lease_until = now() + make_interval(secs => $3) WHERE id = $1 AND lease_token = $2 AND deleted_at IS NULL ` +
        `RETURNING id`,
      [id, token, seconds],
    );
    return renewed.length > 0;
  }

  async releaseLease(id: string, token: string): Promise<void> {
    await this.updateReturning(
      `UPDATE subscription SET lease_token = NULL, lease_until = NULL WHERE id = $1 AND lease_token = $2 RETURNING id`,
      [id, token],
    );
  }

  /** UPDATE ... RETURNING through TypeORM answers `[rows, count]`; this answers the rows. */
  private async updateReturning<T = { id: string }>(sql: string, parameters: unknown[]): Promise<T[]> {
    const result = (await this.db.query(sql, parameters)) as unknown[];
    return (Array.isArray(result[0]) ? result[0] : result) as T[];
  }
}
