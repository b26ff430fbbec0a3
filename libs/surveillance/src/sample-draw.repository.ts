import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PageRequest, pageOffset } from '@keurmerk/common';
import { SampleDrawEntity } from './sample-draw.entity';
import type { SampleShare } from './sample';

/** The queries of the random sample; the rules are SampleService's, the algorithm is sample.ts's. */
@Injectable()
export class SampleDrawRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(request: PageRequest): Promise<[SampleDrawEntity[], number]> {
    return this.db.manager.findAndCount(SampleDrawEntity, {
      order: { drawnAt: 'DESC', id: 'DESC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
  }

  async get(manager: EntityManager, id: string): Promise<SampleDrawEntity> {
    return manager.findOneByOrFail(SampleDrawEntity, { id });
  }

  async existsForPeriod(manager: EntityManager, period: string): Promise<boolean> {
    return manager.exists(SampleDrawEntity, { where: { period } });
  }

  /**
   * The draw in one statement, so the count and the draw see the same set: the locations holding a
   * `geldig` certificate valid on `today`, ordered by SHA-256(seed bytes || id text) (sample.ts), the
   * first ceil(count × share). Exact numeric arithmetic for the ceiling; sha256() is PostgreSQL 11+.
   */
  async draw(
    manager: EntityManager,
    context: { seed: string; today: string; share: SampleShare },
  ): Promise<{ eligible: number; locationIds: string[] }> {
    const [row] = (await manager.query(
      `WITH eligible AS (
         SELECT DISTINCT location_id AS id FROM certificate WHERE status = 'geldig' AND valid_until >= $2::date
       ), total AS (SELECT count(*)::int AS n FROM eligible)
       SELECT (SELECT n FROM total) AS eligible,
              coalesce((SELECT array_agg(id::text ORDER BY rank, id)
                          FROM (SELECT id, sha256(decode($1, 'hex') || convert_to(id::text, 'UTF8')) AS rank
                                  FROM eligible
                                 ORDER BY rank, id
                                 LIMIT ceil((SELECT n FROM total) * $3::numeric / $4::numeric)::bigint) drawn), '{}') AS location_ids`,
      [context.seed, context.today, context.share.numerator, context.share.denominator],
    )) as { eligible: number; location_ids: string[] }[];
    return { eligible: row.eligible, locationIds: row.location_ids };
  }

  /** The draw's id, or null when the worker's draw for this month exists already (`period` is unique). */
  async insert(manager: EntityManager, draw: Omit<SampleDrawEntity, 'id'>): Promise<string | null> {
    const rows = (await manager.query(
      `INSERT INTO sample_draw (seed, percentage, eligible_count, location_ids, period, drawn_by, drawn_at)
       VALUES ($1, $2, $3, $4::uuid[], $5, $6, $7)
       ON CONFLICT (period) DO NOTHING
       RETURNING id`,
      [draw.seed, draw.percentage, draw.eligibleCount, draw.locationIds, draw.period, draw.drawnBy, draw.drawnAt],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }
}
